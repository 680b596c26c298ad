import Dispatch
import Foundation

extension PlanSet {
    /// Plans indexed on their own, their entries numbered from zero, for ``PlanSet/join(_:)``.
    ///
    /// A part is made where its plans were just read, while they are still in the processor's
    /// cache; joining parts then moves their entries and shifts their indexes.
    final class Part: Sendable {
        /// How many entries of each kind the part holds.
        struct Sizes: Sendable {
            var objectives = 0, actions = 0, lines = 0, links = 0, volets = 0
        }

        let plans: [Plan]
        let sizes: Sizes
        let objectives: EntryBuffer<ObjectiveEntry>
        /// The eComptes volets; empty for spreadsheets.
        let volets: [VoletEntry]
        let actions: EntryBuffer<ActionEntry>
        /// Lines whose `article` is an index in ``articles``.
        let lines: EntryBuffer<BudgetEntry>
        /// The credits lines state for their articles: the line's index in the part, and the credit.
        let credits: [(line: Int, credit: Money)]
        let links: EntryBuffer<LinkEntry>
        /// The distinct articles the lines name, as spelt, in order of first appearance.
        let articles: [BudgetArticle]
        /// Each plan's ``Plan/contentKey(actions:lines:)``, which finds the plans to compare with
        /// it when telling a plan loaded twice.
        let contentKeys: [Int]

        /// Indexes `plans`.
        init(_ plans: [Plan]) {
            var sizes = Sizes()
            var contentKeys: [Int] = []
            contentKeys.reserveCapacity(plans.count)
            for plan in plans {
                let before = sizes
                if let volets = plan.exchange?.volets {
                    sizes.volets += volets.count
                    for volet in volets { sizes.lines += volet.budget.count }
                }
                for strategic in plan.objectives {
                    sizes.objectives += 1 + strategic.operationalObjectives.count
                    sizes.lines += strategic.budget.count
                    for operational in strategic.operationalObjectives {
                        sizes.lines += operational.budget.count
                        sizes.actions += operational.actions.count
                        for action in operational.actions {
                            sizes.lines += action.budgetLineCount
                            sizes.links += action.linkCount
                        }
                    }
                }
                contentKeys.append(plan.contentKey(actions: sizes.actions - before.actions, lines: sizes.lines - before.lines))
            }
            self.plans = plans
            self.sizes = sizes
            self.contentKeys = contentKeys
            let objectives = EntryBuffer<ObjectiveEntry>(capacity: sizes.objectives)
            let actions = EntryBuffer<ActionEntry>(capacity: sizes.actions)
            let lines = EntryBuffer<BudgetEntry>(capacity: sizes.lines)
            let links = EntryBuffer<LinkEntry>(capacity: sizes.links)
            var lineAdder = LineAdder(lines: lines, capacity: sizes.lines)
            var volets: [VoletEntry] = []
            volets.reserveCapacity(sizes.volets)
            for (p, plan) in plans.enumerated() {
                // A volet's lines come before its objectives', as in the file; the objectives are
                // the volets' in order, each taking its count (the last, any left over).
                let planVolets = plan.exchange?.volets ?? []
                var nextVolet = 0, voletStart = 0
                /// Adds the volets that start at or before `objective`.
                func addVolets(upTo objective: Int) {
                    while nextVolet < planVolets.count, voletStart <= objective {
                        volets.append(VoletEntry(plan: PlanIndex(p), volet: nextVolet))
                        for line in planVolets[nextVolet].budget { lineAdder.add(line, .volet, volets.count - 1) }
                        voletStart += planVolets[nextVolet].objectiveCount
                        nextVolet += 1
                    }
                }
                for (s, strategic) in plan.objectives.enumerated() {
                    if nextVolet < planVolets.count { addVolets(upTo: s) }
                    let strategicIndex = objectives.count
                    objectives.append(ObjectiveEntry(plan: PlanIndex(p), strategic: s, operational: nil))
                    for line in strategic.budget { lineAdder.add(line, .strategic, strategicIndex) }
                    for (o, operational) in strategic.operationalObjectives.enumerated() {
                        let objectiveIndex = objectives.count
                        objectives.append(ObjectiveEntry(plan: PlanIndex(p), strategic: s, operational: o))
                        for line in operational.budget { lineAdder.add(line, .operational, objectiveIndex) }
                        for action in operational.actions {
                            let actionIndex = actions.count
                            let lineStart = lines.count
                            let level: BudgetLevel = action.parent == nil ? .action : .subaction
                            action.forEachBudgetLine { line in lineAdder.add(line, level, actionIndex) }
                            let linkStart = links.count
                            for index in 0..<action.linkCount { links.append(LinkEntry(action: actionIndex, owner: action, index: index)) }
                            actions.append(ActionEntry(
                                action: action, id: action.id, deadline: action.deadlineValue,
                                pending: action.pending, plan: p, objective: objectiveIndex, strategic: strategicIndex,
                                budgetLines: lineStart..<lines.count, links: linkStart..<links.count))
                        }
                    }
                }
                if nextVolet < planVolets.count { addVolets(upTo: .max) }
            }
            precondition(
                objectives.count == sizes.objectives && actions.count == sizes.actions && lines.count == sizes.lines
                    && links.count == sizes.links && volets.count == sizes.volets, "A plan changed while it was indexed")
            self.objectives = objectives
            self.volets = volets
            self.actions = actions
            self.lines = lines
            self.credits = lineAdder.credits
            self.links = links
            self.articles = lineAdder.articles
        }

        /// Appends budget lines to a part's entries, listing the articles they name and the
        /// credits they state. A value whose method changes it in place: the lists were variables
        /// a nested function captured, each access to them checked at run time, on every line.
        private struct LineAdder {
            let lines: EntryBuffer<BudgetEntry>
            /// The credits lines state for their articles: the line's index in the part, and the credit.
            var credits: [(line: Int, credit: Money)] = []
            /// The distinct articles the lines name, as spelt, in order of first appearance.
            var articles: [BudgetArticle] = []
            var articleIndex: [String: Int]

            init(lines: EntryBuffer<BudgetEntry>, capacity: Int) {
                self.lines = lines
                // Room for as many articles as lines, the most there can be: the table never grows.
                articleIndex = Dictionary(minimumCapacity: capacity)
            }

            /// Appends `line` as one of the element at `owner`, of `level`.
            mutating func add(_ line: BudgetLine, _ level: BudgetLevel, _ owner: Int) {
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
                lines.append(BudgetEntry(level: level, owner: owner, line: line, amount: line.amount, kind: line.kind, article: lineArticle))
                if lineArticle != nil, let credit = line.statedCredit { credits.append((lines.count - 1, credit)) }
            }
        }

        /// Indexes each plan of `plans` on its own, on all cores.
        static func each(_ plans: [Plan]) -> [Part] {
            FillBuffer.array(count: plans.count) { parts in
                DispatchQueue.concurrentPerform(iterations: plans.count) { p in parts.initialize(p, to: Part([plans[p]])) }
            }
        }
    }

    /// Adds the plans of `parts`, in order, moving their entries in; each part is joined once.
    ///
    /// The arrays are grown for the parts times `scale`, when more parts are to follow.
    mutating func join(_ parts: [Part], scale: Double = 1) {
        guard !parts.isEmpty else { return }
        var added = Part.Sizes()
        for part in parts {
            added.objectives += part.sizes.objectives
            added.actions += part.sizes.actions
            added.lines += part.sizes.lines
            added.links += part.sizes.links
        }
        Self.reserve(&objectives.elements, added.objectives, scale)
        Self.reserve(&actions.elements, added.actions, scale)
        Self.reserve(&budgetLines.elements, added.lines, scale)
        Self.reserve(&links.elements, added.links, scale)
        Self.reserve(&lineEntries, added.lines, scale)
        // Articles are shared across parts: each part's own list is joined in order. The tables
        // grow as articles come: parts name mostly the same ones (the 62 938 lines of 262
        // communes that name an article name 4 858 distinct ones), so room for the sum of the
        // parts' lists would stay mostly empty.

        for whole in parts {
            guard let part = withoutDuplicates(whole) else { continue }
            let start = (plan: plans.count, objective: objectives.count, action: actions.count, line: budgetLines.count, link: links.count,
                         volet: volets.count)
            let articleIndexes = part.articles.map { lineArticle(for: $0) }
            // Each plan's commune as a number: an article is one commune's, looked up by numbers.
            let communes = part.plans.map { communeNumber($0.commune) }
            planCommunes += communes
            plans += part.plans
            part.objectives.moveAll(to: &objectives.elements) { $0.plan += start.plan }
            volets += part.volets.lazy.map { VoletEntry(plan: $0.plan + start.plan, volet: $0.volet) }
            part.actions.moveAll(to: &actions.elements) { entry in
                entry.plan += start.plan
                entry.objective += start.objective
                entry.strategic += start.objective
                entry.budgetLines = (entry.budgetLines.lowerBound + start.line)..<(entry.budgetLines.upperBound + start.line)
                entry.links = (entry.links.lowerBound + start.link)..<(entry.links.upperBound + start.link)
            }
            part.links.moveAll(to: &links.elements) { $0.action += start.action }
            // The part's own article of each line, -1 for none, to find its entry in a table of the part's.
            var partArticles: [Int32] = []
            partArticles.reserveCapacity(part.sizes.lines)
            part.lines.moveAll(to: &budgetLines.elements) { entry in
                switch entry.level {
                case .action, .subaction: entry.owner += start.action
                case .strategic, .operational: entry.owner += start.objective
                case .volet: entry.owner += start.volet
                }
                partArticles.append(entry.article.map { Int32(truncatingIfNeeded: $0.offset) } ?? -1)
                entry.article = entry.article.map { LineArticleIndex(articleIndexes[$0.offset]) }
            }
            // The entry in `articles` of each of the part's articles, per commune of the part
            // (mostly one): -1 until a line names it.
            let partCommunes = communes.reduce(into: [Int32]()) { if !$0.contains($1) { $0.append($1) } }
            var entries = [Int](repeating: -1, count: part.articles.count * partCommunes.count)
            for (k, i) in (start.line..<budgetLines.count).enumerated() {
                let partArticle = Int(partArticles[k])
                guard partArticle >= 0 else { lineEntries.append(0); continue }
                var slot = partArticle
                var commune = partCommunes[0]
                if partCommunes.count > 1 {
                    commune = communes[plan(ofLine: LineIndex(i)).offset - start.plan]
                    slot += part.articles.count * (partCommunes.firstIndex(of: commune) ?? 0)
                }
                var index = entries[slot]
                if index < 0 {
                    index = articleEntry(commune: commune, lineArticle: articleIndexes[partArticle])
                    entries[slot] = index
                }
                lineEntries.append(UInt32(truncatingIfNeeded: index + 1))
                articles[index].lines.append(LineIndex(i))
                if let amount = budgetLines[i].amount.value {
                    articles[index].allocated = articles[index].allocated?.adding(amount)
                }
            }
            for (line, credit) in part.credits {
                let entry = lineEntries[start.line + line]
                guard entry > 0 else { continue }
                articles[Int(entry - 1)].statedCredits.append((credit, LineIndex(start.line + line)))
            }
        }
    }

    /// `part`, or a part without its plans that say the same as a plan already in the set (each
    /// reported in ``warnings``); `nil` when every plan of it is already in.
    private mutating func withoutDuplicates(_ part: Part) -> Part? {
        var kept: [Plan] = []
        var dropped = false
        for (plan, hash) in zip(part.plans, part.contentKeys) {
            let earlier = (contentKeys[hash] ?? []).first { plans[$0].sameContent(as: plan) }
                ?? kept.firstIndex { $0.sameContent(as: plan) }.map { plans.count + $0 }
            if let earlier {
                let first = earlier < plans.count ? plans[earlier] : kept[earlier - plans.count]
                warnings.append(Self.duplicateWarning(plan, of: first))
                dropped = true
            } else {
                contentKeys[hash, default: []].append(plans.count + kept.count)
                kept.append(plan)
            }
        }
        guard dropped else { return part }
        return kept.isEmpty ? nil : Part(kept)
    }

    /// The warning that `plan` says the same as `first`, already loaded, and is not counted.
    static func duplicateWarning(_ plan: Plan, of first: Plan) -> Diagnostic {
        let location = plan.objectives.first?.location ?? SourceLocation(file: plan.source, line: 1, column: 1)
        let what = plan.kind == .other ? "plan \"\(plan.name)\"" : "\(plan.kind.rawValue) \"\(plan.name)\""
        let message = first.source == plan.source
            ? "The \(what) of this file is already loaded (the file is named twice); it is counted once."
            : "This \(what) says the same as the one already loaded from \(first.source); it is counted once, from \(first.source). Load one of the two files."
        return Diagnostic(.duplicatePlan, location: location, message: message, text: plan.source)
    }

    /// Grows `array` to hold `added` more elements, times `scale` when it must grow anyway.
    private static func reserve<Element>(_ array: inout [Element], _ added: Int, _ scale: Double) {
        let needed = array.count + added
        guard needed > array.capacity else { return }
        let scaled = Double(array.count + added) * Swift.max(1, scale)
        array.reserveCapacity(scaled < Double(Int.max / 2) ? Swift.max(needed, Int(scaled)) : needed)
    }

    /// Reads plan files on all cores, indexing each file's plans as soon as they are read and
    /// joining them into the set in order as they come.
    ///
    /// Spreadsheets and workbooks are read in the layouts PlanKit knows or, first, in `layout`.
    ///
    /// - Throws: ``PlanReadError`` for the first file (in the order of `paths`) that cannot be read.
    public init(reading paths: [String], fields: PlanFields = .all, layout: TableLayout? = nil) throws(PlanReadError) {
        let joiner = Joiner(count: paths.count, bytes: paths.map(Self.fileSize))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result: Result<Part, PlanReadError>
            do throws(PlanReadError) {
                result = .success(Part(try PlanReader(fields: fields, layout: layout).read(path: paths[index])))
            } catch {
                result = .failure(error)
            }
            joiner.deposit(index, result)
        }
        self = try joiner.finish()
    }

    /// A file's size in bytes, 0 when it cannot be told (the reader then says why) and for
    /// standard input (`-`); a pipe's is 0 too. `stat` does not open the file, so a named pipe
    /// does not wait here for its writer.
    private static func fileSize(_ path: String) -> Int {
        guard path != PlanReader.standardInput else { return 0 }
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Joins parts in file order as files finish, on one thread at a time.
    ///
    /// Sendable because every access is ordered by `lock`: `waiting`, `next` and `joining` are
    /// used only while it is held; `set`, `failure` and `joinedBytes` only by the depositor that
    /// set `joining` (under the lock) until it clears it (under the lock), and by ``finish()``,
    /// under the lock, once every file is deposited.
    private final class Joiner: @unchecked Sendable {
        // Guarded by `lock`; `set` is changed by one depositor at a time.
        private let lock = NSLock()
        private var waiting: [Result<Part, PlanReadError>?]
        private var next = 0
        private var joining = false
        private var set = PlanSet()
        private var failure: PlanReadError?
        private let bytes: [Int]
        private let totalBytes: Int
        private var joinedBytes = 0

        init(count: Int, bytes: [Int]) {
            waiting = Array(repeating: nil, count: count)
            self.bytes = bytes
            totalBytes = bytes.reduce(0, +)
        }

        /// Records file `index`'s result and, unless another thread is joining, joins every part
        /// that is next in order.
        func deposit(_ index: Int, _ result: Result<Part, PlanReadError>) {
            lock.lock()
            waiting[index] = result
            guard !joining else { lock.unlock(); return }
            joining = true
            while next < waiting.count, let ready = waiting[next] {
                waiting[next] = nil
                let file = next
                next += 1
                lock.unlock()
                switch ready {
                case .success(let part) where failure == nil:
                    joinedBytes += bytes[file]
                    let scale = joinedBytes > 0 ? Double(totalBytes) / Double(joinedBytes) : 1
                    set.join([part], scale: scale * 1.02)
                case .success: break
                case .failure(let error): if failure == nil { failure = error }
                }
                lock.lock()
            }
            joining = false
            lock.unlock()
        }

        /// The set, once every file is deposited.
        func finish() throws(PlanReadError) -> PlanSet {
            lock.lock()
            defer { lock.unlock() }
            if let failure { throw failure }
            return set
        }
    }
}
