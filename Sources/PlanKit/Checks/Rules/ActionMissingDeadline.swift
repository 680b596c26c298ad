/// `action.missing-deadline`: the deadline cell is blank.
package struct ActionMissingDeadline: Rule {
    /// The rule's id.
    public let id = "action.missing-deadline"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "The action's deadline cell was never filled."
    /// Creates the rule.
    public init() {}

    /// Reports actions whose deadline cell is blank.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            guard case .missing = entry.action.deadline.value else { return nil }
            return finding("Action \(entry.action.id) has a blank deadline cell; write a deadline, or ?? if it is to be decided.", subject: entry.action.id, at: entry.action.deadline.location)
        }
    }
}
