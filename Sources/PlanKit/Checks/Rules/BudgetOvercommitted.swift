/// `budget.overcommitted`: known allocations on one article exceed the credit stated for it.
package struct BudgetOvercommitted: Rule {
    /// The rule's id.
    public let id = "budget.overcommitted"
    /// The severity of its findings.
    public let severity = Severity.error
    /// What the rule checks.
    public let summary = "Known allocations on one article of one commune, summed across its loaded plans, exceed the credit stated for it."
    /// Creates the rule.
    public init() {}

    /// Reports articles whose allocations exceed their largest stated credit, naming the
    /// elements charged (and their plans, when several plans are loaded). One commune's article
    /// is checked on its own: another commune's allocations on the same code charge another budget.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.articles.compactMap { article in
            guard let credit = article.statedCredits.map(\.credit).max() else { return nil }
            let allocated = article.allocated.map { $0.description } ?? "more than can be counted"
            if let total = article.allocated, total <= credit { return nil }
            // With several plans loaded, each owner is named with its plan: 3.2 in pst-citoyennete.
            let several = plans.plans.count > 1
            let owners = article.lines.map { line in
                several ? "\(plans.owner(ofLine: line)) in \(plans.plans[plans.plan(ofLine: line)].name)" : plans.owner(ofLine: line)
            }
            let what = article.lines.allSatisfy { plans.budgetLines[$0].action != nil } ? "actions" : "elements"
            let location = article.lines.last.map { plans.budgetLines[$0].line.location }
            return finding("\(plans.describe(article)) has \(allocated) € allocated (\(what) \(owners.joined(separator: ", "))), more than its stated credit of \(credit) €.",
                           subject: article.article.code, at: location)
        }
    }
}
