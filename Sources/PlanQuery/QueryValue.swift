import PlanKit

/// A value in a query's rows and results.
public enum QueryValue: Sendable, Hashable {
    /// Text.
    case text(String)
    /// An identifier such as an action id `1.10`: sorts as numbers part by part.
    case id(String)
    /// A whole number.
    case integer(Int64)
    /// An amount of euros.
    case money(Money)
    /// A fractional number (an average of whole numbers).
    case decimal(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A deadline.
    case deadline(Deadline)
    /// A day, such as a deadline's end: `2021-12-31`.
    case date(Day)
    /// Several values of one cell, such as an action's agents.
    case list([QueryValue])
    /// A sum with unknown parts: the sum of its known parts, shown `15000 + ?`.
    case incomplete(Money)
    /// A sum of numbers with unknown parts: the sum of its known parts, shown `5 + ?`.
    case incompleteNumber(Double)
    /// `??` in the plan.
    case unknown
    /// `/` in the plan.
    case none
    /// A blank cell, or no value.
    case missing

    /// Whether the value is a sum with unknown parts, of amounts or of numbers.
    package var isIncomplete: Bool {
        switch self {
        case .incomplete, .incompleteNumber: true
        default: false
        }
    }

    /// Whether the value is one of the states unknown, none or missing.
    public var isState: Bool {
        switch self {
        case .unknown, .none, .missing: true
        default: false
        }
    }

    /// Whether the value is known and whole: not a state, not a sum with unknown parts.
    public var isKnown: Bool {
        switch self {
        case .unknown, .none, .missing, .incomplete, .incompleteNumber: false
        default: true
        }
    }

    /// The value as text for tables and CSV: amounts in euros (`24850`), states by name.
    public var text: String {
        switch self {
        case .text(let s), .id(let s): s
        case .integer(let n): String(n)
        case .money(let m): m.description
        case .incomplete(let m): "\(m.description) + ?"
        case .incompleteNumber(let d): "\(Self.decimalText(d)) + ?"
        case .decimal(let d): Self.decimalText(d)
        case .bool(let b): b ? "true" : "false"
        case .deadline(let d): d.description
        case .date(let d): d.description
        case .list(let values): values.map(\.text).joined(separator: ", ")
        case .unknown: "??"
        case .none: "/"
        case .missing: ""
        }
    }

    /// A fractional number as text: whole numbers without a fraction (`5`, not `5.0`).
    static func decimalText(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    /// Orders two values for `sort by`: known values first, then unknown, none and missing.
    static func order(_ a: QueryValue, _ b: QueryValue) -> Int {
        func rank(_ v: QueryValue) -> Int {
            switch v {
            case .unknown: 1
            case .none: 2
            case .missing: 3
            default: 0
            }
        }
        let ra = rank(a), rb = rank(b)
        if ra != 0 || rb != 0 { return ra < rb ? -1 : (ra > rb ? 1 : 0) }
        return compare(a, b) ?? Self.compareText(a.text, b.text)
    }

    /// Compares two known values of compatible kinds; `nil` when they do not compare.
    public static func compare(_ a: QueryValue, _ b: QueryValue) -> Int? {
        switch (a, b) {
        case (.text(let x), .text(let y)): return compareText(x, y)
        case (.id(let x), .id(let y)), (.id(let x), .text(let y)), (.text(let x), .id(let y)): return compareIDs(x, y)
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.money(let x), .money(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.deadline(let x), .deadline(let y)):
            return x.sortKey < y.sortKey ? -1 : (x.sortKey > y.sortKey ? 1 : 0)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.deadline(let x), .date(let y)):
            // A deadline against a day: the last day it covers.
            guard let end = x.end else { return nil }
            return end < y ? -1 : (end > y ? 1 : 0)
        case (.deadline(let x), .integer(let y)):
            guard let year = x.year else { return nil }
            return Int64(year) < y ? -1 : (Int64(year) > y ? 1 : 0)
        case (.date, .deadline), (.integer, .deadline):
            // Written the other way round: `today() > deadline`, `2022 > deadline`.
            return compare(b, a).map { -$0 }
        case (.list(let xs), .list(let ys)):
            for (x, y) in zip(xs, ys) { let c = order(x, y); if c != 0 { return c } }
            return xs.count < ys.count ? -1 : (xs.count > ys.count ? 1 : 0)
        default:
            guard let x = a.number, let y = b.number else { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }

    /// The value as a number of euros or units, for mixed numeric comparisons.
    var number: Double? {
        switch self {
        case .integer(let n): Double(n)
        case .money(let m), .incomplete(let m): m.euros
        case .decimal(let d), .incompleteNumber(let d): d
        default: nil
        }
    }

    static func compareText(_ x: String, _ y: String) -> Int {
        x < y ? -1 : (x > y ? 1 : 0)
    }

    /// Compares ids part by part, numbers as numbers: `9.2` < `10.1`, `1.2` < `1.10`.
    static func compareIDs(_ x: String, _ y: String) -> Int {
        var xs = x.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)[...]
        var ys = y.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)[...]
        while let a = xs.popFirst() {
            guard let b = ys.popFirst() else { return 1 }
            let aDigits = !a.isEmpty && a.allSatisfy { Byte.isASCIIDigit($0) }
            let bDigits = !b.isEmpty && b.allSatisfy { Byte.isASCIIDigit($0) }
            if aDigits && bDigits {
                // Compare by length without leading zeros, then digit by digit: no overflow.
                let at = a.drop { $0 == UInt8(ascii: "0") }, bt = b.drop { $0 == UInt8(ascii: "0") }
                if at.count != bt.count { return at.count < bt.count ? -1 : 1 }
                for (p, q) in zip(at, bt) where p != q { return p < q ? -1 : 1 }
            } else {
                let c = compareText(String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self))
                if c != 0 { return c }
            }
        }
        return ys.isEmpty ? 0 : -1
    }
}
