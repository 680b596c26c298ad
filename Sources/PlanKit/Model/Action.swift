/// An action of a plan: the unit a Collège decides, funds and follows.
public struct Action: Sendable {
    /// The fields in full, held once behind a reference: copies of an action share them. Actions
    /// made by hand, decoded or changed hold them; one read from a spreadsheet holds its ``Row``
    /// until changed.
    ///
    /// The one list of an action's stored fields: PlanKit JSON is its synthesized `Codable` (a key
    /// per field, an optional field left out when `nil`), equality and hashing its synthesized
    /// `Hashable`, and ``Row/fields`` makes it from a row. A new field is one entry here (optional,
    /// or with a default, so that earlier PlanKit JSON still reads) and its accessor on ``Action``.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var code: Cell<String>
        var title: TextSlice
        var titleCell: Cell<String>
        var openQuestions: [String] = []
        var pilots: Pilots
        var deadline: Cell<Deadline>
        var ordinaryBudget: Cell<[BudgetLine]>
        var extraordinaryBudget: Cell<[BudgetLine]>
        var humanResources: Cell<String>
        var links: [CrossLink] = []
        var pending: Bool = false
        var location: SourceLocation
        var exchange: Boxed<ExchangeFields>?
        // The follow-up fields: `nil` when the source does not give them (a spreadsheet row gives
        // none); their accessors (Action+FollowUp.swift) then derive them from `exchange` or the
        // human-resources cell, or say missing.
        var status: Cell<FollowUpStatus>?
        var progress: Cell<Double>?
        var health: Cell<Health>?
        var priority: Cell<String>?
        var start: PlannedDate?
        var end: PlannedDate?
        var fte: Cell<Double>?
        var indicators: [Indicator]?
        var funding: [Funding]?
        var amounts: [YearAmount]?
        var parent: String?
    }

    /// What an action's fields are held in: a ``Row`` or a ``FieldsBox``.
    ///
    /// One class reference, stored as it is: an enum of two references would keep its case in
    /// the pointer's spare bits, where leak checkers no longer see a pointer.
    ///
    /// Sendable as it holds nothing (`@unchecked` only because its subclasses inherit from it);
    /// each subclass says why it is.
    class Holder: @unchecked Sendable {}

    /// The fields in full; changed only through ``fields``, once the box is known to be unshared.
    ///
    /// Sendable because `value` is changed only once `isKnownUniquelyReferenced` has found no
    /// other holder (on any thread) that could read it; a shared box is only read.
    final class FieldsBox: Holder, @unchecked Sendable {
        var value: Fields

        /// Holds `value`.
        init(_ value: Fields) {
            self.value = value
        }
    }

    /// How the fields are held: as a spreadsheet row gave them, or in full.
    enum Storage {
        /// As read from a spreadsheet row, until changed.
        case row(Row)
        /// In full.
        case fields(FieldsBox)
    }

    var holder: Holder

    /// What holds the fields.
    var storage: Storage {
        // The class is read from the object's header: no room is taken for telling them apart.
        type(of: holder) == Row.self ? .row(unsafeDowncast(holder, to: Row.self)) : .fields(unsafeDowncast(holder, to: FieldsBox.self))
    }

    /// `fromRow` of the row, or `fromFields` of the box of fields in full (read in place), however
    /// the action holds them.
    @inline(__always)
    private func read<T>(_ fromRow: (Row) -> T, _ fromFields: (FieldsBox) -> T) -> T {
        switch storage {
        case .row(let row): fromRow(row)
        case .fields(let box): fromFields(box)
        }
    }

    /// The fields in full: made from the row when the action is held as one; changing them
    /// holds the action in full from then on, copying the fields first when another action
    /// shares them.
    var fields: Fields {
        get {
            switch storage {
            case .row(let row): row.fields
            case .fields(let box): box.value
            }
        }
        _modify {
            // No other reference to the box is bound while its uniqueness is checked.
            if type(of: holder) == Row.self {
                holder = FieldsBox(unsafeDowncast(holder, to: Row.self).fields)
            } else if !isKnownUniquelyReferenced(&holder) {
                holder = FieldsBox(unsafeDowncast(holder, to: FieldsBox.self).value)
            }
            yield &unsafeDowncast(holder, to: FieldsBox.self).value
        }
    }

    /// The action's number as its title writes it, e.g. `1.2`.
    public var id: String {
        get { read({ $0.id }, { $0.value.id }) }
        _modify { yield &fields.id }
    }
    /// The code column, e.g. `A 1.2`.
    public var code: Cell<String> {
        get { read({ $0.code }, { $0.value.code }) }
        _modify { yield &fields.code }
    }
    /// The title without the number, the link parentheses and the open questions.
    public var title: String {
        get { String(titleSlice) }
        set { fields.title = TextSlice(newValue) }
    }
    /// ``title`` as stored: often a slice of the title cell's text.
    var titleSlice: Substring { read({ $0.title }, { $0.value.title.slice }) }
    /// The title cell exactly as the file had it.
    public var titleCell: Cell<String> {
        get { read({ $0.titleCell }, { $0.value.titleCell }) }
        _modify { yield &fields.titleCell }
    }
    /// Questions the plan leaves open, such as `à préciser! Comment?`.
    public var openQuestions: [String] {
        get { read({ $0.openQuestions }, { $0.value.openQuestions }) }
        _modify { yield &fields.openQuestions }
    }
    /// Who steers the action.
    public var pilots: Pilots {
        get { read({ $0.pilots }, { $0.value.pilots }) }
        _modify { yield &fields.pilots }
    }
    /// When the action is due.
    public var deadline: Cell<Deadline> {
        get { read({ $0.deadlineCell }, { $0.value.deadline }) }
        _modify { yield &fields.deadline }
    }
    /// The ordinary budget cell.
    public var ordinaryBudget: Cell<[BudgetLine]> {
        get { read({ $0.ordinaryBudget }, { $0.value.ordinaryBudget }) }
        _modify { yield &fields.ordinaryBudget }
    }
    /// The extraordinary budget cell.
    public var extraordinaryBudget: Cell<[BudgetLine]> {
        get { read({ $0.extraordinaryBudget }, { $0.value.extraordinaryBudget }) }
        _modify { yield &fields.extraordinaryBudget }
    }
    /// The human resources cell.
    public var humanResources: Cell<String> {
        get { read({ $0.humanResources }, { $0.value.humanResources }) }
        _modify { yield &fields.humanResources }
    }
    /// Links to other plans.
    public var links: [CrossLink] {
        get { read({ $0.links }, { $0.value.links }) }
        _modify { yield &fields.links }
    }
    /// Whether the action awaits the Collège's confirmation.
    public var pending: Bool {
        get { read({ $0.pending }, { $0.value.pending }) }
        _modify { yield &fields.pending }
    }
    /// Where the action's row starts.
    public var location: SourceLocation {
        get { read({ $0.location }, { $0.value.location }) }
        _modify { yield &fields.location }
    }
    /// What an eComptes file says beyond the spreadsheet's columns; `nil` for spreadsheets.
    public var exchange: ExchangeFields? {
        get {
            switch storage {
            case .row: nil
            case .fields(let box): box.value.exchange?.value
            }
        }
        set { fields.exchange = newValue.map(Boxed.init) }
    }

    /// Every budget line of both cells; an unknown cell (`??`) contributes one line of unknown amount.
    ///
    /// Derived from ``ordinaryBudget`` and ``extraordinaryBudget`` on each use.
    public var budget: [BudgetLine] {
        var lines: [BudgetLine] = []
        forEachBudgetLine { lines.append($0) }
        return lines
    }

    /// The number of lines ``budget`` holds, without building it.
    public var budgetLineCount: Int {
        func count(_ value: CellValue<[BudgetLine]>) -> Int { value.value?.count ?? (value.state == .unknown ? 1 : 0) }
        switch storage {
        case .row(let row):
            return row.lines.count + (row.ordinaryState == .unknown ? 1 : 0) + (row.extraordinaryState == .unknown ? 1 : 0)
        case .fields(let box): return count(box.value.ordinaryBudget.value) + count(box.value.extraordinaryBudget.value)
        }
    }

    /// Calls `body` with each line ``budget`` holds, in order, without building the array.
    func forEachBudgetLine(_ body: (BudgetLine) -> Void) {
        func visit(_ cell: Cell<[BudgetLine]>, _ kind: BudgetKind) {
            for line in Self.lines(of: cell, kind) { body(line) }
        }
        switch storage {
        case .row(let row):
            func visit(ordinary: Bool) {
                switch ordinary ? row.ordinaryState : row.extraordinaryState {
                case .known: for line in row.lines(ordinary: ordinary) { body(line) }
                case .none, .missing: break
                case .unknown:
                    // The line's text is the cell's, a range of the row's text.
                    let column: SpreadsheetReader.Column = ordinary ? .ordinary : .extraordinary
                    var line = BudgetLine(
                        kind: ordinary ? .ordinary : .extraordinary, amount: .unknown, base: row.text.text,
                        location: row.location(column))
                    line.setRange(\.text, row.text.range(ordinary ? .ordinary : .extraordinary))
                    body(line)
                }
            }
            visit(ordinary: true)
            visit(ordinary: false)
        case .fields(let box):
            visit(box.value.ordinaryBudget, .ordinary)
            visit(box.value.extraordinaryBudget, .extraordinary)
        }
    }

    /// The number of ``links``, without making them.
    var linkCount: Int { read({ $0.storedLinks.count }, { $0.value.links.count }) }

    /// The link at `index` of ``links``, without making the others.
    func link(at index: Int) -> CrossLink { read({ $0.link(at: index) }, { $0.value.links[index] }) }

    /// What the link at `index` leads to (its plan, element and reference), without making its text.
    func linkTarget(at index: Int) -> (plan: String, element: CrossLink.Element, ref: String?) {
        read({ row in
            let stored = row.storedLinks[index]
            return (stored.plan, stored.element, stored.ref)
        }, { box in
            let link = box.value.links[index]
            return (link.plan, link.element, link.ref)
        })
    }

    /// The deadline's state, read without copying the cell.
    var deadlineValue: CellValue<Deadline> { read({ $0.deadline }, { $0.value.deadline.value }) }

    /// Creates an action from its id, title and place, with every other field given or missing.
    ///
    /// A cell not given is one the plan lacks (``CellValue/missing``, no text) at `location`: an
    /// action built this way reads like a row whose other columns are absent. The follow-up
    /// fields (``status``, ``progress``, ``fte``…) are set afterwards, each through its property.
    ///
    /// ```swift
    /// let location = SourceLocation(file: "pst.tsv", line: 12, column: 1)
    /// var action = Action(id: "1.2", title: "Créer un conseil des jeunes", location: location,
    ///                     deadline: Cell(.known(.year(2026)), text: "2026", location: location))
    /// action.pending = true
    /// ```
    ///
    /// - Parameters:
    ///   - id: The action's number, e.g. `1.2`.
    ///   - title: The title without links and open questions.
    ///   - location: Where the action is: its title cell, usually.
    ///   - code: The code column, e.g. `A 1.2`.
    ///   - titleCell: The title cell as the file has it; by default the title itself, known.
    ///   - openQuestions: The questions the plan leaves open.
    ///   - pilots: Who steers the action.
    ///   - deadline: The deadline cell.
    ///   - ordinaryBudget: The ordinary budget cell.
    ///   - extraordinaryBudget: The extraordinary budget cell.
    ///   - humanResources: The human resources cell.
    ///   - links: Its cross-links to other plans.
    ///   - pending: Whether the action awaits the Collège's confirmation.
    ///   - exchange: What an eComptes file says beyond the spreadsheet's columns.
    public init(
        id: String, title: String, location: SourceLocation, code: Cell<String>? = nil, titleCell: Cell<String>? = nil,
        openQuestions: [String] = [], pilots: Pilots? = nil, deadline: Cell<Deadline>? = nil,
        ordinaryBudget: Cell<[BudgetLine]>? = nil, extraordinaryBudget: Cell<[BudgetLine]>? = nil,
        humanResources: Cell<String>? = nil, links: [CrossLink] = [], pending: Bool = false, exchange: ExchangeFields? = nil
    ) {
        func missing<Value>() -> Cell<Value> { Cell(.missing, text: "", location: location) }
        holder = FieldsBox(Fields(
            id: id, code: code ?? missing(), title: TextSlice(title),
            titleCell: titleCell ?? Cell(.known(title), text: title, location: location), openQuestions: openQuestions,
            pilots: pilots ?? Pilots(political: missing(), services: missing(), agents: missing()),
            deadline: deadline ?? missing(), ordinaryBudget: ordinaryBudget ?? missing(),
            extraordinaryBudget: extraordinaryBudget ?? missing(), humanResources: humanResources ?? missing(),
            links: links, pending: pending, location: location, exchange: exchange.map(Boxed.init)))
    }

    /// Creates an action held as the spreadsheet row it was read from.
    init(row: Row) {
        holder = row
    }

    /// The lines a budget cell contributes.
    static func lines(of cell: Cell<[BudgetLine]>, _ kind: BudgetKind) -> [BudgetLine] {
        if case .known(let lines) = cell.value { return lines }
        return cell.value.state == .unknown ? [BudgetLine(kind: kind, amount: .unknown, text: cell.text, location: cell.location)] : []
    }
}
