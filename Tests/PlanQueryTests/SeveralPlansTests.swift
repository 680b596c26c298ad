import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// With several plans loaded, an action or objective is its plan's: grouping by one never adds
/// up two plans' actions that share a number, and every row says which plan (or, for findings,
/// which file) it comes from. The expected sums are made from the plans' own lines.
@Suite struct SeveralPlansTests {
    /// The seed and a plan whose actions and objectives have the seed's numbers (1.1, objective 1).
    static let twoPlans: QueryContext = {
        do { return try Fixtures.context("pst-citoyennete.tsv", "pst-cohesion.tsv") } catch { fatalError("fixtures unreadable: \(error)") }
    }()

    /// Two plans of one name in two files, whose actions have the same numbers and lines (the
    /// second's first objective is worded otherwise, so it is not the same plan loaded twice).
    static let twoCopies: QueryContext = {
        do {
            let text = try String(contentsOf: URL(fileURLWithPath: Fixtures.path("pst-citoyennete.tsv")), encoding: .utf8)
            let other = text.replacingOccurrences(of: "Objectif stratégique : ", with: "Objectif stratégique : Autrement, ")
            precondition(other != text)
            return QueryContext(PlanSet(try PlanReader().read(Array(text.utf8), file: "a/pst.tsv") + PlanReader().read(Array(other.utf8), file: "b/pst.tsv")))
        } catch { fatalError("fixture unreadable: \(error)") }
    }()

    static func rows(_ text: String, _ context: QueryContext) throws -> [[String]] {
        try run(text, context).rows.map { $0.map(\.text) }
    }

    /// Each action's known amounts and whether some are unknown, from its plan's lines.
    static func sums(_ context: QueryContext) -> [[String]] {
        let planSet = context.planSet
        var result: [[String]] = []
        var seen: [Int] = []
        for entry in planSet.budgetLines {
            guard let action = entry.action?.offset else { continue }
            if !seen.contains(action) { seen.append(action) }
        }
        for action in seen {
            let lines = planSet.budgetLines.filter { $0.action?.offset == action }
            var cents: Int64 = 0
            var known = false, unknown = false
            for line in lines {
                if case .known(let money) = line.amount { cents += money.cents; known = true } else if case .unknown = line.amount { unknown = true }
            }
            let entry = planSet.actions[action]
            // Only unknown parts: unknown; known and unknown parts: the known sum and "+ ?".
            let total = known ? QueryValue.money(Money(cents: cents)).text + (unknown ? " + ?" : "") : (unknown ? "??" : "")
            result.append([planSet.plans[entry.plan].name, entry.id, total])
        }
        return result
    }

    @Test func groupingByActionKeepsPlansApart() throws {
        let got = try Self.rows("budget group by action select action, sum(amount)", Self.twoPlans)
        #expect(try run("budget group by action select action, sum(amount)", Self.twoPlans).columns == ["action.plan", "action", "sum(amount)"])
        #expect(got == Self.sums(Self.twoPlans))
        // Both plans have an action 1.1, each with its own total.
        #expect(got.filter { $0[1] == "1.1" } == [["pst-citoyennete", "1.1", "15000 + ?"], ["pst-cohesion", "1.1", "22000"]])
        // A field of the action is its own, not the first plan's.
        #expect(try Self.rows("budget group by action select action.plan, action, action.title having action = \"1.1\"", Self.twoPlans) == [
            ["pst-citoyennete", "1.1", "Redynamiser l'ensemble des Conseils consultatifs (CCE, CPJ, CCCA, CCPH,...)"],
            ["pst-cohesion", "1.1", "Organiser des fêtes de quartier"],
        ])
    }

    /// The same plan in two files: two groups an action, told apart by nothing but their plan's
    /// place, each with the one plan's total, never the two added up.
    @Test func twoCopiesAreNotAddedUp() throws {
        let got = try Self.rows("budget group by action select action, sum(amount), count()", Self.twoCopies)
        let one = try Self.rows("budget group by action select action, sum(amount), count()", Fixtures.seed)
        #expect(got.count == 2 * one.count)
        #expect(got.map { Array($0.dropFirst()) } == one + one)
    }

    @Test(arguments: [
        ("actions group by objective select objective, count()", ["objective.plan", "objective", "count()"],
         [["pst-citoyennete", "1", "3"], ["pst-citoyennete", "2", "3"], ["pst-citoyennete", "3", "3"], ["pst-cohesion", "1", "1"]]),
        ("actions group by objective", ["objective.plan", "objective", "count()"],
         [["pst-citoyennete", "1", "3"], ["pst-citoyennete", "2", "3"], ["pst-citoyennete", "3", "3"], ["pst-cohesion", "1", "1"]]),
        // The select names the plan: no column added.
        ("actions group by objective select objective.plan, objective, count() having count() < 2", ["objective.plan", "objective", "count()"],
         [["pst-cohesion", "1", "1"]]),
        // Grouped by a value, not a record: as before.
        ("actions group by plan select plan, count()", ["plan", "count()"], [["pst-citoyennete", "9"], ["pst-cohesion", "1"]]),
    ])
    func groupsOfRecordsNameTheirPlan(_ query: String, _ columns: [String], _ expected: [[String]]) throws {
        let table = try run(query, Self.twoPlans)
        #expect(table.columns == columns)
        #expect(table.rows.map { $0.map(\.text) } == expected)
    }

    /// Lines of no action (an objective's, a volet's) make one group, whose action and plan are
    /// missing, of every plan; each action's lines their own.
    @Test func linesOfNoActionMakeOneGroup() throws {
        let context = try Fixtures.context("ecomptes-export-levels.xml", "pst-cohesion.tsv")
        #expect(try Self.rows("budget group by action select action, count(), sum(amount)", context) == [
            ["", "", "4", "4563.5"],
            ["PST 2024-2030", "3", "1", "15000"],
            ["PST 2024-2030", "4", "1", "1200"],
            ["PST 2024-2030", "4.5", "1", "300.5"],
            ["pst-cohesion", "1.1", "1", "22000"],
        ])
    }

    /// One plan: grouping by action is as it always was, without a plan column.
    @Test func onePlanHasNoPlanColumn() throws {
        #expect(try run("budget group by action select action, sum(amount)").columns == ["action", "sum(amount)"])
        #expect(try Self.rows("budget group by action select action, sum(amount)", Fixtures.seed) == Self.sums(Fixtures.seed).map { Array($0.dropFirst()) })
    }

    /// `distinct` answers which values there are: the plan column would repeat each per plan.
    @Test func distinctAddsNoPlanColumn() throws {
        let table = try run("budget select distinct kind", Self.twoPlans)
        #expect(table.columns == ["kind"])
        #expect(table.rows.map { $0.map(\.text) } == [["ordinary"], ["extraordinary"]])
        #expect(try Self.rows("budget select distinct plan, kind", Self.twoPlans)
                == [["pst-citoyennete", "ordinary"], ["pst-citoyennete", "extraordinary"], ["pst-cohesion", "ordinary"]])
    }

    /// Findings of several plans say their file, as `check` does.
    @Test func findingsNameTheirFile() throws {
        let table = try run("findings where subject = \"2.3\" and rule = \"action.unknown-deadline\" select rule, subject", Self.twoCopies)
        #expect(table.columns == ["file", "rule", "subject"])
        #expect(table.rows.map { $0.map(\.text) } == [["a/pst.tsv", "action.unknown-deadline", "2.3"], ["b/pst.tsv", "action.unknown-deadline", "2.3"]])
        #expect(try run("findings select rule limit 1").columns == ["rule"])
        #expect(try run("findings select count()", Self.twoCopies).columns == ["count()"])
    }
}
