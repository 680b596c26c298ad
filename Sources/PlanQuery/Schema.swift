import Foundation
import PlanKit

/// The data a query runs over: the loaded plans and what was derived from them.
///
/// A context may be shared: any number of queries may run over it at once, from any threads.
/// What it derives on first use (findings, link resolutions, folded texts and columns) is made
/// once, under a lock, and never changed after; the plans are values that do not change.
public final class QueryContext: Sendable {
    /// The loaded plans and their indexes.
    public let planSet: PlanSet
    private let foldCache = FoldCache()
    private let foldedColumns = FoldedColumns()
    private let derived: Derived

    /// Creates a context over `planSet`; `findings` defaults to running every rule when first asked for.
    public init(_ planSet: PlanSet, findings: [Finding]? = nil) {
        self.planSet = planSet
        derived = Derived(findings: findings)
    }

    /// Findings of the consistency checks, for the `findings` collection (computed once, on first use).
    public var findings: [Finding] { derived.findings(planSet) }

    /// How each link resolves, by index in `PlanSet.links` (computed once, on first use).
    public var linkResolutions: [LinkResolver.Resolution] { derived.resolutions(planSet) }

    /// Values derived from the plans on first use.
    ///
    /// Sendable because both cached values are read and written only while `lock` is held.
    private final class Derived: @unchecked Sendable {
        private let lock = NSLock()
        private var cachedFindings: [Finding]?
        private var cachedResolutions: [LinkResolver.Resolution]?

        init(findings: [Finding]?) { cachedFindings = findings }

        func findings(_ plans: PlanSet) -> [Finding] {
            lock.lock()
            defer { lock.unlock() }
            if let cachedFindings { return cachedFindings }
            let made = Checker().run(on: plans)
            cachedFindings = made
            return made
        }

        func resolutions(_ plans: PlanSet) -> [LinkResolver.Resolution] {
            lock.lock()
            defer { lock.unlock() }
            if let cachedResolutions { return cachedResolutions }
            let resolver = LinkResolver(plans)
            let made = plans.links.map { resolver.resolve($0.link) }
            cachedResolutions = made
            return made
        }
    }

    /// `text` folded (lower case, no accents), computed once per distinct text of the context.
    func folded(_ text: String) -> String { foldCache.folded(text) }

    /// A column of folded texts, built the first time a query searches it.
    func foldedColumn(_ key: FoldedColumn.Key) -> FoldedColumn { foldedColumns.column(key, of: self) }
}

/// Remembers folded texts, so each value is folded once however many queries compare it.
///
/// Sendable because `cache` is read and written only while `lock` is held.
final class FoldCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: String] = [:]

    func folded(_ text: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[text] { return hit }
        let folded = TextFolding.fold(text)
        cache[text] = folded
        return folded
    }
}

/// The type of a field's values.
public enum ValueType: String, Sendable, Hashable {
    case text, id, integer, money, bool, deadline
}

/// Emits one value; returns `true` to stop the enumeration.
typealias Emit = (QueryValue) -> Bool
/// Enumerates a field's values for the row at an index.
typealias ValueAccessor = @Sendable (QueryContext, Int, Emit) -> Bool
/// Enumerates the indexes of the records a field leads to.
typealias RecordAccessor = @Sendable (QueryContext, Int, (Int) -> Bool) -> Bool

/// A field of a record type.
public struct Field: Sendable {
    enum Kind: Sendable {
        case value(ValueType, ValueAccessor)
        case record(String, many: Bool, RecordAccessor)
    }

    /// The field's name.
    public let name: String
    /// Other names the field answers to.
    public let aliases: [String]
    /// One line on what the field holds.
    public let summary: String
    let kind: Kind
    /// The folded column `~` may scan for this field at the root of its collection.
    var foldedColumn: FoldedColumn.Key? = nil
    /// For a value: the small number of the row it is a value of, when it has one.
    var denseKey: DenseKey? = nil
    /// For a record: whether it is the same row seen as another record (a budget line's article).
    var sameRow = false

    /// The type name shown by `.schema`: `text`, `money`, `budget[]`…
    public var typeName: String {
        switch kind {
        case .value(let type, _): type.rawValue
        case .record(let name, let many, _): many ? "\(name)[]" : name
        }
    }

    /// The record type the field leads to, if it is a record.
    public var recordTypeName: String? {
        if case .record(let name, _, _) = kind { return name }
        return nil
    }

    /// The value type when the field is a plain value.
    public var valueType: ValueType? {
        if case .value(let type, _) = kind { return type }
        return nil
    }
}

/// A value that depends only on a small number of its row, such as a budget line's article
/// (its index in ``PlanSet/lineArticles``): grouping by it groups by that number, and makes the
/// value once a number instead of once a row.
struct DenseKey: Sendable {
    /// The number of row `i`, below ``count``; `nil` when the value is missing.
    let index: @Sendable (QueryContext, Int) -> Int?
    /// How many numbers there are.
    let count: @Sendable (QueryContext) -> Int
    /// The value of number `k`.
    let value: @Sendable (QueryContext, Int) -> QueryValue

    /// The value of row `i`: its number's, or `missing` when it has none.
    func value(ofRow i: Int, in c: QueryContext) -> QueryValue {
        guard let number = index(c, i) else { return .missing }
        return value(c, number)
    }
}

/// A kind of record: the rows of a collection, or a nested record such as a deadline.
public struct RecordType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's fields, in display order.
    public let fields: [Field]
    /// The value the record stands for when a path ends on it (an article's code, a deadline).
    let selfValue: (ValueType, ValueAccessor)?
    /// The small number ``selfValue`` depends on, when it has one.
    var selfDense: DenseKey? = nil

    /// The field named `name` (or an alias), ignoring case.
    public func field(_ name: String) -> Field? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower || $0.aliases.contains(lower) }
    }
}

/// A collection a query can name.
public struct QueryCollection: Sendable {
    /// The collection's name.
    public let name: String
    /// The type of its rows.
    public let recordType: String
    /// The columns shown when a query has no `select`.
    public let defaultColumns: [String]
    /// One line on what a row is.
    public let summary: String
    /// The path of the plan a row comes from, shown first when several plans are loaded.
    public let sourcePlan: String?
    let count: @Sendable (QueryContext) -> Int

    init(name: String, recordType: String, defaultColumns: [String], summary: String, sourcePlan: String? = "plan",
         count: @escaping @Sendable (QueryContext) -> Int) {
        self.name = name
        self.recordType = recordType
        self.defaultColumns = defaultColumns
        self.summary = summary
        self.sourcePlan = sourcePlan
        self.count = count
    }
}

/// The query language's schema: its collections and the fields of every record type.
public enum Schema {
    /// The collections, in the order `.schema` lists them.
    public static let collections: [QueryCollection] = [
        QueryCollection(name: "plans", recordType: "plan", defaultColumns: ["name", "kind", "commune", "domain", "objectives", "actions", "file"],
                   summary: "a row per loaded plan", sourcePlan: nil) { $0.planSet.plans.count },
        QueryCollection(name: "objectives", recordType: "objective", defaultColumns: ["level", "number", "title", "actions"],
                   summary: "a row per strategic or operational objective") { $0.planSet.objectives.count },
        QueryCollection(name: "actions", recordType: "action", defaultColumns: ["id", "title", "objective", "deadline"],
                   summary: "a row per action") { $0.planSet.actions.count },
        QueryCollection(name: "budget", recordType: "budget", defaultColumns: ["action", "kind", "label", "amount", "article", "credit"],
                   summary: "a row per budget line of an action, objective or volet; its action is reachable as action.…") { $0.planSet.budgetLines.count },
        QueryCollection(name: "links", recordType: "link", defaultColumns: ["action", "relation", "plan", "kind", "ref", "status"],
                   summary: "a row per cross-link to another plan", sourcePlan: "action.plan") { $0.planSet.links.count },
        QueryCollection(name: "articles", recordType: "article", defaultColumns: ["code", "main", "economic", "service", "label", "credit", "allocated", "lines"],
                   summary: "a row per distinct budget article across the loaded plans", sourcePlan: nil) { $0.planSet.articles.count },
        QueryCollection(name: "findings", recordType: "finding", defaultColumns: ["severity", "rule", "subject", "message", "file", "line"],
                   summary: "a row per finding of the consistency checks", sourcePlan: nil) { $0.findings.count },
    ]

    /// The collection named `name`, ignoring case.
    public static func collection(_ name: String) -> QueryCollection? {
        let lower = name.lowercased()
        return collections.first { $0.name == lower }
    }

    /// Every record type by name.
    public static let recordTypes: [String: RecordType] = {
        var types: [String: RecordType] = [:]
        for type in [plan, objective, action, pilots, deadline, budget, lineArticle, link, article, finding, actionStatus, objectiveStatus] { types[type.name] = type }
        return types
    }()

    // MARK: - Helpers

    static func one(_ f: @escaping @Sendable (QueryContext, Int) -> QueryValue) -> ValueAccessor {
        { context, index, emit in emit(f(context, index)) }
    }

    static func value(_ name: String, _ type: ValueType, _ summary: String, aliases: [String] = [],
                      _ f: @escaping @Sendable (QueryContext, Int) -> QueryValue) -> Field {
        Field(name: name, aliases: aliases, summary: summary, kind: .value(type, one(f)))
    }

    /// `field`, searched by `~` through a folded column.
    static func searchable(_ field: Field, _ column: FoldedColumn.Key) -> Field {
        var field = field
        field.foldedColumn = column
        return field
    }

    static func values(_ name: String, _ type: ValueType, _ summary: String, aliases: [String] = [],
                       _ f: @escaping ValueAccessor) -> Field {
        Field(name: name, aliases: aliases, summary: summary, kind: .value(type, f))
    }

    static func record(_ name: String, _ type: String, _ summary: String, aliases: [String] = [],
                       _ f: @escaping @Sendable (QueryContext, Int) -> Int) -> Field {
        Field(name: name, aliases: aliases, summary: summary, kind: .record(type, many: false, { c, i, visit in visit(f(c, i)) }))
    }

    static func records(_ name: String, _ type: String, _ summary: String, aliases: [String] = [],
                        _ f: @escaping @Sendable (QueryContext, Int) -> Range<Int>) -> Field {
        Field(name: name, aliases: aliases, summary: summary, kind: .record(type, many: true, { c, i, visit in
            for j in f(c, i) where visit(j) { return true }
            return false
        }))
    }

    static func text(_ s: String?) -> QueryValue { s.map { .text($0) } ?? .missing }

    static func state<T>(_ cell: Cell<T>, _ known: (T) -> QueryValue) -> QueryValue {
        state(cell.value, known)
    }

    static func state<T>(_ value: CellValue<T>, _ known: (T) -> QueryValue) -> QueryValue {
        switch value {
        case .known(let v): known(v)
        case .unknown: .unknown
        case .none: .none
        case .missing: .missing
        }
    }

    static func names(_ cell: @escaping @Sendable (Action) -> Cell<[String]>) -> ValueAccessor {
        { context, index, emit in
            let cell = cell(context.planSet.actions[index].action)
            switch cell.value {
            case .known(let names):
                if names.isEmpty { return emit(.missing) }
                for name in names where emit(.text(name)) { return true }
                return false
            case .unknown: return emit(.unknown)
            case .none: return emit(.none)
            case .missing: return emit(.missing)
            }
        }
    }

    /// The sum of an action's known amounts of one kind; the cell's state when it holds no lines.
    static func budgetSum(_ c: QueryContext, _ i: Int, _ kind: BudgetKind) -> QueryValue {
        let entry = c.planSet.actions[i]
        let cell = kind == .ordinary ? entry.action.ordinaryBudget : entry.action.extraordinaryBudget
        guard case .known = cell.value else { return state(cell) { _ in .missing } }
        return sum(c.planSet.budgetLines[entry.budgetLines].lazy.filter { $0.kind == kind }.map(\.amount))
    }

    /// The sum of the known amounts; `.unknown` when there are amounts but none is known (a cell
    /// `?? …`) or the sum overflows, `.missing` when there is no amount at all.
    static func sum(_ amounts: some Sequence<CellValue<Money>>) -> QueryValue {
        var total = Money.zero
        var any = false, unknown = false
        for cell in amounts {
            guard let amount = cell.value else {
                if case .unknown = cell { unknown = true }
                continue
            }
            any = true
            guard let next = total.adding(amount) else { return .unknown }
            total = next
        }
        return any ? .money(total) : (unknown ? .unknown : .missing)
    }

    // MARK: - Follow-up fields

    /// An action's eComptes fields.
    @Sendable static func actionExchange(_ c: QueryContext, _ i: Int) -> ExchangeFields? { c.planSet.actions[i].action.exchange }

    /// An objective's eComptes fields.
    @Sendable static func objectiveExchange(_ c: QueryContext, _ i: Int) -> ExchangeFields? {
        let entry = c.planSet.objectives[i]
        if entry.operational != nil { return c.planSet.operationalObjective(entry)?.exchange }
        return c.planSet.strategicObjective(entry).exchange
    }

    /// An action's full-time equivalents: eComptes' `ETP`, or the number a spreadsheet's RH cell
    /// starts with (`0,5 ETP` → 0.5).
    @Sendable static func actionFTE(_ c: QueryContext, _ i: Int) -> QueryValue {
        let action = c.planSet.actions[i].action
        if let exchange = action.exchange { return number(exchange.fte) }
        switch action.humanResources.value {
        case .known(let text):
            let digits = text.trimmed.prefix { $0.isNumber || $0 == "," || $0 == "." }.replacingOccurrences(of: ",", with: ".")
            return Double(digits).map { .decimal($0) } ?? .missing
        case .unknown: return .unknown
        case .none: return .none
        case .missing: return .missing
        }
    }

    /// A number as written: missing when absent or blank, unknown when it is not a number.
    static func number(_ text: String?) -> QueryValue {
        guard let text = text?.trimmed, !text.isEmpty else { return .missing }
        return Double(text).map { .decimal($0) } ?? .unknown
    }

    /// A text as written, trimmed: missing when absent or blank.
    static func written(_ text: String?) -> QueryValue {
        guard let text = text?.trimmed, !text.isEmpty else { return .missing }
        return .text(text)
    }

    /// A person's name: missing when absent or blank.
    static func name(_ person: ExchangeFields.Person?) -> QueryValue {
        guard let name = person?.displayName, !name.isEmpty else { return .missing }
        return .text(name)
    }

    /// The follow-up fields of DESIGN.md, from a row's eComptes fields: status, progress, start,
    /// end, fte, responsible, mandataire, plans.
    static func followUp(_ statusType: String, _ exchange: @escaping @Sendable (QueryContext, Int) -> ExchangeFields?,
                         fte: (@Sendable (QueryContext, Int) -> QueryValue)? = nil) -> [Field] {
        [
            record("status", statusType, "the follow-up status: not started, in progress, waiting, problem, done, cancelled") { _, i in i },
            value("progress", .integer, "the progress rate, 0-100") { c, i in number(exchange(c, i)?.progress) },
            value("start", .text, "the start date, YYYY-MM-DD") { c, i in written(exchange(c, i)?.startDate) },
            value("end", .text, "the end date, YYYY-MM-DD") { c, i in written(exchange(c, i)?.endDate) },
            value("fte", .integer, "the full-time equivalents", aliases: ["etp"]) { c, i in fte?(c, i) ?? number(exchange(c, i)?.fte) },
            value("responsible", .text, "the administrative responsible", aliases: ["responsable"]) { c, i in name(exchange(c, i)?.responsible) },
            value("mandataire", .text, "the political mandataire") { c, i in name(exchange(c, i)?.mandataire) },
            values("plans", .text, "the plans it belongs to, as written") { c, i, emit in
                let plans = (exchange(c, i)?.plans ?? []).map(\.trimmed).filter { !$0.isEmpty }
                if plans.isEmpty { return emit(.missing) }
                for plan in plans where emit(.text(plan)) { return true }
                return false
            },
        ]
    }

    /// A status record over the rows `exchange` reads.
    static func statusType(_ name: String, _ exchange: @escaping @Sendable (QueryContext, Int) -> ExchangeFields?) -> RecordType {
        RecordType(name: name, fields: [
            value("text", .text, "the status as written (EN_COURS, …)") { c, i in written(exchange(c, i)?.statusText) },
        ], selfValue: (.text, one { c, i in
            guard let fields = exchange(c, i), let text = fields.statusText else { return .missing }
            return fields.status.map { .text($0.name) } ?? (text.trimmed.isEmpty ? .missing : .unknown)
        }))
    }

    static let actionStatus = statusType("status", actionExchange)
    static let objectiveStatus = statusType("objective-status", objectiveExchange)

    // MARK: - Record types

    static let plan = RecordType(name: "plan", fields: [
        value("name", .text, "the plan's name") { c, i in .text(c.planSet.plans[i].name) },
        value("kind", .text, "PST, PCS or other") { c, i in .text(c.planSet.plans[i].kind.rawValue) },
        value("commune", .text, "the commune (COMMUNE : preamble line)") { c, i in text(c.planSet.plans[i].commune) },
        value("volet", .text, "the volet, lower-cased") { c, i in text(c.planSet.plans[i].volet) },
        value("domain", .text, "the domain (DOMAINE : preamble line)") { c, i in text(c.planSet.plans[i].domain) },
        value("period", .text, "the legislature's years, e.g. 2019-2024") { c, i in
            text(c.planSet.plans[i].period.map { "\($0.lowerBound)-\($0.upperBound)" })
        },
        value("file", .text, "the file the plan was read from") { c, i in .text(c.planSet.plans[i].source) },
        value("objectives", .integer, "the number of strategic objectives") { c, i in .integer(Int64(c.planSet.plans[i].objectives.count)) },
        value("actions", .integer, "the number of actions") { c, i in
            .integer(Int64(c.planSet.plans[i].objectives.reduce(0) { $0 + $1.operationalObjectives.reduce(0) { $0 + $1.actions.count } }))
        },
        value("warnings", .integer, "the number of reader warnings") { c, i in .integer(Int64(c.planSet.plans[i].warnings.count)) },
    ], selfValue: (.text, one { c, i in .text(c.planSet.plans[i].name) }))

    static func objectiveNumber(_ c: QueryContext, _ i: Int) -> String {
        let entry = c.planSet.objectives[i]
        return c.planSet.operationalObjective(entry)?.number ?? c.planSet.strategicObjective(entry).number
    }

    static let objective = RecordType(name: "objective", fields: [
        value("plan", .text, "the plan's name") { c, i in .text(c.planSet.plans[c.planSet.objectives[i].plan].name) },
        value("level", .text, "strategic or operational") { c, i in .text(c.planSet.objectives[i].operational == nil ? "strategic" : "operational") },
        value("number", .id, "the objective's number") { c, i in .id(objectiveNumber(c, i)) },
        value("title", .text, "the objective's text") { c, i in
            let entry = c.planSet.objectives[i]
            return .text(c.planSet.operationalObjective(entry)?.title ?? c.planSet.strategicObjective(entry).title)
        },
        value("strategic", .text, "the strategic objective's text") { c, i in .text(c.planSet.strategicObjective(c.planSet.objectives[i]).title) },
        value("actions", .integer, "the number of actions under it") { c, i in
            let entry = c.planSet.objectives[i]
            if let oo = c.planSet.operationalObjective(entry) { return .integer(Int64(oo.actions.count)) }
            return .integer(Int64(c.planSet.strategicObjective(entry).operationalObjectives.reduce(0) { $0 + $1.actions.count }))
        },
    ] + followUp("objective-status", objectiveExchange) + [
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.plans[c.planSet.objectives[i].plan].source) },
        value("line", .integer, "the objective's line in the file") { c, i in
            let entry = c.planSet.objectives[i]
            return .integer(Int64((c.planSet.operationalObjective(entry)?.location ?? c.planSet.strategicObjective(entry).location).line))
        },
    ], selfValue: (.id, one { c, i in .id(objectiveNumber(c, i)) }))

    static let action = RecordType(name: "action", fields: [
        value("plan", .text, "the plan's name") { c, i in .text(c.planSet.plans[c.planSet.actions[i].plan].name) },
        value("id", .id, "the action's number, e.g. 1.2") { c, i in .id(c.planSet.actions[i].id) },
        value("code", .text, "the code column, e.g. A 1.2") { c, i in state(c.planSet.actions[i].action.code) { .text($0) } },
        searchable(value("title", .text, "the title without links and open questions") { c, i in .text(String(c.planSet.actions[i].title)) }, .actionTitle),
        value("text", .text, "the title cell as the file has it") { c, i in .text(c.planSet.actions[i].action.titleCell.text) },
        record("objective", "objective", "its operational objective (number, title…)") { c, i in c.planSet.actions[i].objective.offset },
        record("strategic", "objective", "its strategic objective") { c, i in c.planSet.actions[i].strategic.offset },
        record("pilot", "pilots", "its pilots: political, service, agent", aliases: ["pilots"]) { _, i in i },
        record("deadline", "deadline", "its deadline (year, month, form, text)") { _, i in i },
        records("budget", "budget", "its budget lines") { c, i in c.planSet.actions[i].budgetLines.offsets() },
        value("ordinary", .money, "the sum of its known ordinary amounts; unknown when none of its amounts is known") { c, i in budgetSum(c, i, .ordinary) },
        value("extraordinary", .money, "the sum of its known extraordinary amounts; unknown when none of its amounts is known") { c, i in budgetSum(c, i, .extraordinary) },
        value("total", .money, "the sum of all its known amounts") { c, i in sum(c.planSet.budgetLines[c.planSet.actions[i].budgetLines].lazy.map(\.amount)) },
        records("links", "link", "its links to other plans", aliases: ["link"]) { c, i in c.planSet.actions[i].links.offsets() },
        values("questions", .text, "its open questions", aliases: ["question"]) { c, i, emit in
            for q in c.planSet.actions[i].action.openQuestions where emit(.text(q)) { return true }
            return false
        },
        value("pending", .bool, "whether it awaits the Collège's confirmation (a spreadsheet's legend, never an eComptes status)") { c, i in
            .bool(c.planSet.actions[i].pending)
        },
        value("hr", .text, "the human resources cell", aliases: ["rh"]) { c, i in state(c.planSet.actions[i].action.humanResources) { .text($0) } },
        value("parent", .id, "the action a sub-action belongs to (16 for A.16 - SA.17)") { c, i in c.planSet.actions[i].action.parent.map { .id($0) } ?? .missing },
    ] + followUp("status", actionExchange, fte: actionFTE) + [
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.actions[i].action.location.file) },
        value("line", .integer, "the action's line in the file") { c, i in .integer(Int64(c.planSet.actions[i].action.location.line)) },
    ], selfValue: (.id, one { c, i in .id(c.planSet.actions[i].id) }))

    static let pilots = RecordType(name: "pilots", fields: [
        values("political", .text, "the members of the Collège in charge", aliases: ["politician", "politique"], names { $0.pilots.political }),
        values("service", .text, "the services in charge", aliases: ["services"], names { $0.pilots.services }),
        values("agent", .text, "the agents in charge", aliases: ["agents"], names { $0.pilots.agents }),
    ], selfValue: (.text, { c, i, emit in
        for accessor in [names { $0.pilots.political }, names { $0.pilots.services }, names { $0.pilots.agents }] where accessor(c, i, emit) {
            return true
        }
        return false
    }))

    /// An action's deadline in its four states.
    static func deadlineState(_ c: QueryContext, _ i: Int) -> CellValue<Deadline> { c.planSet.actions[i].deadline }

    static let deadline = RecordType(name: "deadline", fields: [
        value("year", .integer, "the year it is due (a period's end)") { c, i in
            state(deadlineState(c, i)) { d in d.year.map { .integer(Int64($0)) } ?? .missing }
        },
        value("month", .integer, "the last month it is due by (1-12)") { c, i in
            state(deadlineState(c, i)) { d in d.month.map { .integer(Int64($0)) } ?? .missing }
        },
        value("form", .text, "year, semester, quarter, month, end-of-year, period or ongoing") { c, i in
            state(deadlineState(c, i)) { .text($0.form) }
        },
        value("text", .text, "the cell as the file has it") { c, i in .text(c.planSet.actions[i].action.deadline.text.trimmed) },
    ], selfValue: (.deadline, one { c, i in state(deadlineState(c, i)) { .deadline($0) } }))

    static let budget = RecordType(name: "budget", fields: [
        Field(name: "action", aliases: [], summary: "the action the line belongs to; null for an objective's or a volet's line",
              kind: .record("action", many: false, { c, i, visit in c.planSet.budgetLines[i].action.map { visit($0.offset) } ?? false })),
        value("level", .text, "the element the line belongs to: volet, strategic, operational, action or subaction") { c, i in
            .text(c.planSet.budgetLines[i].level.name)
        },
        value("owner", .id, "the id of the element the line belongs to: OS.1, OO.2, an action's 1.2, a volet's label") { c, i in
            .id(c.planSet.owner(ofLine: PlanSet.LineIndex(i)))
        },
        value("plan", .text, "the plan's name") { c, i in .text(c.planSet.plans[c.planSet.plan(ofLine: PlanSet.LineIndex(i))].name) },
        value("kind", .text, "ordinary or extraordinary") { c, i in .text(c.planSet.budgetLines[i].kind.rawValue) },
        searchable(value("label", .text, "the label before the amount, e.g. CCE") { c, i in text(c.planSet.budgetLines[i].line.label) }, .budgetLabel),
        value("amount", .money, "the amount allocated to the element") { c, i in
            switch c.planSet.budgetLines[i].amount {
            case .known(let m): .money(m)
            case .unknown: .unknown
            case .none: .none
            case .missing: .missing
            }
        },
        sameRow(record("article", "budget-article", "the article charged") { _, i in i }),
        value("credit", .money, "the article's total credit as the line states it") { c, i in
            c.planSet.budgetLines[i].line.statedCredit.map { .money($0) } ?? .missing
        },
        value("funding", .text, "the plan whose envelope funds the line") { c, i in text(c.planSet.budgetLines[i].line.fundingPlan) },
        value("note", .text, "other text in parentheses") { c, i in text(c.planSet.budgetLines[i].line.note) },
        searchable(value("text", .text, "the line's text in the cell") { c, i in .text(c.planSet.budgetLines[i].line.text) }, .budgetText),
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.budgetLines[i].line.location.file) },
        value("line", .integer, "the line in the file") { c, i in .integer(Int64(c.planSet.budgetLines[i].line.location.line)) },
    ], selfValue: (.money, one { c, i in
        switch c.planSet.budgetLines[i].amount {
        case .known(let m): .money(m)
        default: .unknown
        }
    }))

    /// A value of a budget line's article, made once an article when rows are grouped by it.
    static func articleValue(_ name: String, _ type: ValueType, _ summary: String, aliases: [String] = [],
                             _ f: @escaping @Sendable (BudgetArticle) -> QueryValue) -> Field {
        let key = articleKey(f)
        var field = value(name, type, summary, aliases: aliases) { c, i in key.value(ofRow: i, in: c) }
        field.denseKey = key
        return field
    }

    /// The line's index in ``PlanSet/lineArticles`` as the number `f`'s value depends on.
    static func articleKey(_ f: @escaping @Sendable (BudgetArticle) -> QueryValue) -> DenseKey {
        DenseKey(index: { c, i in c.planSet.budgetLines[i].article?.offset }, count: { c in c.planSet.lineArticles.count },
                 value: { c, k in f(c.planSet.lineArticles[k]) })
    }

    /// `field`, marked as the same row seen as another record.
    static func sameRow(_ field: Field) -> Field {
        var field = field
        field.sameRow = true
        return field
    }

    static let lineArticle = RecordType(name: "budget-article", fields: [
        articleValue("code", .text, "the article as written, e.g. 84021/124-02") { .text($0.code) },
        articleValue("function", .text, "the function, e.g. 84021") { .text($0.function) },
        articleValue("main", .text, "the main function: the function's first three digits", aliases: ["mainfunction"]) { .text($0.mainFunction) },
        articleValue("economic", .text, "the economic code with its sub-code, e.g. 124-02") { .text($0.economicCode) },
        articleValue("service", .text, "ordinary or extraordinary, from the official chart") { .text($0.service.rawValue) },
        value("label", .text, "the article's label as the plan writes it") { c, i in text(c.planSet.budgetLines[i].line.articleLabel) },
        articleValue("official", .text, "the official label of the economic code") { text($0.official?.label) },
        articleValue("year", .integer, "the budget year suffix (.2019), if any") { $0.year.map { .integer(Int64($0)) } ?? .missing },
    ], selfValue: (.text, one { c, i in articleCode.value(ofRow: i, in: c) }), selfDense: articleCode)

    /// A line's article as its code.
    static let articleCode = articleKey { .text($0.code) }

    static let link = RecordType(name: "link", fields: [
        record("action", "action", "the action the link belongs to") { c, i in c.planSet.links[i].action.offset },
        value("plan", .text, "the target plan, normalised (PCS III, PST Aînés)") { c, i in .text(c.planSet.links[i].link.plan) },
        value("kind", .text, "axis, sub-axis, action or plan", aliases: ["element"]) { c, i in .text(c.planSet.links[i].link.element.rawValue) },
        value("ref", .text, "the axis number or action code, e.g. 5.5.02") { c, i in text(c.planSet.links[i].link.ref) },
        value("relation", .text, "en lien avec or cfr") { c, i in .text(c.planSet.links[i].link.relation.rawValue) },
        value("text", .text, "the parenthesis as written") { c, i in .text(c.planSet.links[i].link.text) },
        value("status", .text, "resolved, reference (a PCS III axis), unresolved-plan or unknown-target") { c, i in .text(c.linkResolutions[i].name) },
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.links[i].link.location.file) },
        value("line", .integer, "the line in the file") { c, i in .integer(Int64(c.planSet.links[i].link.location.line)) },
    ], selfValue: (.text, one { c, i in
        let link = c.planSet.links[i].link
        return .text(link.ref.map { "\(link.plan) \(link.element.rawValue) \($0)" } ?? link.plan)
    }))

    static let article = RecordType(name: "article", fields: [
        value("code", .text, "the article, e.g. 84021/124-02") { c, i in .text(c.planSet.articles[i].article.code) },
        value("function", .text, "the function") { c, i in .text(c.planSet.articles[i].article.function) },
        value("main", .text, "the main function", aliases: ["mainfunction"]) { c, i in .text(c.planSet.articles[i].article.mainFunction) },
        value("economic", .text, "the economic code with its sub-code") { c, i in .text(c.planSet.articles[i].article.economicCode) },
        value("service", .text, "ordinary or extraordinary, from the official chart") { c, i in .text(c.planSet.articles[i].article.service.rawValue) },
        value("label", .text, "the official label of the economic code", aliases: ["official"]) { c, i in text(c.planSet.articles[i].article.official?.label) },
        value("credit", .money, "the credit stated for it (the first, when several)") { c, i in
            c.planSet.articles[i].statedCredits.first.map { .money($0.credit) } ?? .missing
        },
        value("allocated", .money, "the sum of known allocations across the loaded plans") { c, i in
            c.planSet.articles[i].allocated.map { .money($0) } ?? .unknown
        },
        value("lines", .integer, "the number of budget lines charged to it") { c, i in .integer(Int64(c.planSet.articles[i].lines.count)) },
    ], selfValue: (.text, one { c, i in .text(c.planSet.articles[i].article.code) }))

    static let finding = RecordType(name: "finding", fields: [
        value("rule", .text, "the rule's id, e.g. budget.overcommitted") { c, i in .text(c.findings[i].rule) },
        value("severity", .text, "error, warning or info") { c, i in .text(c.findings[i].severity.rawValue) },
        value("message", .text, "what is wrong") { c, i in .text(c.findings[i].message) },
        value("subject", .text, "the action, article or plan concerned") { c, i in .text(c.findings[i].subject) },
        value("file", .text, "the file") { c, i in text(c.findings[i].location?.file) },
        value("line", .integer, "the line") { c, i in c.findings[i].location.map { .integer(Int64($0.line)) } ?? .missing },
        value("column", .integer, "the column (in a spreadsheet, the cell's: 1 = A)") { c, i in c.findings[i].location.map { .integer(Int64($0.column)) } ?? .missing },
        value("text", .text, "a reader's finding: the input's text concerned, verbatim") { c, i in text(c.findings[i].text) },
    ], selfValue: (.text, one { c, i in .text(c.findings[i].rule) }))
}
