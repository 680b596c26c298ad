/// `deadline.outside-plan`: an action is due outside its plan's period.
package struct DeadlineOutsidePlan: Rule {
    /// The rule's id.
    public let id = "deadline.outside-plan"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "The action's deadline falls outside the plan's period (PÉRIODE : 2019-2024)."
    /// Creates the rule.
    public init() {}

    /// Reports deadlines whose year is outside the plan's period, when the period is known.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            guard let period = plans.plans[entry.plan].period, let year = entry.action.deadline.value.value?.year,
                  !period.contains(year) else { return nil }
            return finding("Action \(entry.action.id) is due in \(year), outside the plan's period \(period.lowerBound)-\(period.upperBound).",
                           subject: entry.action.id, at: entry.action.deadline.location)
        }
    }
}
