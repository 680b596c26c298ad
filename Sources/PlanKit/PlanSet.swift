/// Several plans loaded together, with flat indexes over their objectives, actions, budget lines,
/// links and articles.
///
/// Rows refer to each other by index into these arrays: a budget line knows its action's index,
/// an action knows the range of its budget lines.
public struct PlanSet: Sendable {
    /// One objective, strategic or operational.
    public struct ObjectiveEntry: Sendable {
        /// The plan's index in ``PlanSet/plans``.
        public var plan: Int
        /// The strategic objective's index in its plan.
        public var strategic: Int
        /// The operational objective's index in the strategic one; `nil` for a strategic objective.
        public var operational: Int?
    }

    /// One action and where it sits.
    ///
    /// The fields queries scan most (id, title, deadline, pending) are kept here beside the
    /// action, so a scan reads one contiguous array instead of following a pointer to each action.
    public struct ActionEntry: Sendable {
        /// The action.
        public var action: Action
        /// The action's number.
        public var id: String
        /// The action's title.
        public var title: String
        /// The action's deadline.
        public var deadline: CellValue<Deadline>
        /// Whether the action awaits the Collège's confirmation.
        public var pending: Bool
        /// The plan's index in ``PlanSet/plans``.
        public var plan: Int
        /// The index of its operational objective in ``PlanSet/objectives``.
        public var objective: Int
        /// The index of its strategic objective in ``PlanSet/objectives``.
        public var strategic: Int
        /// Its lines in ``PlanSet/budgetLines``.
        public var budgetLines: Range<Int>
        /// Its links in ``PlanSet/links``.
        public var links: Range<Int>
    }

    /// One budget line and its action.
    ///
    /// The fields queries scan most (amount, kind, article) are kept here beside the line, so a
    /// scan reads one contiguous array instead of following a pointer to each line.
    public struct BudgetEntry: Sendable {
        /// The action's index in ``PlanSet/actions``.
        public var action: Int
        /// The line.
        public var line: BudgetLine
        /// The line's amount.
        public var amount: CellValue<Money>
        /// The line's column.
        public var kind: BudgetKind
        /// The line's article as an index in ``PlanSet/lineArticles``; `nil` when it names none.
        public var article: Int?
    }

    /// One cross-link and its action.
    public struct LinkEntry: Sendable {
        /// The action's index in ``PlanSet/actions``.
        public var action: Int
        /// The link.
        public var link: CrossLink
    }

    /// One distinct budget article across the loaded plans.
    public struct ArticleEntry: Sendable {
        /// The article (its first spelling met).
        public var article: BudgetArticle
        /// Every credit stated for it, in file order, with the line that states it.
        public var statedCredits: [(credit: Money, line: Int)]
        /// The sum of known allocations; `nil` when the sum overflows.
        public var allocated: Money?
        /// The budget lines charged to it, as indexes in ``PlanSet/budgetLines``.
        public var lines: [Int]
    }

    /// The plans, in load order.
    public private(set) var plans: [Plan] = []
    /// Every objective: each strategic objective followed by its operational ones.
    public private(set) var objectives: [ObjectiveEntry] = []
    /// Every action of every plan.
    public private(set) var actions: [ActionEntry] = []
    /// Every budget line of every action.
    public private(set) var budgetLines: [BudgetEntry] = []
    /// Every cross-link of every action.
    public private(set) var links: [LinkEntry] = []
    /// Every distinct article, in order of first appearance.
    public private(set) var articles: [ArticleEntry] = []
    /// Article code (without year) → index in ``articles``.
    public private(set) var articleIndex: [String: Int] = [:]
    /// Every distinct article as budget lines spell it (with its year, if any), in order of first appearance.
    public private(set) var lineArticles: [BudgetArticle] = []
    /// Article code as written → index in ``lineArticles``.
    private var lineArticleIndex: [String: Int] = [:]
    /// Index in ``lineArticles`` → index in ``articles``.
    private var lineArticleEntry: [Int] = []

    /// Creates a set of plans.
    public init(_ plans: [Plan] = []) {
        var actionCount = 0, lineCount = 0, linkCount = 0, objectiveCount = 0
        for plan in plans {
            for strategic in plan.objectives {
                objectiveCount += 1 + strategic.operationalObjectives.count
                for operational in strategic.operationalObjectives {
                    actionCount += operational.actions.count
                    for action in operational.actions {
                        lineCount += action.budgetLineCount
                        linkCount += action.links.count
                    }
                }
            }
        }
        self.plans.reserveCapacity(plans.count)
        objectives.reserveCapacity(objectiveCount)
        actions.reserveCapacity(actionCount)
        budgetLines.reserveCapacity(lineCount)
        links.reserveCapacity(linkCount)
        for plan in plans { add(plan) }
    }

    /// Adds a plan and indexes it.
    public mutating func add(_ plan: Plan) {
        let planIndex = plans.count
        plans.append(plan)
        for (s, strategic) in plan.objectives.enumerated() {
            let strategicIndex = objectives.count
            objectives.append(ObjectiveEntry(plan: planIndex, strategic: s, operational: nil))
            for (o, operational) in strategic.operationalObjectives.enumerated() {
                let objectiveIndex = objectives.count
                objectives.append(ObjectiveEntry(plan: planIndex, strategic: s, operational: o))
                for action in operational.actions {
                    let actionIndex = actions.count
                    let lineStart = budgetLines.count
                    action.forEachBudgetLine { line in
                        var lineArticle: Int?
                        if let article = line.article {
                            let index: Int
                            if let known = lineArticleIndex[article.code] {
                                lineArticle = known
                                index = lineArticleEntry[known]
                            } else {
                                let key = "\(article.function)/\(article.economicCode)"
                                if let known = articleIndex[key] {
                                    index = known
                                } else {
                                    index = articles.count
                                    articleIndex[key] = index
                                    articles.append(ArticleEntry(article: article, statedCredits: [], allocated: .zero, lines: []))
                                }
                                lineArticle = lineArticles.count
                                lineArticleIndex[article.code] = lineArticles.count
                                lineArticles.append(article)
                                lineArticleEntry.append(index)
                            }
                            articles[index].lines.append(budgetLines.count)
                            if let credit = line.statedCredit { articles[index].statedCredits.append((credit, budgetLines.count)) }
                            if let amount = line.amount.value {
                                articles[index].allocated = articles[index].allocated?.adding(amount)
                            }
                        }
                        budgetLines.append(BudgetEntry(
                            action: actionIndex, line: line, amount: line.amount, kind: line.kind, article: lineArticle))
                    }
                    let linkStart = links.count
                    for link in action.links { links.append(LinkEntry(action: actionIndex, link: link)) }
                    actions.append(ActionEntry(
                        action: action, id: action.id, title: action.title, deadline: action.deadlineValue,
                        pending: action.pending, plan: planIndex, objective: objectiveIndex, strategic: strategicIndex,
                        budgetLines: lineStart..<budgetLines.count, links: linkStart..<links.count))
                }
            }
        }
    }

    /// The strategic objective an entry of ``objectives`` designates.
    public func strategicObjective(_ entry: ObjectiveEntry) -> StrategicObjective {
        plans[entry.plan].objectives[entry.strategic]
    }

    /// The operational objective an entry of ``objectives`` designates, if it is one.
    public func operationalObjective(_ entry: ObjectiveEntry) -> OperationalObjective? {
        entry.operational.map { plans[entry.plan].objectives[entry.strategic].operationalObjectives[$0] }
    }
}
