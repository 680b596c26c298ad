/// One line of an action's budget: an amount charged to the ordinary or extraordinary service.
///
/// In `5.000 € (24.850 € à l'article 84021/124-02 Frais animation Cohésion sociale)` the
/// line's ``amount`` is the allocation, 5 000 €; 24 850 € is the article's ``statedCredit``.
public struct BudgetLine: Sendable, Hashable, Codable {
    /// The stored fields, held once: copies of a line share them.
    ///
    /// Declared largest first, so that alignment pads nothing between them.
    struct Fields: Sendable, Hashable, Codable {
        var label: String?
        var articleLabel: String?
        var fundingPlan: String?
        var note: String?
        var text: String
        var location: SourceLocation
        var article: BudgetArticle?
        var amount: CellValue<Money>
        var statedCredit: Money?
        var fiscalYear: Int?
        var kind: BudgetKind
        var flow: EconomicCode.Flow?
    }

    private var fields: CopyOnWrite<Fields>

    /// The column the line sits in.
    public var kind: BudgetKind {
        get { fields.value.kind }
        _modify { yield &fields.value.kind }
    }
    /// A label before the amount, such as `CCE` in `CCE 3.000 €`.
    public var label: String? {
        get { fields.value.label }
        _modify { yield &fields.value.label }
    }
    /// The amount allocated to the action: known, or unknown for `??`.
    public var amount: CellValue<Money> {
        get { fields.value.amount }
        _modify { yield &fields.value.amount }
    }
    /// The article charged, if stated.
    public var article: BudgetArticle? {
        get { fields.value.article }
        _modify { yield &fields.value.article }
    }
    /// The article's label as the plan writes it.
    public var articleLabel: String? {
        get { fields.value.articleLabel }
        _modify { yield &fields.value.articleLabel }
    }
    /// The article's total credit when the plan states it (`24.850 € à l'article …`).
    public var statedCredit: Money? {
        get { fields.value.statedCredit }
        _modify { yield &fields.value.statedCredit }
    }
    /// Another plan whose envelope funds the line (`Enveloppe budgétaire PCS` → `PCS`).
    public var fundingPlan: String? {
        get { fields.value.fundingPlan }
        _modify { yield &fields.value.fundingPlan }
    }
    /// Free text in parentheses that is neither an article nor an envelope.
    public var note: String? {
        get { fields.value.note }
        _modify { yield &fields.value.note }
    }
    /// Revenue or expenditure; `nil` when the plan does not say (spreadsheets: expenditure).
    public var flow: EconomicCode.Flow? {
        get { fields.value.flow }
        _modify { yield &fields.value.flow }
    }
    /// The budget year the line belongs to, when the source says (eComptes' `Exercice`).
    public var fiscalYear: Int? {
        get { fields.value.fiscalYear }
        _modify { yield &fields.value.fiscalYear }
    }
    /// The part of the cell this line was read from.
    public var text: String {
        get { fields.value.text }
        _modify { yield &fields.value.text }
    }
    /// The cell the line comes from.
    public var location: SourceLocation {
        get { fields.value.location }
        _modify { yield &fields.value.location }
    }

    /// Creates a budget line.
    public init(
        kind: BudgetKind, label: String? = nil, amount: CellValue<Money>,
        article: BudgetArticle? = nil, articleLabel: String? = nil, statedCredit: Money? = nil,
        fundingPlan: String? = nil, note: String? = nil, flow: EconomicCode.Flow? = nil, fiscalYear: Int? = nil,
        text: String, location: SourceLocation
    ) {
        fields = CopyOnWrite(Fields(
            label: label, articleLabel: articleLabel, fundingPlan: fundingPlan, note: note, text: text,
            location: location, article: article, amount: amount, statedCredit: statedCredit, fiscalYear: fiscalYear,
            kind: kind, flow: flow))
    }

    /// Decodes a line's fields.
    public init(from decoder: any Decoder) throws {
        fields = CopyOnWrite(try Fields(from: decoder))
    }

    /// Encodes a line's fields.
    public func encode(to encoder: any Encoder) throws {
        try fields.value.encode(to: encoder)
    }
}
