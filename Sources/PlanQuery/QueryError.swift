/// A query that cannot be parsed or run: a message and where in the query.
public struct QueryError: Error, Sendable, Hashable {
    /// One sentence on what is wrong and, where possible, what to write instead.
    public var message: String
    /// The offending token.
    public var location: QueryLocation

    /// Creates an error at `location`.
    public init(_ message: String, at location: QueryLocation) {
        self.message = message
        self.location = location
    }

    /// Renders the error with the query's line and a caret under the offending token:
    ///
    ///     query:1:15: error: Unknown field 'budgte' on actions; did you mean 'budget'?
    ///     actions where budgte.amount > 3
    ///                   ^^^^^^
    ///
    /// - Parameters:
    ///   - source: The query's text.
    ///   - name: What to call the source: `query`, `repl`, or a script's path.
    ///   - lineOffset: Added to the line number, for a statement that starts further down a script.
    public func rendered(source: String, name: String = "query", lineOffset: Int = 0) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = min(max(location.line - 1, 0), max(lines.count - 1, 0))
        let text = lines.isEmpty ? "" : String(lines[lineIndex])
        let displayLine = text.map { $0 == "\t" ? " " : $0 }
        let column = max(1, location.column)
        let available = max(1, text.count - (column - 1))
        let caret = String(repeating: " ", count: column - 1) + String(repeating: "^", count: min(location.length, available))
        return "\(name):\(location.line + lineOffset):\(column): error: \(message)\n\(String(displayLine))\n\(caret)"
    }
}
