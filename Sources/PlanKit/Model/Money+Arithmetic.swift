extension Money {
    /// An amount of whole euros.
    ///
    /// Like `Int` arithmetic, the initializer stops the program when the amount overflows
    /// (beyond ±92 233 720 368 547 758 €); ``init(euros:)-(Int64)`` returns `nil` instead.
    ///
    /// ```swift
    /// let grant = Money(euros: 12_500)   // 12 500 €
    /// ```
    public init(euros: Int) {
        self.init(cents: Int64(euros) * 100)
    }

    /// The sum of two amounts; stops the program on overflow, like `Int`'s `+`.
    ///
    /// Use ``adding(_:)`` or `Sequence.sum()` to get `nil` instead.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }

    /// The difference of two amounts; stops the program on overflow, like `Int`'s `-`.
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }

    /// The amount with its sign changed.
    public static prefix func - (amount: Money) -> Money { Money(cents: -amount.cents) }

    /// Adds `rhs` to `lhs`; stops the program on overflow, like `Int`'s `+=`.
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }

    /// Subtracts `rhs` from `lhs`; stops the program on overflow, like `Int`'s `-=`.
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
}

extension Sequence<Money> {
    /// The sum of the amounts; `nil` when it overflows. An empty sequence sums to ``Money/zero``.
    ///
    /// Plans are read from files: a sum of many amounts, or of one absurd one, may not fit,
    /// so the sum says so instead of stopping the program.
    ///
    /// ```swift
    /// let total = plan.actions.flatMap(\.budget).compactMap(\.amount.value).sum()
    /// ```
    public func sum() -> Money? {
        var total = Money.zero
        for amount in self {
            guard let next = total.adding(amount) else { return nil }
            total = next
        }
        return total
    }
}
