import PlanKit

/// The values a text field can take in a session: plan names, kinds, levels, statuses, rules.
///
/// A literal compared with such a field (`=`, `!=`, `in`) that is none of them draws a warning
/// naming the nearest value, and the query runs as written; a plan's name is normalised first as
/// the reader normalises the names plans give each other (`PCS 3` → `PCS III`).
struct KnownValues: Sendable {
    /// What a value is, for messages: `plan`, `budget kind`.
    let noun: String
    /// The values, from the loaded plans or fixed.
    let values: @Sendable (QueryContext) -> [String]
    /// Whether literals are plan names, normalised before they are compared.
    var planNames = false

    /// The known values of the field a path ends on, from the record type `root`.
    static func of(_ path: Path, from root: RecordTypeID) -> KnownValues? {
        var type = root
        for (index, name) in path.components.enumerated() {
            guard let field = Schema.recordType(type).field(name) else { return nil }
            let isLast = index == path.components.count - 1
            switch field.kind {
            case .value:
                return isLast ? table[type]?[field.name] : nil
            case .record(let next, _, _):
                type = next
                if isLast { return table[type]?[""] }
            }
        }
        return nil
    }

    /// The loaded plans' names.
    static let plans = KnownValues(noun: "loaded plan", values: { c in c.planSet.plans.map(\.name) }, planNames: true)
    /// The plans links name, and the loaded plans.
    static let linkedPlans = KnownValues(noun: "loaded or linked plan", values: { c in
        var names = Set(c.planSet.plans.map(\.name))
        for entry in c.planSet.links { names.insert(entry.link.plan) }
        return names.sorted()
    }, planNames: true)
    static func fixed(_ noun: String, _ values: [String]) -> KnownValues { KnownValues(noun: noun, values: { _ in values }) }

    static let statuses = fixed("status", ExchangeFields.Status.allCases.map(\.name))
    static let linkKinds = fixed("link kind", CrossLink.Element.allCases.map(\.rawValue))
    static let linkStatuses = fixed("link status", ["resolved", "reference", "unresolved-plan", "unknown-target"])

    /// Known values by record type and field name; `""` stands for the record's own value.
    static let table: [RecordTypeID: [String: KnownValues]] = [
        .plan: ["name": plans, "kind": fixed("plan kind", Plan.Kind.allCases.map(\.rawValue))],
        .objective: ["plan": plans, "level": fixed("objective level", ["strategic", "operational"])],
        .action: ["plan": plans],
        .budget: ["plan": plans, "kind": fixed("budget kind", BudgetKind.allCases.map(\.rawValue)),
                  "level": fixed("budget level", BudgetLevel.allCases.map(\.name))],
        .link: ["plan": linkedPlans, "kind": linkKinds, "relation": fixed("link relation", CrossLink.Relation.allCases.map(\.rawValue)),
                "status": linkStatuses],
        .linkTarget: ["plan": linkedPlans, "kind": linkKinds, "status": linkStatuses],
        .finding: ["rule": fixed("rule", Checker.allRules.map(\.id)), "severity": fixed("severity", Severity.allCases.map(\.rawValue))],
        .status: ["": statuses],
        .objectiveStatus: ["": statuses],
        .deadline: ["form": fixed("deadline form", ["year", "semester", "quarter", "month", "end-of-year", "period", "ongoing", "day"])],
    ]
}
