/// A position in an input file.
///
/// `line` is 1-based and counts physical lines (a quoted cell with line breaks spans several).
/// `column` is 1-based; in a spreadsheet export it is the cell's column (1 = A), in an XML or
/// JSON file it is the character on the line.
///
/// A location takes 16 bytes: the file's name is stored once for all locations that name it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    private var fileNumber: UInt32
    private var storedColumn: UInt32
    /// The 1-based line number.
    public var line: Int

    /// The file's path as it was given, or a name such as `repl`.
    public var file: String {
        get { FileNames.shared.name(fileNumber) }
        set { fileNumber = FileNames.shared.number(of: newValue) }
    }

    /// The 1-based column number (0 to 4 294 967 295; beyond, the largest).
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        fileNumber = FileNames.shared.number(of: file)
        storedColumn = UInt32(clamping: column)
        self.line = line
    }

    /// The same file at another line and column, without looking the file's name up again.
    func moved(line: Int, column: Int) -> SourceLocation {
        var location = self
        location.line = line
        location.storedColumn = UInt32(clamping: column)
        return location
    }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}

extension SourceLocation: Codable {
    private enum CodingKeys: String, CodingKey { case file, line, column }

    /// Decodes `{"file": …, "line": …, "column": …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let column = try container.decode(Int.self, forKey: .column)
        guard column >= 0, column <= Int(UInt32.max) else {
            throw DecodingError.dataCorruptedError(
                forKey: .column, in: container, debugDescription: "A column must be between 0 and 4294967295; found \(column).")
        }
        self.init(
            file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
            column: column)
    }

    /// Encodes `{"file": …, "line": …, "column": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}
