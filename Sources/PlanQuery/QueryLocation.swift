/// A position in a query's text.
///
/// `line` and `column` are 1-based; `column` counts characters. `offset` is the 0-based
/// character offset from the start of the text, and `length` the number of characters of the
/// token it designates (at least 1, for the caret).
public struct QueryLocation: Sendable, Hashable, CustomStringConvertible {
    /// The 0-based character offset.
    public var offset: Int
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters.
    public var column: Int
    /// The number of characters designated.
    public var length: Int

    /// Creates a location.
    public init(offset: Int, line: Int, column: Int, length: Int = 1) {
        self.offset = offset
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
