/// Renders a result as an aligned text table that fits a width.
///
/// Nothing is cut. When the natural widths do not fit, the key columns (ids, rules, files, lines,
/// numbers and other short values) keep their longest value, and the widest text column takes
/// the room left and wraps onto more lines, then the next widest. When even that does not fit
/// (each text column at least ``Options/minimumTextWidth`` wide), every row is shown as a record,
/// one `column  value` line per column, long values wrapped, as `psql`'s expanded display does.
public struct TableRenderer: Sendable {
    /// How to draw the table.
    public struct Options: Sendable {
        /// The width to fit, in characters; `nil` for no limit.
        public var width: Int?
        /// Whether to draw box lines (`│`, `─`) instead of ASCII.
        public var box: Bool

        /// The narrowest a wrapped text column becomes before rows are shown as records.
        public static let minimumTextWidth = 20

        /// Creates options.
        public init(width: Int? = nil, box: Bool = false) {
            self.width = width
            self.box = box
        }
    }

    /// The drawing options.
    public var options: Options

    /// Creates a renderer.
    public init(options: Options = .init()) { self.options = options }

    /// Column names whose values are keys: never wrapped nor cut.
    static let keyNames: Set<String> = [
        "id", "rule", "file", "line", "column", "plan", "severity", "code", "ref", "action", "number", "level", "kind",
        "status", "owner", "article", "relation", "main", "function", "economic", "service", "year", "deadline", "count()",
    ]

    static func isNumeric(_ value: QueryValue) -> Bool {
        switch value {
        case .integer, .money, .incomplete, .incompleteNumber, .decimal: true
        default: false
        }
    }

    /// Renders the table, followed by a line counting its rows.
    public func render(_ table: ResultTable) -> String {
        let cells = table.rows.map { $0.map { $0.text.replacingNewlines } }
        var widths = table.columns.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let numeric = table.columns.indices.map { c in table.rows.contains { Self.isNumeric($0[c]) } }
        let separator = options.box ? " │ " : "  "
        let footer = "(\(table.rows.count) \(table.rows.count == 1 ? "row" : "rows"))\n"
        if let width = options.width, !widths.isEmpty {
            let available = width - separator.count * (widths.count - 1)
            if widths.reduce(0, +) > available {
                guard let fitted = Self.fit(widths, columns: table.columns, numeric: numeric, available: available) else {
                    return records(table.columns, cells, numeric: numeric, width: width) + footer
                }
                widths = fitted
            }
        }
        func lines(_ values: [String], header: Bool) -> String {
            let wrapped = values.enumerated().map { i, value in Self.wrap(value, width: widths[i]) }
            let height = wrapped.map(\.count).max() ?? 1
            var out = ""
            for l in 0..<height {
                var parts: [String] = []
                for (i, pieces) in wrapped.enumerated() {
                    let piece = l < pieces.count ? pieces[l] : ""
                    let pad = String(repeating: " ", count: max(0, widths[i] - piece.count))
                    parts.append(numeric[i] && !header ? pad + piece : piece + pad)
                }
                var text = parts.joined(separator: separator)
                while text.last == " " { text.removeLast() }
                out += text + "\n"
            }
            return out
        }
        var out = lines(table.columns, header: true)
        let rule = options.box ? "─" : "-"
        out += widths.map { String(repeating: rule, count: $0) }.joined(separator: options.box ? "─┼─" : "  ") + "\n"
        for row in cells { out += lines(row, header: false) }
        return out + footer
    }

    /// Widths that fit `available`: key columns whole, the widest text columns narrowed first;
    /// `nil` when even text columns of ``Options/minimumTextWidth`` do not fit.
    static func fit(_ natural: [Int], columns: [String], numeric: [Bool], available: Int) -> [Int]? {
        let minimum = Options.minimumTextWidth
        let flexible = natural.indices.filter { i in
            let name = columns[i].lowercased()
            let last = name.split(separator: ".").last.map(String.init) ?? name
            return !numeric[i] && !keyNames.contains(name) && !keyNames.contains(last) && natural[i] > minimum
        }
        var widths = natural
        var excess = natural.reduce(0, +) - available
        for i in flexible.sorted(by: { natural[$0] > natural[$1] || (natural[$0] == natural[$1] && $0 < $1) }) where excess > 0 {
            let take = min(excess, widths[i] - minimum)
            widths[i] -= take
            excess -= take
        }
        return excess > 0 ? nil : widths
    }

    /// Each row as a record: a `-[ row N ]` line, then `column  value` per column, the value
    /// wrapped to what the width leaves.
    func records(_ columns: [String], _ cells: [[String]], numeric: [Bool], width: Int) -> String {
        let labelWidth = columns.map(\.count).max() ?? 0
        let valueWidth = max(Options.minimumTextWidth, width - labelWidth - 2)
        let rule = options.box ? "─" : "-"
        var out = ""
        for (r, row) in cells.enumerated() {
            let title = "\(rule)[ row \(r + 1) ]"
            out += title + String(repeating: rule, count: max(0, min(width, labelWidth + 2 + valueWidth) - title.count)) + "\n"
            for (i, value) in row.enumerated() {
                let label = columns[i] + String(repeating: " ", count: labelWidth - columns[i].count)
                for (l, piece) in Self.wrap(value, width: valueWidth).enumerated() {
                    var text = (l == 0 ? label : String(repeating: " ", count: labelWidth)) + "  " + piece
                    while text.last == " " { text.removeLast() }
                    out += text + "\n"
                }
            }
        }
        return out
    }

    /// `text` in lines of at most `width` characters, broken at spaces where it can be, inside a
    /// word longer than a line where it must.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            let gap = line.isEmpty ? 0 : 1
            if line.count + gap + word.count <= width {
                if gap == 1 { line += " " }
                line += word
                continue
            }
            if !line.isEmpty { lines.append(line); line = "" }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            line = String(word)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    /// The text with line breaks and tabs shown as spaces, for one-line cells.
    var replacingNewlines: String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }
}
