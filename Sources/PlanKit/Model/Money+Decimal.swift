import Foundation

extension Money {
    /// Creates an amount from a decimal number of euros, exactly; `nil` when the number is not a
    /// whole number of cents.
    ///
    /// The amount is refused (`nil`) rather than rounded when it holds a fraction of a cent
    /// (`12.345`), when it is not a number (`Decimal.nan`), or when it is beyond what 64-bit
    /// cents hold (±92 233 720 368 547 758.07 €). Use ``init(euros:rounding:)`` to round instead.
    ///
    /// Write decimal amounts from text, not from floating-point literals: `Decimal(string:)`
    /// keeps `12.34` exact, whereas a `Double` such as `0.1` is not.
    ///
    /// ```swift
    /// let grant = Money(euros: Decimal(string: "24850.50")!)   // 24 850,50 €
    /// Money(euros: Decimal(string: "0.125")!)                  // nil: a fraction of a cent
    /// ```
    public init?(euros: Decimal) {
        guard let cents = Money.cents(euros, rounding: nil) else { return nil }
        self.init(cents: cents)
    }

    /// Creates an amount from a decimal number of euros, rounded to the cent with `rounding`;
    /// `nil` only when the number is not a number or beyond what 64-bit cents hold.
    ///
    /// The modes are Foundation's `NSDecimalRound`'s: `.plain` rounds halves away from zero
    /// (`0.125` → 0,13 €, `-0.125` → -0,13 €), `.bankers` to the even cent (`0.125` → 0,12 €),
    /// `.down` and `.up` to the cent below and above (`0.125` → 0,12 € and 0,13 €).
    ///
    /// ```swift
    /// let share = Money(euros: Decimal(10) / Decimal(3), rounding: .plain)   // 3,33 €
    /// ```
    public init?(euros: Decimal, rounding: Decimal.RoundingMode) {
        guard let cents = Money.cents(euros, rounding: rounding) else { return nil }
        self.init(cents: cents)
    }

    /// `euros` in cents, rounded with `rounding`, or exact when it is `nil`; `nil` when not a
    /// whole number of cents (exact), not a number, or beyond 64 bits.
    private static func cents(_ euros: Decimal, rounding: Decimal.RoundingMode?) -> Int64? {
        guard !euros.isNaN else { return nil }
        var cents = euros * 100
        var whole = Decimal()
        NSDecimalRound(&whole, &cents, 0, rounding ?? .plain)
        if rounding == nil, whole != cents { return nil }
        // The whole number's digits, read back exactly (and refused beyond 64 bits).
        return Int64(whole.description)
    }
}
