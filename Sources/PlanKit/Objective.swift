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
    /// The keys of the synthesised `Codable`: the eComptes fields under `exchange`, as their value.
    private enum CodingKeys: String, CodingKey { case number, title, location, operationalObjectives, exchangeBox = "exchange" }
}

extension OperationalObjective {
    /// The keys of the synthesised `Codable`: the eComptes fields under `exchange`, as their value.
    private enum CodingKeys: String, CodingKey { case number, title, location, actions, exchangeBox = "exchange" }
}
