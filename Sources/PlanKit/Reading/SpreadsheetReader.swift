import Foundation

/// Reads a plan from a spreadsheet export: tab, semicolon or comma separated text.
///
/// Header rows are found by their labels, rows are classified by their content, and each cell
/// is parsed by the cell grammar. What cannot be parsed is kept verbatim and reported in
/// ``Plan/warnings``; nothing is dropped.
public struct SpreadsheetReader: Sendable {
    /// The parts of each action the reader parses.
    public var fields: PlanFields

    /// Creates a reader that parses `fields` of each action (all of them by default).
    public init(fields: PlanFields = .all) {
        self.fields = fields
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
        if bytes.allSatisfy({ Byte.isSpaceOrLineBreak($0) }) {
            throw PlanReadError(file: file, message: "The file is empty; export the plan's sheet as tab-separated text or CSV.")
        }
        guard let text = TextEncoding.decodeText(bytes) else {
            throw PlanReadError(file: file, message: "The file looks binary (it holds NUL bytes) and is no workbook PlanKit reads; save the plan as .xlsx or .ods, or export its sheet as text (tab-separated or CSV).")
        }
        var builder = PlanBuilder(file: file, fields: fields)
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

    /// The first words of a cell, folded, without tags and leading white space: enough to tell
    /// rows apart (up to 32 bytes, cut at a character boundary; the longest word told, "objectif
    /// opérationnel", takes 22).
    ///
    /// Written into `folded`, whose room is kept from row to row.
    static func foldedStart(_ cell: ArraySlice<UInt8>, into folded: inout [UInt8]) {
        folded.removeAll(keepingCapacity: true)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { start in
            var count = 0
            var i = cell.startIndex
            while i < cell.endIndex, count < 32 {
                let b = cell[i]
                if b == UInt8(ascii: "<"), let end = Self.tagEnd(cell, at: i) {
                    i = end
                    continue
                }
                if count == 0, Byte.isASCIIWhiteSpace(b) { i += 1; continue }
                if count == 0, b == Byte.latin1Lead, i + 1 < cell.endIndex, cell[i + 1] == Byte.noBreakSpaceTrail { i += 2; continue }
                start[count] = b
                count += 1
                i += 1
            }
            if i < cell.endIndex {
                // Cut before a character the limit split.
                while count > 0, UTF8.isContinuation(start[count - 1]) { count -= 1 }
                if count > 0, start[count - 1] >= 0xC0 { count -= 1 }
            }
            let bytes = UnsafeBufferPointer(rebasing: start[..<count])
            let latin = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
                TextFolding.foldLatin(bytes, into: buffer).map { folded.append(contentsOf: buffer[..<$0]) } != nil
            }
            if !latin { folded.append(contentsOf: TextFolding.fold(String(decoding: bytes, as: UTF8.self)).utf8) }
        }
    }

    /// The index past a `<i>`, `</i>`, `<b>` or `</b>` tag (any case) starting at `i`, if one does.
    static func tagEnd(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int? {
        guard bytes[i] == UInt8(ascii: "<") else { return nil }
        var j = i + 1
        if j < bytes.endIndex, bytes[j] == UInt8(ascii: "/") { j += 1 }
        guard j + 1 < bytes.endIndex, bytes[j] | Byte.caseBit == UInt8(ascii: "i") || bytes[j] | Byte.caseBit == UInt8(ascii: "b"),
              bytes[j + 1] == UInt8(ascii: ">") else { return nil }
        return j + 2
    }

    /// Strips `<i>`, `</i>`, `<b>`, `</b>` (any case) and surrounding white space.
    static func stripTags(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "<")) else { return text.trimmed }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if let end = Self.tagEnd(bytes[...], at: i) {
                i = end
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self).trimmed
    }

    /// The header column a label names, if any.
    static func column(forLabel label: String) -> SpreadsheetReader.Column? {
        let f = TextFolding.fold(label).collapsingSpaces
        if f.isEmpty { return nil }
        // `Service : Mobilité` is a preamble's key and value, not a column's label.
        if let colon = f.firstIndex(of: ":"), !f[f.index(after: colon)...].trimmed.isEmpty { return nil }
        if f.containsBytes("budget") || f.containsBytes("ordinaire") {
            return f.containsBytes("extra") ? .extraordinary : .ordinary
        }
        if f.containsBytes("politique") || f.containsBytes("mandataire") || f.containsBytes("echevin") { return .political }
        if f.containsBytes("service") { return .services }
        if f.containsBytes("agent") || f.containsBytes("responsable") { return .agents }
        if f.containsBytes("echeance") || f.containsBytes("delai") || f.containsBytes("calendrier") || f.containsBytes("date de fin")
            || f.containsBytes("date butoir") || f.containsBytes("date limite") { return .deadline }
        if f == "oo" || f == "code" || f == "n°" || f == "ref" || f == "ref." { return .code }
        if f == "rh" || f.containsBytes("ressources humaines") { return .humanResources }
        return nil
    }

    /// The folded words that start rows, as bytes.
    enum Words {
        static let legend = Array("legende".utf8)
        static let strategic = Array("objectif strategique".utf8)
        static let operational = Array("objectif operationnel".utf8)
        static let action = Array("action".utf8)
        static let axis = Array("axe".utf8)
        static let axisNumbered = Array("axe ".utf8)
        static let subAxis = Array("sous-axe".utf8)
        static let subAxisNumbered = Array("sous-axe ".utf8)
    }

    /// Whether folded text starts with `word` followed by a digit (`axe 6`, `sous-axe 6.1`).
    static func startsWithNumbered(_ folded: [UInt8], _ word: [UInt8]) -> Bool {
        guard folded.starts(with: word), folded.count > word.count else { return false }
        return AmountParser.isDigit(folded[word.count])
    }

    /// Whether a header cell is a group heading (`Pilotes`, `Critères "Ressources à mobiliser"`) or
    /// the label of the title column (`Intitulé de l'action`, `Actions`), which name no column read.
    static func isHeaderWord(_ label: String) -> Bool {
        let f = TextFolding.fold(label).trimmed
        return f.hasPrefix("pilote") || f.containsBytes("ressources a mobiliser") || f.hasPrefix("criteres")
            || f.hasPrefix("intitule") || f.hasPrefix("libelle") || f == "actions" || f == "action"
            || f == "objectifs et actions" || f == "objectifs / actions"
    }

    /// Whether a row whose first cell folds to `folded` opens the legend: its first word is
    /// `légende` or `légendes` (not `légendaire`).
    static func opensLegend(_ folded: some Collection<UInt8>) -> Bool {
        guard folded.starts(with: Words.legend) else { return false }
        var rest = folded.dropFirst(Words.legend.count)
        if rest.first == UInt8(ascii: "s") { rest = rest.dropFirst() }
        guard let next = rest.first else { return true }
        return !AmountParser.isLetter(next) && !AmountParser.isDigit(next)
    }

    /// Whether `text` (what comes before a legend's colon) is the word `Légende` or `Légendes` alone.
    static func isLegendWord(_ text: some StringProtocol) -> Bool {
        let folded = TextFolding.fold(text).trimmed
        return folded == "legende" || folded == "legendes"
    }

    /// Whether folded text starts an objective, an axis or an action row.
    static func startsObjectiveOrAction(_ folded: [UInt8]) -> Bool {
        folded.starts(with: Words.strategic) || folded.starts(with: Words.operational) || startsWithNumbered(folded, Words.axisNumbered)
            || startsWithNumbered(folded, Words.subAxisNumbered) || (folded.starts(with: Words.action) && folded.count > Words.action.count)
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

    /// What a recognised column holds, for messages.
    static func meaning(_ column: SpreadsheetReader.Column) -> String {
        switch column {
        case .political: "political pilot"
        case .services: "service in charge"
        case .agents: "agent in charge"
        case .deadline: "deadline"
        case .code: "action code"
        case .ordinary: "ordinary budget"
        case .extraordinary: "extraordinary budget"
        case .humanResources: "human resources"
        }
    }

    /// Refuses header rows that do not fit the PST layout: they must name a deadline column and
    /// at least one pilot column (political, service or agent), or the rows below would be read
    /// as something they are not.
    func checkLayout() throws(PlanReadError) {
        let hasDeadline = columns[SpreadsheetReader.Column.deadline.rawValue] != nil
        let hasPilot = [SpreadsheetReader.Column.political, .services, .agents].contains { columns[$0.rawValue] != nil }
        guard !hasDeadline || !hasPilot else { return }
        var missing: [String] = []
        if !hasDeadline { missing.append("a deadline column (\"Échéance\")") }
        if !hasPilot { missing.append("a pilot column (\"Politique en charge\", \"Service en charge\" or \"Agent en charge\")") }
        let found = headerLabels.map { "\"\($0.label)\" (\(Self.meaning($0.column)))" }.joined(separator: ", ")
        throw PlanReadError(
            location: SourceLocation(file: file, line: headerLine, column: 1),
            message: "The header row does not fit the PST layout: it names \(found), but not \(missing.joined(separator: " nor ")). The layout's labels are \"Politique en charge\", \"Service en charge\", \"Agent en charge\", \"Échéance\", \"OO\", \"Budget ordinaire\", \"Budget extra\" and \"RH\"; rename the columns, or export the plan's sheet in this layout.")
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

    /// A column's letters: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            name = String(UnicodeScalar(UInt8(ascii: "A") + UInt8((n - 1) % 26))) + name
            n = (n - 1) / 26
        }
        return name
    }

    mutating func readPreamble(_ text: String, row: DelimitedTable.Row) {
        let line = row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " ")
        plan.preamble.append(line)
        let folded = TextFolding.fold(line)
        let value = line.firstIndex(of: ":").map { line[line.index(after: $0)...].trimmed }
        if folded.hasPrefix("volet") {
            let head = line.split(separator: ":").first.map(String.init) ?? line
            let words = head.split(separator: " ").dropFirst()
            plan.volet = words.first.map { TextFolding.fold($0) }
        } else if folded.hasPrefix("domaine"), let value {
            plan.domain = value
        } else if folded.hasPrefix("commune"), let value {
            plan.commune = value
        } else if folded.hasPrefix("plan"), let value, !value.isEmpty {
            plan.name = PlanName.normalise(value)
            let f = TextFolding.fold(value)
            plan.kind = f.hasPrefix("pcs") || f.containsBytes("cohesion sociale") ? .pcs : (f.hasPrefix("pst") ? .pst : .other)
            kindFromPreamble = true
            if plan.kind == .pcs, f.containsBytes("cohesion sociale") { plan.name = "PCS III" }
        } else if folded.hasPrefix("periode") || folded.hasPrefix("legislature"), let value {
            let years = value.split(whereSeparator: { !$0.isASCIIDigit }).compactMap { Int($0) }.filter { $0 >= 1900 && $0 <= 2200 }
            if years.count == 2, years[0] <= years[1] { plan.period = years[0]...years[1] }
        }
    }

    mutating func startStrategic(_ text: String, folded: [UInt8], row: DelimitedTable.Row, column: Int) {
        var title = text
        var number = String(objectives.count + 1)
        let word = folded.starts(with: Words.axis) ? "axe" : "objectif strategique"
        if let (n, rest) = TitleParser.numbered(text, word: word) {
            // `Objectif stratégique 2 : "…"`, `Axe 6. …`, `Objectif stratégique 2. Mobilité : moins de voitures`.
            number = n
            title = rest.hasPrefix(":") ? rest.dropFirst().trimmed : rest
        } else if let colon = text.firstIndex(of: ":"), TextFolding.fold(text[..<colon]).trimmed.collapsingSpaces == word {
            // `Objectif stratégique : "…"`.
            title = text[text.index(after: colon)...].trimmed
        } else if let colon = text.firstIndex(of: ":") {
            // Words between the objective's word and its colon are part of its title.
            let head = text[..<colon]
            let digits = head.split(whereSeparator: { !$0.isASCIIDigit && $0 != "." }).last.map { String($0).trimmingTrailingPunctuation }
            if let digits, !digits.isEmpty, digits.first?.isASCIIDigit == true { number = digits }
            title = text.trimmed
        }
        for (open, close) in [("\"", "\""), ("“", "”"), ("«", "»")] where title.hasPrefix(open) && title.hasSuffix(close) && title.count >= 2 {
            title = String(title.dropFirst().dropLast()).trimmed
        }
        objectives.append(StrategicObjective(number: number, title: title, location: location(row, column)))
    }

    mutating func startOperational(_ text: String, folded: [UInt8], row: DelimitedTable.Row, column: Int) {
        let word = folded.starts(with: Words.subAxis) ? "sous-axe" : "objectif operationnel"
        let (number, title) = TitleParser.numbered(text, word: word) ?? ("", String(text.dropFirst(word.count)).trimmed)
        if objectives.isEmpty {
            objectives.append(StrategicObjective(number: "", title: "", location: location(row, column)))
            plan.warnings.append(Diagnostic(
                .misplacedRow, location: location(row, column),
                message: "This operational objective comes before any strategic objective; it is kept under an untitled one.",
                text: text))
        }
        objectives[objectives.count - 1].operationalObjectives.append(
            OperationalObjective(number: number, title: title, location: location(row, column)))
    }

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
                message: "\"\(text.trimmed)\" is not a deadline PlanKit reads; it counts as unknown. Write a year, \"2e sem. 2020\", \"T3 2021\", \"Mai 2022\", \"fin 2022\", \"2019-2024\" or \"En continu\".",
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

/// Reads the four states of a cell: `??` unknown, `/` none, blank missing, else known.
enum CellReader {
    /// The state a trimmed cell's UTF-8 bytes mark without a value: blank missing, `/` or `-`
    /// none, only `?` unknown; `nil` when the cell holds a value to parse.
    static func mark<Bytes: Collection<UInt8>, T>(_ trimmed: Bytes) -> CellValue<T>? {
        if trimmed.isEmpty { return .missing }
        if trimmed.count == 1, let b = trimmed.first, b == UInt8(ascii: "/") || b == UInt8(ascii: "-") { return CellValue.none }
        if trimmed.allSatisfy({ $0 == UInt8(ascii: "?") }) { return .unknown }
        return nil
    }

    /// Reads a cell, parsing known text with `parse`; a `nil` parse counts as unknown.
    static func read<T>(_ text: String, location: SourceLocation, parse: (String) -> T?) -> Cell<T> {
        let trimmed = text.trimmed
        if let mark: CellValue<T> = mark(trimmed.utf8) { return Cell(mark, text: text, location: location) }
        guard let value = parse(trimmed) else { return Cell(.unknown, text: text, location: location) }
        return Cell(.known(value), text: text, location: location)
    }

    /// Reads a text cell.
    static func text(_ text: String, location: SourceLocation) -> Cell<String> {
        read(text, location: location) { $0 }
    }
}
