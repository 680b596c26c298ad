/// A warning about input that PlanKit read but could not fully understand.
///
/// The input is never dropped: ``text`` keeps what the file said, and ``rule`` names the kind of
/// problem, so that `plankit check` reports the warning as a finding (``ReadRule``).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, e.g. ``ReadRule/ambiguousAmount``.
    public var rule: ReadRule
    /// Where the problem is.
    public var location: SourceLocation
    /// One sentence: what is wrong and what to do.
    public var message: String
    /// The text concerned, verbatim.
    public var text: String

    /// Creates a diagnostic.
    public init(_ rule: ReadRule, location: SourceLocation, message: String, text: String) {
        self.rule = rule
        self.location = location
        self.message = message
        self.text = text
    }

    /// `file:line:column: warning: message [rule]`.
    ///
    /// ```
    /// pst.tsv:9:7: warning: "250,000 €" could be 250 € or 250 000 €; … [read.ambiguous-amount]
    /// ```
    public var description: String {
        let place = location.line == 0 ? location.file : location.description
        return "\(place): warning: \(message) [\(rule.rawValue)]"
    }

    /// The warning as a finding of its rule.
    public var finding: Finding {
        Finding(rule: rule.rawValue, severity: .warning, message: message, subject: text, location: location, text: text)
    }
}
