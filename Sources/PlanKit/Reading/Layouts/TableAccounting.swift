import Foundation

/// ``CellAccounting`` for a table in a ``TableLayout`` (one row per action path, the hierarchy
/// in columns), whose header row the walk finds as the reader does.
///
/// Besides the rules every table follows (a field of the model at the cell's place, a `read.*`
/// warning on its row, the preamble and the legend), three rules are the layout's:
///
/// - **Header labels**: a cell of the header row is accounted for when it is one of the layout's
///   labels (the column it names is read, or reported row by row).
/// - **Objectives**: a cell on the line an objective starts on is accounted for when its words
///   are the objective's number and title words (with `OS`, `OO` and the words of a reference).
/// - **Marked objective rows**: on a row a layout file's marker makes an objective, the words of
///   the marker's match (`Objectif stratégique`) count as the objective's too.
/// - **Repeats**: a cell in the columns of a level (strategic, operational, action, sub-action)
///   on a row that starts no element of that level is accounted for when it equals the same
///   column's cell on the row that started the level's current element: the row repeats it.
///   A row-level column (the template's) repeats nothing.
enum TableAccounting {
    /// The header row of `utf8` for `layouts`, with the layout and its match; `nil` when the
    /// table is in the communes' PST layout.
    static func header(_ utf8: [UInt8], file: String, layouts: [TableLayout]) -> (line: Int, layout: TableLayout, match: LayoutMatch)? {
        var found: (Int, TableLayout, LayoutMatch)?
        var stop = false
        try? DelimitedTable.forEachRow(utf8, separator: DelimitedTable.detectSeparator(utf8), file: file) { row in
            guard found == nil, !stop else { return }
            if let (layout, match) = LayoutMatch.first(of: layouts, cells: row.cells) {
                found = (row.line, layout, match)
            } else if CellAccounting.Model.isHeaderRowOfPST(row) {
                stop = true
            }
        }
        return found
    }

    /// The unaccounted cells of a table whose header, at `header.line`, fits `header.layout`.
    static func unaccounted(
        _ utf8: [UInt8], file: String, plans: [Plan], warnings: [Diagnostic],
        header: (line: Int, layout: TableLayout, match: LayoutMatch)
    ) -> [UnaccountedCell] {
        let model = CellAccounting.Model(plans: plans, warnings: warnings)
        let origin = SourceLocation(file: file, line: 1, column: 1)
        // The level of each cell index, and the lines each level's elements start on.
        var levelOf: [Int: TableLayout.Level] = [:]
        for (index, column) in header.match.columns {
            let level = header.layout.columns[column].level
            levelOf[index] = level == .suboperational ? .operational : level
        }
        let subActionColumns = Set(levelOf.filter { $0.value == .subAction }.map { $0.key + 1 })
        var starts: [TableLayout.Level: [Int]] = [:]
        var objectiveWords: [Int: [Set<String>]] = [:]
        for plan in plans {
            for strategic in plan.objectives {
                if !strategic.title.isEmpty || !strategic.number.isEmpty { starts[.strategic, default: []].append(strategic.location.line) }
                objectiveWords[strategic.location.line, default: []].append(words(strategic.number, strategic.title))
                for operational in strategic.operationalObjectives {
                    if !operational.title.isEmpty { starts[.operational, default: []].append(operational.location.line) }
                    objectiveWords[operational.location.line, default: []].append(words(operational.number, operational.title))
                    for action in operational.actions {
                        let level: TableLayout.Level = subActionColumns.contains(action.location.column) ? .subAction : .action
                        starts[level, default: []].append(action.location.line)
                    }
                }
            }
        }
        for level in starts.keys { starts[level]?.sort() }
        var rows: [Int: [Int: [UInt8]]] = [:]
        var found: [UnaccountedCell] = []
        var walk = CellAccounting.Walk(origin: origin)
        var inLegend = false
        let markers = RowMarkerMatcher(header.layout.rowMarkers)
        try? DelimitedTable.forEachRow(utf8, separator: DelimitedTable.detectSeparator(utf8), file: file) { row in
            let line = row.line
            var left: [(index: Int, cell: [UInt8])] = []
            // The words of an objective marker's match on this row.
            var markerWords: Set<String> = []
            if !markers.isEmpty, line > header.line, let first = (0..<row.count).first(where: { !row.isBlank($0) }),
               let (kind, matched, _) = markers.match(row[first].trimmed), kind == .strategic || kind == .operational {
                markerWords = Set(CellAccounting.words(CellAccounting.normalised(matched)))
            }
            var normalisedRow: [Int: [UInt8]] = [:]
            for index in 0..<row.count where !row.isBlank(index) {
                let text = row[index]
                let cell = CellAccounting.normalised(text)
                if cell.isEmpty { continue }
                normalisedRow[index] = cell
                let column = index + 1
                if let texts = model.cells[line]?[column], texts.contains(where: { $0.holds(raw: text, { cell }) }) { continue }
                if let texts = model.warnings[line], texts.contains(where: { $0.holds(raw: text, { cell }) }) { continue }
                if line == header.line, header.match.columns[index] != nil { continue }
                if line > header.line, let sets = objectiveWords[line],
                   sets.contains(where: { set in CellAccounting.words(cell).allSatisfy { set.contains($0) || markerWords.contains($0) } }) { continue }
                if line > header.line, let level = levelOf[index], level != .row, !(starts[level]?.contains(line) ?? false),
                   let start = starts[level]?.last(where: { $0 < line }), rows[start]?[index] == cell { continue }
                left.append((index, cell))
            }
            rows[line] = normalisedRow
            guard !left.isEmpty else { return }
            let at = origin.moved(line: line, column: 1)
            let zone = left.map { ($0.index, $0.cell, at, row[$0.index]) }
            if line < header.line {
                walk.preamble.append(zone)
                return
            }
            if let first = left.first, first.index == normalisedRow.keys.min(), PlanBuilder.opensLegend(first.cell) { inLegend = true }
            if inLegend || line > model.tableEnd {
                walk.legend.append(zone)
                return
            }
            for cell in left { found.append(UnaccountedCell(location: origin.moved(line: line, column: cell.index + 1), text: row[cell.index])) }
        }
        for (zoneRows, lines) in [(walk.preamble, model.preamble), (walk.legend, model.legend)] {
            for cell in CellAccounting.Model.align(zoneRows, lines) {
                found.append(UnaccountedCell(location: cell.location, text: cell.text))
            }
        }
        return found.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// The words an objective's cells may hold: its number's and title's, and those of references.
    static func words(_ number: String, _ title: String) -> Set<String> {
        var set: Set<String> = ["os", "oo", "a", "sa", "act", "subact"]
        set.formUnion(CellAccounting.words(CellAccounting.normalised(number)))
        set.formUnion(CellAccounting.words(CellAccounting.normalised(title)))
        return set
    }
}
