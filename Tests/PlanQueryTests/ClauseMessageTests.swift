import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// Messages that say what went wrong in the words of the clause the query wrote, with a caret
/// under it.
@Suite struct ClauseMessageTests {
    /// The rendered error of `text`, its parameters taken from `parameters`.
    func message(_ text: String, parameters: [String: String] = [:]) -> String? {
        do {
            _ = try Compiler.compile(try Parser.parse(text, environment: QueryEnvironment(parameters: parameters)), planCount: 1).run(Fixtures.seed)
            return nil
        } catch {
            return error.rendered(source: text)
        }
    }

    @Test(arguments: [
        ("budget having count() > 1", """
            query:1:8: error: having filters groups, so it needs a group by (as in budget group by action having count() > 1) or aggregates in select (as in budget select count() having count() > 1); to filter rows, use where.
            budget having count() > 1
                   ^^^^^^
            """),
        ("actions where pending having count() > 1", """
            query:1:23: error: having filters groups, so it needs a group by (as in budget group by action having count() > 1) or aggregates in select (as in budget select count() having count() > 1); to filter rows, use where.
            actions where pending having count() > 1
                                  ^^^^^^
            """),
        ("actions select \"abc\" limit 1", """
            query:1:16: error: "abc" alone is not a column: a select names fields, aggregates or arithmetic; write a field's name, without quotes, as in select title.
            actions select "abc" limit 1
                           ^^^^^
            """),
        ("actions select id, true", """
            query:1:20: error: true alone is not a column: a select names fields, aggregates or arithmetic; write a field's name, without quotes, as in select title.
            actions select id, true
                               ^^^^
            """),
        ("actions select $s limit 1", """
            query:1:16: error: $s stands for the text "abc", which alone is not a column: a select names fields, aggregates or arithmetic; write a field's name, without quotes, as in select title.
            actions select $s limit 1
                           ^^
            """),
        ("actions select title + \"abc\"", """
            query:1:16: error: Arithmetic takes numbers, amounts and dates, and 'title' is text.
            actions select title + "abc"
                           ^^^^^
            """),
        ("budget select distinct", """
            query:1:23: error: Expected a column after distinct, found the end of the query; write the columns whose distinct values you want, as in select distinct action.
            budget select distinct
                                  ^
            """),
        ("budget select distinct sort by action", """
            query:1:24: error: Expected a column after distinct, found 'sort'; write the columns whose distinct values you want, as in select distinct action.
            budget select distinct sort by action
                                   ^^^^
            """),
        ("budget select distinct, kind", """
            query:1:23: error: Expected a column after distinct, found ','; write the columns whose distinct values you want, as in select distinct action.
            budget select distinct, kind
                                  ^
            """),
        ("budget select limit 3", """
            query:1:15: error: Expected a column after select, found 'limit'; write the columns you want, as in select id, title.
            budget select limit 3
                          ^^^^^
            """),
    ] as [(String, String)])
    func wholeMessage(_ text: String, _ expected: String) {
        #expect(message(text, parameters: ["s": "abc"]) == expected)
    }

    /// Having without group by is refused only when no select item aggregates.
    @Test func havingOverAggregatesNeedsNoGroupBy() throws {
        #expect(try run("budget select count() having count() > 1").rows.map { $0.map(\.text) } == [["11"]])
        #expect(try run("budget select count() having count() > 100").rows.isEmpty)
    }

    /// A select expression nested too deep is an expression, a condition nested too deep a condition.
    @Test(arguments: [("actions select ", " limit 1", "expression"), ("actions where ", " = 1", "condition"), ("actions where ", "", "condition")])
    func nestingNamesWhatNests(_ head: String, _ tail: String, _ what: String) {
        let text = head + String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201) + tail
        let column = head.count + 201
        #expect(message(text) == """
            query:1:\(column): error: The \(what) nests more than 200 levels deep; simplify it.
            \(text)
            \(String(repeating: " ", count: column - 1))^
            """)
    }
}
