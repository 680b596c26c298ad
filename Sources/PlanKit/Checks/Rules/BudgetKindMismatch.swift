/// `budget.kind-mismatch`: an article whose official service does not match its column.
public struct BudgetKindMismatch: Rule {
    /// The rule's id.
    public let id = "budget.kind-mismatch"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "An article whose official service (ordinary or extraordinary) does not match the budget column it sits in."
    /// Creates the rule.
    public init() {}

    /// Reports lines whose article's official service differs from their column.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.budgetLines.compactMap { entry in
            guard let article = entry.line.article, let official = article.official, official.service != entry.line.kind else { return nil }
            let action = plans.actions[entry.action].action
            return finding("Article \(article.code) belongs to the \(official.service.rawValue) service, but action \(action.id) charges it in its \(entry.line.kind.rawValue) budget.",
                           subject: article.code, at: entry.line.location)
        }
    }
}
