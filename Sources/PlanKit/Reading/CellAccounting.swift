import Foundation

/// A non-blank input cell that neither the model nor a reader warning accounts for.
public struct UnaccountedCell: Sendable, Hashable, CustomStringConvertible {
    /// The cell's place: its row's line (where the record starts) and its 1-based column.
    public var location: SourceLocation
    /// The cell's text, as the file has it.
    public var text: String

    /// Creates an unaccounted cell.
    public init(location: SourceLocation, text: String) {
        self.location = location
        self.text = text
    }

    /// `file:line:column: "text"`.
    public var description: String {
        "\(location): \(String(reflecting: text))"
    }
}

/// Checks the reader's promise that nothing is lost: **every non-blank cell of an input is
/// accounted for**, reachable from the plan read from it or named by a `read.*` warning.
///
/// The table is split again as ``SpreadsheetReader`` splits it (``TextEncoding/decode(_:)``,
/// then ``DelimitedTable``), and each cell is looked for in what the reader made of it.
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
///    read from (``Action/Columns``). A label is accounted for when the column it names is read
///    *from that very column* by the plan's actions (`Échéance` in column 7, and the actions read
///    their deadlines from column 7), or when it is a group heading that names no column
///    (`Pilotes`, `Critères "Ressources à mobiliser"`). A label the reader does not recognise, or
///    a second label for a column already placed, is **not** accounted for: the column it heads
///    is not read. When no action holds its row's columns (a plan without actions, or built by
///    hand), a recognised label is enough.
/// 5. **The preamble holds it**: the row comes before the first objective or action, and the
///    normalised cell is a substring of a ``Plan/preamble`` line; preamble lines are matched in
///    order (a row's cells may not be found in a line before the one an earlier row was found in).
/// 6. **The legend holds it**: the row comes after the last objective or action, and the cell is
///    a substring of a ``Plan/legend`` line, matched in order likewise. The cell that opens the
///    legend (`Légende : …`) is accounted for when what follows its colon is (or is empty) and
///    nothing but `Légende` precedes the colon.
///
/// Rules 5 and 6 are the loosest: the preamble and the legend keep their lines without places.
///
/// The check is meant for plans read with every field (``PlanFields/all``): a plan read for
/// its budget only leaves the other cells out on purpose.
public enum CellAccounting {
    /// The non-blank cells of `bytes` (a spreadsheet export) that `plans`, read from them, and
    /// `warnings` do not account for, in file order.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes, as given to the reader.
    ///   - file: The file's name, used in the cells' locations.
    ///   - plans: The plans read from `bytes` (``SpreadsheetReader`` reads one).
    ///   - warnings: Warnings beside the plans' own, such as ``PlanSet/warnings``.
    /// - Returns: The cells not accounted for; none when the bytes do not split into a table
    ///   (the reader then fails with an error that names the place).
    public static func unaccounted(
        in bytes: [UInt8], file: String, plans: [Plan], warnings: [Diagnostic] = []
    ) -> [UnaccountedCell] {
        guard let (_, utf8) = TextEncoding.decode(bytes) else { return [] }
        let model = Model(plans: plans, warnings: warnings)
        var state = Walk()
        var found: [UnaccountedCell] = []
        let origin = SourceLocation(file: file, line: 1, column: 1)
        do {
            try DelimitedTable.forEachRow(utf8, separator: DelimitedTable.detectSeparator(utf8), file: file) { row in
                for column in model.unaccounted(row, state: &state) {
                    found.append(UnaccountedCell(location: origin.moved(line: row.line, column: column + 1), text: row[column]))
                }
            }
        } catch {
            return []
        }
        return found
    }

    /// Reads `bytes` with ``SpreadsheetReader`` (every field) and returns the cells the plan and
    /// its warnings do not account for; `nil` when the reader refuses the file.
    public static func unaccounted(readingSpreadsheet bytes: [UInt8], file: String) -> [UnaccountedCell]? {
        guard let plan = try? SpreadsheetReader().read(bytes, file: file) else { return nil }
        return unaccounted(in: bytes, file: file, plans: [plan])
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
            if b <= 32 || b == 127 { space(); i += 1; continue }
            if b >= 0x80 {
                // Decode one scalar to ask whether it is white space.
                var length = 1
                if b >= 0xF0 { length = 4 } else if b >= 0xE0 { length = 3 } else if b >= 0xC0 { length = 2 }
                let end = min(bytes.count, i + length)
                let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first
                if let scalar, scalar.properties.isWhitespace {
                    space()
                    i = end
                    continue
                }
                if pendingSpace { out.append(32); pendingSpace = false }
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            if pendingSpace { out.append(32); pendingSpace = false }
            out.append(b)
            i += 1
        }
        return out
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

    /// The words of normalised text: runs of letters and digits.
    static func words(_ bytes: some Collection<UInt8>) -> [String] {
        String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }

    /// The words an objective's row may hold beside its title and number.
    static let objectiveWords: Set<String> = ["objectif", "strategique", "operationnel", "axe", "sous", "n", "o"]

    /// Where the walk over the rows is in the preamble and the legend.
    struct Walk {
        var preambleCursor = 0
        var legendCursor = 0
    }

    /// What the plans hold, normalised and indexed by line.
    struct Model {
        struct Objective {
            var column: Int
            var title: [UInt8]
            var number: [String]
        }

        /// Texts of cells, by line, then by 1-based column.
        var cells: [Int: [Int: [[UInt8]]]] = [:]
        var objectives: [Int: [Objective]] = [:]
        var warnings: [Int: [[UInt8]]] = [:]
        var preamble: [[UInt8]] = []
        var legend: [[UInt8]] = []
        /// The first and last lines of objectives and actions.
        var tableStart = Int.max, tableEnd = Int.min
        /// For each 1-based column, the header columns the actions read from it.
        var readColumns: [Int: Set<Int>] = [:]
        /// Whether some action holds the columns it was read from.
        var knowsColumns = false

        init(plans: [Plan], warnings extra: [Diagnostic]) {
            for plan in plans {
                preamble += plan.preamble.map(CellAccounting.normalised)
                legend += plan.legend.map(CellAccounting.normalised)
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
            warnings[warning.location.line, default: []].append(CellAccounting.normalised(warning.text))
        }

        mutating func addObjective(_ location: SourceLocation, _ title: String, _ number: String) {
            span(location.line)
            objectives[location.line, default: []].append(Objective(
                column: location.column, title: CellAccounting.normalised(title),
                number: number.split(whereSeparator: { !$0.isNumber }).map { String($0) }))
        }

        mutating func add(_ text: some StringProtocol, at location: SourceLocation) {
            let normalised = CellAccounting.normalised(text)
            guard !normalised.isEmpty else { return }
            cells[location.line, default: [:]][location.column, default: []].append(normalised)
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
            if case .row(let row) = action.storage {
                knowsColumns = true
                for (header, number) in row.columns.numbers.enumerated() where number != 0 {
                    readColumns[Int(number), default: []].insert(header)
                }
            }
        }

        /// The indices of `row`'s non-blank cells that are not accounted for.
        func unaccounted(_ row: DelimitedTable.Row, state: inout Walk) -> [Int] {
            var missing: [Int] = []
            let line = row.line
            let isHeader = line < tableStart && isHeaderRow(row)
            let firstFilled = (0..<row.count).first { !CellAccounting.normalised(row[$0]).isEmpty }
            for index in 0..<row.count where !row.isBlank(index) {
                let text = row[index]
                let cell = CellAccounting.normalised(text)
                if cell.isEmpty { continue }
                let column = index + 1
                if let texts = cells[line]?[column], texts.contains(where: { CellAccounting.contains($0, cell) }) { continue }
                if let objectives = objectives[line], objectives.contains(where: { $0.column == column && holds($0, cell) }) { continue }
                if let texts = warnings[line], texts.contains(where: { CellAccounting.contains($0, cell) }) { continue }
                if isHeader, isAccountedLabel(text, column: column) { continue }
                if line < tableStart, let found = find(cell, in: preamble, from: state.preambleCursor) {
                    state.preambleCursor = found
                    continue
                }
                if line > tableEnd {
                    var wanted = cell
                    if index == firstFilled, let rest = legendRest(cell) {
                        if rest.isEmpty { continue }
                        wanted = rest
                    }
                    if let found = find(wanted, in: legend, from: state.legendCursor) {
                        state.legendCursor = found
                        continue
                    }
                }
                missing.append(index)
            }
            return missing
        }

        /// Whether an objective's title and number, with layout words and punctuation, make up `cell`.
        func holds(_ objective: Objective, _ cell: [UInt8]) -> Bool {
            var residue = cell
            if !objective.title.isEmpty {
                guard let range = lastRange(of: objective.title, in: cell) else { return false }
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
            guard cell.starts(with: PlanBuilder.Words.legend) else { return nil }
            let colon = cell.firstIndex(of: UInt8(ascii: ":")) ?? cell.count
            guard CellAccounting.words(cell[..<colon]) == ["legende"] else { return nil }
            return colon < cell.count ? Array(cell[(colon + 1)...]).trimmedSpaces : []
        }

        /// The first of `lines` from `start` on that holds `cell`.
        func find(_ cell: [UInt8], in lines: [[UInt8]], from start: Int) -> Int? {
            (start..<lines.count).first { CellAccounting.contains(lines[$0], cell) }
        }
    }
}

private extension Array where Element == UInt8 {
    /// Without leading and trailing spaces.
    var trimmedSpaces: [UInt8] {
        Array(drop(while: { $0 == 32 }).reversed().drop(while: { $0 == 32 }).reversed())
    }
}
