import Foundation
import Testing
@testable import PlanKit

@Suite struct SeedPlanTests {
    let plan: Plan

    init() throws { plan = try Fixtures.plan("pst-citoyennete.tsv") }

    @Test func structure() {
        #expect(plan.objectives.count == 1)
        #expect(plan.objectives[0].operationalObjectives.map(\.number) == ["1", "2", "3"])
        #expect(plan.actions.map(\.id) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3"])
        #expect(plan.domain == "CITOYENNETE")
        #expect(plan.volet == "externe")
        #expect(plan.kind == .pst)
        #expect(plan.legend == ["En attente confirmation/précision du Collège communal"])
        #expect(plan.warnings.isEmpty)
        #expect(plan.objectives[0].title == "Etre une commune qui place le citoyen au cœur de ses projets et de la vie communale")
    }

    @Test func budgetTotals() {
        func total(_ kind: BudgetKind) -> Int64 {
            plan.actions.flatMap(\.budget).filter { $0.kind == kind }.compactMap(\.amount.value?.cents).reduce(0, +)
        }
        #expect(total(.ordinary) == 70_000_00)
        #expect(total(.extraordinary) == 20_000_00)
    }

    @Test func allocationOfStatedCredit() throws {
        let line = try #require(plan.action("3.2")?.budget.first)
        #expect(line.amount == .known(Money(cents: 5_000_00)))
        #expect(line.statedCredit == Money(cents: 24_850_00))
        #expect(line.article?.code == "84021/124-02")
        #expect(line.article?.mainFunction == "840")
        #expect(line.articleLabel == "Frais animation Cohésion sociale")
        #expect(line.kind == .ordinary)
    }

    @Test func unknownAllocationOfKnownCredit() throws {
        let line = try #require(plan.action("2.3")?.budget.first)
        #expect(line.amount == .unknown)
        #expect(line.statedCredit == Money(cents: 13_000_00))
        #expect(line.article?.code == "8325/435-01")
    }

    @Test func labelledLinesAndUnknownRemainder() throws {
        let action = try #require(plan.action("1.1"))
        #expect(action.budget.map(\.label) == ["CCE", "CCCA", "CPJ", "CCPH", nil])
        #expect(action.budget.map(\.amount) == [
            .known(Money(cents: 3_000_00)), .known(Money(cents: 3_000_00)), .known(Money(cents: 6_000_00)),
            .known(Money(cents: 3_000_00)), .unknown,
        ])
        #expect(action.extraordinaryBudget.value == CellValue<[BudgetLine]>.none)
        #expect(action.extraordinaryBudget.text == "/")
    }

    @Test func envelopeFunding() throws {
        let line = try #require(plan.action("2.2")?.budget.first)
        #expect(line.amount == .unknown)
        #expect(line.fundingPlan == "PCS")
        #expect(line.label == "Budget Plan d'actions")
    }

    @Test func extraordinaryArticle() throws {
        let line = try #require(plan.action("1.2")?.budget.first)
        #expect(line.kind == .extraordinary)
        #expect(line.article?.code == "840/731-53")
        #expect(line.article?.service == .extraordinary)
        #expect(line.articleLabel == "c'est ma ruralité")
    }

    @Test func deadlines() {
        #expect(plan.action("3.1")?.deadline.value == .known(.semester(2, year: 2020)))
        #expect(plan.action("3.1")?.deadline.text == "2e sem. 2020")
        #expect(plan.action("1.2")?.deadline.value == .unknown)
        #expect(plan.action("1.1")?.deadline.value.value?.year == 2020)
    }

    @Test func links() throws {
        let l11 = try #require(plan.action("1.1")).links
        #expect(l11.map { [$0.plan, $0.element.rawValue, $0.ref ?? "-"] } == [["PCS III", "axis", "6"]])
        let l12 = try #require(plan.action("1.2")).links
        #expect(l12.map { [$0.relation.rawValue, $0.plan, $0.element.rawValue, $0.ref ?? "-"] } == [
            ["en lien avec", "PCS III", "action", "5.5.02"],
            ["cfr", "PST Aînés", "plan", "-"],
            ["cfr", "PST Culture", "plan", "-"],
        ])
        #expect(plan.action("1.3")?.links.map(\.ref) == ["6.1.04"])
        #expect(plan.action("1.2")?.title == "Analyser la possibilité de création de lieux de convivialité")
        #expect(plan.action("1.1")?.title == "Redynamiser l'ensemble des Conseils consultatifs (CCE, CPJ, CCCA, CCPH,...)")
    }

    @Test func openQuestions() {
        #expect(plan.action("2.2")?.openQuestions == ["à préciser! Comment?"])
        #expect(plan.action("2.3")?.openQuestions == ["à préciser! Comment?"])
        #expect(plan.action("3.2")?.openQuestions == ["soutien financier? Logistique? Promotionnel?"])
        #expect(plan.action("1.1")?.openQuestions == [])
    }

    @Test func pilotsAndLocations() throws {
        let action = try #require(plan.action("2.3"))
        #expect(action.pilots.political.value == .known(["S. Boulanger"]))
        #expect(action.pilots.services.value == .unknown)
        #expect(action.pilots.agents.value == .unknown)
        #expect(action.location == SourceLocation(file: Fixtures.path("pst-citoyennete.tsv"), line: 18, column: 3))
        #expect(action.code.value == .known("A 2.3"))
        #expect(action.budget.first?.location.column == 9)
        #expect(plan.action("1.1")?.pilots.agents.value == .known(["Cheffe de projet PCS Service J", "Service Enfance"]))
    }

    /// The same plan saved by Excel as CSV (semicolons, Windows-1252, CRLF) and as UTF-16 text.
    @Test(arguments: ["pst-citoyennete-excel.csv", "pst-citoyennete-utf16.txt"])
    func variantsGiveTheSamePlan(_ name: String) throws {
        var variant = try Fixtures.plan(name)
        variant.source = plan.source
        variant.name = plan.name
        let original = Fixtures.path("pst-citoyennete.tsv")
        let json = String(decoding: try PlanKitJSON.encode([variant]), as: UTF8.self)
            .replacingOccurrences(of: Fixtures.path(name), with: original)
        #expect(json == String(decoding: try PlanKitJSON.encode([plan]), as: UTF8.self))
        #expect(variant.preamble == plan.preamble)
    }
}
