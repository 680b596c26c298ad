import Foundation

/// Renders a result as a Markdown (GitHub-flavoured) table.
public enum MarkdownRenderer {
    /// Renders the table.
    public static func render(_ table: ResultTable) -> String {
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
        }
        let numeric = table.columns.indices.map { c in table.rows.contains { TableRenderer.isNumeric($0[c]) } }
        var out = "| " + table.columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map { cell($0.text) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
