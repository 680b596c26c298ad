import Testing
@testable import PlanKit

/// `PlanSet` indexes plans on all cores; these tests hold its entries to a plain walk of the plans.
@Suite struct PlanSetTests {
    /// Plans that share articles across files (the seed plan, the PCS, a second PST) and plans
    /// with faults, odd forms and eComptes fields, budget lines on volets, objectives and sub-actions. (The seed's Excel CSV is the seed's plan again:
    /// a set counts it once, ``duplicatePlansAreCountedOnce()``.)
    static let names = [
        "pst-citoyennete.tsv", "pcs-citoyenneville.tsv", "pst-cohesion.tsv", "pst-forms.csv", "pst-faults.tsv",
        "demo-pst-201805V1.xml", "ecomptes-export-levels.xml",
    ]

    static func plans() throws -> [Plan] {
        try names.flatMap { try PlanReader().read(path: Fixtures.path($0)) }
    }

    /// Every entry of a set written out, in order, with the plain values it stands for.
    static func dump(_ set: PlanSet) -> [String] {
        var out: [String] = []
        for entry in set.objectives { out.append("objective \(entry.plan) \(entry.strategic) \(String(describing: entry.operational))") }
        for entry in set.actions {
            out.append("action \(entry.action.id) \(entry.id) \(entry.title) \(entry.deadline) \(entry.pending) \(entry.plan) \(entry.objective) \(entry.strategic) \(entry.budgetLines) \(entry.links)")
        }
        for (i, entry) in zip(set.budgetLines.indices, set.budgetLines) {
            let article = entry.article.map { set.lineArticles[$0].code } ?? "-"
            let action = entry.action.map(String.init) ?? "-", objective = entry.objective.map(String.init) ?? "-"
            out.append("line \(entry.level.name) \(set.owner(ofLine: i)) \(set.plan(ofLine: i)) \(action) \(objective) \(entry.line.text) \(entry.amount) \(entry.kind) \(article)")
        }
        for entry in set.volets { out.append("volet \(entry.plan) \(entry.volet)") }
        for entry in set.links { out.append("link \(entry.action) \(entry.link.text)") }
        for entry in set.articles {
            let credits = entry.statedCredits.map { "\($0.credit.cents)@\($0.line)" }
            out.append("article \(entry.commune ?? "-") \(entry.article.code) \(credits) \(String(describing: entry.allocated)) \(entry.lines.map(\.offset))")
        }
        out.append("line articles \(set.lineArticles.map(\.code))")
        let index = set.articleIndex.map { (key: "\(set.communes[Int($0.key.commune)] ?? "-") \(set.articleCodes[Int($0.key.code)])", value: $0.value) }
        out.append("article index \(index.sorted { $0.key < $1.key })")
        return out
    }

    /// What the set must hold, from a walk of the plans one line at a time.
    static func expected(_ plans: [Plan]) -> [String] {
        var objectives: [String] = [], actions: [String] = [], lines: [String] = [], links: [String] = []
        var lineArticles: [String] = []
        var articleKeys: [String] = []
        var articles: [String: (commune: String, code: String, credits: [String], allocated: Money?, lines: [Int])] = [:]
        var lineCount = 0, linkCount = 0
        var volets: [String] = []
        /// Records `line` as one of `owner`'s, at `level`.
        func add(_ line: BudgetLine, _ level: String, _ owner: String, _ p: Int, action: String, objective: String) {
            if let article = line.article {
                if !lineArticles.contains(article.code) { lineArticles.append(article.code) }
                // One commune's article is never another's; the plans naming no commune are taken together.
                let commune = plans[p].commune ?? "-"
                let key = "\(commune) \(article.function)/\(article.economicCode)"
                if articles[key] == nil {
                    articleKeys.append(key)
                    articles[key] = (commune, article.code, [], .zero, [])
                }
                articles[key]?.lines.append(lineCount)
                if let credit = line.statedCredit { articles[key]?.credits.append("\(credit.cents)@\(lineCount)") }
                if let amount = line.amount.value, let allocated = articles[key]?.allocated { articles[key]?.allocated = allocated.adding(amount) }
            }
            lines.append("line \(level) \(owner) \(p) \(action) \(objective) \(line.text) \(line.amount) \(line.kind) \(line.article?.code ?? "-")")
            lineCount += 1
        }
        for (p, plan) in plans.enumerated() {
            // Each volet's lines come before its objectives'; a volet holds its count of objectives.
            var pending = plan.exchange?.volets.enumerated().map { $0 } ?? []
            var firstObjective = 0
            func voletsUpTo(_ s: Int) {
                while let (v, volet) = pending.first, firstObjective <= s {
                    pending.removeFirst()
                    for line in volet.budget { add(line, "volet", volet.label, p, action: "-", objective: "-") }
                    volets.append("volet \(p) \(v)")
                    firstObjective += volet.objectiveCount
                }
            }
            for (s, strategic) in plan.objectives.enumerated() {
                voletsUpTo(s)
                let strategicIndex = objectives.count
                objectives.append("objective \(p) \(s) nil")
                for line in strategic.budget {
                    add(line, "strategic", "OS.\(strategic.number)", p, action: "-", objective: String(strategicIndex))
                }
                for (o, operational) in strategic.operationalObjectives.enumerated() {
                    let objectiveIndex = objectives.count
                    objectives.append("objective \(p) \(s) \(String(describing: Optional(o)))")
                    for line in operational.budget {
                        add(line, "operational", "OO.\(operational.number)", p, action: "-", objective: String(objectiveIndex))
                    }
                    for action in operational.actions {
                        let firstLine = lineCount, firstLink = linkCount
                        for line in action.budget {
                            add(line, action.parent == nil ? "action" : "subaction", action.id, p, action: String(actions.count), objective: "-")
                        }
                        for link in action.links {
                            links.append("link \(actions.count) \(link.text)")
                            linkCount += 1
                        }
                        actions.append("action \(action.id) \(action.id) \(action.title) \(action.deadline.value) \(action.pending) \(p) \(objectiveIndex) \(strategicIndex) \(firstLine..<lineCount) \(firstLink..<linkCount)")
                    }
                }
            }
            voletsUpTo(.max)
        }
        let articleLines = articleKeys.compactMap { key in
            articles[key].map { "article \($0.commune) \($0.code) \($0.credits) \(String(describing: $0.allocated)) \($0.lines)" }
        }
        let index = articleKeys.enumerated().map { ($0.element, $0.offset) }.sorted { $0.0 < $1.0 }
        return objectives + actions + lines + volets + links + articleLines
            + ["line articles \(lineArticles)", "article index \(index.map { (key: $0.0, value: $0.1) })"]
    }

    @Test func indexesWhatAWalkOfThePlansFinds() throws {
        let plans = try Self.plans()
        let set = PlanSet(plans)
        #expect(set.actions.count == plans.reduce(0) { $0 + $1.actions.count })
        #expect(set.articles.count > 1)
        #expect(set.articles.contains { $0.lines.count > 1 && !$0.statedCredits.isEmpty })
        #expect(Set(set.budgetLines.map(\.level)) == Set(BudgetLevel.allCases))
        #expect(Self.dump(set) == Self.expected(plans))
    }

    @Test(arguments: [1, 2, 3, 6, 7])
    func addingInPartsIndexesAsAllAtOnce(firstPart: Int) throws {
        let plans = try Self.plans()
        var set = PlanSet(Array(plans[..<firstPart]))
        set.add(contentsOf: Array(plans[firstPart...].dropLast()))
        if let last = plans.last { set.add(last) }
        #expect(Self.dump(set) == Self.dump(PlanSet(plans)))
        #expect(set.plans.map(\.name) == plans.map(\.name))
    }

    /// Reading files indexes each one where it is read; the set is the one the plans make.
    @Test func readingFilesIndexesAsAddingTheirPlans() throws {
        let read = try PlanSet(reading: Self.names.map(Fixtures.path))
        #expect(Self.dump(read) == Self.dump(PlanSet(try Self.plans())))
        #expect(Self.dump(read) == Self.expected(Array(read.plans)))
        let projected = try PlanSet(reading: Self.names.map(Fixtures.path), fields: [.budget, .budgetText])
        #expect(projected.budgetLines.map(\.line.text) == read.budgetLines.map(\.line.text))
        let amounts = try PlanSet(reading: Self.names.map(Fixtures.path), fields: .budget)
        #expect(amounts.budgetLines.map(\.amount) == read.budgetLines.map(\.amount))
        #expect(amounts.lineArticles == read.lineArticles)
    }

    @Test func readingReportsTheFirstFileThatFails() {
        #expect(throws: PlanReadError(file: "/nonexistent/b.tsv", message: "No such file; check the path.")) {
            try PlanSet(reading: [Fixtures.path("pst-citoyennete.tsv"), "/nonexistent/b.tsv", "/nonexistent/c.tsv"])
        }
    }

    @Test func emptyAndEmptyPlans() throws {
        var set = PlanSet()
        set.add(contentsOf: [])
        #expect(set.actions.isEmpty && set.plans.isEmpty)
        let empty = Plan(kind: .pst, name: "vide", source: "vide.tsv")
        let other = Plan(kind: .pst, name: "vide", source: "plans/vide.csv")
        set.add(contentsOf: [empty, try Fixtures.plan("pst-citoyennete.tsv"), other])
        #expect(set.plans.count == 2)
        #expect(set.warnings.map(\.rule) == [.duplicatePlan])
        #expect(Self.dump(set) == Self.expected(Array(set.plans)))
    }

    /// The line entry keeps its size: the level takes a byte of room alignment left.
    @Test func budgetEntryStaysSmall() {
        #expect(MemoryLayout<PlanSet.BudgetEntry>.stride == 32)
    }

    /// The seed's TSV and its Excel CSV hold the same plan; the same file named twice too. Each
    /// is counted once, in whatever order and however the plans are added, and reported.
    @Test(arguments: [["pst-citoyennete.tsv", "pst-citoyennete-excel.csv"], ["pst-citoyennete-excel.csv", "pst-citoyennete.tsv"]])
    func duplicatePlansAreCountedOnce(_ names: [String]) throws {
        let paths = names.map(Fixtures.path)
        let read = try PlanSet(reading: paths + [Fixtures.path("pst-cohesion.tsv"), paths[0]])
        #expect(read.plans.map(\.source) == [paths[0], Fixtures.path("pst-cohesion.tsv")])
        #expect(read.budgetLines.compactMap(\.amount.value).reduce(Int64(0)) { $0 + $1.cents } == 11_200_000)
        let first = paths[0]
        #expect(read.warnings.map(\.description) == [
            "\(paths[1]):10:1: warning: This PST \"\(PlanName.fileStem(paths[1]))\" says the same as the one already loaded from \(first); it is counted once, from \(first). Load one of the two files. [read.duplicate-plan]",
            "\(first):10:1: warning: The PST \"\(PlanName.fileStem(first))\" of this file is already loaded (the file is named twice); it is counted once. [read.duplicate-plan]",
        ])
        var added = PlanSet(try PlanReader().read(path: paths[0]))
        added.add(contentsOf: try PlanReader().read(path: paths[1]))
        #expect(added.plans.count == 1 && added.warnings.count == 1)
        #expect(Self.dump(added) == Self.dump(PlanSet(try PlanReader().read(path: paths[0]))))
    }
}
