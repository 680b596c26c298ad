import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// Every aggregate over every type of field, on the seed and on a plan whose RH cells say
/// `0,5 ETP`, `1 ETP agent constatateur`, `??`, `/`: fractional numbers add up exactly.
@Suite struct AggregateTests {
    static let context: QueryContext = {
        do { return try Fixtures.context("pst-citoyennete.tsv", "pst-rh.tsv") } catch { fatalError("fixtures unreadable: \(error)") }
    }()

    /// What each aggregate gives over the 20 actions of the two plans; `nil` where it is refused.
    /// The texts are checked by hand against the fixtures: pst-rh.tsv's known fte are 0.5, 1, 2
    /// and 1.5; the seed's known totals 20000, 20000, 30000, 5000 and 1.1's `15000 + ?`; its
    /// known budget amounts 3000 three times, 6000, 20000 twice, 30000 and 5000, three `??`. A sum
    /// with unknown parts is incomplete (`5 + ?`), an average over unknown values unknown.
    @Test(arguments: [
        // text
        ("title", "text", ["20", "20", nil, nil, "Analyser la possibilité de création de lieux de convivialité", "Vide"]),
        // a list of texts: every agent named
        ("pilot.agent", "text", ["17", "5", nil, nil, "Cheffe de projet PCS", "Service Enfance"]),
        // id
        ("id", "id", ["20", "17", nil, nil, "1.1", "3.3"]),
        // whole numbers
        ("line", "integer", ["20", "14", "296", "14.8", "8", "22"]),
        ("deadline.year", "integer", ["14", "1", "28280 + ?", "??", "2020", "2020"]),  // six deadlines are `??`
        // fractional numbers, read from the RH cells
        ("fte", "integer", ["4", "4", "5 + ?", "??", "0.5", "2"]),
        // amounts, some sums with unknown parts
        ("total", "money", ["5", "4", "90000 + ?", "??", "5000", "30000"]),
        ("budget.amount", "money", ["8", "5", "90000 + ?", "??", "3000", "30000"]),
        // bool
        ("pending", "bool", ["20", "1", nil, nil, "false", "false"]),
        // deadline
        ("deadline", "deadline", ["14", "2", nil, nil, "2020", "2020"]),
        // date
        ("deadline.end", "date", ["14", "1", nil, nil, "2020-12-31", "2020-12-31"]),
    ] as [(String, String, [String?])])
    func everyAggregateOfEveryType(_ field: String, _ type: String, _ expected: [String?]) throws {
        let aggregates = ["count(\(field))", "count(distinct \(field))", "sum(\(field))", "avg(\(field))", "min(\(field))", "max(\(field))"]
        for (aggregate, value) in zip(aggregates, expected) {
            let query = "actions select \(aggregate)"
            if let value {
                let table = try run(query, Self.context)
                #expect(table.columns == [aggregate])
                #expect(table.rows.map { $0.map(\.text) } == [[value]], "\(query)")
            } else {
                // sum() and avg() take amounts and numbers only.
                let column = query.count - field.count
                #expect(errorMessage(query, Self.context) == """
                    query:1:\(column): error: \(aggregate.prefix(3))() adds amounts or numbers, and '\(field)' is \(type); use count(\(field)), or min() and max().
                    \(query)
                    \(String(repeating: " ", count: column - 1))\(String(repeating: "^", count: field.count))
                    """, "\(query)")
            }
        }
    }

    /// Tenths add up as decimals, not as the binary fractions nearest them: 0,1 + 0,2 ETP is
    /// 0.3 (not 0.30000000000000004), their average 0.15; by group and in having too.
    @Test func fractionsAddUpExactly() throws {
        let text = try String(contentsOfFile: Fixtures.path("pst-rh.tsv"), encoding: .utf8)
            .replacingOccurrences(of: "\t0,5 ETP\n", with: "\t0,1 ETP\n")
            .replacingOccurrences(of: "\t1 ETP agent constatateur\n", with: "\t0,2 ETP\n")
            .replacingOccurrences(of: "\t2 ETP\n", with: "\t0,7 ETP\n")
            .replacingOccurrences(of: "\t1.5 ETP\n", with: "\t0,3 ETP\n")
        let context = QueryContext(PlanSet(try PlanReader().read(Array(text.utf8), file: "tenths.tsv")))
        #expect(try run("actions where fte is known select id, fte", context).rows.map { $0.map(\.text) } == [
            ["1.1", "0.1"], ["1.2", "0.2"], ["1.3", "0.7"], ["1.4", "0.3"],
        ])
        #expect(try run("actions where id in (\"1.1\", \"1.2\") select sum(fte), avg(fte)", context).rows.map { $0.map(\.text) } == [["0.3", "0.15"]])
        #expect(try run("actions where fte is known select sum(fte), avg(fte), min(fte), max(fte)", context).rows.map { $0.map(\.text) } == [["1.3", "0.325", "0.1", "0.7"]])
        #expect(try run("actions where fte is known group by deadline select deadline, sum(fte) having sum(fte) = 1.3", context).rows.map { $0.map(\.text) } == [["2020", "1.3"]])
        #expect(try run("actions where fte is known select sum(fte) * 10", context).rows.map { $0.map(\.text) } == [["13"]])
        // Over every action, some fte unknown: the known tenths still add up exactly.
        #expect(try run("actions select sum(fte)", context).rows.map { $0.map(\.text) } == [["1.3 + ?"]])
    }

    /// A share of a total that is not known is not known: when one row's sum is incomplete,
    /// every row's percent is unknown; without that row, the shares are of the known total.
    @Test func percentOfAnIncompleteTotalIsUnknown() throws {
        #expect(try run("budget group by kind select kind, sum(amount), percent(sum(amount))").rows.map { $0.map(\.text) } == [
            ["ordinary", "70000 + ?", "??"], ["extraordinary", "20000", "??"],
        ])
        #expect(try run("budget where amount is known group by kind select kind, percent(sum(amount))").rows.map { $0.map(\.text) } == [
            ["ordinary", "77.8"], ["extraordinary", "22.2"],
        ])
        // The shares of one action's known lines.
        #expect(try run("budget where amount is known and action = \"1.1\" select label, percent(amount)").rows.map { $0.map(\.text) } == [
            ["CCE", "20"], ["CCCA", "20"], ["CPJ", "40"], ["CCPH", "20"],
        ])
    }
}
