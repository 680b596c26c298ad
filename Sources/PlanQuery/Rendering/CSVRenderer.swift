import Foundation

/// Renders a result as RFC 4180 CSV: a header row, CRLF line ends, quotes where needed.
public enum CSVRenderer {
    /// Renders the table.
    public static func render(_ table: ResultTable) -> String {
        var out = table.columns.map(field).joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { field($0.text) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
