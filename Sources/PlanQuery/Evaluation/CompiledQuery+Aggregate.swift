import Foundation
import PlanKit

extension CompiledQuery {
    /// An aggregate over the rows `members`.
    ///
    /// `count(p)` counts the values that are not unknown, none or missing (with `distinct`, the
    /// different ones); `min` and `max` take known values only. `sum` adds the known amounts or
    /// numbers, and says when some are unknown (or incomplete sums): the sum of the known parts is
    /// then ``QueryValue/incomplete(_:)`` for amounts (`15000 + ?`) and
    /// ``QueryValue/incompleteNumber(_:)`` for numbers (`5 + ?`), and unknown when no part is
    /// known. `avg` is unknown when some values are unknown, for their number is known but not
    /// their sum. Whole numbers and amounts add up in 64-bit integers (cents), fractional numbers
    /// (`0,5 ETP`) as decimals, exactly: `0.1 + 0.2` is `0.3`.
    static func aggregate(_ function: AggregateFunction, _ accessor: ValueAccessor?, _ type: ValueType?, _ members: [Int],
                          _ context: QueryContext, _ location: QueryLocation, distinct: Bool = false) throws(QueryError) -> QueryValue {
        guard let accessor else { return .integer(Int64(members.count)) }
        if distinct {
            var seen = Set<QueryValue>()
            for i in members {
                _ = accessor(context, i) { value in
                    if !value.isState { seen.insert(value) }
                    return false
                }
            }
            return .integer(Int64(seen.count))
        }
        // One pass over the members' known values, keeping only what the function needs.
        var count: Int64 = 0
        var total: Int64 = 0
        // Fractional numbers, added as decimals; `nil` until one is met.
        var fractions: Decimal?
        var overflow = false
        var unknownParts = false
        var best: QueryValue?
        for i in members {
            _ = accessor(context, i) { value in
                if value.isState {
                    if value == .unknown { unknownParts = true }
                    return false
                }
                if value.isIncomplete && function == .avg { unknownParts = true }
                if function != .count && function != .sum && !value.isKnown { return false }
                count += 1
                switch function {
                case .count: break
                case .sum, .avg:
                    let add: Int64
                    switch value {
                    case .money(let m): add = m.cents
                    case .incomplete(let m): add = m.cents; unknownParts = true
                    case .integer(let n): add = n
                    case .decimal(let d), .incompleteNumber(let d):
                        if value.isIncomplete { unknownParts = true }
                        guard let exact = exactDecimal(d) else { overflow = true; return false }
                        fractions = (fractions ?? 0) + exact
                        return false
                    default: return false
                    }
                    let (s, o) = total.addingReportingOverflow(add)
                    if o { overflow = true } else { total = s }
                case .min, .max:
                    if let current = best {
                        let c = QueryValue.order(value, current)
                        if function == .min ? c < 0 : c > 0 { best = value }
                    } else {
                        best = value
                    }
                }
                return false
            }
        }
        switch function {
        case .count:
            return .integer(count)
        case .sum, .avg:
            if overflow {
                throw QueryError("\(function.rawValue)() overflows: the total is too large to hold; narrow the rows with where.", at: location)
            }
            if count == 0 || (unknownParts && function == .avg) { return unknownParts ? .unknown : .missing }
            if function == .sum && type == .money {
                return unknownParts ? .incomplete(Money(cents: total)) : .money(Money(cents: total))
            }
            if let fractions {
                let sum = Decimal(total) + fractions
                guard let value = double(function == .sum ? sum : sum / Decimal(count)) else {
                    throw QueryError("\(function.rawValue)() overflows: the total is too large to hold; narrow the rows with where.", at: location)
                }
                return unknownParts ? .incompleteNumber(value) : .decimal(value)
            }
            if function == .sum { return unknownParts ? .incompleteNumber(Double(total)) : .integer(total) }
            if type == .money {
                let (q, r) = total.quotientAndRemainder(dividingBy: count)
                return .money(Money(cents: q + (r.magnitude * 2 >= count.magnitude ? (total < 0 ? -1 : 1) : 0)))
            }
            return double(Decimal(total) / Decimal(count)).map(QueryValue.decimal) ?? .decimal(Double(total) / Double(count))
        case .min, .max:
            return best ?? .missing
        }
    }

    /// The decimal a fractional number was read from: `0.1` is 0.1, not the binary fraction
    /// nearest it; `nil` for a value no decimal holds (infinite, not a number, beyond 10^127).
    static func exactDecimal(_ value: Double) -> Decimal? {
        guard value.isFinite else { return nil }
        guard let decimal = Decimal(string: String(value), locale: Locale(identifier: "en_US_POSIX")), !decimal.isNaN else { return nil }
        return decimal
    }

    /// The number nearest a decimal, rounded once; `nil` when it is not finite.
    static func double(_ value: Decimal) -> Double? {
        guard !value.isNaN, let double = Double(value.description), double.isFinite else { return nil }
        return double
    }
}
