/// A strategic objective (OS): the top level of a plan.
public struct StrategicObjective: Sendable, Hashable, Codable {
    /// The objective's number when the plan gives one (`Objectif stratégique 2 :`), else its rank.
    public var number: String
    /// The objective's text, without the `Objectif stratégique :` prefix and quotes.
    public var title: String
    /// Where the objective's row is.
    public var location: SourceLocation
    /// Its operational objectives.
    public var operationalObjectives: [OperationalObjective]
    /// The budget lines of the objective itself (eComptes' `Articles` on an `ObjectifStrategique`),
    /// not of its actions; spreadsheets give none.
    public var budget: [BudgetLine]
    /// What an eComptes file says beyond the spreadsheet's columns; `nil` for spreadsheets.
    public var exchange: ExchangeFields? {
        get { exchangeBox?.value }
        set { exchangeBox = newValue.map(Boxed.init) }
    }
    /// ``exchange`` behind a reference: spreadsheets leave it `nil`, and a pointer is all it costs them.
    private var exchangeBox: Boxed<ExchangeFields>?

    /// Creates a strategic objective.
    public init(number: String, title: String, location: SourceLocation, operationalObjectives: [OperationalObjective] = [], budget: [BudgetLine] = [],
                exchange: ExchangeFields? = nil) {
        self.number = number
        self.title = title
        self.location = location
        self.operationalObjectives = operationalObjectives
        self.budget = budget
        exchangeBox = exchange.map(Boxed.init)
    }
}

/// An operational objective (OO): the level between a strategic objective and its actions.
public struct OperationalObjective: Sendable, Hashable, Codable {
    /// The objective's number, e.g. `1`.
    public var number: String
    /// The objective's text, without the `Objectif opérationnel N.` prefix.
    public var title: String
    /// Where the objective's row is.
    public var location: SourceLocation
    /// Its actions.
    public var actions: [Action]
    /// The budget lines of the objective itself (eComptes' `Articles` on an
    /// `ObjectifOperationnel`), not of its actions; spreadsheets give none.
    public var budget: [BudgetLine]
    /// What an eComptes file says beyond the spreadsheet's columns; `nil` for spreadsheets.
    public var exchange: ExchangeFields? {
        get { exchangeBox?.value }
        set { exchangeBox = newValue.map(Boxed.init) }
    }
    /// ``exchange`` behind a reference: spreadsheets leave it `nil`, and a pointer is all it costs them.
    private var exchangeBox: Boxed<ExchangeFields>?

    /// Creates an operational objective.
    public init(number: String, title: String, location: SourceLocation, actions: [Action] = [], budget: [BudgetLine] = [], exchange: ExchangeFields? = nil) {
        self.number = number
        self.title = title
        self.location = location
        self.actions = actions
        self.budget = budget
        exchangeBox = exchange.map(Boxed.init)
    }
}

extension StrategicObjective {
    private enum CodingKeys: String, CodingKey { case number, title, location, operationalObjectives, budget, exchange }

    /// Decodes an objective; `budget` and `exchange` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(String.self, forKey: .number), title: try c.decode(String.self, forKey: .title),
            location: try c.decode(SourceLocation.self, forKey: .location),
            operationalObjectives: try c.decode([OperationalObjective].self, forKey: .operationalObjectives),
            budget: try c.decodeIfPresent([BudgetLine].self, forKey: .budget) ?? [],
            exchange: try c.decodeIfPresent(ExchangeFields.self, forKey: .exchange))
    }

    /// Encodes an objective, leaving out an empty `budget` and absent `exchange`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(location, forKey: .location)
        try c.encode(operationalObjectives, forKey: .operationalObjectives)
        if !budget.isEmpty { try c.encode(budget, forKey: .budget) }
        try c.encodeIfPresent(exchange, forKey: .exchange)
    }
}

extension OperationalObjective {
    private enum CodingKeys: String, CodingKey { case number, title, location, actions, budget, exchange }

    /// Decodes an objective; `budget` and `exchange` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(String.self, forKey: .number), title: try c.decode(String.self, forKey: .title),
            location: try c.decode(SourceLocation.self, forKey: .location),
            actions: try c.decode([Action].self, forKey: .actions),
            budget: try c.decodeIfPresent([BudgetLine].self, forKey: .budget) ?? [],
            exchange: try c.decodeIfPresent(ExchangeFields.self, forKey: .exchange))
    }

    /// Encodes an objective, leaving out an empty `budget` and absent `exchange`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(location, forKey: .location)
        try c.encode(actions, forKey: .actions)
        if !budget.isEmpty { try c.encode(budget, forKey: .budget) }
        try c.encodeIfPresent(exchange, forKey: .exchange)
    }
}

/// The element a budget line belongs to: in eComptes, every level carries `Articles`.
public enum BudgetLevel: UInt8, Sendable, Hashable, CaseIterable {
    /// A volet's own line.
    case volet
    /// A strategic objective's own line.
    case strategic
    /// An operational objective's own line.
    case operational
    /// An action's line.
    case action
    /// A sub-action's line (an action with a ``Action/parent``).
    case subaction

    /// The level as queries name it: `volet`, `strategic`, `operational`, `action`, `subaction`.
    public var name: String {
        switch self {
        case .volet: "volet"
        case .strategic: "strategic"
        case .operational: "operational"
        case .action: "action"
        case .subaction: "subaction"
        }
    }
}
