import Foundation
import PlanKit

extension Schema {
    static func objectiveNumber(_ c: QueryContext, _ i: Int) -> String {
        let entry = c.planSet.objectives[i]
        return c.planSet.operationalObjective(entry)?.number ?? c.planSet.strategicObjective(entry).number
    }

    static let objective = RecordType(id: .objective, fields: [
        value("plan", .text, "the plan's name") { c, i in .text(c.planSet.plans[c.planSet.objectives[i].plan].name) },
        value("level", .text, "strategic or operational") { c, i in .text(c.planSet.objectives[i].operational == nil ? "strategic" : "operational") },
        value("number", .id, "the objective's number") { c, i in .id(objectiveNumber(c, i)) },
        value("title", .text, "the objective's text") { c, i in
            let entry = c.planSet.objectives[i]
            return .text(c.planSet.operationalObjective(entry)?.title ?? c.planSet.strategicObjective(entry).title)
        },
        value("strategic", .text, "the strategic objective's text") { c, i in .text(c.planSet.strategicObjective(c.planSet.objectives[i]).title) },
        value("actions", .integer, "the number of actions under it") { c, i in
            let entry = c.planSet.objectives[i]
            if let oo = c.planSet.operationalObjective(entry) { return .integer(Int64(oo.actions.count)) }
            return .integer(Int64(c.planSet.strategicObjective(entry).operationalObjectives.reduce(0) { $0 + $1.actions.count }))
        },
    ] + followUp(.objectiveStatus, objectiveExchange) + [
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.plans[c.planSet.objectives[i].plan].source) },
        value("line", .integer, "the objective's line in the file") { c, i in
            let entry = c.planSet.objectives[i]
            return .integer(Int64((c.planSet.operationalObjective(entry)?.location ?? c.planSet.strategicObjective(entry).location).line))
        },
    ], selfValue: (.id, one { c, i in .id(objectiveNumber(c, i)) }))
}
