/// `budget.credit-conflict`: one article stated with different credits.
package struct BudgetCreditConflict: Rule {
    /// The rule's id.
    public let id = "budget.credit-conflict"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "One article of one commune is stated with different credits."
    /// Creates the rule.
    public init() {}

    /// Reports articles stated with more than one credit, each commune's on its own.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.articles.compactMap { article in
            var distinct: [Money] = []
            for (credit, _) in article.statedCredits where !distinct.contains(credit) { distinct.append(credit) }
            guard distinct.count > 1, let second = article.statedCredits.first(where: { $0.credit != article.statedCredits[0].credit }) else { return nil }
            return finding("\(plans.describe(article)) is stated with credits of \(distinct.map { "\($0) €" }.joined(separator: " and ")); make the plans agree.",
                           subject: article.article.code, at: plans.budgetLines[second.line].line.location)
        }
    }
}
