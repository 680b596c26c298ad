extension Action {
    /// The file and the columns of a spreadsheet's table, shared by the actions read under one
    /// header row.
    final class Columns: Sendable {
        /// The file's first cell: the rows' locations are made from it.
        let origin: SourceLocation
        /// The 1-based column of each ``SpreadsheetReader/Column``, by raw value; 0 when the
        /// table has no such column (its cells are then placed at the title's column).
        let numbers: [UInt32]

        /// Holds the file's first cell and the columns' numbers.
        init(origin: SourceLocation, _ numbers: [UInt32]) {
            self.origin = origin
            self.numbers = numbers
        }
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

    /// A link as a row holds it: its text a range of the row's text, its location the row's.
    struct StoredLink: Sendable {
        let plan: String
        let ref: String?
        /// Where the parenthesis the link was read from is in the row's text, in UTF-8 bytes.
        let textStart, textEnd: UInt32
        let relation: CrossLink.Relation
        let element: CrossLink.Element

        /// Holds `link`, whose text is `text` of the row's text.
        init(_ link: CrossLink, text: Range<Int>) {
            plan = link.plan
            ref = link.ref
            // Ranges of a row's text, which is far shorter than 4 GiB; clamped all the same.
            (textStart, textEnd) = (UInt32(clamping: text.lowerBound), UInt32(clamping: text.upperBound))
            relation = link.relation
            element = link.element
        }
    }

    /// An action as a spreadsheet row gave it, held in less room than ``Fields``: its cells carry
    /// no location (every cell of a row is on the row's line, at its column's number), their texts
    /// are one string (``RowText``), which the title and the budget lines' texts are ranges of, the lines of
    /// both budget cells are one array, the cells whose value is their text (code, title, human
    /// resources) keep the text only, and pilot cells are shared within a file.
    ///
    /// The public fields are made from it when asked for; changing one holds the action in full.
    ///
    /// Sendable because its stored properties are all constants of `Sendable` types
    /// (`@unchecked` only because it inherits from ``Holder``).
    final class Row: Holder, @unchecked Sendable {
        let id: String
        let text: RowText
        /// Where the title is in ``text``, in UTF-8 bytes.
        let titleStart, titleEnd: UInt32
        let political, services, agents: PilotCell
        let deadline: CellValue<Deadline>
        /// The states of the budget cells, their lines apart.
        let ordinaryState, extraordinaryState: CellState
        /// Whether the title cell was read (its state is known), rather than left blank.
        let titleRead: Bool
        let pending: Bool
        let ordinaryCount: UInt32
        /// The row's line and the title's column: the action's location, in ``columns``' file.
        let line, column: UInt32
        /// The lines of both budget cells, the ordinary ones first.
        let lines: [BudgetLine]
        let openQuestions: [String]
        let storedLinks: [StoredLink]
        let columns: Columns

        /// Holds a row's cells as read; the title is `title` of `text` (UTF-8 bytes) and the row
        /// is at `line`, its title at `column`.
        init(
            id: String, text: RowText, title: Range<Int>, titleRead: Bool, pilots: (PilotCell, PilotCell, PilotCell),
            deadline: CellValue<Deadline>, ordinary: CellValue<[BudgetLine]>, extraordinary: CellValue<[BudgetLine]>,
            openQuestions: [String], links: [StoredLink], pending: Bool, line: Int, column: Int, columns: Columns
        ) {
            self.id = id
            self.text = text
            // Ranges of a row's text, which is far shorter than 4 GiB; clamped all the same.
            (titleStart, titleEnd) = (UInt32(clamping: title.lowerBound), UInt32(clamping: title.upperBound))
            (political, services, agents) = pilots
            self.deadline = deadline
            ordinaryState = ordinary.state
            extraordinaryState = extraordinary.state
            self.titleRead = titleRead
            self.pending = pending
            let ordinaryLines = ordinary.value ?? [], extraordinaryLines = extraordinary.value ?? []
            ordinaryCount = UInt32(clamping: ordinaryLines.count)
            lines = extraordinaryLines.isEmpty ? ordinaryLines
                : ordinaryLines.isEmpty ? extraordinaryLines : ordinaryLines + extraordinaryLines
            // Lines and columns beyond 4 294 967 295 are given as the largest.
            (self.line, self.column) = (UInt32(clamping: line), UInt32(clamping: column))
            self.openQuestions = openQuestions
            storedLinks = links
            self.columns = columns
        }

        /// The title without the number, the links and the open questions: a slice of ``text``.
        var title: Substring { text[Int(titleStart)..<Int(titleEnd)] }

        /// The title cell's location, the action's.
        var location: SourceLocation { columns.origin.moved(line: Int(line), column: Int(column)) }

        /// The link at `index` of ``storedLinks``, made in full.
        func link(at index: Int) -> CrossLink {
            let stored = storedLinks[index]
            return CrossLink(
                relation: stored.relation, plan: stored.plan, element: stored.element, ref: stored.ref,
                text: String(text[Int(stored.textStart)..<Int(stored.textEnd)]), location: location)
        }

        /// The links, made in full.
        var links: [CrossLink] { storedLinks.indices.map(link(at:)) }

        /// Where the cell of `column` is: the row's line, at the column's number.
        func location(_ column: SpreadsheetReader.Column) -> SourceLocation {
            let index = column.rawValue
            guard index < columns.numbers.count, columns.numbers[index] != 0 else { return location }
            return columns.origin.moved(line: Int(line), column: Int(columns.numbers[index]))
        }

        /// The lines of the ordinary (`true`) or extraordinary cell.
        func lines(ordinary: Bool) -> ArraySlice<BudgetLine> {
            let split = min(Int(ordinaryCount), lines.count)
            return ordinary ? lines[..<split] : lines[split...]
        }

        /// The value of a budget cell: its state, with its lines when known.
        func budgetValue(ordinary: Bool) -> CellValue<[BudgetLine]> {
            CellValue(ordinary ? ordinaryState : extraordinaryState) { Array(lines(ordinary: ordinary)) }
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
        var ordinaryBudget: Cell<[BudgetLine]> { Cell(budgetValue(ordinary: true), text: text[.ordinary], location: location(.ordinary)) }
        var extraordinaryBudget: Cell<[BudgetLine]> {
            Cell(budgetValue(ordinary: false), text: text[.extraordinary], location: location(.extraordinary))
        }
        var humanResources: Cell<String> { CellReader.text(text[.humanResources], location: location(.humanResources)) }

        /// The fields in full: the table of what a row gives for each field of ``Fields``, one
        /// argument per field a row holds; the fields a row does not hold take their defaults.
        var fields: Fields {
            Fields(
                id: id, code: code, title: TextSlice(title), titleCell: titleCell, openQuestions: openQuestions,
                pilots: pilots, deadline: deadlineCell, ordinaryBudget: ordinaryBudget,
                extraordinaryBudget: extraordinaryBudget, humanResources: humanResources, links: links, pending: pending,
                location: location)
        }
    }
}

extension Action: Hashable {
    /// Whether two actions have the same fields, however each holds them.
    public static func == (lhs: Action, rhs: Action) -> Bool {
        if lhs.holder === rhs.holder { return true }
        return lhs.fields == rhs.fields
    }

    /// Hashes the fields, however the action holds them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
    }
}
