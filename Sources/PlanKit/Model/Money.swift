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

    /// Parses a decimal number of euros (`1500`, `1500.5`, `-3.25`) exactly.
    ///
    /// Returns `nil` beyond two decimals, for anything but digits and one `.`, or beyond 64 bits.
    public init?(decimal text: some StringProtocol) {
        var s = Substring(text)
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit), let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            var digits = parts[1]
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            while digits.count > 2, digits.last == "0" { digits = digits.dropLast() }
            guard digits.count <= 2, let value = Int64(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let (c, o1) = whole.multipliedReportingOverflow(by: 100)
        let (t, o2) = c.addingReportingOverflow(fraction)
        guard !o1, !o2 else { return nil }
        self.cents = negative ? -t : t
    }

    /// The amount as a decimal number for exchange formats: `1500`, `1500.50`.
    public var decimalString: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(magnitude / 100) + (fraction == 0 ? "" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)"))
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
