/// One line of an action's budget: an amount charged to the ordinary or extraordinary service.
///
/// In `5.000 € (24.850 € à l'article 84021/124-02 Frais animation Cohésion sociale)` the
/// line's ``amount`` is the allocation, 5 000 €; 24 850 € is the article's ``statedCredit``.
public struct BudgetLine: Sendable, Codable {
    /// The stored fields, held once: copies of a line share them.
    ///
    /// The line's text, label and article label are ranges of one ``base`` text: a line read from
    /// a cell holds the cell's text, shared with the cell, and the places its texts take in it.
    /// Declared so that alignment pads almost nothing. What few lines state (a stated credit, an
    /// envelope, a note, eComptes' year and flow) is kept apart in ``Extras``.
    struct Fields: Sendable {
        var base: String
        var text: TextRange
        var label: TextRange
        var articleLabel: TextRange
        var extras: CopyOnWrite<Extras>?
        /// The amount in cents when ``amountState`` is known (else 0); the state is stored apart
        /// from the cents so that the fields pack.
        var cents: Int64
        var article: BudgetArticle?
        var kind: BudgetKind
        var amountState: CellState
        var location: SourceLocation

        /// Changes the extras, keeping none when all are `nil`.
        mutating func changeExtras(_ change: (inout Extras) -> Void) {
            var value = extras?.value ?? Extras()
            extras = nil
            change(&value)
            extras = value.isEmpty ? nil : CopyOnWrite(value)
        }

        /// The text of `range` in ``base``; `nil` when absent.
        func string(_ range: TextRange) -> String? {
            guard !range.isAbsent else { return nil }
            let utf8 = base.utf8
            let count = utf8.count
            // Ranges are made within the base; clamped all the same.
            let lower = min(Int(range.start), count), upper = max(lower, min(Int(range.end), count))
            if lower == 0, upper == count { return base }
            let from = utf8.index(utf8.startIndex, offsetBy: lower), to = utf8.index(utf8.startIndex, offsetBy: upper)
            return String(base[from..<to])
        }

        /// Points `range` at `value` appended to ``base`` (absent when `nil`), leaving the other
        /// ranges where they are: for a reader still placing texts in the base.
        mutating func append(_ range: WritableKeyPath<Fields, TextRange>, _ value: String?) {
            guard let value else { self[keyPath: range] = .absent; return }
            let start = base.utf8.count
            base += value
            self[keyPath: range] = TextRange(start, base.utf8.count)
        }

        /// Sets the text of `range` to `value`: ``base`` becomes the line's three texts, one after
        /// the other, so that it holds no more than they do however often they change.
        mutating func set(_ range: WritableKeyPath<Fields, TextRange>, _ value: String?) {
            let paths: [WritableKeyPath<Fields, TextRange>] = [\.text, \.label, \.articleLabel]
            let texts = paths.map { $0 == range ? value : string(self[keyPath: $0]) }
            var joined = ""
            for (path, text) in zip(paths, texts) {
                guard let text else { self[keyPath: path] = .absent; continue }
                let start = joined.utf8.count
                joined += text
                self[keyPath: path] = TextRange(start, joined.utf8.count)
            }
            base = joined
        }
    }

    /// A range of UTF-8 bytes of a line's base text, or absent.
    struct TextRange: Sendable, Hashable {
        var start: UInt32, end: UInt32

        /// The bytes `start..<end`.
        init(_ start: Int, _ end: Int) {
            self.start = UInt32(clamping: start)
            self.end = UInt32(clamping: end)
        }

        /// No text.
        static let absent = TextRange(start: .max, end: .max)
        /// The bytes `start..<end`, as stored.
        private init(start: UInt32, end: UInt32) { (self.start, self.end) = (start, end) }

        /// Whether the range stands for no text.
        var isAbsent: Bool { start == .max }
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

    var fields: CopyOnWrite<Fields>

    /// The column the line sits in.
    public var kind: BudgetKind {
        get { fields.value.kind }
        _modify { yield &fields.value.kind }
    }
    /// A label before the amount, such as `CCE` in `CCE 3.000 €`.
    public var label: String? {
        get { fields.value.string(fields.value.label) }
        set { fields.value.set(\.label, newValue) }
    }
    /// The amount allocated to the action: known, or unknown for `??`.
    public var amount: CellValue<Money> {
        get { CellValue(fields.value.amountState) { Money(cents: fields.value.cents) } }
        set { (fields.value.amountState, fields.value.cents) = Self.stored(newValue) }
    }

    /// An amount as the fields store it: its state, and its cents when known (else 0).
    private static func stored(_ amount: CellValue<Money>) -> (CellState, Int64) {
        (amount.state, amount.value?.cents ?? 0)
    }
    /// The article charged, if stated.
    public var article: BudgetArticle? {
        get { fields.value.article }
        _modify { yield &fields.value.article }
    }
    /// The article's label as the plan writes it.
    public var articleLabel: String? {
        get { fields.value.string(fields.value.articleLabel) }
        set { fields.value.set(\.articleLabel, newValue) }
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
        get { fields.value.string(fields.value.text) ?? "" }
        set { fields.value.set(\.text, newValue) }
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
        self.init(kind: kind, amount: amount, base: text, location: location)
        fields.value.text = TextRange(0, text.utf8.count)
        self.label = label
        self.article = article
        self.articleLabel = articleLabel
        let extras = Extras(fundingPlan: fundingPlan, note: note, statedCredit: statedCredit, fiscalYear: fiscalYear, flow: flow)
        fields.value.extras = extras.isEmpty ? nil : CopyOnWrite(extras)
    }

    /// Creates a line whose texts are ranges of `base` (the cell's text), all absent at first.
    init(kind: BudgetKind, amount: CellValue<Money>, base: String, location: SourceLocation) {
        // The amount is stored with the other fields, not set after: a line is made for every amount read.
        let (state, cents) = Self.stored(amount)
        fields = CopyOnWrite(Fields(
            base: base, text: .absent, label: .absent, articleLabel: .absent, extras: nil, cents: cents, article: nil,
            kind: kind, amountState: state, location: location))
    }

    /// Points the line's text, label or article label at `range` of its base, in UTF-8 bytes.
    mutating func setRange(_ field: WritableKeyPath<Fields, TextRange>, _ range: Range<Int>) {
        fields.value[keyPath: field] = TextRange(range.lowerBound, range.upperBound)
    }

    /// Sets the line's text, label or article label to `value` appended to its base, the other
    /// texts staying ranges of it: for a reader that places them in the base.
    mutating func setAppended(_ field: WritableKeyPath<Fields, TextRange>, _ value: String?) {
        fields.value.append(field, value)
    }

    /// The UTF-8 range of the line's article label in its base, when it has one.
    var articleLabelRange: Range<Int>? {
        let range = fields.value.articleLabel
        return range.isAbsent ? nil : Int(range.start)..<Int(range.end)
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

extension BudgetLine: Hashable {
    /// Whether two lines have the same fields, wherever their texts are stored.
    public static func == (lhs: BudgetLine, rhs: BudgetLine) -> Bool {
        if lhs.fields.isIdentical(to: rhs.fields) { return true }
        return lhs.kind == rhs.kind && lhs.amount == rhs.amount && lhs.article == rhs.article && lhs.location == rhs.location
            && lhs.fields.value.extras == rhs.fields.value.extras && lhs.text == rhs.text && lhs.label == rhs.label
            && lhs.articleLabel == rhs.articleLabel
    }

    /// Hashes the fields, wherever their texts are stored.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(amount)
        hasher.combine(article)
        hasher.combine(location)
        hasher.combine(fields.value.extras)
        hasher.combine(text)
        hasher.combine(label)
        hasher.combine(articleLabel)
    }
}
