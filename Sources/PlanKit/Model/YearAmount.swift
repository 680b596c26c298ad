/// What an action plans to spend in a year, and what it actually spent.
///
/// ```swift
/// let amount = YearAmount(year: 2024, planned: .known(Money(euros: 5_000)), actual: .missing)
/// ```
public struct YearAmount: Sendable, Hashable, Codable {
    /// The budget year.
    public var year: Int
    /// The amount planned for the year.
    public var planned: CellValue<Money>
    /// The amount spent in the year.
    public var actual: CellValue<Money>

    /// Creates a year's amounts; either left out is missing.
    public init(year: Int, planned: CellValue<Money> = .missing, actual: CellValue<Money> = .missing) {
        self.year = year
        self.planned = planned
        self.actual = actual
    }
}
