import PlanKit

/// Where each link leads among the loaded plans, and the links that lead to each action: what
/// `links.target` and `actions.linkedFrom` follow.
///
/// Made once a context, the first time a query follows a link, in one pass over the links. The
/// plans a link names are found once per distinct name, as ``LinkResolver/targets(of:)`` finds
/// them; a plan's action ids and objective numbers are indexed only when a link leads into it,
/// so links into plans that are not loaded cost a look-up of their plan's name and nothing more.
/// The inverse is one array of link indexes sorted by target action (`start[a]..<start[a + 1]`
/// are action `a`'s).
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
        var index = Index(plans)
        var actions = [Int32](repeating: -1, count: plans.links.count)
        var objectives = [Int32](repeating: -1, count: plans.links.count)
        var axes = [Int32](repeating: -1, count: plans.links.count)
        var incoming = [Int32](repeating: 0, count: plans.actions.count + 1)
        // The last plan name met, and what it designates: links of a plan name one plan after another.
        var last: (name: String, named: Index.Named)?
        for (link, entry) in plans.links.enumerated() {
            let target = entry.target
            guard let ref = target.ref else { continue }
            let named: Index.Named
            if let last, last.name == target.plan {
                named = last.named
            } else {
                named = index.named(target.plan)
                last = (target.plan, named)
            }
            if named.isPCS, let axis = Self.axis(ref) { axes[link] = axis }
            switch target.element {
            case .action:
                for plan in named.plans {
                    guard let action = index.action(ref, inPlan: plan) else { continue }
                    actions[link] = Int32(action)
                    incoming[action + 1] += 1
                    break
                }
            case .axis, .subAxis:
                for plan in named.plans {
                    guard let objective = index.objective(ref, inPlan: plan) else { continue }
                    objectives[link] = Int32(objective)
                    break
                }
            case .plan:
                break
            }
        }
        for a in 0..<plans.actions.count { incoming[a + 1] += incoming[a] }
        var next = incoming
        var sources = [Int32](repeating: 0, count: Int(incoming[plans.actions.count]))
        for (link, action) in actions.enumerated() where action >= 0 {
            sources[Int(next[Int(action)])] = Int32(link)
            next[Int(action)] += 1
        }
        self.actions = actions
        self.objectives = objectives
        self.axes = axes
        start = incoming
        self.sources = sources
    }

    /// The number before the first dot of `ref` (6 for 6.1.04), when it is one.
    private static func axis(_ ref: String) -> Int32? {
        var value: Int32 = 0
        var digits = 0
        for byte in ref.utf8 {
            if byte == UInt8(ascii: ".") { break }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 9 else { return Int32(ref.prefix { $0 != "." }) }
            value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits == 0 ? nil : value
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

extension LinkTargets {
    /// The plans' names, action ids and objective numbers, indexed as links ask for them.
    private struct Index {
        /// The loaded plans a link's plan name designates.
        struct Named {
            /// Whether the name designates PCS III.
            var isPCS: Bool
            /// The indexes in ``PlanSet/plans`` of the plans it designates, in load order.
            var plans: [Int]
        }

        let plans: PlanSet
        /// Link plan name → what it designates.
        private var names: [String: Named] = [:]
        /// Folded plan name → indexes of loaded plans, made when a name other than PCS III is met.
        private var plansByName: [String: [Int]]?
        /// Per plan index: its action ids (the first action of an id), made when a link leads into it.
        private var actionIDs: [[String: Int]?]
        /// Per plan index: its objectives' numbers (the first objective of a number).
        private var objectiveNumbers: [[String: Int]?]
        /// Per plan index: the range of its entries in ``PlanSet/actions`` and in
        /// ``PlanSet/objectives`` (from its first to past its last), made on first need.
        private var actionRanges: [Range<Int>]?
        private var objectiveRanges: [Range<Int>]?

        init(_ plans: PlanSet) {
            self.plans = plans
            actionIDs = Array(repeating: nil, count: plans.plans.count)
            objectiveNumbers = Array(repeating: nil, count: plans.plans.count)
        }

        /// The plans `name` designates, as ``LinkResolver/targets(of:)`` finds them.
        mutating func named(_ name: String) -> Named {
            if let known = names[name] { return known }
            let named: Named
            if LinkResolver.isPCS(name) {
                named = Named(isPCS: true, plans: plans.plans.indices.filter { plans.plans[$0].kind == .pcs }.map(\.offset))
            } else {
                if plansByName == nil {
                    var byName: [String: [Int]] = [:]
                    for (index, plan) in plans.plans.enumerated() {
                        byName[TextFolding.fold(PlanName.normalise(plan.name)), default: []].append(index)
                    }
                    plansByName = byName
                }
                named = Named(isPCS: false, plans: plansByName?[TextFolding.fold(name)] ?? [])
            }
            names[name] = named
            return named
        }

        /// The index in ``PlanSet/actions`` of plan `plan`'s first action numbered `id`.
        mutating func action(_ id: String, inPlan plan: Int) -> Int? {
            if let ids = actionIDs[plan] { return ids[id] }
            let ranges = actionRanges ?? Self.ranges(plans.plans.count, plans.actions.lazy.map(\.plan.offset))
            actionRanges = ranges
            var ids: [String: Int] = [:]
            for index in ranges[plan] where plans.actions[index].plan.offset == plan && ids[plans.actions[index].id] == nil {
                ids[plans.actions[index].id] = index
            }
            actionIDs[plan] = ids
            return ids[id]
        }

        /// The index in ``PlanSet/objectives`` of plan `plan`'s first objective numbered `number`.
        mutating func objective(_ number: String, inPlan plan: Int) -> Int? {
            if let numbers = objectiveNumbers[plan] { return numbers[number] }
            let ranges = objectiveRanges ?? Self.ranges(plans.plans.count, plans.objectives.lazy.map(\.plan.offset))
            objectiveRanges = ranges
            var numbers: [String: Int] = [:]
            for index in ranges[plan] where plans.objectives[index].plan.offset == plan {
                let entry = plans.objectives[index]
                let number = plans.operationalObjective(entry)?.number ?? plans.strategicObjective(entry).number
                if numbers[number] == nil { numbers[number] = index }
            }
            objectiveNumbers[plan] = numbers
            return numbers[number]
        }

        /// Per plan, the range from its first entry to past its last, given each entry's plan.
        private static func ranges(_ count: Int, _ planOfEntry: some Sequence<Int>) -> [Range<Int>] {
            var lower = [Int](repeating: Int.max, count: count)
            var upper = [Int](repeating: 0, count: count)
            for (index, plan) in planOfEntry.enumerated() where plan >= 0 && plan < count {
                if lower[plan] == Int.max { lower[plan] = index }
                upper[plan] = index + 1
            }
            return (0..<count).map { lower[$0] == Int.max ? 0..<0 : lower[$0]..<upper[$0] }
        }
    }
}
