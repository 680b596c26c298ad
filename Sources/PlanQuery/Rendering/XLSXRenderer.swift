import PlanKit

/// Renders a result as an `.xlsx` workbook of one sheet: a bold header row, frozen and filtered,
/// then a row per result row.
///
/// Numbers are numbers, amounts are numbers of euros with a euro format, a deadline that is a day
/// is a date; other deadlines, ids (`1.10`), lists and the states are text as in CSV (`??`, `/`),
/// and a missing value is an empty cell.
public enum XLSXRenderer {
    /// The workbook's bytes; `nil` only when the zip archive could not be made in memory.
    public static func render(_ table: ResultTable, sheetName: String = "Résultat") -> [UInt8]? {
        try? XLSXWriter.workbook([sheet(table, name: sheetName)])
    }

    /// A workbook of several results, a sheet each (`Résultat 1`, `Résultat 2`…, or one `Résultat`).
    package static func render(_ tables: [ResultTable]) -> [UInt8]? {
        let sheets = tables.enumerated().map { index, table in
            sheet(table, name: tables.count == 1 ? "Résultat" : "Résultat \(index + 1)")
        }
        return try? XLSXWriter.workbook(sheets)
    }

    /// The sheet of `table`.
    package static func sheet(_ table: ResultTable, name: String) -> XLSXWriter.Sheet {
        var rows: [[XLSXWriter.Cell]] = [table.columns.map { XLSXWriter.Cell(.text($0)) }]
        var widths = table.columns.map { Double($0.count) + 3 }
        for row in table.rows {
            rows.append(row.enumerated().map { index, value in
                if index < widths.count { widths[index] = max(widths[index], Double(min(value.text.count, 60)) + 2) }
                return XLSXWriter.Cell(cell(value))
            })
        }
        return XLSXWriter.Sheet(name: name, rows: rows, header: true, widths: widths)
    }

    /// The cell of one value.
    static func cell(_ value: QueryValue) -> XLSXWriter.Value {
        switch value {
        case .integer(let n): .number(String(n))
        case .money(let m): .money(m)
        case .decimal(let d): d.isFinite ? .number(String(d)) : .text(value.text)
        case .bool(let b): .bool(b)
        case .deadline(.day(let d, let m, let y)): Day(year: y, month: m, day: d).map { .day($0) } ?? .text(value.text)
        case .date(let day): .day(day)
        case .missing: .empty
        // An incomplete sum is text, `15000 + ?`, as in csv: a number would pass for the whole.
        case .text, .id, .deadline, .list, .unknown, .none, .incomplete, .incompleteNumber: .text(value.text)
        }
    }
}
