/// `action.end-before-start`: an action that ends before it starts.
package struct ActionEndBeforeStart: Rule {
    /// The rule's id.
    public let id = "action.end-before-start"
    /// The severity of its findings.
    public let severity = Severity.error
    /// What the rule checks.
    public let summary = "An action's end date is before its start date (planned or effective)."
    /// Creates the rule.
    public init() {}

    /// Reports every action whose planned end is before its planned start, or whose effective end
    /// is before its effective start.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            let action = entry.action
            let (start, end) = (action.start, action.end)
            for (kind, from, to) in [("planned", start.planned, end.planned), ("effective", start.effective, end.effective)] {
                guard let first = from?.value.value, let last = to, let day = last.value.value, day < first else { continue }
                return finding("Action \(action.id) ends before it starts: its \(kind) end, \(day), is before its \(kind) start, \(first); correct one of the two dates.",
                               subject: action.id, at: last.location)
            }
            return nil
        }
    }
}
