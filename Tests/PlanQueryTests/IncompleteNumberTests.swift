import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// A sum of numbers some of which are unknown is incomplete, as a sum of amounts is: `5 + ?`,
/// not known, found by `is incomplete`, unknown in comparisons and arithmetic. pst-rh.tsv's
/// fte are 0.5, 1, 2 and 1.5, then `??` and four cells read as unknown, `/` and a blank.
@Suite struct IncompleteNumberTests {
    static let rh: QueryContext = {
        do { return try Fixtures.context("pst-rh.tsv") } catch { fatalError("fixture unreadable: \(error)") }
    }()

    func texts(_ query: String, _ context: QueryContext = rh) throws -> [[String]] {
        try run(query, context).rows.map { $0.map(\.text) }
    }

    @Test func aSumWithUnknownPartsIsIncomplete() throws {
        let table = try run("actions select sum(fte), count(fte), count()", Self.rh)
        #expect(table.rows == [[.incompleteNumber(5), .integer(4), .integer(11)]])
        #expect(!table.rows[0][0].isKnown)
        #expect(try texts("actions select sum(fte)") == [["5 + ?"]])
        // Without the unknown ones, the sum is known.
        #expect(try run("actions where fte is known select sum(fte)", Self.rh).rows == [[.decimal(5)]])
        // A sum of whole numbers with unknown parts too.
        #expect(try texts("actions select sum(deadline.year)", Fixtures.seed) == [["6060 + ?"]])
    }

    /// The states as amounts have them: `is incomplete` and `is not known` are true, and the
    /// other tests false.
    @Test(arguments: [
        ("is incomplete", true), ("is not incomplete", false), ("is known", false), ("is not known", true),
        ("is unknown", false), ("is missing", false), ("is none", false), ("is empty", false),
    ])
    func statesOfAnIncompleteSum(_ test: String, _ holds: Bool) throws {
        #expect(try texts("actions group by pilot.service select count() having sum(fte) \(test)") == (holds ? [["11"]] : []))
        #expect(try texts("budget group by kind select kind having sum(amount) \(test) and kind = \"ordinary\"", Fixtures.seed)
            == (holds ? [["ordinary"]] : []))
    }

    /// A comparison with an incomplete sum is unknown, so is its negation; `or` with a true
    /// test is true. Numbers do as amounts do. (`having` compares with operators, not `in`.)
    @Test(arguments: [
        "> 1", "< 1", ">= 0", "= 5", "!= 5",
    ])
    func comparisonsWithAnIncompleteSumAreUnknown(_ comparison: String) throws {
        for (field, collection, context) in [("fte", "actions", Self.rh), ("amount", "budget", Fixtures.seed)] {
            let group = "\(collection) group by plan select count()"
            #expect(try texts("\(group) having sum(\(field)) \(comparison)", context) == [], "\(field) \(comparison)")
            #expect(try texts("\(group) having not (sum(\(field)) \(comparison))", context) == [], "\(field) \(comparison)")
            #expect(try texts("\(group) having sum(\(field)) \(comparison) or count() > 0", context).count == 1, "\(field) \(comparison)")
            #expect(try texts("\(group) having sum(\(field)) \(comparison) and count() > 0", context) == [], "\(field) \(comparison)")
        }
    }

    /// Arithmetic on an incomplete sum is unknown, as on an incomplete amount; the average over
    /// values some of which are unknown is unknown, as the sum of what it divides is not known.
    @Test func arithmeticAndAveragesAreUnknown() throws {
        #expect(try run("actions select sum(fte) + 1, sum(fte) * 2, sum(fte) / count(), avg(fte)", Self.rh).rows
            == [[.unknown, .unknown, .unknown, .unknown]])
        #expect(try run("budget select sum(amount) + 1, avg(amount)", Fixtures.seed).rows == [[.unknown, .unknown]])
        // min and max take the known values, for numbers as for amounts.
        #expect(try texts("actions select min(fte), max(fte)") == [["0.5", "2"]])
        #expect(try texts("budget select min(amount), max(amount)", Fixtures.seed) == [["3000", "30000"]])
    }

    /// A sum of incomplete sums is incomplete; percent() of it unknown in every row.
    @Test func incompleteSumsAddUpToAnIncompleteSum() throws {
        #expect(try texts("actions group by id select id, sum(fte), percent(sum(fte)) sort by id limit 5") == [
            ["1.1", "0.5", "??"], ["1.2", "1", "??"], ["1.3", "2", "??"], ["1.4", "1.5", "??"], ["1.5", "??", "??"],
        ])
        let incomplete = QueryValue.incompleteNumber(2.5)
        #expect(incomplete.text == "2.5 + ?")
        #expect(JSONRenderer.value(incomplete) == "{\"sum\": 2.5, \"incomplete\": true}")
        #expect(JSONRenderer.value(.incompleteNumber(5)) == "{\"sum\": 5, \"incomplete\": true}")
    }

    /// When every value is unknown, the sum and the average are unknown and count() is 0.
    @Test func allUnknownIsUnknown() throws {
        let text = try String(contentsOfFile: Fixtures.path("pst-rh.tsv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if fields.count > 10, fields[2].hasPrefix("Action") { fields[10] = "??" }
                return fields.joined(separator: "\t")
            }
            .joined(separator: "\n")
        let context = QueryContext(PlanSet(try PlanReader().read(Array(text.utf8), file: "unknown.tsv")))
        #expect(try run("actions select count(fte), sum(fte), avg(fte), min(fte), max(fte)", context).rows
            == [[.integer(0), .unknown, .unknown, .missing, .missing]])
        #expect(try texts("actions group by plan select count() having sum(fte) is unknown", context) == [["11"]])
    }
}
