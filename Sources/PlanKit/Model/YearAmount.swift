/// What an action plans to spend in a year (or over its whole course), and what it actually spent.
///
/// ```swift
/// let amount = YearAmount(year: 2024, planned: .known(Money(euros: 5_000)), actual: .missing)
/// let total = YearAmount(year: nil, planned: .known(Money(euros: 45_000)))   // all years together
/// ```
public struct YearAmount: Sendable, Hashable, Codable {
    /// The budget year; `nil` for an amount over the action's whole course (the French
    /// template's `Budget prévisionnel total € HT`).
    public var year: Int?
    /// The amount planned for the year.
    public var planned: CellValue<Money>
    /// The amount spent in the year.
    public var actual: CellValue<Money>
    /// The cell the amounts were read from, as written, when one cell gave them.
    public var text: String?
    /// Where that cell is.
    public var location: SourceLocation?

    /// Creates a year's amounts; either left out is missing.
    public init(year: Int?, planned: CellValue<Money> = .missing, actual: CellValue<Money> = .missing,
                text: String? = nil, location: SourceLocation? = nil) {
        self.year = year
        self.planned = planned
        self.actual = actual
        self.text = text
        self.location = location
    }
}
