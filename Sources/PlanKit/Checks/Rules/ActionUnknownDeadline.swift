/// `action.unknown-deadline`: the deadline cell says `??` or cannot be read.
package struct ActionUnknownDeadline: Rule {
    /// The rule's id.
    public let id = "action.unknown-deadline"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "The action's deadline is ?? (to be decided) or unreadable."
    /// Creates the rule.
    public init() {}

    /// Reports actions whose deadline is unknown.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            guard case .unknown = entry.action.deadline.value else { return nil }
            return finding("Action \(entry.action.id) has no deadline yet (\(entry.action.deadline.text.trimmed)).", subject: entry.action.id, at: entry.action.deadline.location)
        }
    }
}
