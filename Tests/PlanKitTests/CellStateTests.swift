import Foundation
import Testing
@testable import PlanKit

/// The four states of a cell, written once (``CellState``) and shared by ``CellValue``, a budget
/// line's amount and a row's budget cells.
@Suite struct CellStateTests {
    static let location = SourceLocation(file: "pst.tsv", line: 3, column: 7)

    /// A value in each state, the known one holding `value`.
    static func value<V>(_ state: CellState, _ value: V) -> CellValue<V> { CellValue(state) { value } }

    @Test(arguments: CellState.allCases)
    func stateAndValueGoBetweenEachOther(_ state: CellState) {
        let value = Self.value(state, 42)
        #expect(value.state == state)
        #expect(value.stateName == state.name)
        #expect(CellState(name: state.name) == state)
        #expect(value.value == (state == .known ? 42 : nil))
        #expect(value.map(String.init).state == state)
        #expect(value.map(String.init).value == (state == .known ? "42" : nil))
    }

    @Test(arguments: zip(CellState.allCases, ["known", "unknown", "none", "missing"]))
    func namesAreThoseOfJSONAndQueries(_ state: CellState, _ name: String) throws {
        #expect(state.name == name)
        let json = String(decoding: try JSONEncoder().encode(Self.value(state, 5)), as: UTF8.self)
        #expect(json.contains("\"state\":\"\(name)\""))
        #expect(try JSONDecoder().decode(CellValue<Int>.self, from: Data(json.utf8)) == Self.value(state, 5))
    }

    @Test func anUnknownNameIsNoState() throws {
        #expect(CellState(name: "Known") == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CellValue<Int>.self, from: Data(#"{"state":"maybe"}"#.utf8))
        }
    }

    @Test(arguments: CellState.allCases)
    func aBudgetLineKeepsItsAmountsState(_ state: CellState) {
        let amount = Self.value(state, Money(euros: 3_000))
        var line = BudgetLine(kind: .ordinary, amount: amount, text: "3.000 €", location: Self.location)
        #expect(line.amount == amount)
        line.amount = Self.value(state, Money(cents: 1))
        #expect(line.amount.state == state)
        #expect(line.amount.value == (state == .known ? Money(cents: 1) : nil))
    }

    @Test(arguments: CellState.allCases)
    func anActionsBudgetCellKeepsItsState(_ state: CellState) {
        let line = BudgetLine(kind: .ordinary, amount: .known(Money(euros: 5)), text: "5 €", location: Self.location)
        let action = Action(id: "1", title: "t", location: Self.location,
                            ordinaryBudget: Cell(Self.value(state, [line]), text: "5 €", location: Self.location))
        #expect(action.ordinaryBudget.value.state == state)
        // Every state but known and unknown contributes no line; unknown contributes one of unknown amount.
        #expect(action.budgetLineCount == [CellState.known: 1, .unknown: 1][state, default: 0])
        #expect(action.budget.map(\.amount.state) == [CellState.known: [.known], .unknown: [.unknown]][state, default: []])
    }
}
