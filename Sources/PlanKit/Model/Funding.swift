/// Where (part of) an action's money comes from: a source, an amount, a year.
///
/// A budget line (article, allocation, credit) says where the money goes in the commune's
/// budget; funding says who pays it. iA.PST writes `2020 pour Wallonie: 2000€`.
///
/// ```swift
/// let funding = Funding(source: .wallonie, amount: .known(Money(euros: 2_000)), year: 2020,
///                       text: "2020 pour Wallonie: 2000€", location: location)
/// ```
public struct Funding: Sendable, Hashable, Codable {
    /// Who pays.
    public var source: FundingSource
    /// The source as written (`Région wallonne`), kept for ``FundingSource/other`` above all.
    public var sourceText: String
    /// How much: known, or unknown when the plan says `??`.
    public var amount: CellValue<Money>
    /// The budget year, when stated.
    public var year: Int?
    /// The text the funding was read from.
    public var text: String
    /// Where it was read.
    public var location: SourceLocation
    /// The amount's cell as written, when a cell apart from the source's gives it (the French
    /// template's `Montant € HT` beside `Financeur 1`).
    public var amountText: String?
    /// Where that cell is.
    public var amountLocation: SourceLocation?

    /// Creates a funding; `sourceText` defaults to the source's name.
    public init(source: FundingSource, sourceText: String? = nil, amount: CellValue<Money>, year: Int? = nil,
                text: String, location: SourceLocation, amountText: String? = nil, amountLocation: SourceLocation? = nil) {
        self.source = source
        self.sourceText = sourceText ?? source.name
        self.amount = amount
        self.year = year
        self.text = text
        self.location = location
        self.amountText = amountText
        self.amountLocation = amountLocation
    }
}
