import Testing
@testable import PlanKit

/// `pst-forms.csv`: comma-separated, quoted multi-line cells, every amount and deadline form.
@Suite struct FormsFixtureTests {
    let plan: Plan

    init() throws { plan = try Fixtures.plan("pst-forms.csv") }

    @Test func preamble() {
        #expect(plan.name == "PST Testville")
        #expect(plan.commune == "Testville")
        #expect(plan.period == 2019...2024)
        #expect(plan.volet == "interne")
        #expect(plan.objectives.map(\.title) == ["Être une administration efficace", "Une commune durable"])
        #expect(plan.actions.count == 10)
    }

    @Test func multiLineCellsAndSeveralPilots() throws {
        let a11 = try #require(plan.action("1.1"))
        #expect(a11.pilots.political.value == .known(["A. Martin", "B. Durand"]))
        #expect(a11.pilots.services.value == .known(["Finances", "Informatique"]))
        let a21 = try #require(plan.action("2.1"))
        #expect(a21.title == "Isoler les bâtiments communaux")
        #expect(a21.pilots.services.value == .known(["Travaux", "Énergie"]))
        #expect(a21.pilots.agents.value == .known(["P. Lambert", "M. Collin"]))
        // The quoted title and services cells span lines 18-20; the next row starts on line 21.
        #expect(a21.location.line == 18)
        #expect(plan.action("2.2")?.location.line == 21)
        #expect(a21.deadline.value == .known(.ongoing))
        #expect(a21.budget.map(\.amount) == [.known(Money(cents: 250_000_00)), .unknown])
    }

    @Test func amountsInEveryForm() {
        let amounts = plan.actions.flatMap(\.budget).compactMap(\.amount.value?.cents)
        #expect(amounts == [1_500_50, 2_000_00, 3_000_00, 12_500_00, 45_000_00, 45_000_00, 250_000_00, 1_000_00])
    }

    @Test func pendingAndStates() {
        #expect(plan.action("2.2")?.pending == true)
        #expect(plan.action("2.2")?.budget.map(\.kind) == [.ordinary, .extraordinary])
        #expect(plan.action("1.3")?.extraordinaryBudget.value == CellValue<[BudgetLine]>.none)
        #expect(plan.action("1.4")?.pilots.agents.value == CellValue<[String]>.none)
        #expect(plan.action("1.5")?.pilots.political.value == .missing)
    }

    @Test func unreadableCellsAreKeptAndReported() throws {
        let messages = plan.warnings.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(messages == [
            "23:8: No amount found in this budget cell; write an amount such as 3.000 €, or ?? when it is unknown. It is kept as one line of unknown amount.",
            "24:6: \"Bientôt\" is not a deadline PlanKit reads; it counts as unknown. Write a day (31/12/2021), a year, \"2e sem. 2020\", \"T3 2021\", \"Mai 2022\", \"fin 2022\", \"2019-2024\" or \"En continu\".",
            "24:8: The amount 99999999999999999999 € is too large to hold in cents; check the cell. It is kept as unknown.",
        ])
        let a24 = try #require(plan.action("2.4"))
        #expect(a24.budget.first?.note == "Subside régional")
        #expect(plan.action("2.5")?.deadline.text == "Bientôt")
    }
}
