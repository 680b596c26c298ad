/// Runs consistency rules over a set of plans.
public struct Checker: Sendable {
    /// Every rule PlanKit knows, in the order findings are reported: the readers' warnings first.
    public static let allRules: [any Rule] = ReadRule.allCases.map(ReadWarnings.init) + [
        LinkUnknownTarget(), LinkUnresolvedPlan(),
        BudgetOvercommitted(), BudgetCreditConflict(), BudgetKindMismatch(), BudgetUnknownEconomicCode(),
        ActionDuplicateID(), ActionCodeMismatch(), ActionUnknownPilot(), ActionUnknownDeadline(), ActionMissingDeadline(),
        ActionOpenQuestion(), DeadlineOutsidePlan(), PCSUncovered(),
        ActionDoneIncomplete(), ActionEndBeforeStart(), ActionFundingMismatch(), ActionUnknownParent(),
    ]

    /// The rules this checker runs.
    public var rules: [any Rule]

    /// Creates a checker running `rules` (all of them by default).
    public init(rules: [any Rule] = Checker.allRules) { self.rules = rules }

    /// The rule with id `id`, if PlanKit has it.
    public static func rule(_ id: String) -> (any Rule)? { allRules.first { $0.id == id } }

    /// Runs every rule and returns the findings, rule by rule, each rule's in file order.
    public func run(on plans: PlanSet) -> [Finding] {
        rules.flatMap { $0.check(plans) }
    }
}
