/// `action.code-mismatch`: the title says `Action 1.1` and the code column `A 1.2`.
package struct ActionCodeMismatch: Rule {
    /// The rule's id.
    public let id = "action.code-mismatch"
    /// The severity of its findings.
    public let severity = Severity.error
    /// What the rule checks.
    public let summary = "The action's number in its title differs from its code column."
    /// Creates the rule.
    public init() {}

    /// Reports actions whose code column names another number.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            guard entry.action.exchange == nil, let code = entry.action.code.value.value else { return nil }
            let digits = code.drop { !$0.isASCIIDigit }.trimmed.trimmingTrailingPunctuation
            guard !digits.isEmpty, digits != entry.action.id else { return nil }
            return finding("Action \(entry.action.id) has the code \"\(code)\"; make the title's number and the code agree.", subject: entry.action.id, at: entry.action.code.location)
        }
    }
}
