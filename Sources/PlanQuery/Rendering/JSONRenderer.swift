/// Renders a result as a JSON array with one object per row, keys in column order.
///
/// Amounts are numbers of euros; unknown, none and missing values are `null`; a sum with
/// unknown parts is `{"sum": 15000, "incomplete": true}`; several values of one cell are an array.
public enum JSONRenderer {
    /// Renders the table.
    public static func render(_ table: ResultTable) -> String {
        if table.rows.isEmpty { return "[]\n" }
        var out = "[\n"
        for (r, row) in table.rows.enumerated() {
            out += "  {"
            for (c, column) in table.columns.enumerated() {
                out += (c == 0 ? "" : ", ") + string(column) + ": " + value(row[c])
            }
            out += r == table.rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    static func value(_ value: QueryValue) -> String {
        switch value {
        case .text(let s), .id(let s): string(s)
        case .integer(let n): String(n)
        case .money(let m): m.description
        case .incomplete(let m): "{\"sum\": \(m.description), \"incomplete\": true}"
        case .incompleteNumber(let d): d.isFinite ? "{\"sum\": \(QueryValue.decimalText(d)), \"incomplete\": true}" : "null"
        case .decimal(let d): d.isFinite ? String(d) : "null"
        case .bool(let b): b ? "true" : "false"
        case .deadline(let d): string(d.description)
        case .date(let d): string(d.description)
        case .list(let values): "[" + values.map(Self.value).joined(separator: ", ") + "]"
        case .unknown, .none, .missing: "null"
        }
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
