import Testing
@testable import PlanQuery

@Suite struct ParserTests {
    @Test func precedenceNotAndOr() throws {
        let query = try Parser.parse("actions where a = 1 or not b = 2 and c = 3")
        guard case .or(let terms)? = query.filter, terms.count == 2, case .and(let right) = terms[1],
              case .not = right[0] else {
            Issue.record("unexpected tree: \(String(describing: query.filter))")
            return
        }
    }

    @Test func clausesInAnyOrder() throws {
        let query = try Parser.parse("actions where deadline.year = 2021 sort by id desc select id, title as titre limit 5")
        #expect(query.sort == [SortKey(path: Path(components: ["id"], locations: query.sort[0].path.locations), descending: true)])
        #expect(query.select?.map(\.name) == ["id", "titre"])
        #expect(query.limit == 5)
    }

    @Test func aggregatesAreNamedAsWritten() throws {
        let query = try Parser.parse("budget group by article.function select article.function, sum( amount ), count(), count(*)")
        #expect(query.select?.map(\.name) == ["article.function", "sum(amount)", "count()", "count()"])
        #expect(query.groupBy.map(\.description) == ["article.function"])
    }

    @Test func membershipAndStates() throws {
        let query = try Parser.parse(#"actions where id not in ("1.1", 2) and deadline is not empty"#)
        guard case .and(let terms)? = query.filter else { Issue.record("no and"); return }
        #expect(terms[0] == .membership(Path(components: ["id"], locations: [QueryLocation(offset: 14, line: 1, column: 15, length: 2)]), [.string("1.1"), .number("2")], negated: true,
                                           at: [QueryLocation(offset: 25, line: 1, column: 26, length: 5), QueryLocation(offset: 32, line: 1, column: 33, length: 1)]))
        if case .state(_, let state, let negated) = terms[1] { #expect(state == .empty && negated) } else { Issue.record("no state") }
    }

    @Test func deepNestingIsRefused() {
        let text = "actions where " + String(repeating: "(", count: 5000) + "pending" + String(repeating: ")", count: 5000)
        #expect(throws: QueryError.self) { try Parser.parse(text) }
        let nots = "actions where " + String(repeating: "not ", count: 300) + "pending"
        #expect(throws: QueryError("The condition nests more than 200 levels deep; simplify it.", at: QueryLocation(offset: 814, line: 1, column: 815, length: 3))) {
            try Parser.parse(nots)
        }
    }

    /// The documented limit is exact: 200 parentheses (or `not`s) nest, the 201st is refused.
    @Test func twoHundredLevelsNest() throws {
        func nested(_ count: Int) -> String {
            "actions where " + String(repeating: "(", count: count) + "pending" + String(repeating: ")", count: count)
        }
        _ = try Parser.parse(nested(200))
        _ = try Parser.parse("actions where " + String(repeating: "not ", count: 200) + "pending")
        #expect(throws: QueryError("The condition nests more than 200 levels deep; simplify it.", at: QueryLocation(offset: 214, line: 1, column: 215, length: 1))) {
            try Parser.parse(nested(201))
        }
    }

    @Test func longChainsOfAndStayFlat() throws {
        let text = "actions where " + Array(repeating: "pending", count: 20000).joined(separator: " and ")
        guard case .and(let terms)? = try Parser.parse(text).filter else { Issue.record("no and"); return }
        #expect(terms.count == 20000)
        #expect(try run(text).rows.isEmpty)
    }

    /// Whole rendered messages, caret under the offending token.
    @Test(arguments: [
        ("actions where", "query:1:14: error: Expected a condition such as deadline is unknown or budget.amount > 1000, found the end of the query.\nactions where\n             ^"),
        ("actions where id = ", "query:1:20: error: Expected a value (a string in double quotes, a number, true or false, today(), date(\"2021-07-01\")), found the end of the query.\nactions where id = \n                   ^"),
        ("actions where deadline is late", "query:1:27: error: Expected known, unknown, none, missing, empty or incomplete after 'is', found 'late'.\nactions where deadline is late\n                          ^^^^"),
        ("actions limit x", "query:1:15: error: Expected a whole number after limit, found 'x'.\nactions limit x\n              ^"),
        ("actions where id = 1 where id = 2", "query:1:22: error: The where clause appears twice; merge the two into one.\nactions where id = 1 where id = 2\n                     ^^^^^"),
        ("actions title", "query:1:9: error: Expected the end of the query, found 'title'; clauses are where, select, group by, having, sort by and limit.\nactions title\n        ^^^^^"),
        ("select sum( from", "query:1:8: error: Expected the end of the query, found 'sum'; clauses are where, select, group by, having, sort by and limit.\nselect sum( from\n       ^^^"),
    ])
    func syntaxErrors(_ text: String, _ expected: String) {
        #expect(errorMessage(text) == expected)
    }
}
