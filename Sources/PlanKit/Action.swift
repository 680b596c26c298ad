/// An action of a plan: the unit a Collège decides, funds and follows.
public struct Action: Sendable, Hashable {
    /// The stored fields, held once: copies of an action share them.
    struct Fields: Sendable, Hashable {
        var id: String
        var code: Cell<String>
        var title: Substring
        var titleCell: Cell<String>
        var openQuestions: [String]
        var pilots: Pilots
        var deadline: Cell<Deadline>
        var ordinaryBudget: Cell<[BudgetLine]>
        var extraordinaryBudget: Cell<[BudgetLine]>
        var humanResources: Cell<String>
        var links: [CrossLink]
        var pending: Bool
        var location: SourceLocation
        var exchange: Boxed<ExchangeFields>?
    }

    private var fields: CopyOnWrite<Fields>

    /// The action's number as its title writes it, e.g. `1.2`.
    public var id: String {
        get { fields.value.id }
        _modify { yield &fields.value.id }
    }
    /// The code column, e.g. `A 1.2`.
    public var code: Cell<String> {
        get { fields.value.code }
        _modify { yield &fields.value.code }
    }
    /// The title without the number, the link parentheses and the open questions.
    public var title: String {
        get { String(fields.value.title) }
        set { fields.value.title = Substring(newValue) }
    }
    /// ``title`` as stored: often a slice of the title cell's text.
    var titleSlice: Substring { fields.value.title }
    /// The title cell exactly as the file had it.
    public var titleCell: Cell<String> {
        get { fields.value.titleCell }
        _modify { yield &fields.value.titleCell }
    }
    /// Questions the plan leaves open, such as `à préciser! Comment?`.
    public var openQuestions: [String] {
        get { fields.value.openQuestions }
        _modify { yield &fields.value.openQuestions }
    }
    /// Who steers the action.
    public var pilots: Pilots {
        get { fields.value.pilots }
        _modify { yield &fields.value.pilots }
    }
    /// When the action is due.
    public var deadline: Cell<Deadline> {
        get { fields.value.deadline }
        _modify { yield &fields.value.deadline }
    }
    /// The ordinary budget cell.
    public var ordinaryBudget: Cell<[BudgetLine]> {
        get { fields.value.ordinaryBudget }
        _modify { yield &fields.value.ordinaryBudget }
    }
    /// The extraordinary budget cell.
    public var extraordinaryBudget: Cell<[BudgetLine]> {
        get { fields.value.extraordinaryBudget }
        _modify { yield &fields.value.extraordinaryBudget }
    }
    /// The human resources cell.
    public var humanResources: Cell<String> {
        get { fields.value.humanResources }
        _modify { yield &fields.value.humanResources }
    }
    /// Links to other plans.
    public var links: [CrossLink] {
        get { fields.value.links }
        _modify { yield &fields.value.links }
    }
    /// Whether the action awaits the Collège's confirmation.
    public var pending: Bool {
        get { fields.value.pending }
        _modify { yield &fields.value.pending }
    }
    /// Where the action's row starts.
    public var location: SourceLocation {
        get { fields.value.location }
        _modify { yield &fields.value.location }
    }
    /// What an eComptes file says beyond the spreadsheet's columns; `nil` for spreadsheets.
    public var exchange: ExchangeFields? {
        get { fields.value.exchange?.value }
        set { fields.value.exchange = newValue.map(Boxed.init) }
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
        func count(_ value: CellValue<[BudgetLine]>) -> Int {
            switch value {
            case .known(let lines): lines.count
            case .unknown: 1
            case .none, .missing: 0
            }
        }
        return count(fields.value.ordinaryBudget.value) + count(fields.value.extraordinaryBudget.value)
    }

    /// Calls `body` with each line ``budget`` holds, in order, without building the array.
    func forEachBudgetLine(_ body: (BudgetLine) -> Void) {
        func visit(_ cell: Cell<[BudgetLine]>, _ kind: BudgetKind) {
            switch cell.value {
            case .known(let lines): for line in lines { body(line) }
            case .unknown: for line in Self.lines(of: cell, kind) { body(line) }
            case .none, .missing: break
            }
        }
        visit(fields.value.ordinaryBudget, .ordinary)
        visit(fields.value.extraordinaryBudget, .extraordinary)
    }

    /// The deadline's state, read without copying the cell.
    var deadlineValue: CellValue<Deadline> { fields.value.deadline.value }

    /// Creates an action.
    public init(
        id: String, code: Cell<String>, title: String, titleCell: Cell<String>, openQuestions: [String],
        pilots: Pilots, deadline: Cell<Deadline>, ordinaryBudget: Cell<[BudgetLine]>,
        extraordinaryBudget: Cell<[BudgetLine]>, humanResources: Cell<String>, links: [CrossLink],
        pending: Bool, location: SourceLocation, exchange: ExchangeFields? = nil
    ) {
        self.init(
            id: id, code: code, titleSlice: Substring(title), titleCell: titleCell, openQuestions: openQuestions,
            pilots: pilots, deadline: deadline, ordinaryBudget: ordinaryBudget, extraordinaryBudget: extraordinaryBudget,
            humanResources: humanResources, links: links, pending: pending, location: location, exchange: exchange)
    }

    /// Creates an action whose title is a slice of another text, usually its title cell's.
    init(
        id: String, code: Cell<String>, titleSlice title: Substring, titleCell: Cell<String>, openQuestions: [String],
        pilots: Pilots, deadline: Cell<Deadline>, ordinaryBudget: Cell<[BudgetLine]>,
        extraordinaryBudget: Cell<[BudgetLine]>, humanResources: Cell<String>, links: [CrossLink],
        pending: Bool, location: SourceLocation, exchange: ExchangeFields? = nil
    ) {
        fields = CopyOnWrite(Fields(
            id: id, code: code, title: title, titleCell: titleCell, openQuestions: openQuestions, pilots: pilots,
            deadline: deadline, ordinaryBudget: ordinaryBudget, extraordinaryBudget: extraordinaryBudget,
            humanResources: humanResources, links: links, pending: pending, location: location,
            exchange: exchange.map(Boxed.init)))
    }

    /// The lines a budget cell contributes.
    static func lines(of cell: Cell<[BudgetLine]>, _ kind: BudgetKind) -> [BudgetLine] {
        switch cell.value {
        case .known(let lines): lines
        case .unknown: [BudgetLine(kind: kind, amount: .unknown, text: cell.text, location: cell.location)]
        case .none, .missing: []
        }
    }
}
