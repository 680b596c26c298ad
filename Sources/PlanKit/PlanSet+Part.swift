import Dispatch

extension PlanSet {
    /// Plans indexed on their own, their entries numbered from zero, for ``PlanSet/join(_:)``.
    ///
    /// A part is made where its plans were just read, while they are still in the processor's
    /// cache; joining parts then moves their entries and shifts their indexes.
    final class Part: Sendable {
        /// How many entries of each kind the part holds.
        struct Sizes: Sendable {
            var objectives = 0, actions = 0, lines = 0, links = 0
        }

        let plans: [Plan]
        let sizes: Sizes
        let objectives: EntryBuffer<ObjectiveEntry>
        let actions: EntryBuffer<ActionEntry>
        /// Lines whose `article` is an index in ``articles``.
        let lines: EntryBuffer<BudgetEntry>
        /// The credit each line states for its article.
        let credits: EntryBuffer<Money?>
        let links: EntryBuffer<LinkEntry>
        /// The distinct articles the lines name, as spelt, in order of first appearance.
        let articles: [BudgetArticle]

        /// Indexes `plans`.
        init(_ plans: [Plan]) {
            var sizes = Sizes()
            for plan in plans {
                for strategic in plan.objectives {
                    sizes.objectives += 1 + strategic.operationalObjectives.count
                    for operational in strategic.operationalObjectives {
                        sizes.actions += operational.actions.count
                        for action in operational.actions {
                            sizes.lines += action.budgetLineCount
                            sizes.links += action.links.count
                        }
                    }
                }
            }
            self.plans = plans
            self.sizes = sizes
            let objectives = EntryBuffer<ObjectiveEntry>(capacity: sizes.objectives)
            let actions = EntryBuffer<ActionEntry>(capacity: sizes.actions)
            let lines = EntryBuffer<BudgetEntry>(capacity: sizes.lines)
            let credits = EntryBuffer<Money?>(capacity: sizes.lines)
            let links = EntryBuffer<LinkEntry>(capacity: sizes.links)
            var articles: [BudgetArticle] = []
            var articleIndex: [String: Int] = [:]
            for (p, plan) in plans.enumerated() {
                for (s, strategic) in plan.objectives.enumerated() {
                    let strategicIndex = objectives.count
                    objectives.append(ObjectiveEntry(plan: p, strategic: s, operational: nil))
                    for (o, operational) in strategic.operationalObjectives.enumerated() {
                        let objectiveIndex = objectives.count
                        objectives.append(ObjectiveEntry(plan: p, strategic: s, operational: o))
                        for action in operational.actions {
                            let actionIndex = actions.count
                            let lineStart = lines.count
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
                                lines.append(BudgetEntry(
                                    action: actionIndex, line: line, amount: line.amount, kind: line.kind, article: lineArticle))
                                credits.append(lineArticle == nil ? nil : line.statedCredit)
                            }
                            let linkStart = links.count
                            for link in action.links { links.append(LinkEntry(action: actionIndex, link: link)) }
                            actions.append(ActionEntry(
                                action: action, id: action.id, title: action.title, deadline: action.deadlineValue,
                                pending: action.pending, plan: p, objective: objectiveIndex, strategic: strategicIndex,
                                budgetLines: lineStart..<lines.count, links: linkStart..<links.count))
                        }
                    }
                }
            }
            precondition(
                objectives.count == sizes.objectives && actions.count == sizes.actions && lines.count == sizes.lines
                    && links.count == sizes.links, "A plan changed while it was indexed")
            self.objectives = objectives
            self.actions = actions
            self.lines = lines
            self.credits = credits
            self.links = links
            self.articles = articles
        }

        /// Indexes each plan of `plans` on its own, on all cores.
        static func each(_ plans: [Plan]) -> [Part] {
            FillBuffer.array(count: plans.count) { parts in
                DispatchQueue.concurrentPerform(iterations: plans.count) { p in parts.initialize(p, to: Part([plans[p]])) }
            }
        }
    }

    /// Adds the plans of `parts`, in order, moving their entries in; each part is joined once.
    mutating func join(_ parts: [Part]) {
        guard !parts.isEmpty else { return }
        // Where each part's entries start in the set.
        var starts: [(plan: Int, objective: Int, action: Int, line: Int, link: Int)] = []
        starts.reserveCapacity(parts.count)
        var next = (plan: plans.count, objective: objectives.count, action: actions.count, line: budgetLines.count, link: links.count)
        for part in parts {
            starts.append(next)
            next.plan += part.plans.count
            next.objective += part.sizes.objectives
            next.action += part.sizes.actions
            next.line += part.sizes.lines
            next.link += part.sizes.links
        }
        let first = starts[0]

        // Articles are shared across parts: each part's own list is joined in order.
        let newArticles = parts.reduce(0) { $0 + $1.articles.count }
        lineArticleIndex.reserveCapacity(lineArticleIndex.count + newArticles)
        articleIndex.reserveCapacity(articleIndex.count + newArticles)
        articles.reserveCapacity(articles.count + newArticles)
        lineArticles.reserveCapacity(lineArticles.count + newArticles)
        lineArticleEntry.reserveCapacity(lineArticleEntry.count + newArticles)
        var global: [[Int]] = []
        global.reserveCapacity(parts.count)
        for part in parts { global.append(part.articles.map { lineArticle(for: $0) }) }

        for part in parts { plans += part.plans }
        let newObjectives = FillBuffer.array(count: next.objective - first.objective) { out in
            for (k, part) in parts.enumerated() {
                part.objectives.moveAll(to: out, at: starts[k].objective - first.objective) { $0.plan += starts[k].plan }
            }
        }
        let newActions = FillBuffer.array(count: next.action - first.action) { out in
            for (k, part) in parts.enumerated() {
                let start = starts[k]
                part.actions.moveAll(to: out, at: start.action - first.action) { entry in
                    entry.plan += start.plan
                    entry.objective += start.objective
                    entry.strategic += start.objective
                    entry.budgetLines = (entry.budgetLines.lowerBound + start.line)..<(entry.budgetLines.upperBound + start.line)
                    entry.links = (entry.links.lowerBound + start.link)..<(entry.links.upperBound + start.link)
                }
            }
        }
        let newLines = FillBuffer.array(count: next.line - first.line) { out in
            for (k, part) in parts.enumerated() {
                let start = starts[k], articles = global[k]
                part.lines.moveAll(to: out, at: start.line - first.line) { entry in
                    entry.action += start.action
                    entry.article = entry.article.map { articles[$0] }
                }
            }
        }
        let credits = FillBuffer.array(count: next.line - first.line) { out in
            for (k, part) in parts.enumerated() { part.credits.moveAll(to: out, at: starts[k].line - first.line) { _ in } }
        }
        let newLinks = FillBuffer.array(count: next.link - first.link) { out in
            for (k, part) in parts.enumerated() {
                part.links.moveAll(to: out, at: starts[k].link - first.link) { $0.action += starts[k].action }
            }
        }
        Self.append(newObjectives, to: &objectives)
        Self.append(newActions, to: &actions)
        Self.append(newLinks, to: &links)
        for i in newLines.indices {
            guard let lineArticle = newLines[i].article else { continue }
            let index = lineArticleEntry[lineArticle]
            articles[index].lines.append(first.line + i)
            if let credit = credits[i] { articles[index].statedCredits.append((credit, first.line + i)) }
            if let amount = newLines[i].amount.value {
                articles[index].allocated = articles[index].allocated?.adding(amount)
            }
        }
        Self.append(newLines, to: &budgetLines)
    }

    /// Reads plan files on all cores, indexing each file's plans as soon as they are read.
    ///
    /// - Throws: ``PlanReadError`` for the first file (in the order of `paths`) that cannot be read.
    public init(reading paths: [String], fields: PlanFields = .all) throws(PlanReadError) {
        let results = FillBuffer<Result<Part, PlanReadError>>.array(count: paths.count) { results in
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                do throws(PlanReadError) {
                    results.initialize(index, to: .success(Part(try PlanReader(fields: fields).read(path: paths[index]))))
                } catch {
                    results.initialize(index, to: .failure(error))
                }
            }
        }
        var parts: [Part] = []
        parts.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let part): parts.append(part)
            case .failure(let error): throw error
            }
        }
        self.init()
        join(parts)
    }
}
