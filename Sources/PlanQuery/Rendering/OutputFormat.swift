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

    /// Renders `table` in this format.
    ///
    /// - Parameters:
    ///   - table: The result to render.
    ///   - options: Terminal width and box drawing, for ``table`` only.
    public func render(_ table: ResultTable, options: TableRenderer.Options = .init()) -> String {
        switch self {
        case .table: TableRenderer(options: options).render(table)
        case .csv: CSVRenderer.render(table)
        case .json: JSONRenderer.render(table)
        case .markdown: MarkdownRenderer.render(table)
        }
    }
}
