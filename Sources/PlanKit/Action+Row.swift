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

    /// An action as a spreadsheet row gave it, held in less room than ``Fields``: its cells carry
    /// no location (every cell of a row is on the row's line, at its column's number), and the
    /// cells whose value is their text (code, title, human resources) keep the text only; pilot
    /// cells are shared within a file.
    ///
    /// The public fields are made from it when asked for; changing one holds the action in full.
    final class Row: Sendable {
        let id: String
        let title: Substring
        /// The title cell's text; `nil` when titles were not read.
        let titleText: String?
        let codeText, deadlineText, ordinaryText, extraordinaryText, humanResourcesText: String
        let political, services, agents: PilotCell
        let deadline: CellValue<Deadline>
        let ordinary, extraordinary: CellValue<[BudgetLine]>
        let openQuestions: [String]
        let links: [CrossLink]
        let pending: Bool
        /// The title cell's location, the action's.
        let location: SourceLocation
        let columns: Columns

        /// Holds a row's cells as read.
        init(
            id: String, title: Substring, titleText: String?, code: String, pilots: (PilotCell, PilotCell, PilotCell),
            deadline: Cell<Deadline>, ordinary: Cell<[BudgetLine]>, extraordinary: Cell<[BudgetLine]>,
            humanResources: String, openQuestions: [String], links: [CrossLink], pending: Bool,
            location: SourceLocation, columns: Columns
        ) {
            self.id = id
            self.title = title
            self.titleText = titleText
            codeText = code
            (political, services, agents) = pilots
            deadlineText = deadline.text
            self.deadline = deadline.value
            ordinaryText = ordinary.text
            self.ordinary = ordinary.value
            extraordinaryText = extraordinary.text
            self.extraordinary = extraordinary.value
            humanResourcesText = humanResources
            self.openQuestions = openQuestions
            self.links = links
            self.pending = pending
            self.location = location
            self.columns = columns
        }

        /// A row no action holds, put in place while an action's fields are changed.
        static let placeholder = Row(
            id: "", title: "", titleText: nil, code: "",
            pilots: (.blank, .blank, .blank), deadline: Cell(.missing, text: "", location: SourceLocation(file: "", line: 0, column: 0)),
            ordinary: Cell(.missing, text: "", location: SourceLocation(file: "", line: 0, column: 0)),
            extraordinary: Cell(.missing, text: "", location: SourceLocation(file: "", line: 0, column: 0)),
            humanResources: "", openQuestions: [], links: [], pending: false,
            location: SourceLocation(file: "", line: 0, column: 0), columns: Columns([]))

        /// Where the cell of `column` is: the row's line, at the column's number.
        func location(_ column: SpreadsheetReader.Column) -> SourceLocation {
            let index = column.rawValue
            guard index < columns.numbers.count, columns.numbers[index] != 0 else { return location }
            return location.moved(line: location.line, column: Int(columns.numbers[index]))
        }

        var code: Cell<String> { CellReader.text(codeText, location: location(.code)) }
        var titleCell: Cell<String> {
            titleText.map { Cell(.known($0), text: $0, location: location) } ?? Cell(.missing, text: "", location: location)
        }
        var pilots: Pilots {
            Pilots(
                political: Cell(political.value, text: political.text, location: location(.political)),
                services: Cell(services.value, text: services.text, location: location(.services)),
                agents: Cell(agents.value, text: agents.text, location: location(.agents)))
        }
        var deadlineCell: Cell<Deadline> { Cell(deadline, text: deadlineText, location: location(.deadline)) }
        var ordinaryCell: Cell<[BudgetLine]> { Cell(ordinary, text: ordinaryText, location: location(.ordinary)) }
        var extraordinaryCell: Cell<[BudgetLine]> { Cell(extraordinary, text: extraordinaryText, location: location(.extraordinary)) }
        var humanResources: Cell<String> { CellReader.text(humanResourcesText, location: location(.humanResources)) }

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
