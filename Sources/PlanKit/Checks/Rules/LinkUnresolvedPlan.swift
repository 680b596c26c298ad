/// `link.unresolved-plan`: a link to a plan that is not loaded.
package struct LinkUnresolvedPlan: Rule {
    /// The rule's id.
    public let id = "link.unresolved-plan"
    /// The severity of its findings.
    public let severity = Severity.info
    /// What the rule checks.
    public let summary = "A link names a plan that is not loaded, so it cannot be checked."
    /// Creates the rule.
    public init() {}

    /// Reports links to plans not loaded.
    public func check(_ plans: PlanSet) -> [Finding] {
        let resolver = LinkResolver(plans)
        return plans.links.compactMap { entry in
            guard case .unresolvedPlan = resolver.resolve(entry.link) else { return nil }
            let action = plans.actions[entry.action].action
            let target = entry.link.ref.map { "\(entry.link.element.rawValue) \($0) of \(entry.link.plan)" } ?? entry.link.plan
            return finding("Action \(action.id) links to \(target), and \(entry.link.plan) is not loaded; load it to check the link.", subject: action.id, at: entry.link.location)
        }
    }
}
