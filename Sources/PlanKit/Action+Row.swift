extension Action {
    /// The columns of a spreadsheet's table, shared by the actions read under one header row.
    final class Columns: Sendable {
        /// The 1-based column of each ``SpreadsheetReader/Column``, by raw value; 0 when the
        /// table has no such column (its cells are then placed at the title's column).
        let numbers: [UInt32]

        /// Holds `numbers`.
        init(_ numbers: [UInt32]) { self.numbers = numbers }
    }

    /// A pilot cell's text and names, shared by the rows of a file that write the cell alike.
    final class PilotCell: Sendable {
        let text: String
        let value: CellValue<[String]>

        /// Holds a cell's text and names.
        init(text: String, value: CellValue<[String]>) {
            self.text = text
            self.value = value
        }

        /// A blank cell.
        static let blank = PilotCell(text: "", value: .missing)
    }

    /// The texts of a row's cells, one after another in one string.
    struct RowText: Sendable {
        /// The cells a row's text holds, in order.
        enum Part: Int {
            case title, code, deadline, ordinary, extraordinary, humanResources
        }

        /// The cells' texts, one after another.
        let text: String
        /// Where each part ends in ``text``, in UTF-8 bytes.
        private let titleEnd, codeEnd, deadlineEnd, ordinaryEnd, extraordinaryEnd: UInt32

        /// Joins the cells' texts, in ``Part`` order.
        init(title: String, code: String, deadline: String, ordinary: String, extraordinary: String, humanResources: String) {
            let parts = [title, code, deadline, ordinary, extraordinary, humanResources].map { Array($0.utf8) }
            var bytes: [UInt8] = []
            var ranges: [Range<Int>] = []
            for part in parts {
                ranges.append(bytes.count..<(bytes.count + part.count))
                bytes += part
            }
            self.init(bytes, ranges)
        }

        /// Joins `ranges` of `bytes`, valid UTF-8 each, one for each ``Part`` in order.
        init(_ bytes: [UInt8], _ ranges: [Range<Int>]) {
            let parts = (0..<6).map { $0 < ranges.count ? ranges[$0] : 0..<0 }
            self.init(bytes, title: parts[0], code: parts[1], deadline: parts[2], ordinary: parts[3], extraordinary: parts[4], humanResources: parts[5])
        }

        /// Joins the ranges of `bytes` of the six parts, valid UTF-8 each.
        init(
            _ bytes: [UInt8], title: Range<Int>, code: Range<Int>, deadline: Range<Int>, ordinary: Range<Int>,
            extraordinary: Range<Int>, humanResources: Range<Int>
        ) {
            let all = 0..<bytes.count
            let parts = (
                title.clamped(to: all), code.clamped(to: all), deadline.clamped(to: all), ordinary.clamped(to: all),
                extraordinary.clamped(to: all), humanResources.clamped(to: all))
            // A row's text is far shorter than 4 GiB: the ends clamp only what could not be read.
            let ends = (
                parts.0.count, parts.0.count + parts.1.count, parts.0.count + parts.1.count + parts.2.count,
                parts.0.count + parts.1.count + parts.2.count + parts.3.count,
                parts.0.count + parts.1.count + parts.2.count + parts.3.count + parts.4.count)
            let total = ends.4 + parts.5.count
            (titleEnd, codeEnd, deadlineEnd) = (UInt32(clamping: ends.0), UInt32(clamping: ends.1), UInt32(clamping: ends.2))
            (ordinaryEnd, extraordinaryEnd) = (UInt32(clamping: ends.3), UInt32(clamping: ends.4))
            text = bytes.withUnsafeBufferPointer { source in
                String(unsafeUninitializedCapacity: total) { target in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return 0 }
                    (to).update(from: from + parts.0.lowerBound, count: parts.0.count)
                    (to + ends.0).update(from: from + parts.1.lowerBound, count: parts.1.count)
                    (to + ends.1).update(from: from + parts.2.lowerBound, count: parts.2.count)
                    (to + ends.2).update(from: from + parts.3.lowerBound, count: parts.3.count)
                    (to + ends.3).update(from: from + parts.4.lowerBound, count: parts.4.count)
                    (to + ends.4).update(from: from + parts.5.lowerBound, count: parts.5.count)
                    return total
                }
            }
        }

        /// Where `part` is in ``text``, in UTF-8 bytes.
        func range(_ part: Part) -> Range<Int> {
            let end = text.utf8.count
            let bounds: (UInt32, UInt32) = switch part {
            case .title: (0, titleEnd)
            case .code: (titleEnd, codeEnd)
            case .deadline: (codeEnd, deadlineEnd)
            case .ordinary: (deadlineEnd, ordinaryEnd)
            case .extraordinary: (ordinaryEnd, extraordinaryEnd)
            case .humanResources: (extraordinaryEnd, UInt32(clamping: end))
            }
            let lower = min(Int(bounds.0), end)
            return lower..<max(lower, min(Int(bounds.1), end))
        }

        /// The text of `part`.
        subscript(_ part: Part) -> String {
            let range = range(part)
            if range.count == text.utf8.count { return text }
            let utf8 = text.utf8
            return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }

        /// `slice`, a slice of `original` (the text ``text`` holds as `part`), as a slice of
        /// ``text``; `nil` when `slice` is a slice of another text.
        func slice(_ slice: Substring, of part: Part, original: String) -> Substring? {
            let range = range(part)
            // Comparing a string with itself takes no reading of its bytes.
            guard slice.base.utf8.count == range.count, original.utf8.count == range.count, slice.base == original else { return nil }
            let base = slice.base.utf8, utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let lower = base.distance(from: base.startIndex, to: slice.startIndex)
            let upper = base.distance(from: base.startIndex, to: slice.endIndex)
            return text[utf8.index(start, offsetBy: lower)..<utf8.index(start, offsetBy: upper)]
        }
    }

    /// The state of a budget cell of a row, its lines apart.
    enum BudgetState: UInt8, Sendable {
        case known, unknown, none, missing

        /// The state of `value`.
        init(_ value: CellValue<[BudgetLine]>) {
            self = switch value {
            case .known: .known
            case .unknown: .unknown
            case .none: .none
            case .missing: .missing
            }
        }
    }

    /// An action as a spreadsheet row gave it, held in less room than ``Fields``: its cells carry
    /// no location (every cell of a row is on the row's line, at its column's number), their texts
    /// are one string (``RowText``), which the budget lines' texts are ranges of, the lines of
    /// both budget cells are one array, the cells whose value is their text (code, title, human
    /// resources) keep the text only, and pilot cells are shared within a file.
    ///
    /// The public fields are made from it when asked for; changing one holds the action in full.
    final class Row: Sendable {
        let id: String
        let title: Substring
        let text: RowText
        let political, services, agents: PilotCell
        let deadline: CellValue<Deadline>
        /// The lines of both budget cells, the ordinary ones first.
        let lines: [BudgetLine]
        let ordinaryCount: UInt32
        let ordinaryState, extraordinaryState: BudgetState
        /// Whether the title cell was read (its state is known), rather than left blank.
        let titleRead: Bool
        let pending: Bool
        let openQuestions: [String]
        let links: [CrossLink]
        /// The title cell's location, the action's.
        let location: SourceLocation
        let columns: Columns

        /// Holds a row's cells as read.
        init(
            id: String, title: Substring, text: RowText, titleRead: Bool, pilots: (PilotCell, PilotCell, PilotCell),
            deadline: CellValue<Deadline>, ordinary: CellValue<[BudgetLine]>, extraordinary: CellValue<[BudgetLine]>,
            openQuestions: [String], links: [CrossLink], pending: Bool, location: SourceLocation, columns: Columns
        ) {
            self.id = id
            self.title = title
            self.text = text
            self.titleRead = titleRead
            (political, services, agents) = pilots
            self.deadline = deadline
            let ordinaryLines = ordinary.value ?? [], extraordinaryLines = extraordinary.value ?? []
            lines = extraordinaryLines.isEmpty ? ordinaryLines
                : ordinaryLines.isEmpty ? extraordinaryLines : ordinaryLines + extraordinaryLines
            ordinaryCount = UInt32(clamping: ordinaryLines.count)
            ordinaryState = BudgetState(ordinary)
            extraordinaryState = BudgetState(extraordinary)
            self.openQuestions = openQuestions
            self.links = links
            self.pending = pending
            self.location = location
            self.columns = columns
        }

        /// A row no action holds, put in place while an action's fields are changed.
        static let placeholder = Row(
            id: "", title: "", text: RowText(title: "", code: "", deadline: "", ordinary: "", extraordinary: "", humanResources: ""),
            titleRead: false, pilots: (.blank, .blank, .blank), deadline: .missing, ordinary: .missing, extraordinary: .missing,
            openQuestions: [], links: [], pending: false, location: SourceLocation(file: "", line: 0, column: 0), columns: Columns([]))

        /// Where the cell of `column` is: the row's line, at the column's number.
        func location(_ column: SpreadsheetReader.Column) -> SourceLocation {
            let index = column.rawValue
            guard index < columns.numbers.count, columns.numbers[index] != 0 else { return location }
            return location.moved(line: location.line, column: Int(columns.numbers[index]))
        }

        /// The lines of the ordinary (`true`) or extraordinary cell.
        func lines(ordinary: Bool) -> ArraySlice<BudgetLine> {
            let split = min(Int(ordinaryCount), lines.count)
            return ordinary ? lines[..<split] : lines[split...]
        }

        /// The value of a budget cell: its state, with its lines when known.
        func budgetValue(ordinary: Bool) -> CellValue<[BudgetLine]> {
            switch ordinary ? ordinaryState : extraordinaryState {
            case .known: .known(Array(lines(ordinary: ordinary)))
            case .unknown: .unknown
            case .none: .none
            case .missing: .missing
            }
        }

        var code: Cell<String> { CellReader.text(text[.code], location: location(.code)) }
        var titleCell: Cell<String> {
            titleRead ? Cell(.known(text[.title]), text: text[.title], location: location) : Cell(.missing, text: "", location: location)
        }
        var pilots: Pilots {
            Pilots(
                political: Cell(political.value, text: political.text, location: location(.political)),
                services: Cell(services.value, text: services.text, location: location(.services)),
                agents: Cell(agents.value, text: agents.text, location: location(.agents)))
        }
        var deadlineCell: Cell<Deadline> { Cell(deadline, text: text[.deadline], location: location(.deadline)) }
        var ordinaryCell: Cell<[BudgetLine]> { Cell(budgetValue(ordinary: true), text: text[.ordinary], location: location(.ordinary)) }
        var extraordinaryCell: Cell<[BudgetLine]> {
            Cell(budgetValue(ordinary: false), text: text[.extraordinary], location: location(.extraordinary))
        }
        var humanResources: Cell<String> { CellReader.text(text[.humanResources], location: location(.humanResources)) }

        /// The fields in full.
        var fields: Fields {
            Fields(
                id: id, code: code, title: title, titleCell: titleCell, openQuestions: openQuestions, pilots: pilots,
                deadline: deadlineCell, ordinaryBudget: ordinaryCell, extraordinaryBudget: extraordinaryCell,
                humanResources: humanResources, links: links, pending: pending, location: location, exchange: nil)
        }
    }
}

extension Action: Hashable {
    /// Whether two actions have the same fields, however each holds them.
    public static func == (lhs: Action, rhs: Action) -> Bool {
        if case .row(let l) = lhs.storage, case .row(let r) = rhs.storage, l === r { return true }
        return lhs.fields == rhs.fields
    }

    /// Hashes the fields, however the action holds them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
    }
}
