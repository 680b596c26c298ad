/// Several plans loaded together, with flat indexes over their objectives, actions, budget lines,
/// links and articles.
///
/// Rows refer to each other by index into these arrays: a budget line knows its action's index,
/// an action knows the range of its budget lines.
public struct PlanSet: Sendable {
    /// One objective, strategic or operational.
    public struct ObjectiveEntry: Sendable {
        /// The plan's index in ``PlanSet/plans``.
        public var plan: PlanIndex
        /// The strategic objective's index in its plan.
        public var strategic: Int
        /// The operational objective's index in the strategic one; `nil` for a strategic objective.
        public var operational: Int?
    }

    /// One action and where it sits.
    ///
    /// The id, the deadline and the pending mark, which filters scan, are kept here beside the
    /// action, so a scan reads one contiguous array instead of following a pointer to each action;
    /// the title is read from the action (a title search scans a folded column of its own).
    /// Indexes are stored in 32 bits (a set holds fewer than 2³² entries of each kind).
    public struct ActionEntry: Sendable {
        /// The action.
        public var action: Action
        /// The action's number (``Action/id``, kept here for scans).
        package var id: String
        /// The action's title, as the action stores it (a slice of its row's text, usually).
        package var title: Substring { action.titleSlice }
        /// The action's deadline (kept here for scans).
        package var deadline: CellValue<Deadline>
        /// Whether the action awaits the Collège's confirmation (kept here for scans).
        package var pending: Bool
        private var storedPlan, storedObjective, storedStrategic: UInt32
        private var lineStart, lineEnd, linkStart, linkEnd: UInt32

        /// The plan's index in ``PlanSet/plans``.
        public internal(set) var plan: PlanIndex {
            get { PlanIndex(Int(storedPlan)) }
            set { storedPlan = Index32.make(newValue.offset) }
        }
        /// The index of its operational objective in ``PlanSet/objectives``.
        public internal(set) var objective: ObjectiveIndex {
            get { ObjectiveIndex(Int(storedObjective)) }
            set { storedObjective = Index32.make(newValue.offset) }
        }
        /// The index of its strategic objective in ``PlanSet/objectives``.
        public internal(set) var strategic: ObjectiveIndex {
            get { ObjectiveIndex(Int(storedStrategic)) }
            set { storedStrategic = Index32.make(newValue.offset) }
        }
        /// Its lines in ``PlanSet/budgetLines``.
        public internal(set) var budgetLines: Range<LineIndex> {
            get { LineIndex(Int(lineStart))..<LineIndex(Int(lineEnd)) }
            set { (lineStart, lineEnd) = (Index32.make(newValue.lowerBound.offset), Index32.make(newValue.upperBound.offset)) }
        }
        /// Its links in ``PlanSet/links``.
        public internal(set) var links: Range<LinkIndex> {
            get { LinkIndex(Int(linkStart))..<LinkIndex(Int(linkEnd)) }
            set { (linkStart, linkEnd) = (Index32.make(newValue.lowerBound.offset), Index32.make(newValue.upperBound.offset)) }
        }

        /// Places `action` at the given indexes.
        init(
            action: Action, id: String, deadline: CellValue<Deadline>, pending: Bool,
            plan: Int, objective: Int, strategic: Int, budgetLines: Range<Int>, links: Range<Int>
        ) {
            self.action = action
            self.id = id
            self.deadline = deadline
            self.pending = pending
            (storedPlan, storedObjective, storedStrategic) = (Index32.make(plan), Index32.make(objective), Index32.make(strategic))
            (lineStart, lineEnd) = (Index32.make(budgetLines.lowerBound), Index32.make(budgetLines.upperBound))
            (linkStart, linkEnd) = (Index32.make(links.lowerBound), Index32.make(links.upperBound))
        }
    }

    /// One budget line and the element it belongs to: an action or sub-action, or (in eComptes) an
    /// objective or a volet.
    ///
    /// The fields queries scan most (amount, kind, article) are kept here beside the line, so a
    /// scan reads one contiguous array instead of following a pointer to each line. The level is
    /// one byte, in the room alignment leaves: the entry is no bigger for it.
    public struct BudgetEntry: Sendable {
        /// The line.
        public var line: BudgetLine
        /// The line's amount (``BudgetLine/amount``, kept here for scans).
        package var amount: CellValue<Money>
        /// The line's column (``BudgetLine/kind``, kept here for scans).
        package var kind: BudgetKind
        /// The element the line belongs to.
        public let level: BudgetLevel
        /// The owner's index: in ``PlanSet/actions`` for an action's or sub-action's line, in
        /// ``PlanSet/objectives`` for an objective's, in ``PlanSet/volets`` for a volet's.
        private var storedOwner: UInt32
        /// The article's index plus one; 0 when the line names none.
        fileprivate var storedArticle: UInt32

        /// The owner's index: in ``PlanSet/actions`` when ``level`` is an action or sub-action, in
        /// ``PlanSet/objectives`` for a strategic or operational objective, in ``PlanSet/volets``
        /// for a volet.
        package internal(set) var owner: Int {
            get { Int(storedOwner) }
            set { storedOwner = Index32.make(newValue) }
        }
        /// The action's index in ``PlanSet/actions``; `nil` when the line is an objective's or a volet's.
        public var action: ActionIndex? { level == .action || level == .subaction ? ActionIndex(Int(storedOwner)) : nil }
        /// The objective's index in ``PlanSet/objectives``; `nil` unless the line is an objective's own.
        public var objective: ObjectiveIndex? { level == .strategic || level == .operational ? ObjectiveIndex(Int(storedOwner)) : nil }
        /// The volet's index in ``PlanSet/volets``; `nil` unless the line is a volet's own.
        public var volet: VoletIndex? { level == .volet ? VoletIndex(Int(storedOwner)) : nil }
        /// The line's article as an index in ``PlanSet/lineArticles``; `nil` when it names none.
        package internal(set) var article: LineArticleIndex? {
            get { storedArticle == 0 ? nil : LineArticleIndex(Int(storedArticle &- 1)) }
            set { storedArticle = newValue.map { Index32.make($0.offset + 1) } ?? 0 }
        }

        /// Places `line` under the element of `level` at `owner`, with its article at `article`.
        init(level: BudgetLevel, owner: Int, line: BudgetLine, amount: CellValue<Money>, kind: BudgetKind, article: Int?) {
            self.line = line
            self.amount = amount
            self.kind = kind
            self.level = level
            storedOwner = Index32.make(owner)
            storedArticle = article.map { Index32.make($0 + 1) } ?? 0
        }
    }

    /// One eComptes volet: its plan and its place in the plan's ``PlanExchange/volets``.
    public struct VoletEntry: Sendable {
        /// The plan's index in ``PlanSet/plans``.
        public var plan: PlanIndex
        /// The volet's index in the plan's ``PlanExchange/volets``.
        public var volet: Int
    }

    /// One cross-link and its action.
    ///
    /// The entry holds the action and the link's place in it, not a copy of the link.
    public struct LinkEntry: Sendable {
        private let owner: Action
        private var storedAction: UInt32
        private let index: UInt32

        /// The action's index in ``PlanSet/actions``.
        public internal(set) var action: ActionIndex {
            get { ActionIndex(Int(storedAction)) }
            set { storedAction = Index32.make(newValue.offset) }
        }
        /// The link.
        public var link: CrossLink { owner.link(at: Int(index)) }
        /// What the link leads to: ``link``'s plan, element and reference, without its text.
        package var target: (plan: String, element: CrossLink.Element, ref: String?) { owner.linkTarget(at: Int(index)) }

        /// The link at `index` in `owner`'s links, `owner` being the action at `action`.
        init(action: Int, owner: Action, index: Int) {
            self.owner = owner
            storedAction = Index32.make(action)
            self.index = Index32.make(index)
        }
    }

    /// One distinct budget article of one commune across the loaded plans: the plans of one
    /// commune charge its budget alone, the plans naming no commune are taken together.
    public struct ArticleEntry: Sendable {
        /// The article (its first spelling met).
        public var article: BudgetArticle
        /// The commune whose plans charge it (``Plan/commune``); `nil` for the plans naming none.
        public var commune: String?
        /// Every credit stated for it, in file order, with the line that states it.
        public var statedCredits: [(credit: Money, line: LineIndex)]
        /// The sum of known allocations; `nil` when the sum overflows.
        public var allocated: Money?
        /// The budget lines charged to it, as indexes in ``PlanSet/budgetLines``.
        public var lines: [LineIndex]
    }

    /// The plans, in load order.
    public internal(set) var plans: Table<Plan> = Table()
    /// Every objective: each strategic objective followed by its operational ones.
    public internal(set) var objectives: Table<ObjectiveEntry> = Table()
    /// Every action of every plan.
    public internal(set) var actions: Table<ActionEntry> = Table()
    /// Every budget line of every element (volets, objectives, actions), in file order.
    public internal(set) var budgetLines: Table<BudgetEntry> = Table()
    /// Every eComptes volet (spreadsheet plans have none).
    public internal(set) var volets: Table<VoletEntry> = Table()
    /// Every cross-link of every action.
    public internal(set) var links: Table<LinkEntry> = Table()
    /// Every distinct article of each commune, in order of first appearance.
    public internal(set) var articles: Table<ArticleEntry> = Table()
    /// An article of a commune: the commune's number in ``communes``, the code's in ``articleCodes``.
    package struct ArticleKey: Hashable, Sendable {
        /// The commune's index in ``PlanSet/communes``.
        package var commune: Int32
        /// The code's index in ``PlanSet/articleCodes``.
        package var code: Int32
    }
    /// (Commune, article code) → index in ``articles``.
    package internal(set) var articleIndex: [ArticleKey: Int] = [:]
    /// The communes the plans name, each once, in order of first appearance; the first, `nil`, stands
    /// for the plans naming none.
    package internal(set) var communes: [String?] = [nil]
    /// Commune → index in ``communes``.
    var communeIndex: [String: Int32] = [:]
    /// Each plan's commune, as an index in ``communes``.
    var planCommunes: [Int32] = []
    /// The article codes (without year), each once, in order of first appearance.
    package internal(set) var articleCodes: [String] = []
    /// Article code (without year) → index in ``articleCodes``.
    var articleCodeIndex: [String: Int] = [:]
    /// Every distinct article as budget lines spell it (with its year, if any), in order of first appearance.
    package internal(set) var lineArticles: Table<BudgetArticle> = Table()
    /// Article code as written → index in ``lineArticles``.
    var lineArticleIndex: [String: Int] = [:]
    /// Index in ``lineArticles`` → index in ``articleCodes``.
    var lineArticleCode: [Int32] = []
    /// Index in ``budgetLines`` → index in ``articles`` plus one; 0 when the line names no article.
    var lineEntries: [UInt32] = []
    /// What the set itself reports: plans loaded twice (``ReadRule/duplicatePlan``), each counted once.
    public internal(set) var warnings: [Diagnostic] = []
    /// ``Plan/contentKey(actions:lines:)`` → the indexes in ``plans`` of the plans with that key.
    var contentKeys: [Int: [Int]] = [:]

    /// Creates a set of plans.
    public init(_ plans: [Plan] = []) {
        add(contentsOf: plans)
    }

    /// Adds a plan and indexes it.
    public mutating func add(_ plan: Plan) {
        add(contentsOf: [plan])
    }

    /// Adds plans and indexes them, in order, on all cores.
    public mutating func add(contentsOf newPlans: some Sequence<Plan>) {
        join(Part.each(Array(newPlans)))
    }

    /// The index in ``lineArticles`` of `article` as spelt, added (with its code in ``articleCodes``) when new.
    mutating func lineArticle(for article: BudgetArticle) -> Int {
        // Each table is looked up once: the entry is written in place when the key is new.
        let lineIndex = Self.value(&lineArticleIndex[article.code, default: lineArticles.count])
        guard lineIndex == lineArticles.count else { return lineIndex }
        // The code without its year; without a year, the code itself.
        let key = article.codeWithoutYear
        let code = Self.value(&articleCodeIndex[key, default: articleCodes.count])
        if code == articleCodes.count { articleCodes.append(key) }
        lineArticles.append(article)
        lineArticleCode.append(Int32(truncatingIfNeeded: code))
        return lineIndex
    }

    /// Each budget line's article as its index in ``lineArticles``, -1 when the line names none:
    /// one pass, for code that needs every line's.
    package var lineArticleOffsets: [Int32] {
        budgetLines.elements.map { $0.storedArticle == 0 ? -1 : Int32(bitPattern: $0.storedArticle &- 1) }
    }

    /// Whether the loaded plans name more than one commune (the plans naming none counting as one).
    package var severalCommunes: Bool {
        guard let first = planCommunes.first else { return false }
        return planCommunes.contains { $0 != first }
    }

    /// `article` for a message: `Article 840/124-02`, with its commune when the loaded plans name
    /// several (`Article 840/124-02 in commune Citoyenneville`).
    package func describe(_ article: ArticleEntry) -> String {
        guard severalCommunes else { return "Article \(article.article.code)" }
        return "Article \(article.article.code) " + (article.commune.map { "in commune \($0)" } ?? "in the plans naming no commune")
    }

    /// The index in ``communes`` of `commune`, added when new; 0 for `nil`.
    mutating func communeNumber(_ commune: String?) -> Int32 {
        guard let commune else { return 0 }
        let next = Int32(truncatingIfNeeded: communes.count)
        let number = Self.value(&communeIndex[commune, default: next])
        if number == next { communes.append(commune) }
        return number
    }

    /// The index in ``articles`` of the article at `lineArticle` in ``lineArticles`` for the
    /// commune at `commune` in ``communes``, added when new.
    mutating func articleEntry(commune: Int32, lineArticle: Int) -> Int {
        let key = ArticleKey(commune: commune, code: lineArticleCode[lineArticle])
        let index = Self.value(&articleIndex[key, default: articles.count])
        if index == articles.count {
            articles.append(ArticleEntry(article: lineArticles[lineArticle], commune: communes[Int(commune)], statedCredits: [], allocated: .zero, lines: []))
        }
        return index
    }

    /// The value behind `value`: reading a dictionary's `[key, default:]` this way inserts the
    /// default when the key is new, with one lookup.
    private static func value(_ value: inout Int32) -> Int32 { value }

    /// The value behind `value`: reading a dictionary's `[key, default:]` this way inserts the
    /// default when the key is new, with one lookup.
    private static func value(_ value: inout Int) -> Int { value }

    /// The strategic objective an entry of ``objectives`` designates.
    public func strategicObjective(_ entry: ObjectiveEntry) -> StrategicObjective {
        plans[entry.plan].objectives[entry.strategic]
    }

    /// The volet an entry of ``volets`` designates.
    public func volet(_ entry: VoletEntry) -> PlanExchange.Volet? {
        plans[entry.plan].exchange.flatMap { entry.volet < $0.volets.count ? $0.volets[entry.volet] : nil }
    }

    /// The index in ``plans`` of the plan budget line `index` comes from.
    public func plan(ofLine index: LineIndex) -> PlanIndex {
        let entry = budgetLines[index]
        switch entry.level {
        case .action, .subaction: return actions[entry.owner].plan
        case .strategic, .operational: return objectives[entry.owner].plan
        case .volet: return volets[entry.owner].plan
        }
    }

    /// The id of the element budget line `index` belongs to: an action's id (`1.2`, `16.17`),
    /// `OS.1` or `OO.2` for an objective, a volet's label.
    public func owner(ofLine index: LineIndex) -> String {
        let entry = budgetLines[index]
        switch entry.level {
        case .action, .subaction: return actions[entry.owner].id
        case .strategic: return "OS." + strategicObjective(objectives[entry.owner]).number
        case .operational: return "OO." + (operationalObjective(objectives[entry.owner])?.number ?? "")
        case .volet: return volet(volets[entry.owner])?.label ?? ""
        }
    }

    /// The element budget line `index` belongs to, for a message: `action 1.2`, `sub-action 16.17`,
    /// `objective OS.1`, `objective OO.2`, `volet NEANT`.
    public func ownerDescription(ofLine index: LineIndex) -> String {
        let owner = owner(ofLine: index)
        switch budgetLines[index].level {
        case .action: return "action \(owner)"
        case .subaction: return "sub-action \(owner)"
        case .strategic, .operational: return "objective \(owner)"
        case .volet: return "volet \(owner)"
        }
    }

    /// The article in ``articles`` budget line `index` is charged to; `nil` when it names none.
    public func article(ofLine index: LineIndex) -> ArticleIndex? {
        let entry = lineEntries[index.offset]
        return entry == 0 ? nil : ArticleIndex(Int(entry &- 1))
    }

    /// The operational objective an entry of ``objectives`` designates, if it is one.
    public func operationalObjective(_ entry: ObjectiveEntry) -> OperationalObjective? {
        entry.operational.map { plans[entry.plan].objectives[entry.strategic].operationalObjectives[$0] }
    }
}
