import PlanKit
import PlanQuery

/// Computes a report's figures from loaded plans, each with PlanQuery queries that
/// `plankit query` answers the same way.
///
/// ```swift
/// let context = QueryContext(try PlanSet(reading: ["pst.tsv"]))
/// let report = ReportBuilder(context: context, files: ["pst.tsv"], language: .fr, today: day).build()
/// ```
package struct ReportBuilder {
    /// The plans, and the queries' context over them.
    package var context: QueryContext
    /// The files as named on the command line.
    package var files: [String]
    /// The report's language.
    package var language: ReportLanguage
    /// The day overdue actions are measured against.
    package var today: Day
    /// The earlier version one plan is compared with, when the report has a "since" section.
    package var since: ReportSince?
    /// How many rows a chart of articles or pilots shows at most (the query's `limit`).
    package var top = 15

    /// Creates a builder.
    package init(context: QueryContext, files: [String], language: ReportLanguage, today: Day) {
        self.context = context
        self.files = files
        self.language = language
        self.today = today
    }

    var words: ReportWords { language.words }

    /// The plans a section is about: all of them, or one (named, and by file when two share a name).
    struct Scope {
        var id: String
        var condition: String?
        var several: Bool
    }

    /// Builds every section.
    package func build() -> Report {
        let plans = context.planSet.plans
        var names: [String: Int] = [:]
        for plan in plans { names[plan.name, default: 0] += 1 }
        var sections: [ReportSection] = []
        let all = Scope(id: "all", condition: nil, several: plans.count > 1)
        let allTimeline = timeline(all)
        sections.append(overview(timeline: allTimeline))
        if let since { sections.append(sinceSection(since)) }
        if communes.count > 1 { sections.append(communeSummary()) }
        if plans.count > 1 {
            sections.append(ReportSection(id: "across", title: words.across, intro: words.acrossIntro,
                                          figures: figures(all, timeline: allTimeline)))
        }
        for (index, plan) in plans.enumerated() {
            var condition = "plan = \(literal(plan.name))"
            if (names[plan.name] ?? 0) > 1 { condition += " and file = \(literal(plan.source))" }
            let scope = Scope(id: "plan-\(index + 1)", condition: condition, several: false)
            let heading = [plan.kind.rawValue, plan.name, plan.commune, plan.domain].compactMap { $0 }
                .filter { !$0.isEmpty }.joined(separator: " · ")
            sections.append(ReportSection(id: scope.id, title: "\(words.planSection) \(heading)", intro: plan.source,
                                          figures: figures(scope, timeline: timeline(scope))))
        }
        sections.append(pcsSection())
        sections.append(findingsSection())
        // A figure showing a sum with unknown parts says what `+ montant inconnu` means.
        for s in sections.indices {
            for f in sections[s].figures.indices where sections[s].figures[f].table.rows.contains(where: { $0.contains(where: ReportText.isIncomplete) }) {
                sections[s].figures[f].notes.append(words.incompleteNote)
            }
        }
        return Report(language: language, today: today.description,
                      plans: plans.map { "\($0.name) (\($0.source))" }, files: files, sections: sections)
    }

    // MARK: Queries

    /// A query string literal: `"…"` with `\` and `"` escaped.
    func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `COLLECTION where CONDITIONS… REST`, the scope's condition last.
    func query(_ collection: String, _ scope: Scope?, _ conditions: [String] = [], _ rest: String) -> String {
        let all = conditions + [scope?.condition].compactMap { $0 }
        return collection + (all.isEmpty ? "" : " where " + all.joined(separator: " and ")) + (rest.isEmpty ? "" : " " + rest)
    }

    /// Runs a query; a failure becomes the figure's `failure`.
    func run(_ text: String) -> Result<ResultTable, QueryError> {
        do { return .success(try context.run(text)) } catch { return .failure(error) }
    }

    func figure(_ id: String, _ title: String, _ text: String, _ chart: ReportChart, notes: [String] = []) -> ReportFigure {
        switch run(text) {
        case .success(let table):
            return ReportFigure(id: id, title: title, queries: [text], derived: false, table: table, chart: chart, notes: notes)
        case .failure(let error):
            return ReportFigure(id: id, title: title, queries: [text], derived: false, table: ResultTable(columns: [], rows: []),
                                chart: .table, notes: notes, failure: error.description)
        }
    }

    // MARK: Sections

    /// The figures of one scope: actions by objective (or by plan), status, deadline; budget by
    /// kind, main function, article, pilot; allocations against credits.
    func figures(_ scope: Scope, timeline: ReportFigure) -> [ReportFigure] {
        let p = scope.id
        var figures: [ReportFigure] = []
        if scope.several {
            figures.append(figure("\(p)-plans", words.actionsByPlan,
                                  query("actions", scope, [], "group by plan select plan, count() sort by plan"),
                                  .bars(label: ["plan"], value: "count()")))
        } else {
            figures.append(figure("\(p)-objectives", words.actionsByObjective,
                                  query("actions", scope, [], "group by objective.number, objective.title select objective.number, objective.title, count() sort by objective.number"),
                                  .bars(label: ["objective.number", "objective.title"], value: "count()")))
        }
        var status = figure("\(p)-status", words.actionsByStatus,
                            query("actions", scope, [], "group by status select status, count() sort by status"),
                            .bars(label: ["status"], value: "count()"))
        if status.failure != nil || (status.table.column("status") ?? []).allSatisfy({ $0 == .missing }) {
            status.notes.append(words.statusesUnknown)
            if status.failure == nil { status.chart = .table }
        }
        figures.append(status)
        figures.append(timeline)
        let budget = [
            figure("\(p)-kind", words.budgetByKind,
                   query("budget", scope, [], "group by kind select kind, sum(amount), count() sort by kind"),
                   .bars(label: ["kind"], value: "sum(amount)")),
            figure("\(p)-main", words.budgetByMain,
                   query("budget", scope, ["article is not missing"], "group by article.main select article.main, sum(amount), count() sort by sum(amount) desc"),
                   .bars(label: ["article.main"], value: "sum(amount)")),
            figure("\(p)-article", words.budgetByArticle,
                   query("budget", scope, ["article is not missing"], "group by article select article, sum(amount), count() sort by sum(amount) desc limit \(top)"),
                   .bars(label: ["article"], value: "sum(amount)"), notes: [topNote]),
            figure("\(p)-pilot", words.budgetByPilot,
                   query("budget", scope, [], "group by action.pilot.political select action.pilot.political, sum(amount), count() sort by sum(amount) desc limit \(top)"),
                   .bars(label: ["action.pilot.political"], value: "sum(amount)"), notes: [topNote]),
        ]
        figures += budget
        figures.append(creditFigure(scope))
        return figures
    }

    private var topNote: String { words.topNote.replacingOccurrences(of: "%d", with: String(top)) }

    /// Allocations against the stated credit: per plan from its budget lines; across plans from
    /// the `articles` collection (what `budget.overcommitted` checks) when they are one commune's,
    /// and per commune when they are several communes' (one commune's article is never added to
    /// another's).
    func creditFigure(_ scope: Scope) -> ReportFigure {
        var credit: ReportFigure
        if scope.condition == nil, communes.count > 1 {
            credit = communeCreditFigure(scope)
        } else if scope.condition == nil {
            credit = figure("\(scope.id)-credit", words.creditByArticle,
                            "articles where credit is not missing select code, credit, allocated, lines sort by code",
                            .credit(label: ["code"], allocated: "allocated", credit: "credit"), notes: [words.creditNote])
        } else {
            credit = figure("\(scope.id)-credit", words.creditByArticle,
                            query("budget", scope, ["article is not missing"], "group by article select article, max(credit), sum(amount), count() sort by article"),
                            .credit(label: ["article"], allocated: "sum(amount)", credit: "max(credit)"), notes: [words.creditNote])
        }
        guard case .credit(_, let allocatedName, let creditName) = credit.chart,
              let allocatedColumn = credit.table.columns.firstIndex(of: allocatedName),
              let creditColumn = credit.table.columns.firstIndex(of: creditName) else { return credit }
        for (index, row) in credit.table.rows.enumerated() {
            // Known allocations above the credit: over-committed, whatever the unknown ones are.
            if case .money(let stated) = row[creditColumn], let allocated = SVGChart.knownPart(row[allocatedColumn]), allocated > stated {
                credit.marks[index] = words.overcommitted
            }
        }
        return credit
    }

    /// The communes of the loaded plans, a plan without one under the empty name (as in the
    /// commune table, such plans are counted together).
    var communes: Set<String> { Set(context.planSet.plans.map { $0.commune ?? "" }) }

    /// Allocations against credits per commune and article: the budget lines grouped by file and
    /// article, each file counted under the commune its plan names.
    func communeCreditFigure(_ scope: Scope) -> ReportFigure {
        let plansQuery = "plans select commune, file sort by commune, file"
        let linesQuery = "budget where article is not missing group by file, article select file, article, max(credit), sum(amount), count() sort by file, article"
        let columns = ["commune", "code", "credit", "allocated", "lines"]
        let chart = ReportChart.credit(label: ["commune", "code"], allocated: "allocated", credit: "credit")
        guard case .success(let plans) = run(plansQuery), case .success(let lines) = run(linesQuery) else {
            return ReportFigure(id: "\(scope.id)-credit", title: words.creditByArticle, queries: [plansQuery, linesQuery], derived: true,
                                table: ResultTable(columns: [], rows: []), chart: .table, failure: words.notComputed)
        }
        var communeOfFile: [String: QueryValue] = [:]
        for row in plans.rows { communeOfFile[row[1].text] = row[0] }
        struct Key: Hashable { var commune: String; var code: String }
        var order: [Key] = []
        var communeValue: [Key: QueryValue] = [:]
        var credit: [Key: Money] = [:], allocated: [Key: QueryValue] = [:], count: [Key: Int64] = [:]
        for row in lines.rows {
            let commune = communeOfFile[row[0].text] ?? .missing
            let key = Key(commune: commune.isState ? "" : commune.text, code: row[1].text)
            if communeValue[key] == nil { order.append(key); communeValue[key] = commune }
            if case .money(let stated) = row[2] { credit[key] = max(credit[key] ?? stated, stated) }
            allocated[key] = Self.add(allocated[key], row[3])
            count[key, default: 0] += Int64(row[4].text) ?? 0
        }
        order.sort { ($0.commune, $0.code) < ($1.commune, $1.code) }
        let rows: [[QueryValue]] = order.filter { credit[$0] != nil }.map { key in
            [communeValue[key] ?? .missing, .text(key.code), credit[key].map { .money($0) } ?? .missing, allocated[key] ?? .missing,
             .integer(count[key] ?? 0)]
        }
        var figure = ReportFigure(id: "\(scope.id)-credit", title: words.creditByCommune, queries: [plansQuery, linesQuery], derived: true,
                                  table: ResultTable(columns: columns, rows: rows), chart: chart, notes: [words.creditNote, words.creditCommunesNote])
        figure.axisLabel = nil
        return figure
    }

    /// Two sums of amounts added as `sum(amount)` adds lines: known and known is known; a part
    /// unknown makes the sum incomplete (its known part kept); nothing known is unknown.
    static func add(_ a: QueryValue?, _ b: QueryValue) -> QueryValue {
        guard let a else { return b }
        func parts(_ v: QueryValue) -> (known: Money?, unknown: Bool) {
            switch v {
            case .money(let m): (m, false)
            case .incomplete(let m): (m, true)
            case .unknown: (nil, true)
            default: (nil, false)
            }
        }
        let x = parts(a), y = parts(b)
        let unknown = x.unknown || y.unknown
        let known: Money?
        switch (x.known, y.known) {
        case (let p?, let q?):
            guard let sum = p.adding(q) else { return .unknown }
            known = sum
        case (let p?, nil): known = p
        case (nil, let q?): known = q
        case (nil, nil): known = nil
        }
        guard let known else { return unknown ? .unknown : .missing }
        return unknown ? .incomplete(known) : .money(known)
    }

    /// Deadlines: actions grouped by deadline and status, with the overdue ones counted.
    func timeline(_ scope: Scope) -> ReportFigure {
        var figure = self.figure("\(scope.id)-timeline", words.timeline,
                            query("actions", scope, [], "group by deadline, status select deadline, status, count() sort by deadline, status"),
                            .timeline(deadline: "deadline", status: "status", count: "count()"), notes: [words.timelineNote])
        if figure.failure != nil {
            // A model without statuses: the deadlines alone.
            var plain = self.figure("\(scope.id)-timeline", words.timeline,
                                    query("actions", scope, [], "group by deadline select deadline, count() sort by deadline"),
                                    .timeline(deadline: "deadline", status: "status", count: "count()"), notes: [words.timelineNote])
            plain.notes.append(words.statusesUnknown)
            return plain
        }
        let statuses = figure.table.column("status") ?? []
        let known = statuses.contains { if case .text = $0 { true } else { false } }
        guard figure.table.columns == ["deadline", "status", "count()"] else { return figure }
        figure.table.columns.append("overdue")
        figure.computedColumns.insert("overdue")
        var overdue = 0
        for index in figure.table.rows.indices {
            let row = figure.table.rows[index]
            let count = Int64(row[2].text) ?? 0
            let late = known && Self.isOverdue(deadline: row[0], status: row[1], today: today) ? count : 0
            overdue += Int(late)
            // Without statuses, whether an action is late is not known: never a 0 that would say it is not.
            figure.table.rows[index].append(known ? .integer(late) : .unknown)
        }
        if !known {
            figure.notes.append(words.statusesUnknown)
        } else if overdue == 0 {
            figure.notes.append(words.overdueNone)
        }
        return figure
    }

    /// Whether actions with this deadline and status are overdue on `today`: due before it,
    /// with a status saying they are not done (done or cancelled ones are not, nor unknown ones).
    package static func isOverdue(deadline: QueryValue, status: QueryValue, today: Day) -> Bool {
        guard case .deadline(let d) = deadline, let end = d.end, end < today,
              case .text(let s) = status else { return false }
        return ["not started", "in progress", "waiting", "problem"].contains(s)
    }

    /// Key figures across every plan.
    func overview(timeline: ReportFigure) -> ReportSection {
        let keys: [(String, String)] = [
            (words.keyActions, "actions select count()"),
            (words.keyOrdinary, "budget where kind = \"ordinary\" select sum(amount)"),
            (words.keyExtraordinary, "budget where kind = \"extraordinary\" select sum(amount)"),
            (words.keyErrors, "findings where severity = \"error\" select count()"),
        ]
        var rows: [[QueryValue]] = []
        var queries: [String] = []
        for (key, text) in keys {
            let value: QueryValue = switch run(text) {
            case .success(let table): table.rows.first?.first ?? .missing
            case .failure: .missing
            }
            rows.append([.text(key), value])
            queries.append(text)
        }
        let statuses = timeline.table.column("status") ?? []
        if statuses.contains(where: { if case .text = $0 { true } else { false } }), let overdue = timeline.table.column("overdue") {
            let total = overdue.reduce(Int64(0)) { sum, value in sum + (Int64(value.text) ?? 0) }
            rows.append([.text(words.keyOverdue), .integer(total)])
            queries.append(timeline.queries[0])
        }
        let cards = ReportFigure(id: "overview-keys", title: words.keyFigures, queries: queries, derived: true,
                                 table: ResultTable(columns: ["key", "value"], rows: rows), chart: .cards)
        return ReportSection(id: "overview", title: words.overview, intro: words.overviewIntro, figures: [cards])
    }

    /// One row per commune: its plans, actions, budget, findings and overdue actions.
    func communeSummary() -> ReportSection {
        let plansQuery = "plans select commune, name, file, actions sort by commune, name"
        let budgetQuery = "budget group by file, kind select file, kind, sum(amount)"
        let findingsQuery = "findings group by file, severity select file, severity, count()"
        let deadlineQuery = "actions group by file, deadline, status select file, deadline, status, count()"
        let queries = [plansQuery, budgetQuery, findingsQuery, deadlineQuery]
        let columns = ["commune", "plans", "actions", "ordinary", "extraordinary", "errors", "warnings", "overdue"]
        // Without statuses in the model, the deadlines say nothing of delays: no rows.
        let deadlines = (try? run(deadlineQuery).get()) ?? ResultTable(columns: [], rows: [])
        guard case .success(let plans) = run(plansQuery), case .success(let budget) = run(budgetQuery),
              case .success(let findings) = run(findingsQuery) else {
            let failed = ReportFigure(id: "communes-table", title: words.communes, queries: queries, derived: true,
                                      table: ResultTable(columns: [], rows: []), chart: .table, failure: words.notComputed)
            return ReportSection(id: "communes", title: words.communes, intro: words.communesIntro, figures: [failed])
        }
        struct Tally { var plans = 0; var actions: Int64 = 0; var ordinary: QueryValue?; var extraordinary: QueryValue?
            var errors: Int64 = 0; var warnings: Int64 = 0; var overdue: Int64 = 0 }
        var communeOfFile: [String: String] = [:]
        var tallies: [String: Tally] = [:]
        var order: [String] = []
        for row in plans.rows {
            let commune = row[0].isState ? words.missing : row[0].text
            communeOfFile[row[2].text] = commune
            if tallies[commune] == nil { order.append(commune) }
            tallies[commune, default: Tally()].plans += 1
            tallies[commune, default: Tally()].actions += Int64(row[3].text) ?? 0
        }
        for row in budget.rows {
            // The files' sums added as sum(amount) adds lines: a part unknown keeps the sum incomplete.
            guard let commune = communeOfFile[row[0].text] else { continue }
            var tally = tallies[commune] ?? Tally()
            if row[1].text == "ordinary" {
                tally.ordinary = Self.add(tally.ordinary, row[2])
            } else if row[1].text == "extraordinary" {
                tally.extraordinary = Self.add(tally.extraordinary, row[2])
            }
            tallies[commune] = tally
        }
        for row in findings.rows {
            guard let commune = communeOfFile[row[0].text] else { continue }
            let count = Int64(row[2].text) ?? 0
            if row[1].text == "error" { tallies[commune]?.errors += count }
            if row[1].text == "warning" { tallies[commune]?.warnings += count }
        }
        let known = deadlines.rows.contains { if case .text = $0[2] { true } else { false } }
        for row in deadlines.rows where known && Self.isOverdue(deadline: row[1], status: row[2], today: today) {
            guard let commune = communeOfFile[row[0].text] else { continue }
            tallies[commune]?.overdue += Int64(row[3].text) ?? 0
        }
        let rows: [[QueryValue]] = order.map { commune in
            let t = tallies[commune] ?? Tally()
            // A commune without lines of a service has allocated nothing to it.
            return [.text(commune), .integer(Int64(t.plans)), .integer(t.actions), t.ordinary ?? .money(.zero), t.extraordinary ?? .money(.zero),
                    .integer(t.errors), .integer(t.warnings), known ? .integer(t.overdue) : .unknown]
        }
        var figure = ReportFigure(id: "communes-table", title: words.communes, queries: queries, derived: true,
                                  table: ResultTable(columns: columns, rows: rows), chart: .table)
        if !known { figure.notes.append(words.statusesUnknown) }
        return ReportSection(id: "communes", title: words.communes, intro: words.communesIntro, figures: [figure])
    }

    /// PST ↔ PCS: links to the PCS III by axis, the loaded PCS's actions, which are not covered.
    func pcsSection() -> ReportSection {
        let linksQuery = "links where plan = \"PCS III\" select action.plan, action, kind as target, ref, status sort by ref, action.plan, action"
        let pcsNames = context.planSet.plans.filter { $0.kind == .pcs }.map(\.name)
        let pcsActionsQuery = pcsNames.isEmpty ? nil
            : "actions where plan in (\(Set(pcsNames).sorted().map(literal).joined(separator: ", "))) select plan, id, title sort by id"
        let uncoveredQuery = "findings where rule = \"pcs.uncovered\" select subject sort by subject"
        var figures: [ReportFigure] = []
        let links = figure("pcs-links", words.pcsLinks, linksQuery, .table)
        var queries = [linksQuery]
        var pcsActions: [String] = []
        var uncovered: Set<String> = []
        if let pcsActionsQuery, case .success(let table) = run(pcsActionsQuery) {
            queries.append(pcsActionsQuery)
            pcsActions = table.rows.map { $0[1].text }
            if case .success(let found) = run(uncoveredQuery) {
                queries.append(uncoveredQuery)
                uncovered = Set(found.rows.map { $0[0].text })
            }
        }
        var rows: [[QueryValue]] = []
        var marks: [Int: String] = [:]
        for axis in PCS3.axes.keys.sorted() {
            let onAxis = links.table.rows.filter { Self.axis(of: $0[3].text) == axis }
            let linked = onAxis.map { "\($0[0].text) \($0[1].text)" }
            var seen = Set<String>()
            let distinct = linked.filter { seen.insert($0).inserted }
            let actions = pcsActions.filter { Self.axis(of: $0) == axis }
            let notCovered = actions.filter { uncovered.contains($0) }
            if onAxis.isEmpty { marks[rows.count] = words.pcsNotCovered }
            rows.append([.text(String(axis)), .text(PCS3.axes[axis] ?? ""), .integer(Int64(onAxis.count)),
                         .text(distinct.joined(separator: ", ")),
                         pcsNames.isEmpty ? .missing : .text(actions.joined(separator: ", ")),
                         pcsNames.isEmpty ? .missing : .text(notCovered.joined(separator: ", "))])
        }
        var byAxis = ReportFigure(id: "pcs-axes", title: words.pcsCoverage, queries: queries, derived: true,
                                  table: ResultTable(columns: ["axis", "label", "links", "pst", "pcsActions", "uncovered"], rows: rows),
                                  chart: .bars(label: ["axis", "label"], value: "links"))
        byAxis.marks = marks
        byAxis.axisLabel = words.linksAxis
        if pcsNames.isEmpty { byAxis.notes.append(words.pcsNoPlan) }
        figures.append(byAxis)
        figures.append(links)
        return ReportSection(id: "pcs", title: words.pcs, intro: words.pcsIntro, figures: figures)
    }

    /// The axis (1-7) a PCS reference names: its first number.
    package static func axis(of ref: String) -> Int? {
        ref.split(separator: ".", omittingEmptySubsequences: false).first.flatMap { Int($0) }
    }

    /// The findings: a count by rule, then one table per rule.
    func findingsSection() -> ReportSection {
        var figures = [figure("findings-rules", words.findings,
                              "findings group by rule, severity select rule, severity, count() sort by rule, severity",
                              .bars(label: ["rule"], value: "count()"))]
        let rules = Set((figures[0].table.column("rule") ?? []).map(\.text)).sorted()
        for (index, rule) in rules.enumerated() {
            var table = figure("findings-\(index + 1)", rule,
                               "findings where rule = \(literal(rule)) select subject, message, file, line, column sort by file, line, column",
                               .table)
            let count = table.table.rows.count
            let name = FindingText.ruleName(rule, language: language)
            table.title = (name == rule ? rule : "\(name) (\(rule))")
                + " — \(ReportText(language: language).grouped(String(count))) \(count == 1 ? words.findingWord : words.findingsCount)"
            if let summary = FindingText.summary(rule, language: language) { table.notes.append(summary) }
            // Each message in the report's language; the table keeps the rule's own words as its raw value.
            if let message = table.table.columns.firstIndex(of: "message") {
                for (row, values) in table.table.rows.enumerated() {
                    let shown = FindingText.message(values[message].text, rule: rule, language: language)
                    if shown != values[message].text { table.shownText[row, default: [:]][message] = shown }
                }
            }
            figures.append(table)
        }
        figures[0].axisLabel = words.findingsAxis
        if rules.isEmpty { figures[0].notes.append(words.noFindings) }
        return ReportSection(id: "findings", title: words.findings, intro: words.findingsIntro, figures: figures)
    }
}
