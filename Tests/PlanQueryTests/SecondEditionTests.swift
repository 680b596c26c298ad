import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// The language's second edition on the seed plan: three-valued logic, comparing fields,
/// arithmetic, `having`, `is known`, `distinct`, grouped fields that depend on the key,
/// incomplete sums, and grouping by a field with several values.
@Suite struct SecondEditionTests {
    /// A comparison, match or membership on an unknown or missing value is unknown, and so is
    /// its negation: `where` keeps neither.
    @Test(arguments: [
        ("budget where amount not in (3000)", 5),
        ("budget where amount != 3000", 5),
        ("budget where not (amount = 3000)", 5),
        ("budget where amount in (3000)", 3),
        ("budget where label !~ \"CCE\"", 4),
        ("budget where label != \"CCE\"", 4),
        ("budget where not (label ~ \"CCE\")", 4),
        ("budget where not (label = \"CCE\")", 4),
        ("budget where label ~ \"CCE\"", 1),
        ("budget where not (amount = 3000) or amount is unknown", 8),
        ("budget where amount = 3000 or amount != 3000", 8),
        ("budget where not (amount = 3000 and label = \"CCE\")", 8),
        ("budget where amount is known", 8),
        ("budget where amount is not known", 3),
    ] as [(String, Int)])
    func threeValuedLogic(_ query: String, _ count: Int) throws {
        #expect(try run(query).rows.count == count)
    }

    /// The truth table of `and`, `or` and `not` over false, unknown and true.
    @Test func truthTable() {
        let values: [Truth] = [.no, .unknown, .yes]
        let and: [[Truth]] = [[.no, .no, .no], [.no, .unknown, .unknown], [.no, .unknown, .yes]]
        let or: [[Truth]] = [[.no, .unknown, .yes], [.unknown, .unknown, .yes], [.yes, .yes, .yes]]
        for (a, x) in values.enumerated() {
            for (b, y) in values.enumerated() {
                #expect((x && y) == and[a][b])
                #expect((x || y) == or[a][b])
            }
        }
        #expect(values.map { !$0 } == [.yes, .unknown, .no])
    }

    @Test func comparesTwoFields() throws {
        #expect(try firstColumn("articles where credit > allocated select code") == ["84021/124-02"])
        #expect(try firstColumn("articles where allocated > credit select code") == [])
        // 8325/435-01's only line is ??: its allocation is unknown, so neither side holds.
        #expect(try firstColumn("articles where not (allocated <= credit) select code") == [])
        #expect(try firstColumn("budget where credit >= amount * 2 select action") == ["3.2"])
    }

    @Test func arithmetic() throws {
        let table = try run("actions where total is known select id, total * 100 / 126000 as share, ordinary + extraordinary, (total - 5000) * 2 sort by id")
        #expect(table.columns == ["id", "share", "ordinary + extraordinary", "(total - 5000) * 2"])
        #expect(table.rows.map { $0.map(\.text) } == [
            ["1.2", "15.87", "??", "30000"],
            ["1.3", "15.87", "??", "30000"],
            ["3.1", "23.81", "??", "50000"],
            ["3.2", "3.97", "??", "0"],
        ])
        #expect(try run("budget where action = \"3.2\" select amount / 0, amount / amount, 7 / 2, 6 / 3").rows == [[.unknown, .decimal(1), .decimal(3.5), .integer(2)]])
        let average = try run("budget where amount is known select sum(amount) / count(), avg(amount)")
        #expect(average.rows == [[.money(Money(cents: 11_250_00)), .money(Money(cents: 11_250_00))]])
        // An operand with unknown parts gives unknown.
        #expect(try run("budget select sum(amount) / count()").rows == [[.unknown]])
    }

    @Test func percentOfTheColumnsTotal() throws {
        let table = try run("budget where amount is known group by action select action, sum(amount), percent(sum(amount)) sort by action")
        #expect(table.columns == ["action", "sum(amount)", "percent(sum(amount))"])
        #expect(table.rows.map { $0[2].text } == ["16.7", "22.2", "22.2", "33.3", "5.6"])
        let rows = try run("budget where amount is known select action, percent(amount)").rows
        #expect(rows.map { $0[1].text } == ["3.3", "3.3", "6.7", "3.3", "22.2", "22.2", "33.3", "5.6"])
    }

    @Test func having() throws {
        let table = try run("budget group by action select action, sum(amount) having sum(amount) > 20000")
        #expect(table.rows == [[.id("3.1"), .money(Money(cents: 30_000_00))]])
        #expect(try firstColumn("budget group by action select action having count() > 1 or action = \"3.2\"") == ["1.1", "3.2"])
        #expect(try firstColumn("budget group by action select action having sum(amount) is unknown") == ["2.2", "2.3"])
        #expect(try firstColumn("budget group by action select action having sum(amount) is incomplete") == ["1.1"])
        #expect(try run("budget group by kind select kind having max(amount) >= min(amount) * 5").rows.map { $0[0].text } == ["ordinary"])
    }

    @Test func distinct() throws {
        #expect(try firstColumn("budget select distinct kind") == ["ordinary", "extraordinary"])
        #expect(try run("budget select distinct kind, action").rows.count == 7)
        #expect(try run("budget select count(distinct action), count(distinct amount), count(action)").rows == [[.integer(7), .integer(5), .integer(11)]])
        #expect(try run("budget group by kind select kind, count(distinct action) sort by kind").rows == [
            [.text("extraordinary"), .integer(1)], [.text("ordinary"), .integer(6)],
        ])
    }

    @Test func groupedFieldsThatDependOnTheKey() throws {
        let table = try run("actions group by objective select objective, objective.title, count()")
        #expect(table.rows.map { $0.map(\.text) } == [
            ["1", "Favoriser la participation citoyenne active", "3"],
            ["2", "Encourager une citoyenneté solidaire", "3"],
            ["3", "Soutenir les initiatives citoyennes", "3"],
        ])
        #expect(try run("budget group by action select action.title, sum(amount) having action = \"3.1\"").rows.count == 1)
        #expect(errorMessage("actions group by objective select title") == """
            query:1:35: error: 'title' is not in group by; add it to group by, or wrap it in an aggregate such as count() or min().
            actions group by objective select title
                                              ^^^^^
            """)
        // Through a list (an action's budget lines) a field has several values per key: refused.
        #expect(errorMessage("actions group by budget select budget.label") != nil)
    }

    /// A sum with unknown parts says so; one with only unknown parts is unknown.
    @Test func incompleteSums() throws {
        #expect(try run("actions where id = \"1.1\" select total, ordinary").rows == [[.incomplete(Money(cents: 15_000_00)), .incomplete(Money(cents: 15_000_00))]])
        #expect(try firstColumn("actions where total is incomplete select id") == ["1.1"])
        #expect(try firstColumn("actions where ordinary is unknown select id") == ["2.2", "2.3"])
        #expect(try firstColumn("actions where ordinary is missing select id") == ["1.2", "2.1", "3.3"])
        #expect(try firstColumn("actions where ordinary is none or extraordinary is none select id") == ["1.1"])
        #expect(try run("articles where code = \"8325/435-01\" select allocated").rows == [[.unknown]])
        #expect(try run("budget where article = \"8325/435-01\" select sum(amount)").rows == [[.unknown]])
        #expect(try run("budget where action = \"1.1\" select sum(amount), count(amount), avg(amount)").rows == [[.incomplete(Money(cents: 15_000_00)), .integer(4), .unknown]])
        // A comparison with an incomplete sum is unknown.
        #expect(try firstColumn("actions where total > 0 or total <= 0 select id") == ["1.2", "1.3", "3.1", "3.2"])
        let table = try run("actions where id in (\"1.1\", \"1.2\") select id, total")
        #expect(OutputFormat.table.render(table) == """
            id   total
            ---  ---------
            1.1  15000 + ?
            1.2      20000
            (2 rows)

            """)
        #expect(OutputFormat.csv.render(table) == "id,total\r\n1.1,15000 + ?\r\n1.2,20000\r\n")
        #expect(OutputFormat.json.render(table) == """
            [
              {"id": "1.1", "total": {"sum": 15000, "incomplete": true}},
              {"id": "1.2", "total": 20000}
            ]

            """)
        #expect(OutputFormat.markdown.render(table).contains("| 1.1 | 15000 + ? |"))
    }

    /// A line whose cell names two agents counts in the group of each.
    @Test func groupByASeveralValuedField() throws {
        let table = try run("actions group by pilot.agent select pilot.agent, count()")
        #expect(table.rows.map { $0.map(\.text) } == [
            ["Cheffe de projet PCS Service J", "1"],
            ["Service Enfance", "1"],
            ["Cheffe de projet PCS", "3"],
            ["Cheffe de projet PCS Chargé de comm.", "1"],
            ["??", "4"],
        ])
        let total = table.rows.reduce(0) { $0 + (Int($1[1].text) ?? 0) }
        let actions = try run("actions").rows.count
        #expect(total == 10 && actions == 9)
    }

    @Test(arguments: [
        ("actions where sum(total) > 3", """
            query:1:15: error: sum() sums up a group of rows, so it belongs in select or having, not in where; write having sum(total) ….
            actions where sum(total) > 3
                          ^^^^^^^^^^
            """),
        ("actions where title + 1 > 3", """
            query:1:15: error: Arithmetic takes numbers, amounts and dates, and 'title' is text.
            actions where title + 1 > 3
                          ^^^^^
            """),
        ("budget group by kind select kind having label ~ \"x\"", """
            query:1:41: error: ~ in having would match one row of each group; match rows with where instead.
            budget group by kind select kind having label ~ "x"
                                                    ^^^^^
            """),
        ("budget select count(distinct)", nil),
    ] as [(String, String?)])
    func errors(_ query: String, _ expected: String?) {
        let message = errorMessage(query)
        if let expected { #expect(message == expected) } else { #expect(message != nil) }
    }
}
