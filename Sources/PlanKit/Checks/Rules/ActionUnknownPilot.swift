/// `action.unknown-pilot`: a pilot cell says `??`.
package struct ActionUnknownPilot: Rule {
    /// The rule's id.
    public let id = "action.unknown-pilot"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "A pilot of the action (political, service or agent) is ?? (to be decided)."
    /// Creates the rule.
    public init() {}

    /// Reports each pilot cell that says `??`.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.flatMap { entry -> [Finding] in
            let pilots = entry.action.pilots
            return [("politician", pilots.political), ("service", pilots.services), ("agent", pilots.agents)].compactMap { role, cell in
                guard case .unknown = cell.value else { return nil }
                return finding("Action \(entry.action.id) has no \(role) in charge yet (??).", subject: entry.action.id, at: cell.location)
            }
        }
    }
}
