import Foundation
import PlanKit
import PlanQuery
import Testing

// These tests use PlanKit as a client package would: plain imports, public API only.

/// A generic function over `Swift.Collection`, which `import PlanQuery` used to hide.
private func firstTwo<C: Collection>(_ c: C) -> [C.Element] { Array(c.prefix(2)) }

private let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/pst-citoyennete.tsv").path

@Suite struct ClientAPITests {
    @Test func collectionIsSwiftsOwn() {
        #expect(firstTwo([1, 2, 3]) == [1, 2])
        #expect(QueryCollection.self != Never.self as Any.Type)
    }

    @Test func moneyArithmetic() {
        var total = Money(euros: 1_500) + Money(cents: 50)
        #expect(total == Money(cents: 150_050))
        total -= Money(euros: 500)
        #expect(total.description == Money(cents: 100_050).description)
        total += Money(euros: 1)
        #expect(total - Money(euros: 1_001) == Money(cents: 50))
        #expect(-Money(euros: 2) == Money(cents: -200))
        #expect([Money(euros: 1), Money(euros: 2)].sum() == Money(euros: 3))
        #expect([Money]().sum() == .zero)
        #expect([Money(cents: .max), Money(cents: 1)].sum() == nil)
        #expect(Money(euros: Int64.max) == nil)
    }

    /// A decimal number of euros is an amount when it is whole cents, and refused otherwise;
    /// rounding is asked for by name.
    @Test func moneyFromDecimalEuros() throws {
        let exact = try #require(Decimal(string: "24850.50"))
        #expect(Money(euros: exact) == Money(cents: 2_485_050))
        #expect(Money(euros: try #require(Decimal(string: "-3.2"))) == Money(cents: -320))
        #expect(Money(euros: Decimal(12)) == Money(euros: 12))
        #expect(Money(euros: try #require(Decimal(string: "1.230000"))) == Money(cents: 123))
        #expect(Money(euros: try #require(Decimal(string: "0.125"))) == nil)
        #expect(Money(euros: Decimal.nan) == nil)
        #expect(Money(euros: try #require(Decimal(string: "92233720368547758.07"))) == Money(cents: .max))
        #expect(Money(euros: try #require(Decimal(string: "92233720368547758.08"))) == nil)
        #expect(Money(euros: try #require(Decimal(string: "1e30"))) == nil)

        let eighth = try #require(Decimal(string: "0.125"))
        #expect(Money(euros: eighth, rounding: .plain) == Money(cents: 13))
        #expect(Money(euros: -eighth, rounding: .plain) == Money(cents: -13))
        #expect(Money(euros: eighth, rounding: .bankers) == Money(cents: 12))
        #expect(Money(euros: eighth, rounding: .down) == Money(cents: 12))
        #expect(Money(euros: eighth, rounding: .up) == Money(cents: 13))
        #expect(Money(euros: Decimal(10) / Decimal(3), rounding: .plain) == Money(cents: 333))
        #expect(Money(euros: Decimal.nan, rounding: .plain) == nil)
    }

    @Test func actionWithoutEveryField() {
        let location = SourceLocation(file: "pst.tsv", line: 12, column: 1)
        let line = BudgetLine(kind: .ordinary, amount: .known(Money(euros: 2_000)), text: "2 000 €", location: location)
        let action = Action(id: "1.2", title: "Créer un conseil des jeunes", location: location,
                            deadline: Cell(.known(.year(2026)), text: "2026", location: location),
                            ordinaryBudget: Cell(.known([line]), text: line.text, location: location))
        #expect(action.id == "1.2")
        #expect(action.title == "Créer un conseil des jeunes")
        #expect(action.deadline.knownValue == .year(2026))
        #expect(action.deadline.description == "2026")
        #expect(action.humanResources.value == .missing)
        #expect(action.humanResources.knownValue == nil)
        #expect(action.budget.compactMap(\.amount.value).sum() == Money(euros: 2_000))
        #expect(action.description == "1.2 Créer un conseil des jeunes")
        #expect(Action(id: "2", title: "t", location: location).deadline.description == "missing")
    }

    @Test func descriptions() throws {
        #expect(CellValue<Int>.unknown.description == "unknown")
        #expect(CellValue.known(Deadline.year(2026)).description == "2026")
        let finding = Finding(rule: "action.open-question", severity: .info, message: "Left open.", subject: "1.2",
                              location: SourceLocation(file: "pst.tsv", line: 3, column: 2))
        #expect(finding.description == "pst.tsv:3:2: info: Left open. [action.open-question]")
        let plans = try PlanReader().read(path: seed)
        #expect(plans.first.map(String.init(describing:))?.hasSuffix("(\(seed))") == true)
    }

    @Test func typedIndexes() throws {
        let set = try PlanSet(reading: [seed])
        let lines = set.budgetLines.indices.filter { set.budgetLines[$0].action != nil }
        let first = try #require(lines.first)
        let action = try #require(set.budgetLines[first].action)
        #expect(set.actions[action].budgetLines.contains(first))
        #expect(set.plans[set.plan(ofLine: first)].source == seed)
        if let article = set.article(ofLine: first) {
            #expect(set.articles[article].lines.contains(first))
        }
        // set.articles[action] or set.actions[first] do not compile: each table takes its own index.
    }

    @Test func queryFromAClient() throws {
        let context = QueryContext(try PlanSet(reading: [seed]))
        let table = try context.run("budget group by kind select kind, sum(amount) sort by kind")
        let rows = table.namedRows
        #expect(rows.map { $0.text("kind") } == ["extraordinary", "ordinary"])
        #expect(table[row: 0].money("sum(amount)") != nil)
        #expect(table[row: 0].integer("kind") == nil)
        #expect(table[row: 0]["nope"] == nil)
        let count = try context.run("actions select count()")
        #expect(count[row: 0].integer("count()") ?? 0 > 0)
    }

    @Test func severalPlansGetThePlanColumn() throws {
        let cohesion = URL(fileURLWithPath: seed).deletingLastPathComponent().appendingPathComponent("pst-cohesion.tsv").path
        let one = QueryContext(try PlanSet(reading: [seed]))
        let two = QueryContext(try PlanSet(reading: [seed, cohesion]))
        #expect(try one.run("actions").columns.first == "id")
        #expect(try two.run("actions").columns.first == "plan")
    }

    @Test func queryErrorIsLocalized() {
        let context = QueryContext(PlanSet())
        #expect {
            _ = try context.run("acions")
        } throws: { error in
            error.localizedDescription == "Unknown collection 'acions'; did you mean 'actions'?"
        }
    }
}
