/// The formats a result can be rendered in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// An aligned text table.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// A JSON array with one object per row.
    case json
    /// A Markdown table.
    case markdown
    /// An `.xlsx` workbook: bytes, not text (see ``encode(_:options:)``).
    case xlsx

    /// Whether the format is bytes that a terminal cannot show (`xlsx`).
    public var isBinary: Bool { self == .xlsx }

    /// Renders `table` in this format.
    ///
    /// - Parameters:
    ///   - table: The result to render.
    ///   - options: Terminal width and box drawing, for ``table`` only.
    /// - Returns: The text; for ``xlsx``, whose rendering is bytes, the values as CSV.
    public func render(_ table: ResultTable, options: TableRenderer.Options = .init()) -> String {
        switch self {
        case .table: TableRenderer(options: options).render(table)
        case .csv, .xlsx: CSVRenderer.render(table)
        case .json: JSONRenderer.render(table)
        case .markdown: MarkdownRenderer.render(table)
        }
    }

    /// Encodes `table` in this format: a workbook's bytes for ``xlsx``, the UTF-8 text otherwise.
    ///
    /// - Returns: `nil` only when a workbook's zip archive could not be made in memory.
    public func encode(_ table: ResultTable, options: TableRenderer.Options = .init()) -> [UInt8]? {
        guard self == .xlsx else { return Array(render(table, options: options).utf8) }
        return XLSXRenderer.render(table)
    }
}
