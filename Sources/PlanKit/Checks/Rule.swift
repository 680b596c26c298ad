/// A consistency rule: it looks at the loaded plans and reports findings.
///
/// Adding a rule is one new type conforming to `Rule`, listed in ``Checker/allRules``.
public protocol Rule: Sendable {
    /// The rule's id, e.g. `action.unknown-deadline`.
    var id: String { get }
    /// The severity of its findings.
    var severity: Severity { get }
    /// One line on what the rule checks.
    var summary: String { get }
    /// Runs the rule over `plans`.
    func check(_ plans: PlanSet) -> [Finding]
}

extension Rule {
    /// A finding of this rule.
    func finding(_ message: String, subject: String, at location: SourceLocation?) -> Finding {
        Finding(rule: id, severity: severity, message: message, subject: subject, location: location)
    }
}
