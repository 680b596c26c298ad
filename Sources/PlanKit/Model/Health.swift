/// How an action fares, as iA.PST's health indicator says: good, at risk, blocked or paused.
///
/// ```swift
/// Health(word: "risque")    // .risk
/// Health.blocked.name       // "blocked"
/// ```
public enum Health: String, Sendable, Hashable, Codable, CaseIterable {
    /// `bon`: on track.
    case good
    /// `risque`: at risk.
    case risk
    /// `blocage`: blocked.
    case blocked
    /// `pause`: paused.
    case paused

    /// The health as queries name it: `good`, `risk`, `blocked`, `paused`.
    public var name: String { rawValue }

    /// The words it is written with, folded (lower case, without accents): iA.PST's and the query name.
    public var words: [String] {
        switch self {
        case .good: ["good", "bon", "bonne", "ok"]
        case .risk: ["risk", "risque", "a risque"]
        case .blocked: ["blocked", "blocage", "bloque"]
        case .paused: ["paused", "pause", "en pause"]
        }
    }

    /// The health a source writes as `word`, ignoring case, accents and the spaces around it;
    /// `nil` for any other word.
    public init?(word: String) {
        let folded = FollowUpStatus.fold(word)
        guard let health = Self.allCases.first(where: { $0.words.contains(folded) }) else { return nil }
        self = health
    }
}
