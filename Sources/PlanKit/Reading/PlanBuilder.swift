import Foundation


/// Builds a plan row by row.
struct PlanBuilder {
    let file: String
    /// The file's first cell; other locations are made from it without looking the name up.
    let origin: SourceLocation
    let fields: PlanFields
    var plan: Plan
    /// The column index of each header label, by ``SpreadsheetReader/Column`` raw value.
    var columns = [Int?](repeating: nil, count: SpreadsheetReader.Column.allCases.count)
    var headerFound = false
    /// The line of the first header row, and each recognised label with its column.
    var headerLine = 0
    var headerLabels: [(label: String, column: SpreadsheetReader.Column)] = []
    /// Whether the header rows were checked against the layout (at the first objective or action).
    var headerChecked = false
    /// The line of the first row that is not blank.
    var firstLine = 0
    /// For the action rows, the indexes before the header's last column that no header column
    /// names, and the index after that last column: a cell there or beyond (but the title's) is
    /// not held by the action and is reported. Made at the first action row.
    var unheldColumns: (indexes: [Int], end: Int)?
    var inLegend = false
    var objectives: [StrategicObjective] = []
    /// The buffers budget cells are parsed in, reused from cell to cell.
    var budgetScratch = BudgetCellParser.Scratch()
    var kindFromPreamble = false
    /// Pilot cells read so far, by text: a plan names the same few people and services row after
    /// row, and such cells share one text and one list of names.
    var pilotCells: [String: Action.PilotCell] = [:]
    /// ``columns`` as actions hold them, made at the first action under the header.
    var rowColumns: Action.Columns?
    /// The folded start of the row being read (``foldedStart(_:into:)``), its room kept.
    var foldedRowStart: [UInt8] = []

    init(file: String, fields: PlanFields = .all) {
        self.file = file
        origin = SourceLocation(file: file, line: 1, column: 1)
        self.fields = fields
        plan = Plan(kind: .pst, name: PlanName.fileStem(file), source: file)
    }

    func location(_ row: DelimitedTable.Row, _ column: Int) -> SourceLocation {
        origin.moved(line: row.line, column: column + 1)
    }

    mutating func consume(_ row: DelimitedTable.Row) throws(PlanReadError) {
        guard let first = (0..<row.count).first(where: { !row.isBlank($0) }) else { return }
        if firstLine == 0 { firstLine = row.line }
        // Rows are told apart by their first words: fold only those.
        Self.foldedStart(row.bytes[row.range(first)], into: &foldedRowStart)
        let folded = foldedRowStart
        // Objective, preamble and legend rows need the whole cell without its tags; action rows do not.
        var text: String { Self.stripTags(row[first]) }
        // A legend ends the table; an objective or action row after it ends the legend.
        if inLegend, !Self.startsObjectiveOrAction(folded) {
            plan.legend.append(row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " "))
            return
        }
        inLegend = false
        if Self.opensLegend(folded) {
            inLegend = true
            // `Légende : text` keeps the text; `Légende des couleurs` and `Légende des couleurs : …`
            // are kept whole. Other cells follow.
            let head = text
            let colon = head.firstIndex(of: ":")
            let rest = colon.flatMap { colon in Self.isLegendWord(head[..<colon]) ? head[head.index(after: colon)...].trimmed : nil } ?? head
            let others = ((first + 1)..<row.count).map { row[$0].trimmed }.filter { !$0.isEmpty }
            let line = ([rest].filter { !$0.isEmpty } + others).joined(separator: " ")
            if !line.isEmpty { plan.legend.append(line) }
            return
        }
        // Header rows, before the first objective: at least two recognised labels.
        if objectives.isEmpty {
            let labelled = row.cells.enumerated().compactMap { index, cell in Self.column(forLabel: cell).map { (index, $0) } }
            let headerWords = row.cells.filter(Self.isHeaderWord).count
            if labelled.count + headerWords >= 2, labelled.count >= 1 {
                var unread: [(Int, String)] = []
                var firstUnread: Int?
                let labelledIndexes = Set(labelled.map(\.0))
                for (index, column) in labelled {
                    if columns[column.rawValue] == nil {
                        columns[column.rawValue] = index
                        headerLabels.append((row[index].trimmed, column))
                    } else if columns[column.rawValue] != index {
                        // A second column of the same kind: its cells are reported row by row.
                        unread.append((index, "\(Self.columnName(index)): \(row[index].trimmed)"))
                        firstUnread = min(firstUnread ?? index, index)
                    }
                }
                for index in 0..<row.count where !row.isBlank(index) && !labelledIndexes.contains(index) && !Self.isHeaderWord(row[index]) {
                    unread.append((index, "\(Self.columnName(index)): \(row[index].trimmed)"))
                    firstUnread = min(firstUnread ?? index, index)
                }
                if let firstUnread {
                    plan.warnings.append(Diagnostic(
                        .rowIgnored, location: location(row, firstUnread),
                        message: "The header row names columns PlanKit does not read (or a second column of a kind already read); their cells are reported row by row. Rename the column to one of the layout's labels if it holds pilots, a deadline or a budget.",
                        text: unread.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: " | ")))
                }
                rowColumns = nil
                unheldColumns = nil
                if !headerFound { headerLine = row.line }
                headerFound = true
                return
            }
        }
        let isAxis = Self.startsWithNumbered(folded, Words.axisNumbered)
        if folded.starts(with: Words.strategic) || isAxis {
            try requireHeader(row)
            if isAxis && !kindFromPreamble && objectives.isEmpty {
                // A plan laid out by axes is a PCS.
                plan.kind = .pcs
            }
            startStrategic(text, folded: folded, row: row, column: first)
            readRest(ofObjectiveRow: row, title: first)
            return
        }
        if folded.starts(with: Words.operational) || Self.startsWithNumbered(folded, Words.subAxisNumbered) {
            try requireHeader(row)
            startOperational(text, folded: folded, row: row, column: first)
            readRest(ofObjectiveRow: row, title: first)
            return
        }
        if folded.starts(with: Words.action), let (parsed, title) = parseTitle(row, first) {
            try requireHeader(row)
            addAction(parsed, title: title, row: row, titleColumn: first)
            reportCellsNotHeld(row, titleColumn: first)
            return
        }
        if !headerFound && objectives.isEmpty {
            readPreamble(text, row: row)
            return
        }
        // An action whose title is not the row's first cell (a note before it): read it, and
        // report the cells it does not hold.
        if let (index, parsed, title) = actionCell(in: row, after: first) {
            try requireHeader(row)
            addAction(parsed, title: title, row: row, titleColumn: index)
            reportCellsNotHeld(row, titleColumn: index)
            return
        }
        plan.warnings.append(Diagnostic(
            .rowIgnored, location: location(row, first),
            message: "This row is neither an objective nor an action; it is kept verbatim. Start it with \"Objectif stratégique\", \"Objectif opérationnel N.\" or \"Action N.M.\" if it belongs to the plan.",
            text: row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " | ")))
    }

    /// The title cell read whole with its text, or only its number (and no text) when titles are
    /// not among the fields read; `nil` when the cell does not start with `Action N.`.
    func parseTitle(_ row: DelimitedTable.Row, _ column: Int) -> (TitleParser.Parsed, String?)? {
        if fields.contains(.titles) {
            let text = row[column]
            return TitleParser.parse(text, location: location(row, column)).map { ($0, text) }
        }
        return TitleParser.numbered(row.bytes, in: row.range(column), word: Words.action).map {
            (TitleParser.Parsed(id: $0.number, title: "", links: [], openQuestions: [], pending: false), nil)
        }
    }

    mutating func requireHeader(_ row: DelimitedTable.Row) throws(PlanReadError) {
        guard headerFound else {
            throw PlanReadError(
                location: SourceLocation(file: file, line: row.line, column: 1),
                message: "The plan's table has no header row before its first objective; add the row of column labels (\"Politique en charge\", \"Service en charge\", \"Agent en charge\", \"Échéance\", \"Budget ordinaire\", \"Budget extra\").")
        }
        guard !headerChecked else { return }
        headerChecked = true
        try checkLayout()
    }

    /// Reads the cells of an objective row after its title: an action written on the same row
    /// (`Objectif opérationnel 1. Vélo | | Action 1.1. Créer une piste cyclable | …`) is read with
    /// its cells; any other cell is reported, never dropped in silence.
    mutating func readRest(ofObjectiveRow row: DelimitedTable.Row, title: Int) {
        if let (index, parsed, actionTitle) = actionCell(in: row, after: title) {
            addAction(parsed, title: actionTitle, row: row, titleColumn: index)
            reportCellsNotHeld(row, titleColumn: index, alsoHeld: title)
        } else {
            reportCellsNotHeld(row, titleColumn: title, objective: true)
        }
    }

    /// The first cell after `column` that starts with `Action N.`, read as an action's title.
    mutating func actionCell(in row: DelimitedTable.Row, after column: Int) -> (Int, TitleParser.Parsed, String?)? {
        for index in (column + 1)..<max(column + 1, row.count) where !row.isBlank(index) {
            Self.foldedStart(row.bytes[row.range(index)], into: &foldedRowStart)
            if foldedRowStart.starts(with: Words.action), let (parsed, title) = parseTitle(row, index) { return (index, parsed, title) }
        }
        return nil
    }

    /// Reports, in one warning, the non-blank cells of `row` that neither the title cell (nor
    /// `alsoHeld`) nor a header column holds; for an objective row, every cell but the title.
    mutating func reportCellsNotHeld(_ row: DelimitedTable.Row, titleColumn: Int, alsoHeld: Int? = nil, objective: Bool = false) {
        var first: Int?
        var parts: [String] = []
        func report(_ index: Int) {
            guard index != titleColumn, index != alsoHeld, !row.isBlank(index) else { return }
            if first == nil { first = index }
            parts.append("\(Self.columnName(index)): \(row[index].trimmed)")
        }
        if objective {
            for index in 0..<row.count { report(index) }
        } else {
            // Only the cells the header does not name are looked at: every action row comes here.
            let unheld: (indexes: [Int], end: Int)
            if let made = unheldColumns {
                unheld = made
            } else {
                let end = (columns.compactMap { $0 }.max() ?? -1) + 1
                var held = [Bool](repeating: false, count: end)
                for case let column? in columns { held[column] = true }
                unheld = (held.indices.filter { !held[$0] }, end)
                unheldColumns = unheld
            }
            for index in unheld.indexes where index < row.count { report(index) }
            for index in unheld.end..<max(unheld.end, row.count) { report(index) }
        }
        guard let first else { return }
        let what = objective
            ? "This objective row has other cells, which an objective does not hold"
            : "This row has cells outside the columns the header names"
        plan.warnings.append(Diagnostic(
            .rowIgnored, location: location(row, first),
            message: "\(what); they are kept in this warning only. Move them to an action's row, or name their columns in the header row.",
            text: parts.joined(separator: " | ")))
    }

    mutating func finish() throws(PlanReadError) -> Plan {
        guard !objectives.isEmpty else {
            throw PlanReadError(
                location: SourceLocation(file: file, line: headerFound ? headerLine : max(firstLine, 1), column: 1),
                message: headerFound
                    ? "The table has headers but no objective or action rows; rows must start with \"Objectif stratégique\", \"Objectif opérationnel N.\" or \"Action N.M.\"."
                    : "No plan table found: expected a header row (\"Politique en charge\", \"Échéance\", \"Budget ordinaire\"…) and rows starting with \"Objectif stratégique\", \"Objectif opérationnel N.\" or \"Action N.M.\".")
        }
        plan.objectives = objectives
        return plan
    }
}
