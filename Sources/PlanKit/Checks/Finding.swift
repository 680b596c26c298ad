/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Informational: worth a look.
    case info
    /// Probably wrong; the plan still reads.
    case warning
    /// The plans contradict each other or themselves.
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders severities: info < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One thing a consistency rule found.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule's id, e.g. `budget.overcommitted`.
    public var rule: String
    /// How serious it is.
    public var severity: Severity
    /// One sentence: what is wrong.
    public var message: String
    /// What it concerns: an action id, an article code, a plan name.
    public var subject: String
    /// Where, when it comes from one place.
    public var location: SourceLocation?
    /// The input's text concerned, verbatim, for a reader's finding (``ReadRule``).
    public var text: String?

    /// Creates a finding.
    public init(rule: String, severity: Severity, message: String, subject: String, location: SourceLocation?, text: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.subject = subject
        self.location = location
        self.text = text
    }
}
