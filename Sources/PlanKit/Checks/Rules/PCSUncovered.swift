/// `pcs.uncovered`: a PCS action that no PST action links to.
package struct PCSUncovered: Rule {
    /// The rule's id.
    public let id = "pcs.uncovered"
    /// The severity of its findings.
    public let severity = Severity.info
    /// What the rule checks.
    public let summary = "An action of a loaded PCS that no action of another plan links to."
    /// Creates the rule.
    public init() {}

    /// Reports PCS actions no link points at.
    public func check(_ plans: PlanSet) -> [Finding] {
        guard plans.plans.contains(where: { $0.kind == .pcs }) else { return [] }
        var linked = Set<String>()
        for entry in plans.links where entry.link.element == .action && LinkResolver.isPCS(entry.link.plan) {
            if let ref = entry.link.ref { linked.insert(ref) }
        }
        return plans.actions.compactMap { entry in
            guard plans.plans[entry.plan].kind == .pcs, !linked.contains(entry.action.id) else { return nil }
            return finding("PCS action \(entry.action.id) (\(entry.action.title)) has no action of the loaded plans linking to it.", subject: entry.action.id, at: entry.action.location)
        }
    }
}
