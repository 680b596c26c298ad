import Foundation
import PlanKit

extension Schema {
    static let plan = RecordType(id: .plan, fields: [
        value("name", .text, "the plan's name") { c, i in .text(c.planSet.plans[i].name) },
        value("kind", .text, "PST, PCS or other") { c, i in .text(c.planSet.plans[i].kind.rawValue) },
        value("commune", .text, "the commune (COMMUNE : preamble line)") { c, i in text(c.planSet.plans[i].commune) },
        value("volet", .text, "the volet, lower-cased") { c, i in text(c.planSet.plans[i].volet) },
        value("domain", .text, "the domain (DOMAINE : preamble line)") { c, i in text(c.planSet.plans[i].domain) },
        value("period", .text, "the legislature's years, e.g. 2019-2024") { c, i in
            text(c.planSet.plans[i].period.map { "\($0.lowerBound)-\($0.upperBound)" })
        },
        values("legend", .text, "the legend's lines, and each colour's meaning as colour #ffff00: meaning") { c, i, emit in
            for line in c.planSet.plans[i].legend where emit(.text(line)) { return true }
            return false
        },
        value("file", .text, "the file the plan was read from") { c, i in .text(c.planSet.plans[i].source) },
        value("objectives", .integer, "the number of strategic objectives") { c, i in .integer(Int64(c.planSet.plans[i].objectives.count)) },
        value("actions", .integer, "the number of actions") { c, i in
            .integer(Int64(c.planSet.plans[i].objectives.reduce(0) { $0 + $1.operationalObjectives.reduce(0) { $0 + $1.actions.count } }))
        },
        value("warnings", .integer, "the number of reader warnings") { c, i in .integer(Int64(c.planSet.plans[i].warnings.count)) },
    ], selfValue: (.text, one { c, i in .text(c.planSet.plans[i].name) }))
}
