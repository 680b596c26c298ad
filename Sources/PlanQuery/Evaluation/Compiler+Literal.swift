import PlanKit

extension Compiler {
    /// Converts a literal to a value comparable with a field of type `type`.
    package static func convert(_ literal: Literal, to type: ValueType, path: Path, at location: QueryLocation) throws(QueryError) -> QueryValue {
        switch (type, literal) {
        case (.money, .number(let text)):
            guard let money = Money(decimal: text) else {
                throw QueryError("\(text) is not an amount PlanKit can hold; write euros with at most two decimals, below 92 233 720 368 547 758.", at: location)
            }
            return .money(money)
        case (.integer, .number(let text)), (.deadline, .number(let text)):
            if let n = Int64(text) { return .integer(n) }
            if type == .integer, !text.contains("."), text.count > 18 {
                throw QueryError("\(text) is too large a number; numbers here fit in 64 bits.", at: location)
            }
            guard type == .integer, let d = Double(text) else {
                throw QueryError("'\(path)' compares with a year, a whole number; write it without decimals.", at: location)
            }
            return .decimal(d)
        case (.id, .number(let text)), (.id, .string(let text)): return .id(text)
        case (.text, .string(let text)): return .text(text)
        case (.text, .number(let text)): return .text(text)
        case (.bool, .bool(let b)): return .bool(b)
        case (.date, .date(let day)), (.deadline, .date(let day)): return .date(day)
        case (.date, .string(let text)):
            guard let day = Day(iso: text) else {
                throw QueryError("'\(path)' is a date, and \"\(text)\" is not one; write it as \"YYYY-MM-DD\", such as \"2021-07-01\", or today().", at: location)
            }
            return .date(day)
        case (.deadline, .string(let text)):
            // A deadline compares with a date by its end, as with date("…").
            guard let day = Day(iso: text) else { fallthrough }
            return .date(day)
        case (.deadline, _):
            throw QueryError("'\(path)' is a deadline; compare it with a year (\(path) < 2022) or a date (\(path).end < today()), or use \(path).text ~ \"…\".", at: location)
        default:
            let what: String = switch type {
            case .money: "an amount; compare it with a number of euros, as in \(path) > 1000"
            case .integer: "a number; compare it with a number"
            case .bool: "true or false; compare it with true or false"
            case .date: "a date; compare it with a date such as \"2021-07-01\", date(\"2021-07-01\") or today()"
            default: "text; compare it with a string in double quotes"
            }
            throw QueryError("'\(path)' is \(what).", at: location)
        }
    }

}
