import Foundation
import PlanKit

/// A ``DenseKey``'s values over every row of a context, made once: the different values, and
/// each row's as an index among them (its class). Grouping by the key and testing its state
/// (`is missing`) then read one small integer a row instead of making the row's value.
struct DenseColumn: Sendable {
    /// Each row's class: the index of its value in ``values``.
    let classes: [Int32]
    /// The different values, in the order of their first row (a row without a number has the
    /// value `missing`).
    let values: [QueryValue]
    /// For each class, which state tests its value passes: bit `k` for `StateTest.allCases[k]`,
    /// as ``Compiler/isInState(_:_:)`` answers.
    let states: [UInt8]

    init(_ key: DenseKey, over context: QueryContext) {
        let count = key.count(context)
        // The class of each number, made when a row first has it; the last slot is "no number".
        var classOfNumber = [Int32](repeating: -1, count: count + 1)
        var classOfValue: [QueryValue: Int32] = [:]
        var values: [QueryValue] = []
        let numbers = key.numbers(context)
        var classes = [Int32](repeating: 0, count: numbers.count)
        for (row, n) in numbers.enumerated() {
            var number = Int(n)
            if number < 0 || number > count { number = count }
            var made = classOfNumber[number]
            if made < 0 {
                let value = number == count ? QueryValue.missing : key.value(context, number)
                if key.injective && value != .missing {
                    // A value no other number has: a class of its own.
                    made = Int32(values.count)
                    values.append(value)
                } else if let known = classOfValue[value] {
                    made = known
                } else {
                    made = Int32(values.count)
                    values.append(value)
                    classOfValue[value] = made
                }
                classOfNumber[number] = made
            }
            classes[row] = made
        }
        self.classes = classes
        self.values = values
        states = values.map { value in
            var bits: UInt8 = 0
            for (k, test) in StateTest.allCases.enumerated() where Compiler.isInState(value, test) { bits |= 1 << k }
            return bits
        }
    }

    /// The bit of `test` in ``states``.
    static func bit(_ test: StateTest) -> UInt8 {
        1 << (StateTest.allCases.firstIndex(of: test) ?? 0)
    }

    /// Whether row `row`'s value passes `bit` (from ``bit(_:)``); a row outside the column has
    /// no value, and passes what `missing` passes.
    func row(_ row: Int, passes bit: UInt8, missing: Bool) -> Bool {
        guard row >= 0 && row < classes.count else { return missing }
        return states[Int(classes[row])] & bit != 0
    }
}

/// The dense columns of one context, made on first use.
///
/// Sendable because `columns` is read and written only while `lock` is held; a column, once
/// made, is a value that does not change.
final class DenseColumns: @unchecked Sendable {
    private let lock = NSLock()
    private var columns: [String: DenseColumn] = [:]

    /// The column of `key` over `context`, made the first time.
    func column(_ key: DenseKey, of context: QueryContext) -> DenseColumn {
        lock.lock()
        defer { lock.unlock() }
        if let column = columns[key.id] { return column }
        let column = DenseColumn(key, over: context)
        columns[key.id] = column
        return column
    }
}
