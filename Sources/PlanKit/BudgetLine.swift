/// One line of an action's budget: an amount charged to the ordinary or extraordinary service.
///
/// In `5.000 € (24.850 € à l'article 84021/124-02 Frais animation Cohésion sociale)` the
/// line's ``amount`` is the allocation, 5 000 €; 24 850 € is the article's ``statedCredit``.
public struct BudgetLine: Sendable, Hashable, Codable {
    /// The stored fields, held once: copies of a line share them.
    ///
    /// Declared largest first, so that alignment pads nothing between them. What few lines
    /// state (a stated credit, an envelope, a note, eComptes' year and flow) is kept apart in
    /// ``Extras``, so that the other lines do not carry room for it.
    struct Fields: Sendable, Hashable {
        var label: String?
        var articleLabel: String?
        var text: String
        var location: SourceLocation
        var article: BudgetArticle?
        var extras: CopyOnWrite<Extras>?
        var amount: CellValue<Money>
        var kind: BudgetKind

        /// Changes the extras, keeping none when all are `nil`.
        mutating func changeExtras(_ change: (inout Extras) -> Void) {
            var value = extras?.value ?? Extras()
            extras = nil
            change(&value)
            extras = value.isEmpty ? nil : CopyOnWrite(value)
        }
    }

    /// The fields few lines have.
    struct Extras: Sendable, Hashable {
        var fundingPlan: String?
        var note: String?
        var statedCredit: Money?
        var fiscalYear: Int?
        var flow: EconomicCode.Flow?

        /// Whether every field is `nil`.
        var isEmpty: Bool { fundingPlan == nil && note == nil && statedCredit == nil && fiscalYear == nil && flow == nil }
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
        get { fields.value.extras?.value.statedCredit }
        set { fields.value.changeExtras { $0.statedCredit = newValue } }
    }
    /// Another plan whose envelope funds the line (`Enveloppe budgétaire PCS` → `PCS`).
    public var fundingPlan: String? {
        get { fields.value.extras?.value.fundingPlan }
        set { fields.value.changeExtras { $0.fundingPlan = newValue } }
    }
    /// Free text in parentheses that is neither an article nor an envelope.
    public var note: String? {
        get { fields.value.extras?.value.note }
        set { fields.value.changeExtras { $0.note = newValue } }
    }
    /// Revenue or expenditure; `nil` when the plan does not say (spreadsheets: expenditure).
    public var flow: EconomicCode.Flow? {
        get { fields.value.extras?.value.flow }
        set { fields.value.changeExtras { $0.flow = newValue } }
    }
    /// The budget year the line belongs to, when the source says (eComptes' `Exercice`).
    public var fiscalYear: Int? {
        get { fields.value.extras?.value.fiscalYear }
        set { fields.value.changeExtras { $0.fiscalYear = newValue } }
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
        let extras = Extras(fundingPlan: fundingPlan, note: note, statedCredit: statedCredit, fiscalYear: fiscalYear, flow: flow)
        fields = CopyOnWrite(Fields(
            label: label, articleLabel: articleLabel, text: text, location: location, article: article,
            extras: extras.isEmpty ? nil : CopyOnWrite(extras), amount: amount, kind: kind))
    }

    private enum CodingKeys: String, CodingKey {
        case kind, label, amount, article, articleLabel, statedCredit, fundingPlan, note, flow, fiscalYear, text, location
    }

    /// Decodes a line's fields, one key each; absent optional fields are `nil`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(BudgetKind.self, forKey: .kind), label: try c.decodeIfPresent(String.self, forKey: .label),
            amount: try c.decode(CellValue<Money>.self, forKey: .amount),
            article: try c.decodeIfPresent(BudgetArticle.self, forKey: .article),
            articleLabel: try c.decodeIfPresent(String.self, forKey: .articleLabel),
            statedCredit: try c.decodeIfPresent(Money.self, forKey: .statedCredit),
            fundingPlan: try c.decodeIfPresent(String.self, forKey: .fundingPlan),
            note: try c.decodeIfPresent(String.self, forKey: .note),
            flow: try c.decodeIfPresent(EconomicCode.Flow.self, forKey: .flow),
            fiscalYear: try c.decodeIfPresent(Int.self, forKey: .fiscalYear),
            text: try c.decode(String.self, forKey: .text), location: try c.decode(SourceLocation.self, forKey: .location))
    }

    /// Encodes a line's fields, one key each; `nil` fields are left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encode(amount, forKey: .amount)
        try c.encodeIfPresent(article, forKey: .article)
        try c.encodeIfPresent(articleLabel, forKey: .articleLabel)
        try c.encodeIfPresent(statedCredit, forKey: .statedCredit)
        try c.encodeIfPresent(fundingPlan, forKey: .fundingPlan)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(flow, forKey: .flow)
        try c.encodeIfPresent(fiscalYear, forKey: .fiscalYear)
        try c.encode(text, forKey: .text)
        try c.encode(location, forKey: .location)
    }
}
