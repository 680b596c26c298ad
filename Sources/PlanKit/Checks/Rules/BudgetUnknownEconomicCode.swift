/// `budget.unknown-economic-code`: an economic code missing from the official chart.
package struct BudgetUnknownEconomicCode: Rule {
    /// The rule's id.
    public let id = "budget.unknown-economic-code"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "An article's economic code is missing from the official chart of Walloon municipal accounts."
    /// Creates the rule.
    public init() {}

    /// Reports lines whose economic code the official chart lacks.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.budgetLines.compactMap { entry in
            guard let article = entry.line.article, article.official == nil else { return nil }
            return finding("Article \(article.code): the economic code \(article.economicCode) is not in the official chart; check it.",
                           subject: article.code, at: entry.line.location)
        }
    }
}
