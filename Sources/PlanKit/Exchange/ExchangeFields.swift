/// What the regional eComptes exchange says of a volet, objective or action beyond the
/// spreadsheet's columns: status, progress, FTEs, people, plans, partners.
///
/// Numbers are kept as written (`12.5`) so that a file read and written back is unchanged.
public struct ExchangeFields: Sendable, Hashable, Codable {
    /// An element's status in eComptes.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case abandoned = "ANNULE_ABANDONNE"
        case notStarted = "NON_COMMENCE"
        case inProgress = "EN_COURS"
        case waiting = "EN_ATTENTE"
        case problem = "PROBLEME"
        case done = "TERMINE"
    }

    /// A text with its mode (`TEXTE`, `HTML` or `RTF`).
    public struct Text: Sendable, Hashable, Codable {
        /// `TEXTE`, `HTML` or `RTF`.
        public var mode: String
        /// The text.
        public var value: String

        /// Creates a text.
        public init(mode: String = "TEXTE", value: String = "") {
            self.mode = mode
            self.value = value
        }
    }

    /// A responsible person or mandataire.
    public struct Person: Sendable, Hashable, Codable {
        /// `MONSIEUR` or `MADAME`.
        public var civility: String
        /// The last name (or a function, such as `1er échevin`).
        public var lastName: String
        /// The first name.
        public var firstName: String
        /// The telephone number.
        public var phone: String
        /// The e-mail address.
        public var email: String

        /// Creates a person.
        public init(civility: String = "MONSIEUR", lastName: String, firstName: String = "", phone: String = "", email: String = "") {
            self.civility = civility
            self.lastName = lastName
            self.firstName = firstName
            self.phone = phone
            self.email = email
        }

        /// The name as a pilot cell writes it: first name then last name.
        public var displayName: String { [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ") }
    }

    /// A multi-year budget projection.
    public struct Projection: Sendable, Hashable, Codable {
        /// `O` or `E`.
        public var service: String
        /// `R` or `D`.
        public var type: String
        /// The economic group.
        public var economicGroup: String
        /// The label.
        public var label: String
        /// Amounts by year, as written.
        public var amounts: [YearAmount]

        /// One year's amount.
        public struct YearAmount: Sendable, Hashable, Codable {
            /// The year.
            public var year: Int
            /// The amount as written.
            public var amount: String
        }
    }

    /// The element's id in eComptes (the `ElementId` attribute).
    public var elementID: String
    /// The `Exercice` attribute.
    public var fiscalYear: Int
    /// The status.
    public var status: Status
    /// The progress rate, 0-100, as written.
    public var progress: String
    /// The full-time equivalents, as written.
    public var fte: String
    /// The description.
    public var description: Text
    /// The remark on the status.
    public var statusRemark: Text
    /// The responsible person (administration).
    public var responsible: Person?
    /// The mandataire (political).
    public var mandataire: Person?
    /// The department.
    public var department: String?
    /// The plans the element belongs to.
    public var plans: [String]
    /// The partners.
    public var partners: [String]
    /// `DateDebut`, as written (`2020-01-01`).
    public var startDate: String?
    /// `DateFin`, as written.
    public var endDate: String?
    /// The projections.
    public var projections: [Projection]

    /// Creates exchange fields.
    public init(elementID: String, fiscalYear: Int, status: Status = .notStarted, progress: String = "0", fte: String = "0",
                description: Text = Text(), statusRemark: Text = Text(), responsible: Person? = nil, mandataire: Person? = nil,
                department: String? = nil, plans: [String] = [], partners: [String] = [], startDate: String? = nil,
                endDate: String? = nil, projections: [Projection] = []) {
        self.elementID = elementID
        self.fiscalYear = fiscalYear
        self.status = status
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
        self.projections = projections
    }
}

/// What the eComptes exchange says of a whole plan: its identifiers and volets.
public struct PlanExchange: Sendable, Hashable, Codable {
    /// A volet: its fields and how many of the plan's strategic objectives (in order) it holds.
    public struct Volet: Sendable, Hashable, Codable {
        /// The volet's label.
        public var label: String
        /// Its exchange fields.
        public var fields: ExchangeFields
        /// The number of strategic objectives it holds.
        public var objectiveCount: Int
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
}
