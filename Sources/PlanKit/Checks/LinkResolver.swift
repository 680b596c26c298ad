/// Resolves cross-links against the loaded plans and the PCS III reference data.
public struct LinkResolver: Sendable {
    /// What a link leads to.
    public enum Resolution: Sendable, Hashable {
        /// A loaded plan holds the target.
        case resolved
        /// The target is a PCS III axis known from the reference data; no PCS is loaded.
        case reference
        /// The target plan is not loaded, so the link cannot be checked.
        case unresolvedPlan
        /// The target cannot exist, or the loaded plan lacks it; the reason is a sentence.
        case unknownTarget(String)

        /// `resolved`, `reference`, `unresolved-plan` or `unknown-target`.
        public var name: String {
            switch self {
            case .resolved: "resolved"
            case .reference: "reference"
            case .unresolvedPlan: "unresolved-plan"
            case .unknownTarget: "unknown-target"
            }
        }
    }

    private let plans: PlanSet
    /// Folded plan name → indexes of loaded plans.
    private let plansByName: [String: [Int]]
    /// Indexes of loaded PCS plans.
    private let pcsPlans: [Int]
    /// Per plan index: its action ids, and its objectives' numbers.
    private let actionIDs: [Int: Set<String>]
    private let objectiveNumbers: [Int: Set<String>]

    /// Indexes `plans` for resolution.
    public init(_ plans: PlanSet) {
        self.plans = plans
        var byName: [String: [Int]] = [:]
        var pcs: [Int] = []
        var actions: [Int: Set<String>] = [:]
        var objectives: [Int: Set<String>] = [:]
        for (index, plan) in plans.plans.enumerated() {
            byName[TextFolding.fold(PlanName.normalise(plan.name)), default: []].append(index)
            if plan.kind == .pcs { pcs.append(index) }
            actions[index] = Set(plan.actions.map(\.id))
            objectives[index] = Set(plan.objectives.flatMap { [$0.number] + $0.operationalObjectives.map(\.number) })
        }
        plansByName = byName
        pcsPlans = pcs
        actionIDs = actions
        objectiveNumbers = objectives
    }

    /// Whether `name` designates PCS III (`PCS III`, `PCS 3`, `PCS`).
    package static func isPCS(_ name: String) -> Bool {
        let folded = TextFolding.fold(name)
        return folded == "pcs iii" || folded == "pcs" || folded == "pcs 3" || folded.hasPrefix("plan de cohesion sociale")
    }

    /// The loaded plans a link's plan name designates.
    public func targets(of link: CrossLink) -> [Int] {
        if Self.isPCS(link.plan) { return pcsPlans }
        return plansByName[TextFolding.fold(link.plan)] ?? []
    }

    /// Resolves one link.
    public func resolve(_ link: CrossLink) -> Resolution {
        let targets = targets(of: link)
        let ref = link.ref ?? ""
        if Self.isPCS(link.plan) {
            switch link.element {
            case .axis:
                guard let axis = Int(ref), PCS3.axes[axis] != nil else {
                    return .unknownTarget("PCS III has axes 1 to 7, not \(ref.isEmpty ? "(none)" : ref)")
                }
                if targets.isEmpty { return .reference }
                return targets.contains { objectiveNumbers[$0]?.contains(ref) == true } ? .resolved
                    : .unknownTarget("the loaded PCS has no axis \(ref)")
            case .subAxis:
                let parts = ref.split(separator: ".")
                guard parts.count == 2, let axis = Int(parts[0]), PCS3.axes[axis] != nil, Int(parts[1]) != nil else {
                    return .unknownTarget("\(ref) is no PCS III sub-axis: they read axis.sub-axis, axis 1 to 7")
                }
                if targets.isEmpty { return .unresolvedPlan }
                return targets.contains { objectiveNumbers[$0]?.contains(ref) == true } ? .resolved
                    : .unknownTarget("the loaded PCS has no sub-axis \(ref)")
            case .action:
                guard PCS3.isWellFormedActionCode(ref) else {
                    return .unknownTarget("\(ref) is no PCS III action code: they read axis.sub-axis.NN, axis 1 to 7")
                }
                if targets.isEmpty { return .unresolvedPlan }
                return targets.contains { actionIDs[$0]?.contains(ref) == true } ? .resolved
                    : .unknownTarget("the loaded PCS has no action \(ref)")
            case .plan:
                return targets.isEmpty ? .unresolvedPlan : .resolved
            }
        }
        if targets.isEmpty { return .unresolvedPlan }
        switch link.element {
        case .plan: return .resolved
        case .action:
            return targets.contains { actionIDs[$0]?.contains(ref) == true } ? .resolved
                : .unknownTarget("\(link.plan) has no action \(ref)")
        case .axis, .subAxis:
            return targets.contains { objectiveNumbers[$0]?.contains(ref) == true } ? .resolved
                : .unknownTarget("\(link.plan) has no \(link.element == .axis ? "axis" : "sub-axis") \(ref)")
        }
    }
}
