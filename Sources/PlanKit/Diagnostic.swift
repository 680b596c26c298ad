/// A warning about input that PlanKit read but could not fully understand.
///
/// The input is never dropped: ``text`` keeps what the file said.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// One sentence: what is wrong and what to do.
    public var message: String
    /// The text concerned, verbatim.
    public var text: String

    /// Creates a diagnostic.
    public init(location: SourceLocation, message: String, text: String) {
        self.location = location
        self.message = message
        self.text = text
    }

    /// `file:line:column: warning: message`.
    public var description: String { "\(location): warning: \(message)" }
}
