import PlanKit

extension QueryValue {
    /// `a op b` over numbers, amounts and dates.
    ///
    /// Amounts plus or minus amounts or numbers (read as euros) are amounts; an amount times or
    /// divided by a number is an amount, rounded to the cent; an amount divided by an amount is a
    /// number. Whole numbers stay whole unless a division leaves a remainder. A date plus or minus
    /// a whole number of days is a date; a date minus a date is the whole number of days between
    /// them. The result is unknown when either side is unknown, none, missing or incomplete, on
    /// division by zero, when a number of days is not whole, and when it is too large to hold
    /// exactly: beyond 64 bits for whole numbers and amounts' cents, beyond 2^53 for decimal
    /// numbers, beyond the years 1 to 9999 for dates.
    static func arithmetic(_ op: ArithmeticOperator, _ a: QueryValue, _ b: QueryValue) -> QueryValue {
        guard a.isKnown, b.isKnown else { return .unknown }
        switch (a, b) {
        case (.date, _), (_, .date):
            return days(op, a, b)
        case (.integer(let x), .integer(let y)):
            switch op {
            case .add: return whole(x.addingReportingOverflow(y))
            case .subtract: return whole(x.subtractingReportingOverflow(y))
            case .multiply: return whole(x.multipliedReportingOverflow(by: y))
            case .divide:
                guard y != 0 else { return .unknown }
                if x % y == 0 { return whole(x.dividedReportingOverflow(by: y)) }
                // Beyond 2^53 a whole number does not turn into a decimal exactly.
                let dx = Double(x), dy = Double(y)
                return dx.magnitude < exactLimit && dy.magnitude < exactLimit ? exact(dx / dy) : .unknown
            }
        case (.money(let x), .money(let y)):
            switch op {
            case .add: return cents(x.cents.addingReportingOverflow(y.cents))
            case .subtract: return cents(x.cents.subtractingReportingOverflow(y.cents))
            case .multiply: return exact(x.euros * y.euros)
            case .divide: return y.cents == 0 ? .unknown : exact(Double(x.cents) / Double(y.cents))
            }
        case (.money(let x), _), (_, .money(let x)):
            let moneyFirst = if case .money = a { true } else { false }
            guard let other = (moneyFirst ? b : a).number, other.isFinite, other.magnitude < Self.exactLimit else { return .unknown }
            switch op {
            case .add, .subtract:
                let otherCents = other * 100
                let sign: Double = op == .add ? 1 : -1
                return rounded(moneyFirst ? Double(x.cents) + sign * otherCents : otherCents + sign * Double(x.cents))
            case .multiply: return rounded(Double(x.cents) * other)
            case .divide:
                if moneyFirst { return other == 0 ? .unknown : rounded(Double(x.cents) / other) }
                return x.cents == 0 ? .unknown : exact(other / x.euros)
            }
        default:
            guard let x = a.number, let y = b.number, x.magnitude < Self.exactLimit, y.magnitude < Self.exactLimit else { return .unknown }
            switch op {
            case .add: return exact(x + y)
            case .subtract: return exact(x - y)
            case .multiply: return exact(x * y)
            case .divide: return y == 0 ? .unknown : exact(x / y)
            }
        }
    }

    /// 2^53: a decimal number of this size or more no longer holds every whole number exactly.
    static let exactLimit: Double = 9_007_199_254_740_992

    /// A decimal result, or unknown when it is too large to hold exactly.
    private static func exact(_ d: Double) -> QueryValue {
        d.isFinite && d.magnitude < exactLimit ? .decimal(d) : .unknown
    }

    /// A date plus or minus a whole number of days, a number of days plus a date, or a date minus
    /// a date; unknown for anything else, which the compiler refuses beforehand.
    private static func days(_ op: ArithmeticOperator, _ a: QueryValue, _ b: QueryValue) -> QueryValue {
        switch (op, a, b) {
        case (.subtract, .date(let x), .date(let y)):
            return .integer(Int64(x.daysSince1970 - y.daysSince1970))
        case (.add, .date(let x), _), (.subtract, .date(let x), _):
            guard let n = b.wholeDays else { return .unknown }
            let number = Int64(x.daysSince1970)
            return shifted(op == .add ? number.addingReportingOverflow(n) : number.subtractingReportingOverflow(n))
        case (.add, _, .date(let y)):
            guard let n = a.wholeDays else { return .unknown }
            return shifted(Int64(y.daysSince1970).addingReportingOverflow(n))
        default:
            return .unknown
        }
    }

    /// The day a day number moved by some days gives, or unknown beyond the years 1 to 9999.
    private static func shifted(_ result: (partialValue: Int64, overflow: Bool)) -> QueryValue {
        guard !result.overflow, let moved = Day(daysSince1970: Int(result.partialValue)) else { return .unknown }
        return .date(moved)
    }

    /// The value as a whole number of days: a whole number, or a decimal without a fraction.
    private var wholeDays: Int64? {
        switch self {
        case .integer(let n): return n
        case .decimal(let d):
            guard d.isFinite, d == d.rounded(), d.magnitude < Self.exactLimit else { return nil }
            return Int64(d)
        default: return nil
        }
    }

    private static func whole(_ result: (partialValue: Int64, overflow: Bool)) -> QueryValue {
        result.overflow ? .unknown : .integer(result.partialValue)
    }

    private static func cents(_ result: (partialValue: Int64, overflow: Bool)) -> QueryValue {
        result.overflow ? .unknown : .money(Money(cents: result.partialValue))
    }

    /// A number of cents, rounded half away from zero, as an amount.
    private static func rounded(_ cents: Double) -> QueryValue {
        let r = cents.rounded(.toNearestOrAwayFromZero)
        guard r.isFinite, r.magnitude < 9.2e18 else { return .unknown }
        return .money(Money(cents: Int64(r)))
    }
}

extension QueryValue {
    /// A date's year, as a number; a state stays as it is, anything else is unknown.
    var year: QueryValue {
        switch self {
        case .date(let day): .integer(Int64(day.year))
        case .unknown, .none, .missing: self
        default: .unknown
        }
    }
}
