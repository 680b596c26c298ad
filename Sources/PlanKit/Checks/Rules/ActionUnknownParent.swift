/// `action.unknown-parent`: a sub-action whose parent is not an action of its plan.
package struct ActionUnknownParent: Rule {
    /// The rule's id.
    public let id = "action.unknown-parent"
    /// The severity of its findings.
    public let severity = Severity.error
    /// What the rule checks.
    public let summary = "A sub-action's parent is not an action of its plan."
    /// Creates the rule.
    public init() {}

    /// Reports every action whose ``Action/parent`` names no action of the same plan.
    public func check(_ plans: PlanSet) -> [Finding] {
        var ids: [PlanSet.PlanIndex: Set<String>] = [:]
        var children: [PlanSet.ActionEntry] = []
        for entry in plans.actions {
            ids[entry.plan, default: []].insert(entry.action.id)
            if entry.action.parent != nil { children.append(entry) }
        }
        return children.compactMap { entry in
            guard let parent = entry.action.parent, !(ids[entry.plan]?.contains(parent) ?? false) else { return nil }
            return finding("Sub-action \(entry.action.id) belongs to action \(parent), which its plan does not have; add action \(parent) or correct the parent.",
                           subject: entry.action.id, at: entry.action.location)
        }
    }
}
