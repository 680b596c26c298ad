import PlanKit

extension QueryValue {
    /// `a op b` over numbers and amounts.
    ///
    /// Amounts plus or minus amounts or numbers (read as euros) are amounts; an amount times or
    /// divided by a number is an amount, rounded to the cent; an amount divided by an amount is a
    /// number. Whole numbers stay whole unless a division leaves a remainder. The result is
    /// unknown when either side is unknown, none, missing or incomplete, on division by zero, and
    /// when it is too large to hold.
    static func arithmetic(_ op: ArithmeticOperator, _ a: QueryValue, _ b: QueryValue) -> QueryValue {
        guard a.isKnown, b.isKnown else { return .unknown }
        switch (a, b) {
        case (.integer(let x), .integer(let y)):
            switch op {
            case .add: return whole(x.addingReportingOverflow(y))
            case .subtract: return whole(x.subtractingReportingOverflow(y))
            case .multiply: return whole(x.multipliedReportingOverflow(by: y))
            case .divide:
                guard y != 0 else { return .unknown }
                if x % y == 0 { return whole(x.dividedReportingOverflow(by: y)) }
                return .decimal(Double(x) / Double(y))
            }
        case (.money(let x), .money(let y)):
            switch op {
            case .add: return cents(x.cents.addingReportingOverflow(y.cents))
            case .subtract: return cents(x.cents.subtractingReportingOverflow(y.cents))
            case .multiply: return .decimal(x.euros * y.euros)
            case .divide: return y.cents == 0 ? .unknown : .decimal(Double(x.cents) / Double(y.cents))
            }
        case (.money(let x), _), (_, .money(let x)):
            let moneyFirst = if case .money = a { true } else { false }
            guard let other = (moneyFirst ? b : a).number, other.isFinite else { return .unknown }
            switch op {
            case .add, .subtract:
                let otherCents = other * 100
                let sign: Double = op == .add ? 1 : -1
                return rounded(moneyFirst ? Double(x.cents) + sign * otherCents : otherCents + sign * Double(x.cents))
            case .multiply: return rounded(Double(x.cents) * other)
            case .divide:
                if moneyFirst { return other == 0 ? .unknown : rounded(Double(x.cents) / other) }
                return x.cents == 0 ? .unknown : .decimal(other / x.euros)
            }
        default:
            guard a.isKnown, b.isKnown, let x = a.number, let y = b.number else { return .unknown }
            switch op {
            case .add: return .decimal(x + y)
            case .subtract: return .decimal(x - y)
            case .multiply: return .decimal(x * y)
            case .divide: return y == 0 ? .unknown : .decimal(x / y)
            }
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
