/// The plan read from one sheet of a workbook, row by row.
final class SheetPlan {
    /// The sheet as locations name it: `book.xlsx#Citoyennete`.
    let file: String
    private(set) var sheet: WorkbookSheet
    private var builder: PlanRows
    /// The first error the sheet met; rows after it are not read.
    private(set) var error: PlanReadError?
    /// Whether the sheet holds anything at all.
    private(set) var hasContent = false
    /// The legend's colours: a fill whose legend cell says what it means (`En attente confirmation`).
    var legendFills: [String: String] = [:]
    /// Actions' rows by fill, to mark pending when the legend, below them, gives the fill its meaning.
    var filledActionRows: [(row: Int, fills: Set<String>)] = []

    init(workbook: String, sheet: WorkbookSheet, fields: PlanFields, layout: TableLayout? = nil, multiSheet: Bool) {
        file = "\(workbook)#\(sheet.name)"
        self.sheet = sheet
        // Locations in this sheet are cells.
        _ = SourceLocation(sheet: file, row: 1, column: 1)
        builder = PlanRows(file: file, fields: fields, layout: layout)
        // One sheet: the workbook is the plan, named after the file as a text export would be.
        // Several: each sheet is a plan, named after the sheet, its domain the sheet's name, unless its preamble says otherwise.
        builder.plan.name = multiSheet ? sheet.name : PlanName.fileStem(workbook)
        if multiSheet { builder.plan.domain = sheet.name }
    }

    /// The location of the cell at 1-based `row` and 0-based `column`.
    func location(row: Int, column: Int) -> SourceLocation {
        builder.pst.origin.moved(line: row, column: column + 1)
    }

    /// Notes that the sheet is hidden (an ODS table's style says so once its rows start).
    func markHidden() { sheet.hidden = true }

    func warn(_ diagnostic: Diagnostic) {
        guard error == nil else { return }
        builder.plan.warnings.append(diagnostic)
    }

    func fail(_ error: PlanReadError) {
        if self.error == nil { self.error = error }
    }

    /// Reads a row; a hidden row that holds something is reported, and read.
    func consume(_ row: DelimitedTable.Row, fills: [Int: String], hidden: Bool) {
        guard error == nil, let first = (0..<row.count).first(where: { !row.isBlank($0) }) else { return }
        hasContent = true
        if hidden {
            warn(Diagnostic(
                .hiddenContent, location: location(row: row.line, column: first),
                message: "This row is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan.",
                text: row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " | ")))
        }
        let inLegend = builder.inLegend
        do { try builder.consume(row) } catch { fail(error) }
        let newAction = builder.lastActionLine == row.line
        readColours(row, fills: fills, first: first, wasLegend: inLegend, newAction: newAction)
    }

    /// Notes the fills of action rows, and the legend's: a legend cell in a colour says what the
    /// colour means (the seed's `En attente confirmation/précision du Collège communal`).
    private func readColours(_ row: DelimitedTable.Row, fills: [Int: String], first: Int, wasLegend: Bool, newAction: Bool) {
        guard !fills.isEmpty else { return }
        if newAction {
            filledActionRows.append((row.line, Set(fills.values)))
        } else if wasLegend || builder.inLegend {
            // A legend row: each filled cell, or the cell beside a filled blank one, names its colour's meaning.
            for (column, fill) in fills.sorted(by: { $0.key < $1.key }) where legendFills[fill] == nil {
                let own = row[column].trimmed
                let meaning = own.isEmpty ? ((column + 1)..<row.count).map { row[$0].trimmed }.first { !$0.isEmpty } ?? "" : own
                if !meaning.isEmpty, !TextFolding.fold(meaning).hasPrefix("legende") { legendFills[fill] = meaning }
            }
        }
    }

    /// The plan the sheet holds.
    ///
    /// - Throws: the sheet's first error, or ``PlanReadError`` when it holds no plan table.
    func finish() throws(PlanReadError) -> Plan {
        if let error { throw error }
        var plan = try builder.finish()
        plan.source = file
        if sheet.hidden {
            plan.warnings.insert(Diagnostic(
                .hiddenContent, location: SourceLocation(sheet: file, row: 0, column: 0),
                message: "This sheet is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan, or load the other sheets by name (book.\(Self.fileExtension(file, sheet: sheet.name))#Sheet).",
                text: sheet.name), at: 0)
        }
        applyLegendColours(&plan)
        return plan
    }

    /// Marks pending the actions in a colour the legend says means awaiting the Collège's
    /// confirmation; every colour's meaning is kept in the plan's legend as `colour #ffff00: meaning`.
    private func applyLegendColours(_ plan: inout Plan) {
        guard !legendFills.isEmpty else { return }
        for (fill, meaning) in legendFills.sorted(by: { $0.key < $1.key }) {
            plan.legend.append("colour \(fill): \(meaning)")
        }
        let pendingFills = Set(legendFills.filter { Self.meansPending($0.value) }.keys)
        guard !pendingFills.isEmpty else { return }
        let pendingRows = Set(filledActionRows.filter { !$0.fills.isDisjoint(with: pendingFills) }.map(\.row))
        guard !pendingRows.isEmpty else { return }
        for s in plan.objectives.indices {
            for o in plan.objectives[s].operationalObjectives.indices {
                for a in plan.objectives[s].operationalObjectives[o].actions.indices
                where pendingRows.contains(plan.objectives[s].operationalObjectives[o].actions[a].location.line) {
                    plan.objectives[s].operationalObjectives[o].actions[a].pending = true
                }
            }
        }
    }

    /// The workbook's extension (`xlsx`, `ods`) in `file`, `book.ods#Sheet` for sheet `sheet`.
    static func fileExtension(_ file: String, sheet: String) -> String {
        let book = file.hasSuffix("#" + sheet) ? String(file.dropLast(sheet.count + 1)) : file
        let ext = book.split(separator: "/").last?.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return ext.isEmpty || !book.contains(".") ? "xlsx" : ext
    }

    /// Whether a legend's words mean the Collège has not confirmed yet (`En attente confirmation`).
    static func meansPending(_ meaning: String) -> Bool {
        let folded = TextFolding.fold(meaning)
        return folded.containsBytes("en attente") || folded.containsBytes("a confirmer") || folded.containsBytes("a valider")
    }
}
