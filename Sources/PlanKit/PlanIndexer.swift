import Dispatch

/// Writes the entries of a ``PlanSet`` for several plans on all cores.
///
/// Each plan's rows are counted first, so each plan knows where its entries go in the arrays;
/// the plans are then indexed in parallel, straight into the arrays' storage. Articles are
/// numbered per plan, for ``PlanSet`` to join in plan order.
struct PlanIndexer {
    /// How many entries of each kind a plan has.
    struct Sizes: Sendable {
        var objectives = 0, actions = 0, lines = 0, links = 0
    }

    /// The entries of the new plans: `article` in ``lines`` is an index in the plan's own
    /// list in ``articles``.
    struct Entries {
        var objectives: [PlanSet.ObjectiveEntry] = []
        var actions: [PlanSet.ActionEntry] = []
        var lines: [PlanSet.BudgetEntry] = []
        /// The credit each line states for its article.
        var credits: [Money?] = []
        var links: [PlanSet.LinkEntry] = []
        /// Each plan's distinct line articles, in order of first appearance.
        var articles: [[BudgetArticle]] = []
        /// Where each plan's lines start in ``lines``.
        var lineStarts: [Int] = []
    }

    /// Where the new entries start in the set's arrays (the indexes entries refer to).
    private let base: (plan: Int, objective: Int, action: Int, line: Int, link: Int)
    /// Where each plan's entries start in the new entries.
    private let starts: [Sizes]
    private let objectives: FillBuffer<PlanSet.ObjectiveEntry>
    private let actions: FillBuffer<PlanSet.ActionEntry>
    private let lines: FillBuffer<PlanSet.BudgetEntry>
    private let credits: FillBuffer<Money?>
    private let links: FillBuffer<PlanSet.LinkEntry>

    /// Indexes `plans`, whose entries will start at the given indexes of the set's arrays.
    static func entries(
        of plans: [Plan], plan: Int, objective: Int, action: Int, line: Int, link: Int
    ) -> Entries {
        let sizes = sizes(of: plans)
        var starts: [Sizes] = []
        starts.reserveCapacity(sizes.count + 1)
        var total = Sizes()
        for size in sizes {
            starts.append(total)
            total.objectives += size.objectives
            total.actions += size.actions
            total.lines += size.lines
            total.links += size.links
        }
        starts.append(total)
        var entries = Entries()
        entries.lineStarts = starts.map(\.lines)
        entries.objectives = FillBuffer.array(count: total.objectives) { objectives in
            entries.actions = FillBuffer.array(count: total.actions) { actions in
                entries.lines = FillBuffer.array(count: total.lines) { lines in
                    entries.credits = FillBuffer.array(count: total.lines) { credits in
                        entries.links = FillBuffer.array(count: total.links) { links in
                            let indexer = PlanIndexer(
                                base: (plan, objective, action, line, link), starts: starts, objectives: objectives,
                                actions: actions, lines: lines, credits: credits, links: links)
                            entries.articles = FillBuffer.array(count: plans.count) { articles in
                                DispatchQueue.concurrentPerform(iterations: plans.count) { p in
                                    articles.initialize(p, to: indexer.fill(plans[p], at: p))
                                }
                            }
                        }
                    }
                }
            }
        }
        return entries
    }

    /// The entry counts of each plan, counted on all cores.
    static func sizes(of plans: [Plan]) -> [Sizes] {
        FillBuffer.array(count: plans.count) { sizes in DispatchQueue.concurrentPerform(iterations: plans.count) { p in
            var size = Sizes()
            for strategic in plans[p].objectives {
                size.objectives += 1 + strategic.operationalObjectives.count
                for operational in strategic.operationalObjectives {
                    size.actions += operational.actions.count
                    for action in operational.actions {
                        size.lines += action.budgetLineCount
                        size.links += action.links.count
                    }
                }
            }
            sizes.initialize(p, to: size)
        } }
    }

    /// Writes the entries of one plan, the `p`th.
    private func fill(_ plan: Plan, at p: Int) -> [BudgetArticle] {
        var next = starts[p]
        var articles: [BudgetArticle] = []
        var articleIndex: [String: Int] = [:]
        let planIndex = base.plan + p
        for (s, strategic) in plan.objectives.enumerated() {
            let strategicIndex = base.objective + next.objectives
            objectives.initialize(next.objectives, to: .init(plan: planIndex, strategic: s, operational: nil))
            next.objectives += 1
            for (o, operational) in strategic.operationalObjectives.enumerated() {
                let objectiveIndex = base.objective + next.objectives
                objectives.initialize(next.objectives, to: .init(plan: planIndex, strategic: s, operational: o))
                next.objectives += 1
                for action in operational.actions {
                    let actionIndex = base.action + next.actions
                    let lineStart = base.line + next.lines
                    action.forEachBudgetLine { line in
                        var lineArticle: Int?
                        if let article = line.article {
                            if let known = articleIndex[article.code] {
                                lineArticle = known
                            } else {
                                lineArticle = articles.count
                                articleIndex[article.code] = articles.count
                                articles.append(article)
                            }
                        }
                        lines.initialize(next.lines, to: .init(
                            action: actionIndex, line: line, amount: line.amount, kind: line.kind, article: lineArticle))
                        credits.initialize(next.lines, to: lineArticle == nil ? nil : line.statedCredit)
                        next.lines += 1
                    }
                    let linkStart = base.link + next.links
                    for link in action.links {
                        links.initialize(next.links, to: .init(action: actionIndex, link: link))
                        next.links += 1
                    }
                    actions.initialize(next.actions, to: .init(
                        action: action, id: action.id, title: action.title, deadline: action.deadlineValue,
                        pending: action.pending, plan: planIndex, objective: objectiveIndex, strategic: strategicIndex,
                        budgetLines: lineStart..<(base.line + next.lines), links: linkStart..<(base.link + next.links)))
                    next.actions += 1
                }
            }
        }
        let end = starts[p + 1]
        precondition(
            next.objectives == end.objectives && next.actions == end.actions && next.lines == end.lines
                && next.links == end.links, "A plan changed while it was indexed")
        return articles
    }
}
