/// `action.open-question`: the title carries a question left open.
package struct ActionOpenQuestion: Rule {
    /// The rule's id.
    public let id = "action.open-question"
    /// The severity of its findings.
    public let severity = Severity.info
    /// What the rule checks.
    public let summary = "The action's title carries an open question, such as (à préciser! Comment?)."
    /// Creates the rule.
    public init() {}

    /// Reports each open question.
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.flatMap { entry in
            entry.action.openQuestions.map { question in
                finding("Action \(entry.action.id) leaves a question open: \(question)", subject: entry.action.id, at: entry.action.titleCell.location)
            }
        }
    }
}
