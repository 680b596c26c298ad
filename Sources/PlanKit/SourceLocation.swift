/// A position in an input file.
///
/// `line` is 1-based and counts physical lines (a quoted cell with line breaks spans several).
/// `column` is 1-based; in a spreadsheet export it is the cell's column (1 = A), in an XML or
/// JSON file it is the character on the line.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as it was given, or a name such as `repl`.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}
