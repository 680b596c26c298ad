/// `link.unknown-target`: a link to a PCS axis or action that cannot exist, or that the loaded plan lacks.
package struct LinkUnknownTarget: Rule {
    /// The rule's id.
    public let id = "link.unknown-target"
    /// The severity of its findings.
    public let severity = Severity.error
    /// What the rule checks.
    public let summary = "A link names a PCS axis or action that cannot exist (axis outside 1-7, malformed code) or that the loaded plan lacks."
    /// Creates the rule.
    public init() {}

    /// Reports links whose target cannot be found.
    public func check(_ plans: PlanSet) -> [Finding] {
        let resolver = LinkResolver(plans)
        return plans.links.compactMap { entry in
            guard case .unknownTarget(let reason) = resolver.resolve(entry.link) else { return nil }
            let action = plans.actions[entry.action].action
            return finding("Action \(action.id) links to \"\(entry.link.text)\", but \(reason).", subject: action.id, at: entry.link.location)
        }
    }
}
