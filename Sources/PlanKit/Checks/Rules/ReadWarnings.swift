/// Reports the readers' warnings of one ``ReadRule`` as findings, in load order.
///
/// Reader warnings are findings like any other: `check --fail-on warning` fails on them, the
/// `findings` collection lists them and `--rules read.ambiguous-amount` selects them.
package struct ReadWarnings: Rule {
    /// The kind of reader warning reported.
    public var rule: ReadRule

    /// Creates the rule reporting warnings of `rule`.
    public init(_ rule: ReadRule) { self.rule = rule }

    /// `read.…`, the reader rule's id.
    public var id: String { rule.rawValue }
    /// Reader warnings are warnings.
    public var severity: Severity { .warning }
    /// The reader rule's summary.
    public var summary: String { rule.summary }

    /// The warnings of ``rule`` of every plan, then those of the set itself (plans loaded twice).
    public func check(_ plans: PlanSet) -> [Finding] {
        var findings: [Finding] = []
        for plan in plans.plans { for warning in plan.warnings where warning.rule == rule { findings.append(warning.finding) } }
        for warning in plans.warnings where warning.rule == rule { findings.append(warning.finding) }
        return findings
    }
}
