import PlanKit

extension CompiledQuery {
    static func aggregate(_ function: AggregateFunction, _ accessor: ValueAccessor?, _ type: ValueType?, _ members: [Int],
                          _ context: QueryContext, _ location: QueryLocation) throws(QueryError) -> QueryValue {
        guard let accessor else { return .integer(Int64(members.count)) }
        // One pass over the members' known values, keeping only what the function needs.
        var count: Int64 = 0
        var total: Int64 = 0
        var overflow = false
        var best: QueryValue?
        for i in members {
            _ = accessor(context, i) { value in
                if value.isState { return false }
                count += 1
                switch function {
                case .count: break
                case .sum, .avg:
                    let add: Int64
                    switch value {
                    case .money(let m): add = m.cents
                    case .integer(let n): add = n
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
            if count == 0 { return .missing }
            if function == .sum { return type == .money ? .money(Money(cents: total)) : .integer(total) }
            if type == .money {
                let (q, r) = total.quotientAndRemainder(dividingBy: count)
                return .money(Money(cents: q + (r.magnitude * 2 >= count.magnitude ? (total < 0 ? -1 : 1) : 0)))
            }
            return .decimal(Double(total) / Double(count))
        case .min, .max:
            return best ?? .missing
        }
    }
}
