/// What the regional eComptes exchange says of a volet, objective or action beyond the
/// spreadsheet's columns: status, progress, FTEs, people, plans, partners.
///
/// Every text is kept as written (`12.5`, `15000.00`, a label without prefix), and an element
/// the file leaves out is `nil`, so that a file read and written back in its own shape is
/// unchanged.
public struct ExchangeFields: Sendable, Hashable, Codable {
    /// An element's status in eComptes: the model of follow-up every source shares.
    public typealias Status = FollowUpStatus

    /// A text with its mode (`TEXTE`, `HTML` or `RTF`), each part as written.
    public struct Text: Sendable, Hashable, Codable {
        /// `TEXTE`, `HTML` or `RTF`; `nil` when the file leaves `Mode` out.
        public var mode: String?
        /// The text; `nil` when the file leaves `Valeur` out.
        public var value: String?

        /// Creates a text.
        public init(mode: String? = "TEXTE", value: String? = "") {
            self.mode = mode
            self.value = value
        }
    }

    /// A responsible person or mandataire, each part as written (`nil` when left out).
    public struct Person: Sendable, Hashable, Codable {
        /// `MONSIEUR` or `MADAME`.
        public var civility: String?
        /// The last name (or a function, such as `1er échevin`).
        public var lastName: String?
        /// The first name.
        public var firstName: String?
        /// The telephone number.
        public var phone: String?
        /// The e-mail address.
        public var email: String?

        /// Creates a person.
        public init(civility: String? = nil, lastName: String?, firstName: String? = nil, phone: String? = nil, email: String? = nil) {
            self.civility = civility
            self.lastName = lastName
            self.firstName = firstName
            self.phone = phone
            self.email = email
        }

        /// The name as a pilot cell writes it: first name then last name.
        public var displayName: String {
            [firstName, lastName].compactMap { $0?.trimmed }.filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// A budget article as the file writes it: each child's text, `nil` when left out.
    ///
    /// The element's budget lines are what PlanKit reads from it; this keeps the texts
    /// (`15000.00`) that the lines' values do not.
    public struct Article: Sendable, Hashable, Codable {
        /// `Exercice`.
        public var year: String?
        /// `Service`: `O` or `E`.
        public var service: String?
        /// `Type`: `R` or `D`.
        public var type: String?
        /// `CodeArticle`.
        public var code: String?
        /// `Libelle`.
        public var label: String?
        /// `Montant`.
        public var amount: String?

        /// Creates an article's texts.
        public init(year: String?, service: String?, type: String?, code: String?, label: String?, amount: String?) {
            self.year = year
            self.service = service
            self.type = type
            self.code = code
            self.label = label
            self.amount = amount
        }
    }

    /// A multi-year budget projection, each text as written.
    public struct Projection: Sendable, Hashable, Codable {
        /// `O` or `E`.
        public var service: String?
        /// `R` or `D`.
        public var type: String?
        /// The economic group.
        public var economicGroup: String?
        /// The label.
        public var label: String?
        /// Amounts by year, as written; `nil` when `Exercices` is left out.
        public var amounts: [YearAmount]?

        /// One year's amount.
        public struct YearAmount: Sendable, Hashable, Codable {
            /// The year (the `Valeur` attribute), as written.
            public var year: String?
            /// The amount, as written.
            public var amount: String?
        }
    }

    /// `Libelle` as written (`OS.1 - …`, or a label without prefix).
    public var label: String?
    /// The element's id in eComptes (the `ElementId` attribute); `nil` when the file has none.
    public var elementID: String?
    /// The `Exercice` attribute, as written.
    public var fiscalYear: String?
    /// `Statut` as written.
    public var statusText: String?
    /// The progress rate, 0-100, as written.
    public var progress: String?
    /// The full-time equivalents, as written.
    public var fte: String?
    /// The description.
    public var description: Text?
    /// The remark on the status.
    public var statusRemark: Text?
    /// The responsible person (administration).
    public var responsible: Person?
    /// The mandataire (political).
    public var mandataire: Person?
    /// The department.
    public var department: String?
    /// The plans the element belongs to; `nil` when `Plans` is left out.
    public var plans: [String]?
    /// The partners; `nil` when `Partenaires` is left out.
    public var partners: [String]?
    /// `DateDebut`, as written (`2020-01-01`).
    public var startDate: String?
    /// `DateFin`, as written.
    public var endDate: String?
    /// The texts of `Articles`, in file order; `nil` when the element has no `Articles` (the upload shape).
    public var articles: [Article]?
    /// The projections; `nil` when the element has no `Projections` (the upload shape).
    public var projections: [Projection]?
    /// Whether the element writes its list of children (`ObjectifStrategiques`,
    /// `ObjectifsOperationnels`, `Actions`) when it holds none.
    public var listsChildren: Bool

    /// The status, when ``statusText`` is one of eComptes' six codes (`EN_COURS`, …).
    public var status: Status? {
        get { statusText.flatMap { Status(rawValue: $0.trimmed) } }
        set { statusText = newValue?.rawValue }
    }

    /// ``progress`` as a number, when it reads as one.
    public var progressValue: Double? { progress.flatMap { Double($0.trimmed) } }

    /// ``fte`` as a number, when it reads as one.
    public var fteValue: Double? { fte.flatMap { Double($0.trimmed) } }

    /// Creates exchange fields.
    public init(label: String? = nil, elementID: String? = nil, fiscalYear: String? = nil, statusText: String? = nil,
                progress: String? = nil, fte: String? = nil, description: Text? = nil, statusRemark: Text? = nil,
                responsible: Person? = nil, mandataire: Person? = nil, department: String? = nil, plans: [String]? = nil,
                partners: [String]? = nil, startDate: String? = nil, endDate: String? = nil, articles: [Article]? = nil,
                projections: [Projection]? = nil, listsChildren: Bool = true) {
        self.label = label
        self.elementID = elementID
        self.fiscalYear = fiscalYear
        self.statusText = statusText
        self.progress = progress
        self.fte = fte
        self.description = description
        self.statusRemark = statusRemark
        self.responsible = responsible
        self.mandataire = mandataire
        self.department = department
        self.plans = plans
        self.partners = partners
        self.startDate = startDate
        self.endDate = endDate
        self.articles = articles
        self.projections = projections
        self.listsChildren = listsChildren
    }
}

/// What the eComptes exchange says of a whole plan: its identifiers and volets.
public struct PlanExchange: Sendable, Hashable, Codable {
    /// A volet: its fields, its budget lines and how many of the plan's strategic objectives (in
    /// order) it holds.
    public struct Volet: Sendable, Hashable, Codable {
        /// The volet's label.
        public var label: String
        /// Its exchange fields.
        public var fields: ExchangeFields
        /// The number of strategic objectives it holds.
        public var objectiveCount: Int
        /// The budget lines of the volet itself (its `Articles`), not of its objectives.
        public var budget: [BudgetLine]

        /// Creates a volet.
        public init(label: String, fields: ExchangeFields, objectiveCount: Int, budget: [BudgetLine] = []) {
            self.label = label
            self.fields = fields
            self.objectiveCount = objectiveCount
            self.budget = budget
        }

        private enum CodingKeys: String, CodingKey { case label, fields, objectiveCount, budget }

        /// Decodes a volet; `budget` may be left out.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            label = try c.decode(String.self, forKey: .label)
            fields = try c.decode(ExchangeFields.self, forKey: .fields)
            objectiveCount = try c.decode(Int.self, forKey: .objectiveCount)
            budget = try c.decodeIfPresent([BudgetLine].self, forKey: .budget) ?? []
        }

        /// Encodes a volet, leaving out an empty `budget`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            try c.encode(fields, forKey: .fields)
            try c.encode(objectiveCount, forKey: .objectiveCount)
            if !budget.isEmpty { try c.encode(budget, forKey: .budget) }
        }
    }

    /// `Identifiants/Id`.
    public var id: String
    /// `AC` (administration communale) or `CPAS`.
    public var administration: String
    /// The commune's INS code.
    public var ins: String
    /// `Identifiants/Exercice`.
    public var fiscalYear: Int
    /// The program that generated the file.
    public var generator: String
    /// `DescriptionPST/IdPST`.
    public var planID: String
    /// The volets, in order.
    public var volets: [Volet]

    /// Creates a plan's exchange identifiers.
    public init(id: String, administration: String, ins: String, fiscalYear: Int, generator: String, planID: String,
                volets: [Volet]) {
        self.id = id
        self.administration = administration
        self.ins = ins
        self.fiscalYear = fiscalYear
        self.generator = generator
        self.planID = planID
        self.volets = volets
    }
}
