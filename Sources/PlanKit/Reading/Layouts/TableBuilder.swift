import Foundation

/// Builds a plan, row by row, from a table in a ``TableLayout``: one row per action or per path
/// to an action, the hierarchy in columns.
///
/// A row names its elements level by level (strategic objective, operational objective, action,
/// sub-action) by their number and title cells. A level whose cells repeat the element above's
/// (iA.PST repeats a strategic objective's block on each of its rows) is that element again,
/// never a second one; its other cells, when they differ from those of the row that started it,
/// are kept in a warning. A sub-action belongs to its row's action, its ``Action/parent``: its
/// id is the action's, a dot, and its own number (or its rank under the action).
struct TableBuilder {
    let layout: TableLayout
    let origin: SourceLocation
    let fields: PlanFields
    var plan: Plan
    /// The layout's column of each cell index of the header row.
    let columns: [Int: TableLayout.Column]
    /// The header row's line.
    let headerLine: Int
    /// The cell indexes of each level's number and title columns, in the row's order.
    let keyIndexes: [TableLayout.Level: [Int]]
    /// The element each level is at: its key (its number and title cells, trimmed), the line
    /// that started it, and that row's cells in the level's other columns.
    var current: [TableLayout.Level: (key: [String], line: Int, cells: [Int: String])] = [:]
    var objectives: [StrategicObjective] = []
    /// The action (its index in the current operational objective) sub-actions are added after.
    var actionIndex: Int?
    /// The sub-actions of the current action so far.
    var subActionCount = 0
    var inLegend = false
    let separators: Separators
    /// The header's columns in the row's order.
    let sortedColumns: [(index: Int, column: TableLayout.Column)]
    /// The funder column (its cell index) of each funder-amount column: the nearest before it
    /// that no other amount column has taken.
    let funderOfAmount: [Int: Int]
    /// The layout's row markers.
    let markers: RowMarkerMatcher
    /// The levels whose current element a marked row started: rows that leave their columns
    /// blank stay under it.
    var marked: Set<TableLayout.Level> = []

    /// The levels of the hierarchy, from the top.
    static let hierarchy: [TableLayout.Level] = [.strategic, .operational, .action, .subAction]

    init(layout: TableLayout, match: LayoutMatch, header: DelimitedTable.Row, origin: SourceLocation, fields: PlanFields, plan: Plan) {
        self.layout = layout
        self.origin = origin
        self.fields = fields
        self.plan = plan
        headerLine = header.line
        var columns: [Int: TableLayout.Column] = [:]
        var keys: [TableLayout.Level: [Int]] = [:]
        for (index, column) in match.columns.sorted(by: { $0.key < $1.key }) {
            let item = layout.columns[column]
            columns[index] = item
            if item.field == .number || item.field == .title {
                // A sub-sub-axis is part of its operational objective's key.
                keys[item.level == .suboperational ? .operational : item.level, default: []].append(index)
            }
        }
        self.columns = columns
        keyIndexes = keys
        separators = Separators(layout.nameSeparators)
        sortedColumns = columns.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var funderOfAmount: [Int: Int] = [:]
        var funder: Int?
        for (index, column) in sortedColumns {
            if column.field == .funder { funder = index }
            // One amount a funder: a second amount column after it is no one's.
            if column.field == .funderAmount, let paired = funder {
                funderOfAmount[index] = paired
                funder = nil
            }
        }
        self.funderOfAmount = funderOfAmount
        markers = RowMarkerMatcher(layout.rowMarkers)
        if !match.unknown.isEmpty {
            self.plan.warnings.append(Diagnostic(
                .rowIgnored, location: origin.moved(line: header.line, column: match.unknown[0].index + 1),
                message: "The header row names columns the \(layout.name) layout does not have; their cells are reported row by row. Rename them to the layout's labels, or describe them in a layout file (--layout).",
                text: match.unknown.map { "\(PlanBuilder.columnName($0.index)): \($0.label)" }.joined(separator: " | ")))
        }
    }

    func location(_ line: Int, _ index: Int) -> SourceLocation {
        origin.moved(line: line, column: index + 1)
    }

    /// The trimmed text of cell `index`, `""` past the row's end.
    static func text(_ row: DelimitedTable.Row, _ index: Int) -> String {
        index < row.count && !row.isBlank(index) ? row[index].trimmed : ""
    }

    mutating func consume(_ row: DelimitedTable.Row) {
        guard let first = (0..<row.count).first(where: { !row.isBlank($0) }) else { return }
        var folded: [UInt8] = []
        PlanBuilder.foldedStart(row.bytes[row.range(first)], into: &folded)
        if PlanBuilder.opensLegend(folded) || (inLegend && !hasKey(row)) {
            inLegend = true
            plan.legend.append(row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " "))
            return
        }
        inLegend = false
        if !markers.isEmpty, let (kind, _, rest) = markers.match(row[first].trimmed) {
            marked(row, first: first, kind: kind, rest: rest)
            return
        }
        guard hasKey(row) else {
            plan.warnings.append(Diagnostic(
                .rowIgnored, location: location(row.line, first),
                message: "This row names no objective, action or sub-action (its \(layout.name) hierarchy columns are blank); it is kept verbatim. Fill in its titles if it belongs to the plan.",
                text: row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " | ")))
            return
        }
        // Which levels this row starts, and which it repeats.
        var starts: Set<TableLayout.Level> = []
        var repeated: [(TableLayout.Level, Int)] = []
        var parentChanged = false
        for level in Self.hierarchy {
            let key = (keyIndexes[level] ?? []).map { Self.text(row, $0) }
            if key.allSatisfy(\.isEmpty) {
                if (parentChanged || level == .strategic || level == .operational) && !marked.contains(level) { current[level] = nil }
                if level == .action || level == .subAction { if parentChanged { current[level] = nil } }
                continue
            }
            if !parentChanged, let now = current[level], now.key == key {
                repeated.append((level, now.line))
                continue
            }
            parentChanged = true
            starts.insert(level)
            // A row that names the level's element in its columns ends the marked rows' one, and those under it.
            if level == .strategic { marked = [] } else { marked.remove(level) }
            current[level] = (key, row.line, cells(of: level, in: row))
        }
        // The cells of repeated levels that differ from the row that started their element.
        var differing: [(Int, String)] = []
        for (level, line) in repeated {
            for (index, text) in cells(of: level, in: row) where current[level]?.cells[index] != text {
                differing.append((index, text))
                _ = line
            }
        }
        if !differing.isEmpty {
            let lines = Set(repeated.map(\.1)).sorted().map(String.init).joined(separator: ", ")
            plan.warnings.append(Diagnostic(
                .rowIgnored, location: location(row.line, differing.map(\.0).min() ?? first),
                message: "This row repeats an element of line \(lines) with other cells than that row has; the element keeps its first row's, these are kept in this warning only. Make the repeated cells alike, or give the element its own reference.",
                text: differing.sorted { $0.0 < $1.0 }.map { "\(label($0.0)): \($0.1)" }.joined(separator: " | ")))
        }
        if starts.contains(.strategic) { startStrategic(row) }
        if starts.contains(.operational) { startOperational(row) }
        let deepest: TableLayout.Level = (keyIndexes[.subAction] ?? []).contains { !Self.text(row, $0).isEmpty } ? .subAction : .action
        if starts.contains(.action) { addAction(row, level: .action, deepest: deepest) }
        if starts.contains(.subAction) { addAction(row, level: .subAction, deepest: deepest) }
        reportFollowUp(row, starts: starts, deepest: deepest)
    }

    /// Whether the row names an element in one of its hierarchy columns.
    func hasKey(_ row: DelimitedTable.Row) -> Bool {
        keyIndexes.values.contains { $0.contains { !Self.text(row, $0).isEmpty } }
    }

    /// The non-blank cells of `row` in `level`'s columns other than its key.
    func cells(of level: TableLayout.Level, in row: DelimitedTable.Row) -> [Int: String] {
        var cells: [Int: String] = [:]
        for (index, column) in columns where column.level == level && column.field != .number && column.field != .title {
            let text = Self.text(row, index)
            if !text.isEmpty { cells[index] = text }
        }
        return cells
    }

    /// The header's label of cell `index`.
    func label(_ index: Int) -> String {
        columns[index]?.labels.first ?? PlanBuilder.columnName(index)
    }

    /// The number and title of `level`'s element on `row`: the number column's text without its
    /// prefix (`OS.3` → `3`), or `nil` when the layout has none; the title's cells joined by ` / `.
    func numberAndTitle(_ row: DelimitedTable.Row, _ level: TableLayout.Level) -> (number: String?, title: String, titleIndex: Int?, numberIndex: Int?) {
        var number: String?
        var numberIndex: Int?
        var titles: [String] = []
        var titleIndex: Int?
        for index in keyIndexes[level] ?? [] {
            let text = Self.text(row, index)
            guard !text.isEmpty, let column = columns[index] else { continue }
            if column.field == .number {
                number = Self.reference(text)
                numberIndex = index
            } else {
                titles.append(text)
                if titleIndex == nil { titleIndex = index }
            }
        }
        return (number, titles.joined(separator: " / "), titleIndex, numberIndex)
    }

    /// A reference without its letters: `OS.3`, `A.3`, `SA 17` → `3`, `3`, `17`; other text as written.
    static func reference(_ text: String) -> String {
        var rest = Substring(text)
        while let first = rest.first, first.isLetter { rest = rest.dropFirst() }
        while let first = rest.first, first == "." || first == " " { rest = rest.dropFirst() }
        return rest.first?.isNumber == true ? String(rest) : text
    }

    /// `1. Mobilité`, `1 - Mobilité`, `1.2 Vélo`: the leading number and the title after it.
    static func leadingNumber(_ title: String) -> (String, String)? {
        let digits = title.prefix { $0.isASCIIDigit || $0 == "." }
        let number = String(digits).trimmingTrailingPunctuation
        guard !number.isEmpty, number.first?.isASCIIDigit == true else { return nil }
        var rest = title.dropFirst(digits.count)
        guard let next = rest.first, next == " " || next == "-" || next == ":" || next == ")" else { return nil }
        while let first = rest.first, first == " " || first == "-" || first == ":" || first == ")" || first == "–" { rest = rest.dropFirst() }
        return (String(number), String(rest))
    }

    mutating func startStrategic(_ row: DelimitedTable.Row) {
        let (number, title, titleIndex, numberIndex) = numberAndTitle(row, .strategic)
        let numbered = number == nil ? Self.leadingNumber(title) : nil
        objectives.append(StrategicObjective(
            number: number ?? numbered?.0 ?? String(objectives.count + 1), title: numbered?.1 ?? title,
            location: location(row.line, titleIndex ?? numberIndex ?? 0)))
        actionIndex = nil
    }

    mutating func startOperational(_ row: DelimitedTable.Row) {
        if objectives.isEmpty || current[.strategic] == nil && objectives.last?.title.isEmpty == false {
            objectives.append(StrategicObjective(number: "", title: "", location: location(row.line, 0)))
        }
        let (number, title, titleIndex, numberIndex) = numberAndTitle(row, .operational)
        // A sub-axis and its sub-sub-axis: the deepest numbered one gives the number.
        let parts = title.components(separatedBy: " / ").map { (Self.leadingNumber($0), $0) }
        let numbered = number == nil ? parts.last(where: { $0.0 != nil })?.0.map { number in
            (number.0, parts.map { $0.0?.1 ?? $0.1 }.joined(separator: " / "))
        } : nil
        let s = objectives.count - 1
        let rank = objectives[s].operationalObjectives.count + 1
        let parent = objectives[s].number
        objectives[s].operationalObjectives.append(OperationalObjective(
            number: number ?? numbered?.0 ?? (parent.isEmpty ? String(rank) : "\(parent).\(rank)"), title: numbered?.1 ?? title,
            location: location(row.line, titleIndex ?? numberIndex ?? 0)))
        actionIndex = nil
    }

    /// The operational objective actions go in, made untitled when the row names none.
    mutating func operationalForAction(_ row: DelimitedTable.Row, at index: Int) {
        if objectives.isEmpty || (current[.strategic] == nil && !(objectives.last?.title.isEmpty ?? true)) {
            objectives.append(StrategicObjective(number: "", title: "", location: location(row.line, index)))
        }
        let s = objectives.count - 1
        if objectives[s].operationalObjectives.isEmpty
            || (current[.operational] == nil && !(objectives[s].operationalObjectives.last?.title.isEmpty ?? true)) {
            objectives[s].operationalObjectives.append(OperationalObjective(
                number: objectives[s].number, title: "", location: location(row.line, index)))
        }
    }

    mutating func addAction(_ row: DelimitedTable.Row, level: TableLayout.Level, deepest: TableLayout.Level) {
        let (number, title, titleIndex, numberIndex) = numberAndTitle(row, level)
        let index = titleIndex ?? numberIndex ?? 0
        operationalForAction(row, at: index)
        let s = objectives.count - 1, o = objectives[s].operationalObjectives.count - 1
        var id: String
        var parent: String?
        if level == .action {
            let parent = objectives[s].operationalObjectives[o].number
            let rank = objectives[s].operationalObjectives[o].actions.count - subActionsInOperational(s, o) + 1
            id = number ?? (parent.isEmpty ? String(rank) : "\(parent).\(rank)")
            subActionCount = 0
        } else {
            if actionIndex == nil {
                plan.warnings.append(Diagnostic(
                    .misplacedRow, location: location(row.line, index),
                    message: "This sub-action has no action on its row; it is kept as an action of its own. Fill in its action's title.",
                    text: title))
                let rank = objectives[s].operationalObjectives[o].actions.count + 1
                let parent = objectives[s].operationalObjectives[o].number
                id = number ?? (parent.isEmpty ? String(rank) : "\(parent).\(rank)")
            } else {
                subActionCount += 1
                let parentID = objectives[s].operationalObjectives[o].actions[actionIndex ?? 0].id
                id = "\(parentID).\(number ?? String(subActionCount))"
                parent = parentID
            }
        }
        // The fields of this element: its level's columns, and the row's when it is the deepest.
        var political = Cell<[String]>(.missing, text: "", location: location(row.line, index))
        var services = political, agents = political
        var deadline = Cell<Deadline>(.missing, text: "", location: location(row.line, index))
        var ordinary = Cell<[BudgetLine]>(.missing, text: "", location: location(row.line, index))
        var extraordinary = ordinary
        var humanResources = Cell<String>(.missing, text: "", location: location(row.line, index))
        var code = Cell<String>(.missing, text: "", location: location(row.line, index))
        var followUp = FollowUp()
        if let numberIndex {
            let text = Self.text(row, numberIndex)
            code = Cell(.known(text), text: text, location: location(row.line, numberIndex))
        }
        for (cellIndex, column) in sortedColumns where column.level == level || (column.level == .row && level == deepest) {
            let text = Self.text(row, cellIndex)
            guard !text.isEmpty else { continue }
            let at = location(row.line, cellIndex)
            switch column.field {
            case .political: political = names(text, at)
            case .services: services = names(text, at)
            case .agents: agents = names(text, at)
            case .deadline: deadline = readDeadline(text, at)
            case .humanResources: humanResources = CellReader.text(text, location: at)
            case .ordinary: ordinary = budget(text, .ordinary, at)
            case .extraordinary: extraordinary = budget(text, .extraordinary, at)
            case .number, .title, .followUp: continue
            default: followUp.cells.append((cellIndex, column.field, text, at))
            }
        }
        let titleText = titleIndex.map { Self.text(row, $0) } ?? ""
        var action = Action(
            id: id, title: title, location: location(row.line, index), code: code,
            titleCell: Cell(titleText.isEmpty ? .missing : .known(titleText), text: titleText, location: location(row.line, index)),
            pilots: Pilots(political: political, services: services, agents: agents), deadline: deadline,
            ordinaryBudget: ordinary, extraordinaryBudget: extraordinary, humanResources: humanResources)
        if let parent { action.parent = parent }
        if !followUp.cells.isEmpty || deadline.value.state == .known { read(followUp, deadline: deadline, into: &action) }
        if level == .action || actionIndex == nil {
            objectives[s].operationalObjectives[o].actions.append(action)
            if level == .action { actionIndex = objectives[s].operationalObjectives[o].actions.count - 1 }
        } else {
            // After its action and the sub-actions before it.
            let at = (actionIndex ?? 0) + subActionCount
            objectives[s].operationalObjectives[o].actions.insert(action, at: min(at, objectives[s].operationalObjectives[o].actions.count))
        }
    }

    /// The sub-actions among the actions of operational objective `o` of `s`: those whose id
    /// extends another action's.
    func subActionsInOperational(_ s: Int, _ o: Int) -> Int {
        let actions = objectives[s].operationalObjectives[o].actions
        let ids = Set(actions.map(\.id))
        return actions.filter { action in
            guard let dot = action.id.lastIndex(of: ".") else { return false }
            return ids.contains(String(action.id[..<dot]))
        }.count
    }

    /// Reports, in one warning, the row's follow-up cells and the cells of columns the layout
    /// does not have, of the elements the row starts.
    mutating func reportFollowUp(_ row: DelimitedTable.Row, starts: Set<TableLayout.Level>, deepest: TableLayout.Level) {
        var parts: [(Int, String)] = []
        for index in 0..<row.count where !row.isBlank(index) {
            let text = row[index].trimmed
            guard !text.isEmpty else { continue }
            guard let column = columns[index] else {
                parts.append((index, "\(PlanBuilder.columnName(index)): \(text)"))
                continue
            }
            let level = column.level == .row ? deepest : (column.level == .suboperational ? .operational : column.level)
            guard starts.contains(level) else { continue }
            let objectiveField = (level == .strategic || level == .operational) && column.field != .number && column.field != .title
            if column.field == .followUp || objectiveField {
                parts.append((index, "\(column.labels[0]): \(text)"))
            }
        }
        guard let first = parts.first else { return }
        plan.warnings.append(Diagnostic(
            .rowIgnored, location: location(row.line, first.0),
            message: "This row's cells that no field of the plan holds (an objective's follow-up, categories, partners, descriptions, comments…) and its cells outside the \(layout.name) columns are kept in this warning only.",
            text: parts.map(\.1).joined(separator: " | ")))
    }

    func names(_ text: String, _ location: SourceLocation) -> Cell<[String]> {
        CellReader.read(text, location: location) { text in
            text.splitting(separators).map(\.trimmed).filter { !$0.isEmpty }
        }
    }

    mutating func readDeadline(_ text: String, _ location: SourceLocation) -> Cell<Deadline> {
        var failed = false
        let cell = CellReader.read(text, location: location) { text -> Deadline? in
            if let deadline = DeadlineParser.parse(text) { return deadline }
            failed = true
            return nil
        }
        if failed {
            plan.warnings.append(Diagnostic(
                .unparsedCell, location: location,
                message: DeadlineParser.unreadMessage(text),
                text: text))
        }
        return cell
    }

    mutating func budget(_ text: String, _ kind: BudgetKind, _ location: SourceLocation) -> Cell<[BudgetLine]> {
        if let mark: CellValue<[BudgetLine]> = CellReader.mark(text.utf8) { return Cell(mark, text: text, location: location) }
        var diagnostics: [Diagnostic] = []
        let lines = BudgetCellParser(kind: kind, location: location).parse(text, diagnostics: &diagnostics)
        plan.warnings += diagnostics
        return Cell(.known(lines), text: text, location: location)
    }

    mutating func finish() throws(PlanReadError) -> Plan {
        guard !objectives.isEmpty else {
            throw PlanReadError(
                location: origin.moved(line: headerLine, column: 1),
                message: "The table has the header of the \(layout.name) layout but no row under it names an objective or an action; fill in the rows, or name the sheet that holds them.")
        }
        plan.objectives = objectives
        return plan
    }
}
