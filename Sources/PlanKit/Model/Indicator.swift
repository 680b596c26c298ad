/// A result indicator of an action: what is measured, the value aimed at, the value reached.
///
/// iA.PST writes `Participants = 40 / 50` (label = reached / target).
///
/// ```swift
/// let indicator = Indicator(label: "Participants", target: 50, reached: 40, year: 2024,
///                           text: "Participants = 40 / 50", location: location)
/// ```
public struct Indicator: Sendable, Hashable, Codable {
    /// What is measured.
    public var label: String
    /// The value aimed at, when stated.
    public var target: Double?
    /// The value reached, when stated.
    public var reached: Double?
    /// The year the values are for, when stated.
    public var year: Int?
    /// The text the indicator was read from.
    public var text: String
    /// Where it was read.
    public var location: SourceLocation

    /// Creates an indicator.
    public init(label: String, target: Double? = nil, reached: Double? = nil, year: Int? = nil, text: String,
                location: SourceLocation) {
        self.label = label
        self.target = target
        self.reached = reached
        self.year = year
        self.text = text
        self.location = location
    }
}
