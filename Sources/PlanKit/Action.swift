/// An action of a plan: the unit a Collège decides, funds and follows.
public struct Action: Sendable, Hashable {
    /// The action's number as its title writes it, e.g. `1.2`.
    public var id: String
    /// The code column, e.g. `A 1.2`.
    public var code: Cell<String>
    /// The title without the number, the link parentheses and the open questions.
    public var title: String
    /// The title cell exactly as the file had it.
    public var titleCell: Cell<String>
    /// Questions the plan leaves open, such as `à préciser! Comment?`.
    public var openQuestions: [String]
    /// Who steers the action.
    public var pilots: Pilots
    /// When the action is due.
    public var deadline: Cell<Deadline>
    /// The ordinary budget cell.
    public var ordinaryBudget: Cell<[BudgetLine]>
    /// The extraordinary budget cell.
    public var extraordinaryBudget: Cell<[BudgetLine]>
    /// The human resources cell.
    public var humanResources: Cell<String>
    /// Links to other plans.
    public var links: [CrossLink]
    /// Whether the action awaits the Collège's confirmation.
    public var pending: Bool
    /// Where the action's row starts.
    public var location: SourceLocation
    /// What an eComptes file says beyond the spreadsheet's columns; `nil` for spreadsheets.
    public var exchange: ExchangeFields? {
        get { boxedExchange?.value }
        set { boxedExchange = newValue.map(Boxed.init) }
    }
    /// ``exchange`` behind a reference: most actions have none, and it is large.
    private var boxedExchange: Boxed<ExchangeFields>?
    /// Every budget line of both cells; an unknown cell (`??`) contributes one line of unknown amount.
    ///
    /// Derived from ``ordinaryBudget`` and ``extraordinaryBudget`` on each use.
    public var budget: [BudgetLine] {
        Self.lines(of: ordinaryBudget, .ordinary) + Self.lines(of: extraordinaryBudget, .extraordinary)
    }

    /// The number of lines ``budget`` holds, without building it.
    public var budgetLineCount: Int {
        func count(_ cell: Cell<[BudgetLine]>) -> Int {
            switch cell.value {
            case .known(let lines): lines.count
            case .unknown: 1
            case .none, .missing: 0
            }
        }
        return count(ordinaryBudget) + count(extraordinaryBudget)
    }

    /// Creates an action.
    public init(
        id: String, code: Cell<String>, title: String, titleCell: Cell<String>, openQuestions: [String],
        pilots: Pilots, deadline: Cell<Deadline>, ordinaryBudget: Cell<[BudgetLine]>,
        extraordinaryBudget: Cell<[BudgetLine]>, humanResources: Cell<String>, links: [CrossLink],
        pending: Bool, location: SourceLocation, exchange: ExchangeFields? = nil
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.titleCell = titleCell
        self.openQuestions = openQuestions
        self.pilots = pilots
        self.deadline = deadline
        self.ordinaryBudget = ordinaryBudget
        self.extraordinaryBudget = extraordinaryBudget
        self.humanResources = humanResources
        self.links = links
        self.pending = pending
        self.location = location
        self.exchange = exchange
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
