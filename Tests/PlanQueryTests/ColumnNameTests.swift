import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// A column without `as` is named as the query writes it, in one spelling (one space around an
/// operator, none inside parentheses): its name does not change with the day `today()` stands
/// for or with a parameter's value.
@Suite struct ColumnNameTests {
    static let firstOfJuly = QueryEnvironment(parameters: ["x": "2", "w": "0012", "s": "abc", "d": "2021-07-01"], today: Day(iso: "2021-07-01"))
    static let fourthOfMarch = QueryEnvironment(parameters: ["x": "7", "w": "-3", "s": "def", "d": "2024-02-29"], today: Day(iso: "2022-03-04"))

    func names(_ text: String, _ environment: QueryEnvironment) throws -> [String] {
        try Compiler.compile(try Parser.parse(text, environment: environment), planCount: 1).run(Fixtures.seed).columns
    }

    @Test(arguments: [
        ("actions select id, today(), year(today()), $x limit 1", ["id", "today()", "year(today())", "$x"]),
        ("actions select TODAY(), Year( Today() ), year(date($d)), date($d) limit 1", ["today()", "year(today())", "year(date($d))", "date($d)"]),
        ("actions select date(\"2021-07-01\"), year( date('2021-07-01') ), $w, -3, 1_000 limit 1",
         ["date(\"2021-07-01\")", "year(date(\"2021-07-01\"))", "$w", "-3", "1000"]),
        ("budget select action, amount-3000, amount - 3000, amount  -\n  3000, (amount - 3000) * 2, year(today())-$x limit 1",
         ["action", "amount - 3000", "amount - 3000", "amount - 3000", "(amount - 3000) * 2", "year(today()) - $x"]),
        ("budget select sum(amount), count(), count(*), sum( amount ), count(distinct action)",
         ["sum(amount)", "count()", "count()", "sum(amount)", "count(distinct action)"]),
        ("budget select sum(amount) -- the total\n / count(), percent(sum(amount)) group by kind",
         ["sum(amount) / count()", "percent(sum(amount))"]),
        ("budget select amount - 3000 as \"rest\", action as a, today() as t limit 1", ["rest", "a", "t"]),
        ("budget group by action", ["action", "count()"]),
    ] as [(String, [String])])
    func columnsAreNamedAsWritten(_ text: String, _ expected: [String]) throws {
        #expect(try names(text, Self.firstOfJuly) == expected)
        #expect(try names(text, Self.fourthOfMarch) == expected)
    }

    /// `sort by` finds an aggregate column however its name is spelt.
    @Test(arguments: [
        "budget group by action select action, count(*) sort by count() desc, action limit 2",
        "budget group by action select action, count() sort by count(*) desc, action limit 2",
        "budget group by action select action, count( ) sort by count() desc, action limit 2",
    ])
    func sortFindsAnAggregateHoweverItIsSpelt(_ text: String) throws {
        #expect(try run(text).rows.map { $0.map(\.text) } == [["1.1", "5"], ["1.2", "1"]])
    }

    /// `-` before a digit subtracts; before a letter it continues a name.
    @Test func minusBeforeADigitSubtracts() throws {
        let table = try run("budget where action = \"3.2\" select amount-3000, amount - 3000")
        #expect(table.columns == ["amount - 3000", "amount - 3000"])
        #expect(table.rows.map { $0.map(\.text) } == [["2000", "2000"]])
        #expect(errorMessage("budget select amount-credit") == """
            query:1:15: error: Unknown field 'amount-credit' on budget; fields are action, level, owner, plan, kind, label, amount, article, credit, funding, note, text, file, line.
            budget select amount-credit
                          ^^^^^^^^^^^^^
            """)
    }
}
