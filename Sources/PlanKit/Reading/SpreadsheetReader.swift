import Foundation

/// Reads a plan from a spreadsheet export: tab, semicolon or comma separated text.
///
/// Header rows are found by their labels, rows are classified by their content, and each cell
/// is parsed by the cell grammar. What cannot be parsed is kept verbatim and reported in
/// ``Plan/warnings``; nothing is dropped.
public struct SpreadsheetReader: Sendable {
    /// The parts of each action the reader parses.
    public var fields: PlanFields
    /// The layout of a commune's own template (``LayoutFile``), tried before the layouts PlanKit
    /// knows; `nil` for those alone.
    public var layout: TableLayout?

    /// Creates a reader that parses `fields` of each action (all of them by default), in the
    /// layouts PlanKit knows or, first, in `layout`.
    public init(fields: PlanFields = .all, layout: TableLayout? = nil) {
        self.fields = fields
        self.layout = layout
    }

    /// Columns a header row can name.
    enum Column: Int, CaseIterable {
        case political, services, agents, deadline, code, ordinary, extraordinary, humanResources
    }

    /// Reads a plan from a file's bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's content, in any encoding ``TextEncoding`` detects.
    ///   - file: The file's name, used in locations.
    /// - Throws: ``PlanReadError`` when the bytes are empty, binary, or hold no plan table.
    public func read(_ bytes: [UInt8], file: String) throws(PlanReadError) -> Plan {
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            throw PlanReadError(file: file, message: "The file is empty; export the plan's sheet as tab-separated text or CSV.")
        }
        guard let text = TextEncoding.decodeText(bytes) else {
            throw PlanReadError(file: file, message: "The file looks binary (it holds NUL bytes) and is no workbook PlanKit reads; save the plan as .xlsx or .ods, or export its sheet as text (tab-separated or CSV).")
        }
        var builder = PlanRows(file: file, fields: fields, layout: layout)
        let separator = DelimitedTable.detectSeparator(text.utf8)
        try DelimitedTable.forEachRow(text.utf8, separator: separator, file: file) { row throws(PlanReadError) in
            try builder.consume(row)
        }
        var plan = try builder.finish()
        // Bytes invalid in the file's encoding, each cell that holds some named where it is.
        plan.warnings = DecodedText.merge(text.warnings(separator: separator, file: file), into: plan.warnings)
        return plan
    }
}
