/// An amount of euros, held as integer cents.
///
/// Money is never floating point: sums are exact and overflow is reported, not wrapped.
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in euro cents.
    public var cents: Int64

    /// Creates an amount from cents.
    public init(cents: Int64) { self.cents = cents }

    /// Creates an amount of whole euros, or `nil` when it does not fit in 64-bit cents.
    public init?(euros: Int64) {
        let (cents, overflow) = euros.multipliedReportingOverflow(by: 100)
        if overflow { return nil }
        self.cents = cents
    }

    /// Zero euros.
    public static let zero = Money(cents: 0)

    /// The amount in euros, as a `Double` (exact up to 2^53 cents).
    public var euros: Double { Double(cents) / 100 }

    /// Adds two amounts, or returns `nil` on overflow.
    public func adding(_ other: Money) -> Money? {
        let (sum, overflow) = cents.addingReportingOverflow(other.cents)
        return overflow ? nil : Money(cents: sum)
    }

    /// Orders amounts by value.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Encodes as the bare number of cents.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }

    /// Decodes from a bare number of cents.
    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int64.self)
    }
}
