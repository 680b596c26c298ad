import Foundation

/// A non-blank input cell that neither the model nor a reader warning accounts for.
package struct UnaccountedCell: Sendable, Hashable, CustomStringConvertible {
    /// The cell's place: its row's line (where the record starts) and its 1-based column.
    package var location: SourceLocation
    /// The cell's text, as the file has it.
    package var text: String

    /// Creates an unaccounted cell.
    package init(location: SourceLocation, text: String) {
        self.location = location
        self.text = text
    }

    /// `file:line:column: "text"`.
    package var description: String {
        "\(location): \(String(reflecting: text))"
    }
}

/// Checks the reader's promise that nothing is lost: **every non-blank cell of an input is
/// accounted for**, reachable from the plan read from it or named by a `read.*` warning.
///
/// The table is split again as ``SpreadsheetReader`` splits it (``TextEncoding/decode(_:)``,
/// then `DelimitedTable`), and each cell is looked for in what the reader made of it.
///
/// ## Comparing texts
///
/// Texts are compared *normalised*: `<i>`, `</i>`, `<b>`, `</b>` (any case) removed, as the
/// reader removes them, until none is left; every run of white space, line breaks, no-break
/// spaces and control characters below U+0020 made one space and trimmed; then folded
/// (``TextFolding/fold(_:)``: lower case, no accents). A cell is *blank* when nothing is left of
/// it once normalised (`""`, spaces, `<i></i>`): such a cell carries nothing to lose.
///
/// ## When a cell is accounted for
///
/// A non-blank cell at line *L* (the line its record starts on) and column *C* is accounted for
/// when one of these holds; the first rules are exact about the place, the last ones only about
/// the part of the file:
///
/// 1. **A field of the model at (L, C) holds it**: its normalised text is a substring of the
///    normalised text of an action's cell at that line and column (title cell, code, the three
///    pilot cells, deadline, both budget cells and their lines' texts, human resources), of the
///    action's title, links or open questions (at the title's place).
/// 2. **An objective at (L, C) holds it**: the cell, normalised, is the objective's title with
///    only its layout around it: the words `objectif`, `stratégique`, `opérationnel`, `axe`,
///    `sous`, `n` and the parts of the objective's number, and punctuation. `Objectif
///    stratégique 2 (bis) : "Titre"` read as number 2 and title `Titre` is *not* accounted for:
///    `(bis)` is lost.
/// 3. **A `read.*` warning names it**: a ``Diagnostic`` of ``Plan/warnings`` (or of the extra
///    warnings given, such as ``PlanSet/warnings``) on line L whose normalised ``Diagnostic/text``
///    contains the normalised cell.
/// 4. **It is a header label**: the row comes before the first objective and is a header row by
///    the reader's own test (at least two labels or header words, one of them a column label).
///    The model keeps no header row; what it keeps is the column each of an action's cells was
///    read from (`Action.Columns`). A label is accounted for when the column it names is read
///    *from that very column* by the plan's actions (`Échéance` in column 7, and the actions read
///    their deadlines from column 7), or when it is a group heading that names no column
///    (`Pilotes`, `Critères "Ressources à mobiliser"`). A label the reader does not recognise, or
///    a second label for a column already placed, is **not** accounted for: the column it heads
///    is not read. When no action holds its row's columns (a plan without actions, or built by
///    hand), a recognised label is enough.
/// 5. **The preamble holds it**: the row comes before the first objective or action, and the
///    ``Plan/preamble`` line matched to the row holds the cell (the normalised cell a substring of
///    the normalised line). The rows whose cells the rules above leave are matched to the lines
///    in order, one line a row, so that the matched lines hold the most cells (the reader makes
///    one line of each row); a row matched to no line has all these cells unaccounted for.
/// 6. **The legend holds it**: the row comes after the last objective or action, and the
///    ``Plan/legend`` line matched to the row, as the preamble's, holds the cell. Of the cell
///    that opens the legend (`Légende : …`), what follows the colon must be held (nothing, when
///    it ends with the colon), and nothing but `Légende` may precede the colon.
///
/// Rules 5 and 6 are the loosest: the preamble and the legend keep their lines without places,
/// so a row is matched to a line by its content and order. Rule 3 is as loose as the warnings
/// are: a warning on the row whose text holds the cell accounts for it, whatever its column.
///
/// The check is meant for plans read with every field (``PlanFields/all``): a plan read for
/// its budget only leaves the other cells out on purpose.
package enum CellAccounting {
    /// The non-blank cells of `bytes` (a spreadsheet export) that `plans`, read from them, and
    /// `warnings` do not account for, in file order.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes, as given to the reader.
    ///   - file: The file's name, used in the cells' locations.
    ///   - plans: The plans read from `bytes` (``SpreadsheetReader`` reads one).
    ///   - warnings: Warnings beside the plans' own, such as ``PlanSet/warnings``.
    ///   - layout: The layout file's layout the plans were read with, if any.
    /// - Returns: The cells not accounted for; none when the bytes do not split into a table
    ///   (the reader then fails with an error that names the place).
    package static func unaccounted(
        in bytes: [UInt8], file: String, plans: [Plan], warnings: [Diagnostic] = [], layout: TableLayout? = nil
    ) -> [UnaccountedCell] {
        guard let (_, utf8) = TextEncoding.decode(bytes) else { return [] }
        // A table in a layout of one row per action path has rules of its own.
        if let header = TableAccounting.header(utf8, file: file, layouts: layout.map { [$0] } ?? TableLayout.builtIn) {
            return TableAccounting.unaccounted(utf8, file: file, plans: plans, warnings: warnings, header: header)
        }
        let model = Model(plans: plans, warnings: warnings)
        let origin = SourceLocation(file: file, line: 1, column: 1)
        var state = Walk(origin: origin)
        var found: [UnaccountedCell] = []
        do {
            try DelimitedTable.forEachRow(utf8, separator: DelimitedTable.detectSeparator(utf8), file: file) { row in
                for column in model.unaccounted(row, state: &state) {
                    found.append(UnaccountedCell(location: origin.moved(line: row.line, column: column + 1), text: row[column]))
                }
            }
        } catch {
            return []
        }
        for (rows, lines) in [(state.preamble, model.preamble), (state.legend, model.legend)] {
            for cell in Model.align(rows, lines) {
                found.append(UnaccountedCell(location: cell.location, text: cell.text))
            }
        }
        return found.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// Reads `bytes` with ``SpreadsheetReader`` (every field) and returns the cells the plan and
    /// its warnings do not account for; `nil` when the reader refuses the file.
    package static func unaccounted(readingSpreadsheet bytes: [UInt8], file: String, layout: TableLayout? = nil) -> [UnaccountedCell]? {
        guard let plan = try? SpreadsheetReader(layout: layout).read(bytes, file: file) else { return nil }
        return unaccounted(in: bytes, file: file, plans: [plan], layout: layout)
    }

    /// `text` normalised for comparison, as UTF-8 bytes: tags removed until none is left, white
    /// space collapsed and trimmed, folded.
    static func normalised(_ text: some StringProtocol) -> [UInt8] {
        var bytes = Array(text.utf8)
        // Tags, until none: removing one can make another (`<<i>i>`).
        while bytes.contains(UInt8(ascii: "<")) {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            var removed = false
            while i < bytes.count {
                if let end = PlanBuilder.tagEnd(bytes[...], at: i) {
                    i = end
                    removed = true
                    continue
                }
                out.append(bytes[i])
                i += 1
            }
            bytes = out
            if !removed { break }
        }
        let folded = Array(TextFolding.fold(String(decoding: collapsed(bytes), as: UTF8.self)).utf8)
        return collapsed(folded)
    }

    /// `bytes` with each run of white space (ASCII controls and space, no-break space, other
    /// Unicode spaces) made one space, trimmed.
    private static func collapsed(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        func space() { if !out.isEmpty { pendingSpace = true } }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b <= Byte.space || b == Byte.delete { space(); i += 1; continue }
            if b >= Byte.firstNonASCII {
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                let end = min(bytes.count, i + length)
                if isWhiteSpace(bytes[i..<end]) {
                    space()
                    i = end
                    continue
                }
                if pendingSpace { out.append(Byte.space); pendingSpace = false }
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            if pendingSpace { out.append(Byte.space); pendingSpace = false }
            out.append(b)
            i += 1
        }
        return out
    }

    /// Whether the UTF-8 bytes of one character are Unicode white space other than ASCII's:
    /// U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    private static func isWhiteSpace(_ c: ArraySlice<UInt8>) -> Bool {
        let b = Array(c)
        switch b.count {
        case 2: return b[0] == Byte.latin1Lead && (b[1] == 0x85 || b[1] == Byte.noBreakSpaceTrail)
        case 3:
            if b == [0xE1, 0x9A, 0x80] || b == [0xE3, 0x80, 0x80] || b == [0xE2, 0x81, 0x9F] { return true }
            return b[0] == Byte.punctuationLead && b[1] == 0x80 && (b[2] <= 0x8A || b[2] == 0xA8 || b[2] == 0xA9 || b[2] == 0xAF)
        default: return false
        }
    }

    /// Whether `needle` is a run of `haystack`'s bytes; the empty needle is in every text.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard let hBase = h.baseAddress, let nBase = n.baseAddress else { return false }
                let first = Int32(n[0])
                var start = 0
                let last = h.count - n.count
                while start <= last {
                    // The next place the needle's first byte is, then the rest compared.
                    guard let hit = memchr(hBase + start, first, last - start + 1) else { return false }
                    let at = UnsafeRawPointer(hit) - UnsafeRawPointer(hBase)
                    if memcmp(hBase + at, nBase, n.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    /// The words of normalised text: runs of letters, and runs of digits (`operationnel00` is
    /// two words, as the reader reads the number glued to the word).
    static func words(_ bytes: some Collection<UInt8>) -> [String] {
        var words: [String] = []
        var word = ""
        var digits = false
        for character in String(decoding: bytes, as: UTF8.self) {
            let isDigit = character.isNumber, isLetter = character.isLetter
            if !(isDigit || isLetter) || (!word.isEmpty && isDigit != digits) {
                if !word.isEmpty { words.append(word) }
                word = ""
            }
            if isDigit || isLetter {
                word.append(character)
                digits = isDigit
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The words an objective's row may hold beside its title and number.
    static let objectiveWords: Set<String> = ["objectif", "strategique", "operationnel", "axe", "sous", "n", "no"]

    /// The rows of the preamble and of the legend, with their cells left by the located rules,
    /// gathered on the walk over the rows and matched to the plan's lines at its end.
    struct Walk {
        typealias Row = [(index: Int, cell: [UInt8], location: SourceLocation, text: String)]
        var preamble: [Row] = []
        var legend: [Row] = []
        /// The file's first cell, which the cells' locations are made from.
        var origin: SourceLocation
        /// Whether the walk is in a legend that opened before the last objective or action (in
        /// the table, or even above it): as the reader does, it runs to the next objective or action.
        var inLegend = false
    }

    /// A text of the model, compared as it is first and normalised only when it differs.
    final class Text {
        let raw: String
        private var normalisedBytes: [UInt8]?

        init(_ raw: String) { self.raw = raw }

        var normalised: [UInt8] {
            if let normalisedBytes { return normalisedBytes }
            let bytes = CellAccounting.normalised(raw)
            normalisedBytes = bytes
            return bytes
        }

        /// Whether the text holds `cell` (`raw`, and `normalised` when needed).
        func holds(raw cell: String, _ normalisedCell: () -> [UInt8]) -> Bool {
            raw == cell || CellAccounting.contains(normalised, normalisedCell())
        }
    }

    /// What the plans hold, indexed by line.
    struct Model {
        struct Objective {
            var column: Int
            var title: String
            var number: [String]
        }

        /// Texts of cells, by line, then by 1-based column.
        var cells: [Int: [Int: [Text]]] = [:]
        var objectives: [Int: [Objective]] = [:]
        var warnings: [Int: [Text]] = [:]
        var preamble: [Text] = []
        var legend: [Text] = []
        /// The first and last lines of objectives and actions.
        var tableStart = Int.max, tableEnd = Int.min
        /// For each 1-based column, the header columns the actions read from it.
        var readColumns: [Int: Set<Int>] = [:]
        /// Whether some action holds the columns it was read from.
        var knowsColumns = false

        init(plans: [Plan], warnings extra: [Diagnostic]) {
            for plan in plans {
                preamble += plan.preamble.map(Text.init)
                legend += plan.legend.map(Text.init)
                for warning in plan.warnings { add(warning) }
                for strategic in plan.objectives {
                    addObjective(strategic.location, strategic.title, strategic.number)
                    for operational in strategic.operationalObjectives {
                        addObjective(operational.location, operational.title, operational.number)
                        for action in operational.actions { add(action) }
                    }
                }
            }
            for warning in extra { add(warning) }
        }

        mutating func span(_ line: Int) {
            tableStart = min(tableStart, line)
            tableEnd = max(tableEnd, line)
        }

        mutating func add(_ warning: Diagnostic) {
            warnings[warning.location.line, default: []].append(Text(warning.text))
        }

        mutating func addObjective(_ location: SourceLocation, _ title: String, _ number: String) {
            span(location.line)
            objectives[location.line, default: []].append(Objective(
                column: location.column, title: title, number: number.split(whereSeparator: { !$0.isNumber }).map { String($0) }))
        }

        mutating func add(_ text: some StringProtocol, at location: SourceLocation) {
            guard !text.isEmpty else { return }
            cells[location.line, default: [:]][location.column, default: []].append(Text(String(text)))
        }

        mutating func add<T>(_ cell: Cell<T>) { add(cell.text, at: cell.location) }

        mutating func add(_ action: Action) {
            span(action.location.line)
            add(action.titleCell)
            add(action.title, at: action.location)
            for question in action.openQuestions { add(question, at: action.location) }
            add(action.code)
            add(action.pilots.political)
            add(action.pilots.services)
            add(action.pilots.agents)
            add(action.deadline)
            add(action.ordinaryBudget)
            add(action.extraordinaryBudget)
            add(action.humanResources)
            for line in action.budget { add(line.text, at: line.location) }
            for link in action.links { add(link.text, at: link.location) }
            if case .fields = action.storage { addFollowUp(action) }
            if case .row(let row) = action.storage {
                knowsColumns = true
                for (header, number) in row.columns.numbers.enumerated() where number != 0 {
                    readColumns[Int(number), default: []].insert(header)
                }
            }
        }

        /// The cells of an action's follow-up fields; the parts of one cell (iA.PST's indicators
        /// and funding, `… | …`) joined again as the cell writes them.
        mutating func addFollowUp(_ action: Action) {
            add(action.status)
            add(action.progress)
            add(action.health)
            add(action.priority)
            for date in [action.start, action.end] {
                if let planned = date.planned { add(planned) }
                if let effective = date.effective { add(effective) }
            }
            func joined(_ parts: [(text: String, location: SourceLocation)]) {
                var byPlace: [SourceLocation: [String]] = [:]
                for part in parts { byPlace[part.location, default: []].append(part.text) }
                for (location, texts) in byPlace { add(texts.joined(separator: " | "), at: location) }
            }
            joined(action.indicators.map { ($0.text, $0.location) })
            joined(action.funding.map { ($0.text, $0.location) })
            for funding in action.funding {
                if let text = funding.amountText, let location = funding.amountLocation { add(text, at: location) }
            }
            for amount in action.amounts {
                if let text = amount.text, let location = amount.location { add(text, at: location) }
            }
        }

        /// The indices of `row`'s non-blank cells that are not accounted for.
        func unaccounted(_ row: DelimitedTable.Row, state: inout Walk) -> [Int] {
            let line = row.line
            // An objective's or an action's row ends a legend; a row opening with `Légende` before
            // the last of them starts one (the reader keeps its rows in the plan's legend).
            if cells[line] != nil || objectives[line] != nil {
                state.inLegend = false
            } else if line <= tableEnd, !state.inLegend,
                      let first = (0..<row.count).first(where: { !CellAccounting.normalised(row[$0]).isEmpty }),
                      legendRest(CellAccounting.normalised(row[first])) != nil {
                state.inLegend = true
            }
            let isHeader = line < tableStart && isHeaderRow(row)
            // Cells left for the preamble or the legend, normalised.
            var left: [(index: Int, cell: [UInt8])] = []
            for index in 0..<row.count where !row.isBlank(index) {
                let text = row[index]
                var normalisedCell: [UInt8]?
                func cell() -> [UInt8] {
                    if let normalisedCell { return normalisedCell }
                    let bytes = CellAccounting.normalised(text)
                    normalisedCell = bytes
                    return bytes
                }
                let column = index + 1
                if let texts = cells[line]?[column], texts.contains(where: { $0.holds(raw: text, cell) }) { continue }
                if cell().isEmpty { continue }
                if let objectives = objectives[line], objectives.contains(where: { $0.column == column && holds($0, cell()) }) { continue }
                if let texts = warnings[line], texts.contains(where: { $0.holds(raw: text, cell) }) { continue }
                if isHeader, isAccountedLabel(text, column: column) { continue }
                left.append((index, cell()))
            }
            guard !left.isEmpty else { return [] }
            let origin = state.origin.moved(line: line, column: 1)
            func zone(_ cells: [(index: Int, cell: [UInt8])]) -> Walk.Row {
                cells.map { ($0.index, $0.cell, origin, row[$0.index]) }
            }
            if line < tableStart, !state.inLegend {
                state.preamble.append(zone(left))
                return []
            }
            if line > tableEnd || state.inLegend {
                // The cell that opens the legend: what follows its colon is what the legend keeps.
                var wanted = left
                let first = (0..<row.count).first { !CellAccounting.normalised(row[$0]).isEmpty }
                if wanted[0].index == first, let rest = legendRest(wanted[0].cell) {
                    if rest.isEmpty { wanted.removeFirst() } else { wanted[0].cell = rest }
                    if wanted.isEmpty { return [] }
                }
                state.legend.append(zone(wanted))
                return []
            }
            return left.map(\.index)
        }

        /// The cells of `rows` that the `lines` matched to them do not hold. Rows are matched to
        /// lines in order, one line a row, so that the matched lines hold the most cells; a row
        /// matched to no line has all its cells returned.
        static func align(_ rows: [Walk.Row], _ lines: [Text]) -> [(location: SourceLocation, text: String)] {
            guard !rows.isEmpty else { return [] }
            func held(_ row: Walk.Row, _ line: Text) -> [Bool] { row.map { CellAccounting.contains(line.normalised, $0.cell) } }
            var matched = [Int?](repeating: nil, count: rows.count)
            if rows.count * lines.count <= 250_000 {
                // Most cells held, by dynamic programming over rows and lines in order.
                let n = rows.count, m = lines.count
                var weight = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)
                for i in 0..<n { for j in 0..<m { weight[i][j] = held(rows[i], lines[j]).filter { $0 }.count } }
                var best = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
                for i in 1...n {
                    for j in stride(from: 1, through: m, by: 1) {
                        let diagonal = weight[i - 1][j - 1] > 0 ? best[i - 1][j - 1] + weight[i - 1][j - 1] : 0
                        best[i][j] = max(best[i - 1][j], best[i][j - 1], diagonal)
                    }
                }
                var (i, j) = (n, m)
                while i > 0, j > 0 {
                    if best[i][j] == best[i - 1][j] { i -= 1 } else if best[i][j] == best[i][j - 1] { j -= 1 } else {
                        matched[i - 1] = j - 1
                        (i, j) = (i - 1, j - 1)
                    }
                }
            } else {
                // Too many to weigh every pair: a row takes the next line that holds all its cells.
                var cursor = 0
                for (i, row) in rows.enumerated() {
                    if let j = (cursor..<lines.count).first(where: { !held(row, lines[$0]).contains(false) }) {
                        matched[i] = j
                        cursor = j + 1
                    }
                }
            }
            var lost: [(location: SourceLocation, text: String)] = []
            for (i, row) in rows.enumerated() {
                let kept = matched[i].map { held(row, lines[$0]) } ?? [Bool](repeating: false, count: row.count)
                for (cell, isKept) in zip(row, kept) where !isKept {
                    lost.append((cell.location.moved(line: cell.location.line, column: cell.index + 1), cell.text))
                }
            }
            return lost
        }

        /// Whether an objective's title and number, with layout words and punctuation, make up `cell`.
        func holds(_ objective: Objective, _ cell: [UInt8]) -> Bool {
            var residue = cell
            let title = CellAccounting.normalised(objective.title)
            if !title.isEmpty {
                guard let range = lastRange(of: title, in: cell) else { return false }
                residue.replaceSubrange(range, with: [32])
            }
            return CellAccounting.words(residue).allSatisfy { objectiveWords.contains($0) || objective.number.contains($0) }
        }

        /// The last place `needle` is in `haystack`.
        func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
            guard needle.count <= haystack.count else { return nil }
            for start in stride(from: haystack.count - needle.count, through: 0, by: -1)
            where haystack[start..<(start + needle.count)].elementsEqual(needle) {
                return start..<(start + needle.count)
            }
            return nil
        }

        /// Whether the reader takes `row` for a header row of the communes' PST layout.
        static func isHeaderRowOfPST(_ row: DelimitedTable.Row) -> Bool {
            let cells = row.cells
            let labelled = cells.filter { PlanBuilder.column(forLabel: $0) != nil }.count
            return labelled + cells.filter(PlanBuilder.isHeaderWord).count >= 2 && labelled >= 1
        }

        /// Whether the reader takes `row` for a header row: its own test, before the first objective.
        func isHeaderRow(_ row: DelimitedTable.Row) -> Bool {
            let cells = row.cells
            let labelled = cells.filter { PlanBuilder.column(forLabel: $0) != nil }.count
            let headerWords = cells.filter(PlanBuilder.isHeaderWord).count
            return labelled + headerWords >= 2 && labelled >= 1
        }

        /// Whether a header row's cell is a label the model accounts for (rule 4).
        func isAccountedLabel(_ text: String, column: Int) -> Bool {
            if let header = PlanBuilder.column(forLabel: text) {
                return knowsColumns ? readColumns[column]?.contains(header.rawValue) == true : true
            }
            return PlanBuilder.isHeaderWord(text)
        }

        /// What follows the colon of a cell that opens the legend, normalised; `nil` when the
        /// cell does not open it, or holds more than `Légende` before its colon.
        func legendRest(_ cell: [UInt8]) -> [UInt8]? {
            guard PlanBuilder.opensLegend(cell) else { return nil }
            // As the reader keeps it: after the colon when `Légende` alone comes before it, else whole.
            guard let colon = cell.firstIndex(of: UInt8(ascii: ":")),
                  ["legende", "legendes"].contains(CellAccounting.words(cell[..<colon]).joined(separator: " ")) else { return cell }
            return Array(cell[(colon + 1)...]).trimmedSpaces
        }
    }
}

private extension Array where Element == UInt8 {
    /// Without leading and trailing spaces.
    var trimmedSpaces: [UInt8] {
        Array(drop(while: { $0 == Byte.space }).reversed().drop(while: { $0 == Byte.space }).reversed())
    }
}
