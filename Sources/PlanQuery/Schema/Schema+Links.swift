import Foundation
import PlanKit

extension Schema {
    static let link = RecordType(id: .link, fields: [
        record("action", .action, "the action the link belongs to (also source)") { c, i in c.planSet.links[i].action.offset },
        record("source", .action, "the action the link belongs to: source.plan is its plan, source.id its id") { c, i in c.planSet.links[i].action.offset },
        sameRow(record("target", .linkTarget, "what the link leads to: target.plan, target.title, target.axis, target.action…") { _, i in i }),
        value("plan", .text, "the target plan, normalised (PCS III, PST Aînés); the same as target.plan") { c, i in .text(c.planSet.links[i].target.plan) },
        value("kind", .text, "axis, sub-axis, action or plan", aliases: ["element"]) { c, i in .text(c.planSet.links[i].target.element.rawValue) },
        value("ref", .text, "the axis number or action code, e.g. 5.5.02") { c, i in text(c.planSet.links[i].target.ref) },
        value("relation", .text, "en lien avec or cfr") { c, i in .text(c.planSet.links[i].link.relation.rawValue) },
        value("text", .text, "the parenthesis as written") { c, i in .text(c.planSet.links[i].link.text) },
        value("status", .text, "resolved, reference (a PCS III axis), unresolved-plan or unknown-target") { c, i in .text(c.linkResolutions[i].name) },
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.links[i].link.location.file) },
        value("line", .integer, "the line in the file") { c, i in .integer(Int64(c.planSet.links[i].link.location.line)) },
    ], selfValue: (.text, one { c, i in linkText(c, i) }))

    /// A link as its target: `PCS III action 5.5.02`, or the plan alone.
    @Sendable static func linkText(_ c: QueryContext, _ i: Int) -> QueryValue {
        let link = c.planSet.links[i].link
        return .text(link.ref.map { "\(link.plan) \(link.element.rawValue) \($0)" } ?? link.plan)
    }

    /// The title of what link `i` leads to: the loaded action's or objective's, else a PCS III
    /// axis's official title; `nil` when there is none to show.
    static func linkTargetTitle(_ c: QueryContext, _ i: Int) -> Substring? { linkTargetTitle(c, i, c.linkTargets) }

    /// ``linkTargetTitle(_:_:)`` with the context's link targets at hand.
    static func linkTargetTitle(_ c: QueryContext, _ i: Int, _ targets: LinkTargets) -> Substring? {
        if let action = targets.action(ofLink: i) { return c.planSet.actions[action].title }
        if let objective = targets.objective(ofLink: i) {
            let entry = c.planSet.objectives[objective]
            return Substring(c.planSet.operationalObjective(entry)?.title ?? c.planSet.strategicObjective(entry).title)
        }
        guard let axis = targets.axis(ofLink: i), c.planSet.links[i].target.element == .axis else { return nil }
        return PCS3.axes[axis].map { Substring($0) }
    }

    /// The target of a link, the link's own row seen from the other end.
    static let linkTarget = RecordType(id: .linkTarget, fields: [
        value("plan", .text, "the target plan, normalised (PCS III, PST Aînés)") { c, i in .text(c.planSet.links[i].target.plan) },
        value("kind", .text, "axis, sub-axis, action or plan", aliases: ["element"]) { c, i in .text(c.planSet.links[i].target.element.rawValue) },
        value("id", .id, "the axis number or action code, e.g. 5.5.02", aliases: ["ref"]) { c, i in c.planSet.links[i].target.ref.map { .id($0) } ?? .missing },
        value("axis", .integer, "the PCS III axis it is in (6 for 6.1.04); missing for another plan") { c, i in
            c.linkTargets.axis(ofLink: i).map { .integer(Int64($0)) } ?? .missing
        },
        searchable(value("title", .text, "the loaded target's title, or a PCS III axis's official title") { c, i in
            linkTargetTitle(c, i).map { .text(String($0)) } ?? .missing
        }, .linkTargetTitle),
        Field(name: "action", aliases: [], summary: "the target action, when a loaded plan holds it",
              kind: .record(.action, many: false, { c, i, visit in c.linkTargets.action(ofLink: i).map(visit) ?? false })),
        Field(name: "objective", aliases: [], summary: "the target axis or sub-axis, when a loaded plan holds it",
              kind: .record(.objective, many: false, { c, i, visit in c.linkTargets.objective(ofLink: i).map(visit) ?? false })),
        value("status", .text, "resolved, reference (a PCS III axis), unresolved-plan or unknown-target") { c, i in .text(c.linkResolutions[i].name) },
    ], selfValue: (.text, one { c, i in linkText(c, i) }))
}
