/// Something in a query that is allowed but probably not meant, such as a value no row can
/// have (`kind = "ordinay"`); the query runs as written.
public struct QueryWarning: Sendable, Hashable {
    /// One sentence on what looks wrong and the nearest thing that would not.
    public var message: String
    /// The token concerned.
    public var location: QueryLocation

    /// Creates a warning at `location`.
    public init(_ message: String, at location: QueryLocation) {
        self.message = message
        self.location = location
    }

    /// Renders the warning as ``QueryError/rendered(source:name:lineOffset:)`` renders an error,
    /// `warning:` in place of `error:`:
    ///
    ///     query:1:21: warning: No plan is named "PCS 4"; did you mean "PCS III"? The query runs as written.
    ///     links where plan = "PCS 4"
    ///                        ^^^^^^^
    public func rendered(source: String, name: String = "query", lineOffset: Int = 0) -> String {
        let text = QueryError(message, at: location).rendered(source: source, name: name, lineOffset: lineOffset)
        guard let range = text.range(of: ": error: ") else { return text }
        return text.replacingCharacters(in: range, with: ": warning: ")
    }
}
