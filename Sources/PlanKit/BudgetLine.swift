/// One line of an action's budget: an amount charged to the ordinary or extraordinary service.
///
/// In `5.000 € (24.850 € à l'article 84021/124-02 Frais animation Cohésion sociale)` the
/// line's ``amount`` is the allocation, 5 000 €; 24 850 € is the article's ``statedCredit``.
public struct BudgetLine: Sendable, Hashable, Codable {
    /// The column the line sits in.
    public var kind: BudgetKind
    /// A label before the amount, such as `CCE` in `CCE 3.000 €`.
    public var label: String?
    /// The amount allocated to the action: known, or unknown for `??`.
    public var amount: CellValue<Money>
    /// The article charged, if stated.
    public var article: BudgetArticle?
    /// The article's label as the plan writes it.
    public var articleLabel: String?
    /// The article's total credit when the plan states it (`24.850 € à l'article …`).
    public var statedCredit: Money?
    /// Another plan whose envelope funds the line (`Enveloppe budgétaire PCS` → `PCS`).
    public var fundingPlan: String?
    /// Free text in parentheses that is neither an article nor an envelope.
    public var note: String?
    /// Revenue or expenditure; `nil` when the plan does not say (spreadsheets: expenditure).
    public var flow: EconomicCode.Flow?
    /// The budget year the line belongs to, when the source says (eComptes' `Exercice`).
    public var fiscalYear: Int?
    /// The part of the cell this line was read from.
    public var text: String
    /// The cell the line comes from.
    public var location: SourceLocation

    /// Creates a budget line.
    public init(
        kind: BudgetKind, label: String? = nil, amount: CellValue<Money>,
        article: BudgetArticle? = nil, articleLabel: String? = nil, statedCredit: Money? = nil,
        fundingPlan: String? = nil, note: String? = nil, flow: EconomicCode.Flow? = nil, fiscalYear: Int? = nil,
        text: String, location: SourceLocation
    ) {
        self.kind = kind
        self.label = label
        self.amount = amount
        self.article = article
        self.articleLabel = articleLabel
        self.statedCredit = statedCredit
        self.fundingPlan = fundingPlan
        self.note = note
        self.flow = flow
        self.fiscalYear = fiscalYear
        self.text = text
        self.location = location
    }
}
