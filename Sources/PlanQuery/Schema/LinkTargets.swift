import PlanKit

/// Where each link leads among the loaded plans, and the links that lead to each action: what
/// `links.target` and `actions.linkedFrom` follow.
///
/// Made once a context, the first time a query follows a link: a dictionary of each plan's
/// action ids and objective numbers, one look-up a link, and the inverse as one array of link
/// indexes sorted by target action (`start[a]..<start[a + 1]` are action `a`'s).
final class LinkTargets: Sendable {
    /// Per link: the target action's index in ``PlanSet/actions``, or -1.
    private let actions: [Int32]
    /// Per link: the PCS III axis it leads into (6 for 6.1.04), or -1 for another plan's.
    private let axes: [Int32]
    /// Per link: the target objective's index in ``PlanSet/objectives``, or -1.
    private let objectives: [Int32]
    /// Per action, where its incoming links start in ``sources``; one more entry than actions.
    private let start: [Int32]
    /// Link indexes, grouped by target action.
    private let sources: [Int32]

    init(_ plans: PlanSet) {
        let resolver = LinkResolver(plans)
        var actionsByPlan: [Int: [String: Int]] = [:]
        for (index, entry) in plans.actions.enumerated() where actionsByPlan[entry.plan.offset]?[entry.id] == nil {
            actionsByPlan[entry.plan.offset, default: [:]][entry.id] = index
        }
        var objectivesByPlan: [Int: [String: Int]] = [:]
        for (index, entry) in plans.objectives.enumerated() {
            let number = plans.operationalObjective(entry)?.number ?? plans.strategicObjective(entry).number
            if objectivesByPlan[entry.plan.offset]?[number] == nil { objectivesByPlan[entry.plan.offset, default: [:]][number] = index }
        }
        var actions = [Int32](repeating: -1, count: plans.links.count)
        var objectives = [Int32](repeating: -1, count: plans.links.count)
        var axes = [Int32](repeating: -1, count: plans.links.count)
        var incoming = [Int32](repeating: 0, count: plans.actions.count + 1)
        for (index, entry) in plans.links.enumerated() {
            let link = entry.link
            guard let ref = link.ref else { continue }
            if LinkResolver.isPCS(link.plan), let axis = Int32(ref.prefix { $0 != "." }) { axes[index] = axis }
            let targets = resolver.targets(of: link)
            switch link.element {
            case .action:
                if let action = targets.lazy.compactMap({ actionsByPlan[$0]?[ref] }).first {
                    actions[index] = Int32(action)
                    incoming[action + 1] += 1
                }
            case .axis, .subAxis:
                if let objective = targets.lazy.compactMap({ objectivesByPlan[$0]?[ref] }).first { objectives[index] = Int32(objective) }
            case .plan:
                break
            }
        }
        for a in 0..<plans.actions.count { incoming[a + 1] += incoming[a] }
        var next = incoming
        var sources = [Int32](repeating: 0, count: Int(incoming[plans.actions.count]))
        for (index, action) in actions.enumerated() where action >= 0 {
            sources[Int(next[Int(action)])] = Int32(index)
            next[Int(action)] += 1
        }
        self.actions = actions
        self.objectives = objectives
        self.axes = axes
        start = incoming
        self.sources = sources
    }

    /// The action link `index` leads to, if it leads to a loaded action.
    func action(ofLink index: Int) -> Int? { actions[index] >= 0 ? Int(actions[index]) : nil }

    /// The PCS III axis link `index` leads into, if it leads into PCS III.
    func axis(ofLink index: Int) -> Int? { axes[index] >= 0 ? Int(axes[index]) : nil }

    /// The objective (an axis or a sub-axis) link `index` leads to, if it leads to a loaded one.
    func objective(ofLink index: Int) -> Int? { objectives[index] >= 0 ? Int(objectives[index]) : nil }

    /// Visits the links that lead to action `action`, in link order; returns `true` when `visit` stopped.
    func visitLinks(to action: Int, _ visit: (Int) -> Bool) -> Bool {
        for k in Int(start[action])..<Int(start[action + 1]) where visit(Int(sources[k])) { return true }
        return false
    }
}
