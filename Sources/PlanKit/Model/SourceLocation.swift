/// A position in an input file.
///
/// `line` is 1-based and counts physical lines (a quoted cell with line breaks spans several).
/// `column` is 1-based; in a spreadsheet export it is the cell's column (1 = A), in an XML or
/// JSON file it is the character on the line.
///
/// In a workbook the file is the sheet, `book.xlsx#Citoyennete`, ``line`` the row and ``column``
/// the column (1 = A): such a location is a cell and reads `book.xlsx#Citoyennete!G12`.
///
/// Line 0 is the whole file, or the whole sheet: it reads `pst.tsv`, `book.xlsx#Brouillon`.
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

    /// Creates the location of a cell of a workbook's sheet: `sheet` names it as
    /// `book.xlsx#Citoyennete`, `row` and `column` are 1-based (column 1 = A).
    ///
    /// Every location in that sheet, however made, is then a cell.
    public init(sheet: String, row: Int, column: Int) {
        fileNumber = FileNames.shared.number(ofSheet: sheet)
        storedColumn = UInt32(clamping: column)
        line = row
    }

    /// Whether the location is a cell of a workbook's sheet (``file`` is `book.xlsx#Sheet`).
    public var isCell: Bool { FileNames.shared.isSheet(fileNumber) }

    /// The cell's reference, `G12` (column letters and row), for a location in a sheet; `nil`
    /// elsewhere, and for the whole sheet (line 0).
    public var cell: String? {
        guard isCell, line >= 1 else { return nil }
        return Self.columnLetters(column) + String(line)
    }

    /// A 1-based column's letters: 1 → A, 26 → Z, 27 → AA; empty for 0.
    static func columnLetters(_ column: Int) -> String {
        var letters: [UInt8] = []
        var n = column
        while n > 0 {
            letters.append(UInt8(ascii: "A") + UInt8((n - 1) % 26))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The same file at another line and column, without looking the file's name up again.
    func moved(line: Int, column: Int) -> SourceLocation {
        var location = self
        location.line = line
        location.storedColumn = UInt32(clamping: column)
        return location
    }

    /// `file:line:column`, the form compilers and editors understand; in a workbook's sheet,
    /// `book.xlsx#Citoyennete!G12`; for the whole file or sheet (line 0), its name alone:
    /// `book.xlsx#Brouillon`.
    public var description: String {
        if line == 0 { return file }
        if let cell, column > 0 { return "\(file)!\(cell)" }
        return "\(file):\(line):\(column)"
    }
}

extension SourceLocation: Codable {
    private enum CodingKeys: String, CodingKey { case file, line, column, cell }

    /// Decodes `{"file": …, "line": …, "column": …}`; with `"cell"`, a cell of a workbook's sheet.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let column = try container.decode(Int.self, forKey: .column)
        guard column >= 0, column <= Int(UInt32.max) else {
            throw DecodingError.dataCorruptedError(
                forKey: .column, in: container, debugDescription: "A column must be between 0 and 4294967295; found \(column).")
        }
        let file = try container.decode(String.self, forKey: .file), line = try container.decode(Int.self, forKey: .line)
        if try container.decodeIfPresent(String.self, forKey: .cell) != nil {
            self.init(sheet: file, row: line, column: column)
        } else {
            self.init(file: file, line: line, column: column)
        }
    }

    /// Encodes `{"file": …, "line": …, "column": …}`, and `"cell": "G12"` for a cell of a workbook's
    /// sheet (`"cell": ""` for the whole sheet).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encodeIfPresent(isCell ? cell ?? "" : nil, forKey: .cell)
    }
}
