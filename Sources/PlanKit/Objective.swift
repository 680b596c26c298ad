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

    /// Creates a strategic objective.
    public init(number: String, title: String, location: SourceLocation, operationalObjectives: [OperationalObjective] = []) {
        self.number = number
        self.title = title
        self.location = location
        self.operationalObjectives = operationalObjectives
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

    /// Creates an operational objective.
    public init(number: String, title: String, location: SourceLocation, actions: [Action] = []) {
        self.number = number
        self.title = title
        self.location = location
        self.actions = actions
    }
}
