/// `action.funding-mismatch`: an action's planned amount for a year differs from the sum of
/// what its funders give that year; a planned amount over the action's whole course (no year),
/// from the sum of all its funders.
package struct ActionFundingMismatch: Rule {
    /// The rule's id.
    public let id = "action.funding-mismatch"
    /// The severity of its findings.
    public let severity = Severity.warning
    /// What the rule checks.
    public let summary = "An action's planned amount for a year differs from the sum of its funders for that year."
    /// Creates the rule.
    public init() {}

    /// Reports every year whose planned amount is known and differs from the sum of the funding
    /// of that year (of every year, for a planned amount without a year), when every one of
    /// those amounts is known (an unknown or missing part is not guessed).
    public func check(_ plans: PlanSet) -> [Finding] {
        var findings: [Finding] = []
        for entry in plans.actions {
            let action = entry.action
            let funding = action.funding
            guard !funding.isEmpty else { continue }
            for amount in action.amounts {
                guard let planned = amount.planned.value else { continue }
                let funders = amount.year.map { year in funding.filter { $0.year == year } } ?? funding
                guard !funders.isEmpty else { continue }
                let parts = funders.compactMap(\.amount.value)
                guard parts.count == funders.count, let total = parts.sum(), total != planned else { continue }
                findings.append(finding(
                    "Action \(action.id) plans \(planned.formatted)\(amount.year.map { " for \($0)" } ?? " in total") but its funders give \(total.formatted) (\(funders.map { $0.source == .other ? $0.sourceText : $0.source.name }.joined(separator: ", "))); make the planned amount and the funding agree.",
                    subject: action.id, at: amount.location ?? funders[0].location))
            }
        }
        return findings
    }
}
