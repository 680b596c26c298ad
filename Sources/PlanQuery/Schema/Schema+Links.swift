import Foundation
import PlanKit

extension Schema {
    static let link = RecordType(id: .link, fields: [
        record("action", .action, "the action the link belongs to") { c, i in c.planSet.links[i].action.offset },
        value("plan", .text, "the target plan, normalised (PCS III, PST Aînés)") { c, i in .text(c.planSet.links[i].link.plan) },
        value("kind", .text, "axis, sub-axis, action or plan", aliases: ["element"]) { c, i in .text(c.planSet.links[i].link.element.rawValue) },
        value("ref", .text, "the axis number or action code, e.g. 5.5.02") { c, i in text(c.planSet.links[i].link.ref) },
        value("relation", .text, "en lien avec or cfr") { c, i in .text(c.planSet.links[i].link.relation.rawValue) },
        value("text", .text, "the parenthesis as written") { c, i in .text(c.planSet.links[i].link.text) },
        value("status", .text, "resolved, reference (a PCS III axis), unresolved-plan or unknown-target") { c, i in .text(c.linkResolutions[i].name) },
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.links[i].link.location.file) },
        value("line", .integer, "the line in the file") { c, i in .integer(Int64(c.planSet.links[i].link.location.line)) },
    ], selfValue: (.text, one { c, i in
        let link = c.planSet.links[i].link
        return .text(link.ref.map { "\(link.plan) \(link.element.rawValue) \($0)" } ?? link.plan)
    }))
}
