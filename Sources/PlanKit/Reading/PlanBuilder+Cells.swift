import Foundation

/// An action row of the communes' PST layout, and the parsing of its cells.
extension PlanBuilder {
    mutating func addAction(_ parsed: TitleParser.Parsed, title: String?, row: DelimitedTable.Row, titleColumn: Int) {
        /// A column's bytes in the row and its location; no bytes when the column is not among the fields read.
        func cell(_ column: SpreadsheetReader.Column, _ part: PlanFields) -> (Range<Int>, SourceLocation) {
            guard let index = columns[column.rawValue] else { return (0..<0, location(row, titleColumn)) }
            return (fields.contains(part) ? row.range(index) : 0..<0, location(row, index))
        }
        /// A pilot column's text and location.
        func pilotCell(_ column: SpreadsheetReader.Column) -> (String, SourceLocation) {
            let (range, location) = cell(column, .pilots)
            return (range.isEmpty ? "" : String(decoding: row.bytes[range], as: UTF8.self), location)
        }
        let code = cell(.code, .code), deadline = cell(.deadline, .deadline), ordinary = cell(.ordinary, .budget)
        let extraordinary = cell(.extraordinary, .budget), humanResources = cell(.humanResources, .humanResources)
        let pilots = (names(pilotCell(.political)), names(pilotCell(.services)), names(pilotCell(.agents)))
        let layout = rowColumns ?? Action.Columns(origin: origin, columns.map { $0.map { UInt32(clamping: $0 + 1) } ?? 0 })
        rowColumns = layout
        // The title, where the title cell writes it as it is (its text comes first in the row's
        // text), else written after the cells.
        let titleRange = title.flatMap { Self.range(of: parsed.title, in: $0) }
        let text = Action.RowText(
            row.bytes, title: title == nil ? 0..<0 : row.range(titleColumn), code: code.0, deadline: deadline.0,
            ordinary: ordinary.0, extraordinary: extraordinary.0, humanResources: humanResources.0,
            appending: titleRange == nil ? String(parsed.title) : "")
        let action = Action(row: Action.Row(
            id: parsed.id, text: text, title: titleRange ?? text.appendedRange, titleRead: title != nil, pilots: pilots,
            deadline: self.deadline(text[.deadline], deadline.1).value,
            ordinary: budget(row.bytes[ordinary.0], .ordinary, ordinary.1, in: text, at: .ordinary),
            extraordinary: budget(row.bytes[extraordinary.0], .extraordinary, extraordinary.1, in: text, at: .extraordinary),
            openQuestions: parsed.openQuestions, links: zip(parsed.links, parsed.linkTexts).map(Action.StoredLink.init),
            pending: parsed.pending, line: row.line, column: titleColumn + 1, columns: layout))
        if !humanResources.0.isEmpty, let warning = FTEReader.warning(row.bytes[humanResources.0], text: text[.humanResources], at: humanResources.1) {
            plan.warnings.append(warning)
        }
        if objectives.isEmpty {
            objectives.append(StrategicObjective(number: "", title: "", location: action.location))
        }
        if objectives[objectives.count - 1].operationalObjectives.isEmpty {
            objectives[objectives.count - 1].operationalObjectives.append(
                OperationalObjective(number: "", title: "", location: action.location))
            plan.warnings.append(Diagnostic(
                .misplacedRow, location: action.location,
                message: "Action \(action.id) comes before any operational objective; it is kept under an untitled one.",
                text: title ?? row[titleColumn]))
        }
        let last = objectives.count - 1
        objectives[last].operationalObjectives[objectives[last].operationalObjectives.count - 1].actions.append(action)
    }

    /// Where `slice` lies in `text`, in UTF-8 bytes, when it is a slice of it.
    static func range(of slice: Substring, in text: String) -> Range<Int>? {
        // A string compared with itself is equal at once, without reading its bytes.
        guard slice.base.utf8.count == text.utf8.count, slice.base == text else { return nil }
        let utf8 = slice.base.utf8
        return utf8.distance(from: utf8.startIndex, to: slice.startIndex)..<utf8.distance(from: utf8.startIndex, to: slice.endIndex)
    }

    /// What separates names in a pilot cell: a line break or ` / `.
    static let nameSeparators = Separators(["\n", " / "])

    mutating func names(_ cell: (String, SourceLocation)) -> Action.PilotCell {
        // A blank cell (or pilots not read) is missing, without a lookup.
        if cell.0.isEmpty { return .blank }
        if let known = pilotCells[cell.0] { return known }
        let read = CellReader.read(cell.0, location: cell.1) { text in
            // Several names: one a line, or separated by " / ".
            let parts = text.splitting(Self.nameSeparators).map(\.trimmed)
            return parts.filter { !$0.isEmpty }
        }
        let shared = Action.PilotCell(text: read.text, value: read.value)
        pilotCells[cell.0] = shared
        return shared
    }

    mutating func deadline(_ text: String, _ location: SourceLocation) -> Cell<Deadline> {
        var failed = false
        let cell = CellReader.read(text, location: location) { text -> Deadline? in
            if let deadline = DeadlineParser.parse(text) { return deadline }
            failed = true
            return nil
        }
        if failed {
            plan.warnings.append(Diagnostic(
                .unparsedCell, location: location,
                message: DeadlineParser.unreadMessage(text.trimmed),
                text: text))
        }
        return cell
    }

    /// Reads a budget cell, whose bytes are `part` of `row`: its lines' texts are ranges of the
    /// row's text. Its state, when it marks one, as ``CellReader/mark(_:)`` reads it.
    mutating func budget(
        _ cell: ArraySlice<UInt8>, _ kind: BudgetKind, _ location: SourceLocation, in row: Action.RowText,
        at part: Action.RowText.Part
    ) -> CellValue<[BudgetLine]> {
        let trimmed = TextFolding.trimmed(cell)
        if let mark: CellValue<[BudgetLine]> = CellReader.mark(trimmed) { return mark }
        var diagnostics: [Diagnostic] = []
        let lines = BudgetCellParser(
            kind: kind, location: location, details: fields.contains(.budgetText),
            base: row.text, offset: row.range(part).lowerBound + (trimmed.startIndex - cell.startIndex)
        ).parse(utf8: trimmed, scratch: &budgetScratch, diagnostics: &diagnostics)
        plan.warnings += diagnostics
        return .known(lines)
    }
}
