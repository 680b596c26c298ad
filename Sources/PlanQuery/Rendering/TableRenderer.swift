/// Renders a result as an aligned text table that fits a width, cutting long text with an ellipsis.
public struct TableRenderer: Sendable {
    /// How to draw the table.
    public struct Options: Sendable {
        /// The width to fit, in characters; `nil` for no limit.
        public var width: Int?
        /// Whether to draw box lines (`│`, `─`) instead of ASCII.
        public var box: Bool

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

    static func isNumeric(_ value: QueryValue) -> Bool {
        switch value {
        case .integer, .money, .incomplete, .decimal: true
        default: false
        }
    }

    /// Renders the table, followed by a line counting its rows.
    public func render(_ table: ResultTable) -> String {
        let cells = table.rows.map { $0.map { $0.text.replacingNewlines } }
        var widths = table.columns.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let separator = options.box ? " │ " : "  "
        if let width = options.width, !widths.isEmpty {
            let available = max(widths.count * 3, width - separator.count * (widths.count - 1))
            while widths.reduce(0, +) > available {
                guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 else { break }
                let others = widths.reduce(0, +) - widths[widest]
                widths[widest] = max(3, min(widths[widest] - 1, available - others))
            }
        }
        let numeric = table.columns.indices.map { c in table.rows.contains { Self.isNumeric($0[c]) } }
        func line(_ values: [String], header: Bool) -> String {
            var parts: [String] = []
            for (i, value) in values.enumerated() {
                let fitted = value.count > widths[i] ? String(value.prefix(max(0, widths[i] - 1))) + "…" : value
                let pad = String(repeating: " ", count: widths[i] - fitted.count)
                parts.append(numeric[i] && !header ? pad + fitted : fitted + pad)
            }
            var text = parts.joined(separator: separator)
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = line(table.columns, header: true) + "\n"
        let rule = options.box ? "─" : "-"
        out += widths.map { String(repeating: rule, count: $0) }.joined(separator: options.box ? "─┼─" : "  ") + "\n"
        for row in cells { out += line(row, header: false) + "\n" }
        out += "(\(table.rows.count) \(table.rows.count == 1 ? "row" : "rows"))\n"
        return out
    }
}

extension String {
    /// The text with line breaks and tabs shown as spaces, for one-line cells.
    var replacingNewlines: String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }
}
