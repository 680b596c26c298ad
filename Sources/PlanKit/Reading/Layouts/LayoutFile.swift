import Foundation

/// Reads a layout file: a JSON document that describes a commune's own template, mapping its
/// column labels to PlanKit's fields (``TableLayout``).
///
/// ```json
/// {
///   "name": "Modave PST",
///   "columns": [
///     { "label": "Axe", "level": "strategic", "field": "title" },
///     { "label": "Objectif", "level": "operational", "field": "title" },
///     { "label": ["N° fiche", "Fiche"], "level": "action", "field": "number" },
///     { "label": "Intitulé de la fiche", "level": "action", "field": "title" },
///     { "label": "Échevin", "level": "action", "field": "political" },
///     { "label": "État", "level": "action", "field": "status" },
///     { "label": "Remarques", "level": "action", "field": "follow-up" }
///   ],
///   "rows": [
///     { "match": "^Objectif stratégique", "is": "strategic" },
///     { "match": "^Remarque", "is": "note" }
///   ]
/// }
/// ```
///
/// `level` is `strategic`, `operational`, `suboperational`, `action`, `sub-action` or `row`;
/// `field` is one of ``TableLayout/Field``'s raw values (`number`, `title`, `political`,
/// `services`, `agents`, `deadline`, `ordinary`, `extraordinary`, `human-resources`, `status`,
/// `progress`, `health`, `priority`, `start.planned`, `start.effective`, `end.planned`,
/// `end.effective`, `indicators`, `funding`, `funder`, `funder-amount`, `planned-amount`,
/// `follow-up`). `rows` (optional) marks rows by their first non-blank cell, a regular expression
/// matched ignoring case and accents: `strategic` and `operational` objective rows (the text
/// after the match is the title), `note` and `ignored` rows (kept in a warning). `required`
/// (optional) lists the labels a header row must name; by default, the first label of every title
/// column. `separators` (optional) lists what separates names in a pilot cell (`,`, a line break
/// and ` / ` by default). `walloon` (optional, `true` by default) says whether a funder written
/// `Région` is the Walloon region. Any mistake is reported at its line and column in the file.
public enum LayoutFile {
    /// Reads the layout file at `path`.
    ///
    /// - Throws: ``PlanReadError`` naming the file, line and column of the first mistake.
    public static func read(path: String) throws(PlanReadError) -> TableLayout {
        try parse(try PlanReader.load(path: path), file: path)
    }

    /// Reads a layout file's bytes, naming `file` in errors.
    ///
    /// - Throws: ``PlanReadError`` naming the file, line and column of the first mistake.
    public static func parse(_ bytes: [UInt8], file: String) throws(PlanReadError) -> TableLayout {
        var parser = JSONCursor(bytes: bytes, file: file)
        let root = try parser.document()
        func fail(_ value: JSONCursor.Value, _ message: String) -> PlanReadError {
            PlanReadError(location: SourceLocation(file: file, line: value.line, column: value.column), message: message)
        }
        guard case .object(let members) = root.kind else {
            throw fail(root, "A layout file is a JSON object with \"name\" and \"columns\"; see Docs/formats.md, \"Layout files\".")
        }
        var name = (file as NSString).lastPathComponent
        var columns: [TableLayout.Column] = []
        var required: [String]?
        var separators: [String]?
        var markers: [TableLayout.RowMarker] = []
        var walloon = true
        func strings(_ value: JSONCursor.Value, _ what: String) throws(PlanReadError) -> [String] {
            switch value.kind {
            case .string(let text) where !text.trimmed.isEmpty: return [text]
            case .array(let items) where !items.isEmpty:
                var texts: [String] = []
                for item in items {
                    guard case .string(let text) = item.kind, !text.isEmpty else { throw fail(item, "\(what) must be a text or a list of texts.") }
                    texts.append(text)
                }
                return texts
            default: throw fail(value, "\(what) must be a text or a non-empty list of texts.")
            }
        }
        for (key, value) in members {
            switch key {
            case "name":
                guard case .string(let text) = value.kind else { throw fail(value, "\"name\" must be a text: the layout's name in messages.") }
                name = text
            case "required": required = try strings(value, "\"required\"")
            case "separators": separators = try strings(value, "\"separators\"")
            case "walloon":
                guard case .bool(let flag) = value.kind else { throw fail(value, "\"walloon\" must be true or false: whether a funder written Région is the Walloon region.") }
                walloon = flag
            case "rows":
                guard case .array(let items) = value.kind else {
                    throw fail(value, "\"rows\" must be a list of row markers, each { \"match\": …, \"is\": … }.")
                }
                for item in items {
                    guard case .object(let fields) = item.kind else {
                        throw fail(item, "A row marker must be an object { \"match\": …, \"is\": … }.")
                    }
                    var pattern: String?
                    var kind: TableLayout.RowMarker.Kind?
                    for (key, value) in fields {
                        switch key {
                        case "match":
                            guard case .string(let text) = value.kind, !text.isEmpty, RowMarkerMatcher.compile(text) != nil else {
                                throw fail(value, "\"match\" must be a regular expression, such as \"^Objectif stratégique\".")
                            }
                            pattern = text
                        case "is":
                            guard case .string(let text) = value.kind, let read = TableLayout.RowMarker.Kind(rawValue: text) else {
                                throw fail(value, "\"is\" must be one of \(TableLayout.RowMarker.Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")).")
                            }
                            kind = read
                        default:
                            throw fail(value, "A row marker has no \"\(key)\"; it has \"match\" and \"is\".")
                        }
                    }
                    guard let pattern, let kind else {
                        throw fail(item, "This row marker lacks \(pattern == nil ? "\"match\"" : "\"is\""); a row marker has \"match\" and \"is\".")
                    }
                    markers.append(TableLayout.RowMarker(pattern, kind))
                }
            case "columns":
                guard case .array(let items) = value.kind, !items.isEmpty else {
                    throw fail(value, "\"columns\" must be a non-empty list of columns, each { \"label\": …, \"level\": …, \"field\": … }.")
                }
                for item in items {
                    guard case .object(let fields) = item.kind else {
                        throw fail(item, "A column must be an object { \"label\": …, \"level\": …, \"field\": … }.")
                    }
                    var labels: [String]?
                    var level: TableLayout.Level?
                    var field: TableLayout.Field?
                    for (key, value) in fields {
                        switch key {
                        case "label": labels = try strings(value, "\"label\"")
                        case "level":
                            guard case .string(let text) = value.kind, let read = TableLayout.Level(rawValue: text) else {
                                throw fail(value, "\"level\" must be one of \(TableLayout.Level.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")).")
                            }
                            level = read
                        case "field":
                            guard case .string(let text) = value.kind, let read = TableLayout.Field(rawValue: text) else {
                                throw fail(value, "\"field\" must be one of \(TableLayout.Field.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")).")
                            }
                            field = read
                        default:
                            throw fail(value, "A column has no \"\(key)\"; it has \"label\", \"level\" and \"field\".")
                        }
                    }
                    guard let labels, let level, let field else {
                        throw fail(item, "This column lacks \(labels == nil ? "\"label\"" : level == nil ? "\"level\"" : "\"field\""); a column has \"label\", \"level\" and \"field\".")
                    }
                    columns.append(TableLayout.Column(labels, level, field))
                }
            default:
                throw fail(value, "A layout file has no \"\(key)\"; it has \"name\", \"columns\", and optionally \"rows\", \"required\", \"separators\" and \"walloon\".")
            }
        }
        guard !columns.isEmpty else {
            throw fail(root, "The layout file has no \"columns\"; list the template's columns, each { \"label\": …, \"level\": …, \"field\": … }.")
        }
        let titles = columns.filter { $0.field == .title }
        guard titles.contains(where: { $0.level == .action || $0.level == .subAction }) || columns.contains(where: { $0.field == .number && $0.level == .action }) else {
            throw fail(root, "The layout names no column of an action's title or number; add one with \"level\": \"action\" and \"field\": \"title\".")
        }
        return TableLayout(
            name: name, columns: columns, required: required ?? titles.map { $0.labels[0] },
            nameSeparators: separators ?? [",", "\n", " / "], rowMarkers: markers, walloon: walloon)
    }
}

/// A small JSON reader that keeps where each value starts (1-based line and column, in characters).
struct JSONCursor {
    /// A value and where it starts.
    struct Value {
        enum Kind {
            case object([(String, Value)])
            case array([Value])
            case string(String)
            case number(String)
            case bool(Bool)
            case null
        }
        var kind: Kind
        var line: Int
        var column: Int
    }

    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        // A byte order mark is skipped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    /// The column of `index`, in characters.
    var column: Int { String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1 }

    func error(_ message: String) -> PlanReadError {
        PlanReadError(location: SourceLocation(file: file, line: line, column: column), message: message)
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                lineStart = index
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    mutating func document() throws(PlanReadError) -> Value {
        let value = try self.value()
        skipSpace()
        guard index == bytes.count else { throw error("The layout file goes on after its JSON object; remove what follows it.") }
        return value
    }

    mutating func value() throws(PlanReadError) -> Value {
        skipSpace()
        guard index < bytes.count else { throw error("The layout file ends where a value was expected; close its objects and lists.") }
        let (startLine, startColumn) = (line, column)
        func made(_ kind: Value.Kind) -> Value { Value(kind: kind, line: startLine, column: startColumn) }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= 64 else { throw error("The layout file nests too deep; a layout is an object of columns.") }
            defer { depth -= 1 }
            index += 1
            var members: [(String, Value)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return made(.object(members)) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("Expected a key in quotes (\"label\") here.") }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("Expected ':' after the key \"\(key)\".") }
                index += 1
                members.append((key, try value()))
                skipSpace()
                guard index < bytes.count else { throw error("The layout file ends inside an object; close it with '}'.") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return made(.object(members)) }
                throw error("Expected ',' or '}' here.")
            }
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= 64 else { throw error("The layout file nests too deep; a layout is an object of columns.") }
            defer { depth -= 1 }
            index += 1
            var items: [Value] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return made(.array(items)) }
            while true {
                items.append(try value())
                skipSpace()
                guard index < bytes.count else { throw error("The layout file ends inside a list; close it with ']'.") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return made(.array(items)) }
                throw error("Expected ',' or ']' here.")
            }
        case UInt8(ascii: "\""):
            return made(.string(try string()))
        case UInt8(ascii: "t") where bytes[index...].starts(with: Array("true".utf8)):
            index += 4
            return made(.bool(true))
        case UInt8(ascii: "f") where bytes[index...].starts(with: Array("false".utf8)):
            index += 5
            return made(.bool(false))
        case UInt8(ascii: "n") where bytes[index...].starts(with: Array("null".utf8)):
            index += 4
            return made(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            while index < bytes.count, "-+.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
            return made(.number(String(decoding: bytes[start..<index], as: UTF8.self)))
        default:
            throw error("Expected a value (an object, a list, a text in double quotes, a number, true, false or null) here.")
        }
    }

    mutating func string() throws(PlanReadError) -> String {
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\n") || b < 0x20 { throw error("A text in quotes does not end on its line; close it with '\"' (a line break inside is written \\n).") }
            if b == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { break }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else {
                        throw error("A \\u escape needs four hexadecimal digits of a character (surrogate pairs are not read); write the character itself.")
                    }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    index += 4
                default: throw error("Unknown escape '\\\(Character(Unicode.Scalar(escaped)))' in a text; write \\\\ for a backslash.")
                }
                continue
            }
            out.append(b)
            index += 1
        }
        throw error("The layout file ends inside a text; close it with '\"'.")
    }
}
