import Testing
import PlanKit
@testable import PlanQuery

/// The answers the seed plan must give.
@Suite struct SeedQueryTests {
    @Test(arguments: [
        ("actions where budget.article ~ \"840\"", ["1.2", "3.1", "3.2"]),
        ("actions where deadline is unknown", ["1.2", "2.1", "2.2", "2.3", "3.2", "3.3"]),
        ("actions where pilot.agent is unknown", ["2.3", "3.1", "3.2", "3.3"]),
        ("actions where budget.amount > 20000", ["3.1"]),
        ("actions sort by id desc limit 2", ["3.3", "3.2"]),
        ("actions where deadline.year = 2020", ["1.1", "1.3", "3.1"]),
        ("actions where deadline is unknown or pilot.agent is unknown", ["1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3"]),
        ("actions where not (deadline is unknown or pilot.agent is unknown)", ["1.1", "1.3"]),
        ("actions where budget.article.function in (\"84021\", \"840\")", ["1.2", "3.2"]),
        ("actions where extraordinary is none", ["1.1"]),
        ("actions where ordinary is unknown", ["2.2", "2.3"]),
        ("actions where ordinary is missing", ["1.2", "2.1", "3.3"]),
        ("actions where budget is empty", ["2.1", "3.3"]),
        ("actions where budget.amount is unknown", ["1.1", "2.2", "2.3"]),
        ("actions where questions ~ \"PRECISER\"", ["2.2", "2.3"]),
        ("actions where title ~ \"^mettre\"", ["2.1", "3.3"]),
        ("actions where title !~ \"e\"", []),
        ("actions where links.plan = \"PST Aînés\"", ["1.2"]),
        ("actions where links.plan ~ \"aines\"", ["1.2"]),
        ("actions where ordinary >= 15000 sort by ordinary desc", ["3.1", "1.3"]),
        ("actions where deadline < 2021 and deadline.form = \"semester\"", ["3.1"]),
        ("actions where pending", []),
        ("actions where objective.title ~ \"solidaire\"", ["2.1", "2.2", "2.3"]),
        ("budget where action.pilot.political = \"S. Boulanger\" and amount > 10000 select action", ["1.2", "1.3", "3.1"]),
        ("budget where funding = \"PCS\" select action", ["2.2"]),
        ("budget where credit > 0 select article", ["8325/435-01", "84021/124-02"]),
        ("links where plan = \"PCS III\" select ref", ["6", "5.5.02", "6.1.04"]),
        ("links where kind = \"plan\" select plan", ["PST Aînés", "PST Culture"]),
        ("articles where service = \"extraordinary\" select code", ["840/731-53"]),
        ("articles where main = \"840\" sort by code select code", ["840/731-53", "84021/124-02", "84022/332-01"]),
        ("objectives where level = \"operational\" select number", ["1", "2", "3"]),
        ("plans select domain", ["CITOYENNETE"]),
    ] as [(String, [String])])
    func answers(_ query: String, _ expected: [String]) throws {
        #expect(try firstColumn(query) == expected)
    }

    @Test func ordinaryTotal() throws {
        let table = try run("budget where kind = \"ordinary\" select sum(amount)")
        #expect(table.columns == ["sum(amount)"])
        #expect(table.rows == [[.incomplete(Money(cents: 70_000_00))]])
        #expect(try run("budget where kind = \"extraordinary\" select sum(amount)").rows == [[.money(Money(cents: 20_000_00))]])
    }

    @Test func linksToPCS() throws {
        let table = try run("links where plan = \"PCS III\" select action, ref")
        #expect(table.rows == [[.id("1.1"), .text("6")], [.id("1.2"), .text("5.5.02")], [.id("1.3"), .text("6.1.04")]])
    }

    @Test func groupByWithAggregates() throws {
        let table = try run("budget where article is not missing group by article.main select article.main, sum(amount), count(), max(amount) sort by sum(amount) desc")
        #expect(table.columns == ["article.main", "sum(amount)", "count()", "max(amount)"])
        #expect(table.rows == [
            [.text("840"), .money(Money(cents: 55_000_00)), .integer(3), .money(Money(cents: 30_000_00))],
            [.text("104"), .money(Money(cents: 20_000_00)), .integer(1), .money(Money(cents: 20_000_00))],
            [.text("832"), .unknown, .integer(1), .missing],
        ])
    }

    @Test func avgMinCount() throws {
        // Three amounts are unknown: their average is not known; that of the known ones is.
        let table = try run("budget select count(), count(amount), avg(amount), min(amount)")
        #expect(table.rows == [[.integer(11), .integer(8), .unknown, .money(Money(cents: 3_000_00))]])
        #expect(try run("budget where amount is known select avg(amount)").rows == [[.money(Money(cents: 11_250_00))]])
    }

    @Test func defaultColumns() throws {
        #expect(try run("actions limit 1").columns == ["id", "title", "objective", "deadline"])
        #expect(try run("budget limit 1").columns == ["action", "kind", "label", "amount", "article", "credit"])
        #expect(try run("budget group by kind").columns == ["kind", "count()"])
    }

    @Test func idsSortAsNumbers() {
        #expect(QueryValue.compareIDs("9.2", "10.1") < 0)
        #expect(QueryValue.compareIDs("1.10", "1.9") > 0)
        #expect(QueryValue.compareIDs("1.2", "1.2") == 0)
        #expect(QueryValue.compareIDs("1", "1.1") < 0)
    }

    @Test func severalPlansAtOnce() throws {
        let context = try Fixtures.context("pst-citoyennete.tsv", "pst-forms.csv")
        let table = try run("actions where deadline.year = 2021", context)
        #expect(table.columns == ["plan", "id", "title", "objective", "deadline"])
        #expect(table.rows.map { [$0[0].text, $0[1].text] } == [["PST Testville", "1.1"], ["PST Testville", "1.2"]])
        #expect(try run("plans select name", context).rows.map { $0[0].text } == ["pst-citoyennete", "PST Testville"])
        #expect(try run("budget group by plan select plan, count()", context).rows.map { $0[1] } == [.integer(11), .integer(13)])
    }
}

@Suite struct MatcherTests {
    @Test(arguments: [
        ("^84", "84021/124-02", true), ("^84", "1042/123-13", false), ("-02$", "84021/124-02", true), ("^840$", "840", true),
        ("^840$", "8400", false), ("aines", "PST Aînés", true), ("^PST a", "PST Aînés", true), ("a.n", "PST Aînés", true),
        ("^(84|10)", "1042/123-13", true), ("ÉCOLE", "école", true), ("", "anything", true), ("\\$", "a$b", true),
    ])
    func patterns(_ pattern: String, _ text: String, _ expected: Bool) throws {
        let matcher = try TextMatcher(pattern, at: QueryLocation(offset: 0, line: 1, column: 1))
        #expect(matcher.matches(text, in: Fixtures.seed) == expected)
    }
}
