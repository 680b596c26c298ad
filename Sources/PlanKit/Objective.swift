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
    /// What an eComptes file says beyond the spreadsheet's columns; `nil` for spreadsheets.
    public var exchange: ExchangeFields? {
        get { exchangeBox?.value }
        set { exchangeBox = newValue.map(Boxed.init) }
    }
    /// ``exchange`` behind a reference: spreadsheets leave it `nil`, and a pointer is all it costs them.
    private var exchangeBox: Boxed<ExchangeFields>?

    /// Creates a strategic objective.
    public init(number: String, title: String, location: SourceLocation, operationalObjectives: [OperationalObjective] = [], exchange: ExchangeFields? = nil) {
        self.number = number
        self.title = title
        self.location = location
        self.operationalObjectives = operationalObjectives
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
    /// What an eComptes file says beyond the spreadsheet's columns; `nil` for spreadsheets.
    public var exchange: ExchangeFields? {
        get { exchangeBox?.value }
        set { exchangeBox = newValue.map(Boxed.init) }
    }
    /// ``exchange`` behind a reference: spreadsheets leave it `nil`, and a pointer is all it costs them.
    private var exchangeBox: Boxed<ExchangeFields>?

    /// Creates an operational objective.
    public init(number: String, title: String, location: SourceLocation, actions: [Action] = [], exchange: ExchangeFields? = nil) {
        self.number = number
        self.title = title
        self.location = location
        self.actions = actions
        exchangeBox = exchange.map(Boxed.init)
    }
}

extension StrategicObjective {
    private enum CodingKeys: String, CodingKey { case number, title, location, operationalObjectives, exchange }

    /// Decodes an objective; `exchange` may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(String.self, forKey: .number), title: try c.decode(String.self, forKey: .title),
            location: try c.decode(SourceLocation.self, forKey: .location),
            operationalObjectives: try c.decode([OperationalObjective].self, forKey: .operationalObjectives),
            exchange: try c.decodeIfPresent(ExchangeFields.self, forKey: .exchange))
    }

    /// Encodes an objective; a `nil` `exchange` is left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(location, forKey: .location)
        try c.encode(operationalObjectives, forKey: .operationalObjectives)
        try c.encodeIfPresent(exchange, forKey: .exchange)
    }
}

extension OperationalObjective {
    private enum CodingKeys: String, CodingKey { case number, title, location, actions, exchange }

    /// Decodes an objective; `exchange` may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try c.decode(String.self, forKey: .number), title: try c.decode(String.self, forKey: .title),
            location: try c.decode(SourceLocation.self, forKey: .location),
            actions: try c.decode([Action].self, forKey: .actions),
            exchange: try c.decodeIfPresent(ExchangeFields.self, forKey: .exchange))
    }

    /// Encodes an objective; a `nil` `exchange` is left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(location, forKey: .location)
        try c.encode(actions, forKey: .actions)
        try c.encodeIfPresent(exchange, forKey: .exchange)
    }
}
