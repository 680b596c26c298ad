extension Action {
    /// Creates an action from its id, title and place, with every other field given or missing.
    ///
    /// A field not given is a cell the plan lacks (``CellValue/missing``), at `location`: an
    /// action built this way reads like a row whose other columns are absent.
    ///
    /// ```swift
    /// let action = Action(id: "1.2", title: "Créer un conseil des jeunes",
    ///                     location: SourceLocation(file: "pst.tsv", line: 12, column: 1),
    ///                     deadline: .known(.year(2026)))
    /// ```
    ///
    /// - Parameters:
    ///   - id: The action's number, e.g. `1.2`.
    ///   - title: The title without links and open questions.
    ///   - location: Where the action is: its title cell, usually.
    ///   - deadline: The deadline's state; its cell's text is the deadline as written.
    ///   - ordinaryBudget: The lines of the ordinary budget cell; none means the cell is missing.
    ///   - extraordinaryBudget: The lines of the extraordinary budget cell; none means the cell is missing.
    ///   - links: Its cross-links to other plans.
    ///   - pending: Whether the action awaits the Collège's confirmation.
    public init(
        id: String, title: String, location: SourceLocation,
        deadline: CellValue<Deadline> = .missing, ordinaryBudget: [BudgetLine] = [], extraordinaryBudget: [BudgetLine] = [],
        links: [CrossLink] = [], pending: Bool = false
    ) {
        func missing<Value>() -> Cell<Value> { Cell(.missing, text: "", location: location) }
        func budget(_ lines: [BudgetLine]) -> Cell<[BudgetLine]> {
            lines.isEmpty ? missing() : Cell(.known(lines), text: lines.map(\.text).joined(separator: "\n"), location: location)
        }
        self.init(
            id: id, code: missing(), title: title, titleCell: Cell(.known(title), text: title, location: location),
            openQuestions: [], pilots: Pilots(political: missing(), services: missing(), agents: missing()),
            deadline: Cell(deadline, text: deadline.value.map { String(describing: $0) } ?? "", location: location),
            ordinaryBudget: budget(ordinaryBudget), extraordinaryBudget: budget(extraordinaryBudget),
            humanResources: missing(), links: links, pending: pending, location: location)
    }
}
