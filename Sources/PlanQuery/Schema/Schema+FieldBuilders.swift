import Foundation
import PlanKit

extension Schema {
    static func one(_ f: @escaping @Sendable (QueryContext, Int) -> QueryValue) -> ValueAccessor {
        { context, index, emit in emit(f(context, index)) }
    }

    static func value(_ name: String, _ type: ValueType, _ summary: String, aliases: [String] = [],
                      _ f: @escaping @Sendable (QueryContext, Int) -> QueryValue) -> Field {
        var field = Field(name: name, aliases: aliases, summary: summary, kind: .value(type, one(f)))
        field.single = f
        return field
    }

    /// `field`, searched by `~` through a folded column.
    static func searchable(_ field: Field, _ column: FoldedColumn.Key) -> Field {
        var field = field
        field.foldedColumn = column
        return field
    }

    static func values(_ name: String, _ type: ValueType, _ summary: String, aliases: [String] = [],
                       _ f: @escaping ValueAccessor) -> Field {
        Field(name: name, aliases: aliases, summary: summary, kind: .value(type, f))
    }

    static func record(_ name: String, _ type: RecordTypeID, _ summary: String, aliases: [String] = [],
                       _ f: @escaping @Sendable (QueryContext, Int) -> Int) -> Field {
        Field(name: name, aliases: aliases, summary: summary, kind: .record(type, many: false, { c, i, visit in visit(f(c, i)) }))
    }

    static func records(_ name: String, _ type: RecordTypeID, _ summary: String, aliases: [String] = [],
                        _ f: @escaping @Sendable (QueryContext, Int) -> Range<Int>) -> Field {
        Field(name: name, aliases: aliases, summary: summary, kind: .record(type, many: true, { c, i, visit in
            for j in f(c, i) where visit(j) { return true }
            return false
        }))
    }

    static func text(_ s: String?) -> QueryValue { s.map { .text($0) } ?? .missing }

    static func state<T>(_ cell: Cell<T>, _ known: (T) -> QueryValue) -> QueryValue {
        state(cell.value, known)
    }

    static func state<T>(_ value: CellValue<T>, _ known: (T) -> QueryValue) -> QueryValue {
        switch value {
        case .known(let v): known(v)
        case .unknown: .unknown
        case .none: .none
        case .missing: .missing
        }
    }

    static func names(_ cell: @escaping @Sendable (Action) -> Cell<[String]>) -> ValueAccessor {
        { context, index, emit in
            let cell = cell(context.planSet.actions[index].action)
            switch cell.value {
            case .known(let names):
                if names.isEmpty { return emit(.missing) }
                for name in names where emit(.text(name)) { return true }
                return false
            case .unknown: return emit(.unknown)
            case .none: return emit(.none)
            case .missing: return emit(.missing)
            }
        }
    }

    /// The sum of an action's known amounts of one kind; the cell's state when it holds no lines.
    static func budgetSum(_ c: QueryContext, _ i: Int, _ kind: BudgetKind) -> QueryValue {
        let entry = c.planSet.actions[i]
        let cell = kind == .ordinary ? entry.action.ordinaryBudget : entry.action.extraordinaryBudget
        guard case .known = cell.value else { return state(cell) { _ in .missing } }
        return sum(c.planSet.budgetLines[entry.budgetLines].lazy.filter { $0.kind == kind }.map(\.amount))
    }

    /// The sum of the known amounts, ``QueryValue/incomplete(_:)`` when some amounts are unknown
    /// (`15000 + ?`); `.unknown` when there are amounts but none is known (a cell `?? …`) or the
    /// sum overflows, `.missing` when there is no amount at all.
    static func sum(_ amounts: some Sequence<CellValue<Money>>) -> QueryValue {
        var total = Money.zero
        var any = false, unknown = false
        for cell in amounts {
            guard let amount = cell.value else {
                if case .unknown = cell { unknown = true }
                continue
            }
            any = true
            guard let next = total.adding(amount) else { return .unknown }
            total = next
        }
        return any ? (unknown ? .incomplete(total) : .money(total)) : (unknown ? .unknown : .missing)
    }
}
