import PlanKit

/// The query language's schema: its collections and the fields of every record type.
public enum Schema {
    /// The collections, in the order `.schema` lists them.
    public static let collections: [QueryCollection] = [
        QueryCollection(name: "plans", recordType: .plan, defaultColumns: ["name", "kind", "commune", "domain", "objectives", "actions", "file"],
                   summary: "a row per loaded plan", sourcePlan: nil) { $0.planSet.plans.count },
        QueryCollection(name: "objectives", recordType: .objective, defaultColumns: ["level", "number", "title", "actions"],
                   summary: "a row per strategic or operational objective") { $0.planSet.objectives.count },
        QueryCollection(name: "actions", recordType: .action, defaultColumns: ["id", "title", "objective", "deadline"],
                   summary: "a row per action") { $0.planSet.actions.count },
        QueryCollection(name: "budget", recordType: .budget, defaultColumns: ["action", "kind", "label", "amount", "article", "credit"],
                   summary: "a row per budget line of an action, objective or volet; its action is reachable as action.…") { $0.planSet.budgetLines.count },
        QueryCollection(name: "links", recordType: .link, defaultColumns: ["action", "relation", "plan", "kind", "ref", "status"],
                   summary: "a row per cross-link to another plan", sourcePlan: "source.plan") { $0.planSet.links.count },
        QueryCollection(name: "articles", recordType: .article, defaultColumns: ["code", "main", "economic", "service", "label", "credit", "allocated", "lines"],
                   summary: "a row per distinct budget article of each commune across the loaded plans", sourcePlan: nil) { $0.planSet.articles.count },
        QueryCollection(name: "findings", recordType: .finding, defaultColumns: ["severity", "rule", "subject", "message", "file", "line"],
                   summary: "a row per finding of the consistency checks", sourcePlan: "file") { $0.findings.count },
    ]

    /// The collection named `name`, ignoring case.
    public static func collection(_ name: String) -> QueryCollection? {
        let lower = name.lowercased()
        return collections.first { $0.name == lower }
    }

    /// Every record type by name.
    public static let recordTypes: [String: RecordType] = {
        var types: [String: RecordType] = [:]
        for id in RecordTypeID.allCases { types[id.rawValue] = recordType(id) }
        return types
    }()

    /// The record type `id` names: every name has its type, which the switch's exhaustiveness checks.
    static func recordType(_ id: RecordTypeID) -> RecordType {
        switch id {
        case .plan: plan
        case .objective: objective
        case .action: action
        case .pilots: pilots
        case .deadline: deadline
        case .linkTarget: linkTarget
        case .deadlineStart: deadlineStart
        case .deadlineEnd: deadlineEnd
        case .budget: budget
        case .budgetArticle: lineArticle
        case .link: link
        case .article: article
        case .finding: finding
        case .status: actionStatus
        case .objectiveStatus: objectiveStatus
        case .health: health
        case .start: start
        case .end: end
        case .indicator: indicator
        case .funding: funding
        case .yearAmount: yearAmount
        }
    }
}
