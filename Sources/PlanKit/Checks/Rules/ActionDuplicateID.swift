/// `action.duplicate-id`: two actions of one plan share a number.
package struct ActionDuplicateID: Rule {
    /// The rule's id.
    public let id = "action.duplicate-id"
    /// The severity of its findings.
    public let severity = Severity.error
    /// What the rule checks.
    public let summary = "Two actions of one plan have the same number."
    /// Creates the rule.
    public init() {}

    /// Reports every action numbered like an earlier one of its plan.
    public func check(_ plans: PlanSet) -> [Finding] {
        var seen: [String: SourceLocation] = [:]
        var findings: [Finding] = []
        for entry in plans.actions {
            let key = "\(entry.plan)\u{0}\(entry.action.id)"
            if let first = seen[key] {
                findings.append(finding("Action \(entry.action.id) is numbered like the action at line \(first.line); renumber one of them.", subject: entry.action.id, at: entry.action.location))
            } else {
                seen[key] = entry.action.location
            }
        }
        return findings
    }
}
