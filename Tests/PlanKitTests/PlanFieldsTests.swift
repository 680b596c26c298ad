import Foundation
import Testing
@testable import PlanKit

/// A reader given some ``PlanFields`` parses those parts and leaves the others blank.
@Suite struct PlanFieldsTests {
    static let fixtures = ["pst-citoyennete.tsv", "pst-forms.csv", "pcs-citoyenneville.tsv", "pst-cohesion.tsv", "pst-faults.tsv"]

    static func read(_ name: String, _ fields: PlanFields) throws -> Plan {
        let plans = try PlanReader(fields: fields).read(path: Fixtures.path(name))
        guard plans.count == 1, let plan = plans.first else { throw Fixtures.FixtureError.notOnePlan(name) }
        return plan
    }

    @Test(arguments: fixtures)
    func budgetOnlyKeepsStructureAndBudget(_ name: String) throws {
        let whole = try Self.read(name, .all)
        let budget = try Self.read(name, [.budget, .budgetText])
        // Plans, objectives and action numbers are always read.
        #expect(budget.objectives.map(\.title) == whole.objectives.map(\.title))
        #expect(budget.actions.map(\.id) == whole.actions.map(\.id))
        #expect(budget.actions.map(\.location) == whole.actions.map(\.location))
        // The budget cells are those of a full read.
        #expect(budget.actions.map(\.ordinaryBudget) == whole.actions.map(\.ordinaryBudget))
        #expect(budget.actions.map(\.extraordinaryBudget) == whole.actions.map(\.extraordinaryBudget))
        // The rest is blank: missing, with no text.
        for action in budget.actions {
            #expect(action.title.isEmpty && action.links.isEmpty && action.openQuestions.isEmpty && !action.pending)
            #expect(action.titleCell.value == .missing && action.titleCell.text.isEmpty)
            #expect(action.deadline.value == .missing && action.pilots.political.value == .missing)
            #expect(action.code.value == .missing && action.humanResources.value == .missing)
        }
        // Only the budget's warnings are reported.
        #expect(budget.warnings.allSatisfy { whole.warnings.contains($0) })
    }

    /// Without ``PlanFields/budgetText``, budget lines have what sums and articles need, and no text.
    @Test(arguments: fixtures)
    func budgetWithoutTextKeepsAmountsArticlesAndCredits(_ name: String) throws {
        let whole = try Self.read(name, .all).actions.flatMap(\.budget)
        let lines = try Self.read(name, .budget).actions.flatMap(\.budget)
        #expect(lines.count == whole.count)
        #expect(lines.map(\.amount) == whole.map(\.amount))
        #expect(lines.map(\.kind) == whole.map(\.kind))
        #expect(lines.map(\.article) == whole.map(\.article))
        #expect(lines.map(\.statedCredit) == whole.map(\.statedCredit))
        #expect(lines.map(\.location) == whole.map(\.location))
        for (line, full) in zip(lines, whole) {
            #expect(line.label == nil && line.articleLabel == nil && line.note == nil && line.fundingPlan == nil)
            // A line of an unknown cell (`??`) is the cell, whose text is read with the column.
            #expect(line.text.isEmpty || line.text == full.text)
        }
        #expect(whole.contains { $0.label != nil } || whole.contains { $0.articleLabel != nil } || name == "pst-faults.tsv")
        // The budget cells' warnings are the same.
        #expect(try Self.read(name, .budget).warnings == Self.read(name, [.budget, .budgetText]).warnings)
    }

    @Test(arguments: fixtures)
    func everyFieldIsAWholeRead(_ name: String) throws {
        #expect(try Self.read(name, .all) == Self.read(name, [.titles, .code, .pilots, .deadline, .budget, .budgetText, .humanResources]))
        #expect(try PlanKitJSON.encode([Self.read(name, .all)]) == PlanKitJSON.encode([Fixtures.plan(name)]))
    }
}
