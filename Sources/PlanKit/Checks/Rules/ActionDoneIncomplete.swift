/// `action.done-incomplete`: an action whose status is done, with a progress below 100.
package struct ActionDoneIncomplete: Rule {
    /// The rule's id.
    public let id = "action.done-incomplete"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "An action is done but its progress is below 100."
    /// Creates the rule.
    public init() {}

    /// Reports every action whose status is done and whose known progress is below 100.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            let action = entry.action
            guard action.status.value == .known(.done), let progress = action.progress.value.value, progress < 100 else { return nil }
            let shown = EComptesWriter.number(.known(progress)) ?? action.progress.text
            return finding("Action \(action.id) is done (\(action.status.text.trimmed)) but its progress is \(shown); set its progress to 100 or its status to in progress.",
                           subject: action.id, at: action.progress.location)
        }
    }
}
