/// A plan read from one file: a PST, a PCS or another strategic plan.
public struct Plan: Sendable, Hashable, Codable {
    /// The kind of plan.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Programme stratégique transversal.
        case pst = "PST"
        /// Plan de cohésion sociale.
        case pcs = "PCS"
        /// Any other plan.
        case other
    }

    /// The kind of plan.
    public var kind: Kind
    /// The plan's name: the `PLAN :` preamble line, else the file's name.
    public var name: String
    /// The commune, from a `COMMUNE :` preamble line.
    public var commune: String?
    /// The volet, lower-cased (`externe` from `VOLET EXTERNE : …`).
    public var volet: String?
    /// The domain (`CITOYENNETE` from `DOMAINE : CITOYENNETE`).
    public var domain: String?
    /// The legislature's years (`PÉRIODE : 2019-2024`), when stated.
    public var period: ClosedRange<Int>?
    /// The file the plan was read from, as given.
    public var source: String
    /// The lines above the table, verbatim.
    public var preamble: [String]
    /// The legend below the table, verbatim.
    public var legend: [String]
    /// The strategic objectives, in file order.
    public var objectives: [StrategicObjective]
    /// What the reader could not fully understand, kept verbatim.
    public var warnings: [Diagnostic]
    /// The eComptes identifiers and volets, for a plan read from eComptes.
    public var exchange: PlanExchange?

    /// Creates a plan.
    public init(
        kind: Kind, name: String, commune: String? = nil, volet: String? = nil, domain: String? = nil,
        period: ClosedRange<Int>? = nil, source: String, preamble: [String] = [], legend: [String] = [],
        objectives: [StrategicObjective] = [], warnings: [Diagnostic] = [], exchange: PlanExchange? = nil
    ) {
        self.kind = kind
        self.name = name
        self.commune = commune
        self.volet = volet
        self.domain = domain
        self.period = period
        self.source = source
        self.preamble = preamble
        self.legend = legend
        self.objectives = objectives
        self.warnings = warnings
        self.exchange = exchange
    }

    /// Every action, in file order.
    public var actions: [Action] {
        objectives.flatMap { $0.operationalObjectives.flatMap(\.actions) }
    }
}
