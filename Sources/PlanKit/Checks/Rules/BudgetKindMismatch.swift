/// `budget.kind-mismatch`: an article whose official service does not match its column.
package struct BudgetKindMismatch: Rule {
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
        plans.budgetLines.indices.compactMap { index in
            let entry = plans.budgetLines[index]
            guard let article = entry.line.article, let official = article.official, official.service != entry.line.kind else { return nil }
            return finding("Article \(article.code) belongs to the \(official.service.rawValue) service, but \(plans.ownerDescription(ofLine: index)) charges it in its \(entry.line.kind.rawValue) budget.",
                           subject: article.code, at: entry.line.location)
        }
    }
}
