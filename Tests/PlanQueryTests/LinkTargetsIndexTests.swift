import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// The link index, made in one pass that indexes only the plans links lead into, holds what a
/// plain walk finds: every plan's action ids and objective numbers in dictionaries, and the plans
/// a link names from ``LinkResolver``.
@Suite struct LinkTargetsIndexTests {
    /// What a plain walk finds: per link its target action, objective and PCS III axis, and per
    /// action the links that lead to it.
    struct Walk: Equatable {
        var actions: [Int?] = []
        var objectives: [Int?] = []
        var axes: [Int?] = []
        var incoming: [[Int]] = []

        init(_ plans: PlanSet) {
            let resolver = LinkResolver(plans)
            var actionsByPlan: [Int: [String: Int]] = [:]
            for (index, entry) in plans.actions.enumerated() where actionsByPlan[entry.plan.offset]?[entry.action.id] == nil {
                actionsByPlan[entry.plan.offset, default: [:]][entry.action.id] = index
            }
            var objectivesByPlan: [Int: [String: Int]] = [:]
            for (index, entry) in plans.objectives.enumerated() {
                let number = plans.operationalObjective(entry)?.number ?? plans.strategicObjective(entry).number
                if objectivesByPlan[entry.plan.offset]?[number] == nil { objectivesByPlan[entry.plan.offset, default: [:]][number] = index }
            }
            incoming = Array(repeating: [], count: plans.actions.count)
            for (index, entry) in plans.links.enumerated() {
                let link = entry.link
                var action: Int?, objective: Int?, axis: Int?
                if let ref = link.ref {
                    if LinkResolver.isPCS(link.plan) { axis = Int(ref.prefix { $0 != "." }) }
                    let targets = resolver.targets(of: link)
                    switch link.element {
                    case .action: action = targets.lazy.compactMap { actionsByPlan[$0]?[ref] }.first
                    case .axis, .subAxis: objective = targets.lazy.compactMap { objectivesByPlan[$0]?[ref] }.first
                    case .plan: break
                    }
                }
                actions.append(action)
                objectives.append(objective)
                axes.append(axis)
                if let action { incoming[action].append(index) }
            }
        }

        init(_ context: QueryContext) {
            let targets = context.linkTargets
            let links = context.planSet.links.indices.map(\.offset)
            actions = links.map { targets.action(ofLink: $0) }
            objectives = links.map { targets.objective(ofLink: $0) }
            axes = links.map { targets.axis(ofLink: $0) }
            incoming = context.planSet.actions.indices.map { action in
                var found: [Int] = []
                _ = targets.visitLinks(to: action.offset) { found.append($0); return false }
                return found
            }
        }
    }

    static func plans(_ names: [String]) throws -> [Plan] {
        try names.flatMap { try PlanReader().read(path: Fixtures.path($0)) }
    }

    @Test(arguments: [
        ["pst-citoyennete.tsv"],
        ["pst-citoyennete.tsv", "pcs-citoyenneville.tsv"],
        ["pcs-citoyenneville.tsv", "pst-citoyennete.tsv", "pst-citoyennete-2021.tsv", "pst-cohesion.tsv", "pst-forms.csv"],
        ["pst-citoyennete-2021.tsv", "pcs-citoyenneville.tsv", "pst-citoyennete.tsv", "pcs-citoyenneville.tsv"],
    ])
    func holdsWhatAPlainWalkFinds(_ names: [String]) throws {
        let set = PlanSet(try Self.plans(names))
        let walk = Walk(set)
        #expect(Walk(QueryContext(set)) == walk)
        #expect(walk.actions.contains { $0 != nil } == names.contains("pcs-citoyenneville.tsv"))
    }

    /// Links of actions held in full (changed after reading), into plans named in other ways:
    /// a PCS action that does not exist, an axis, a sub-axis, another PST by name, a whole plan.
    @Test func linksOfActionsHeldInFull() throws {
        var plans = try Self.plans(["pst-citoyennete.tsv", "pcs-citoyenneville.tsv", "pst-cohesion.tsv"])
        let location = plans[0].objectives[0].location
        let cohesion = plans[2]
        let cohesionAction = try #require(cohesion.actions.first)
        let links: [CrossLink] = [
            CrossLink(relation: .related, plan: "PCS 3", element: .action, ref: "6.1.04", text: "", location: location),
            CrossLink(relation: .related, plan: "PCS III", element: .action, ref: "9.9.99", text: "", location: location),
            CrossLink(relation: .see, plan: "PCS III", element: .axis, ref: "6", text: "", location: location),
            CrossLink(relation: .see, plan: "PCS III", element: .subAxis, ref: "6.1", text: "", location: location),
            CrossLink(relation: .see, plan: cohesion.name.uppercased(), element: .action, ref: cohesionAction.id, text: "", location: location),
            CrossLink(relation: .see, plan: cohesion.name, element: .plan, ref: nil, text: "", location: location),
            CrossLink(relation: .see, plan: "PST Aînés", element: .action, ref: "1.1", text: "", location: location),
        ]
        plans[0].objectives[0].operationalObjectives[0].actions[0].links += links
        let set = PlanSet(plans)
        let walk = Walk(set)
        #expect(Walk(QueryContext(set)) == walk)
        #expect(walk.actions.compactMap { $0 }.count >= 3)
        #expect(walk.axes.contains(6))
        // Links to the same target share its folded title; a link without one stays without.
        for word in ["", "participation", "convivialit", "droit"] {
            let column = try run("links where target.title ~ \"\(word)\" select source.id, target.id", QueryContext(set))
            let rowByRow = try run("links where target.title ~ \"\(word)(?:)\" select source.id, target.id", QueryContext(set))
            #expect(column.rows == rowByRow.rows)
        }
    }
}
