import Foundation
import PlanKit

extension Schema {
    /// The action at `i`.
    static func action(_ c: QueryContext, _ i: Int) -> Action { c.planSet.actions[i].action }

    /// The follow-up fields of an action (DESIGN.md, "Follow-up fields"), read from its model
    /// (``Action/status``, ``Action/fte``, …) whatever its source; the people and plans eComptes
    /// names besides, from its exchange fields.
    static let actionFollowUp: [Field] = [
        record("status", .status, "the follow-up status: not started, in progress, waiting, problem, done, cancelled (status.text as written)") { _, i in i },
        value("progress", .integer, "the progress rate, 0-100") { c, i in state(action(c, i).progress) { .decimal($0) } },
        record("health", .health, "how it fares: good, risk, blocked, paused (health.text as written)") { _, i in i },
        value("priority", .text, "its priority, as written") { c, i in state(action(c, i).priority) { .text($0) } },
        record("start", .start, "when it starts: planned and effective days, YYYY-MM-DD (start alone is the planned one)") { _, i in i },
        record("end", .end, "when it ends: planned and effective days, YYYY-MM-DD (end alone is the planned one)") { _, i in i },
        value("fte", .integer, "the full-time equivalents (eComptes' ETP, or the RH cell's 0,5 ETP)", aliases: ["etp"]) { c, i in
            state(action(c, i).fte) { .decimal($0) }
        },
        records("indicators", .indicator, "its result indicators: label, target, reached, year", aliases: ["indicator"]) { c, i in
            packed(i, count: action(c, i).indicators.count)
        },
        records("funding", .funding, "who funds it: source (Wallonie, Europe, Fédéral, FWB, Province, commune, other), amount, year", aliases: ["funders"]) { c, i in
            packed(i, count: action(c, i).funding.count)
        },
        records("amounts", .yearAmount, "its amounts per year: year, planned, actual") { c, i in
            packed(i, count: action(c, i).amounts.count)
        },
        value("responsible", .text, "the administrative responsible", aliases: ["responsable"]) { c, i in name(actionExchange(c, i)?.responsible) },
        value("mandataire", .text, "the political mandataire") { c, i in name(actionExchange(c, i)?.mandataire) },
        values("plans", .text, "the plans it belongs to, as written") { c, i, emit in
            let plans = (actionExchange(c, i)?.plans ?? []).map(\.trimmed).filter { !$0.isEmpty }
            if plans.isEmpty { return emit(.missing) }
            for plan in plans where emit(.text(plan)) { return true }
            return false
        },
    ]

    // MARK: - Elements of an action's lists

    /// How many bits of a packed index number the element within its action's list.
    private static let elementBits = 20

    /// The indexes of the `count` elements of action `i`'s list, each the action's index and the
    /// element's packed into one (lists longer than a million elements are cut there).
    static func packed(_ i: Int, count: Int) -> Range<Int> {
        let base = i << elementBits
        return base..<(base + min(count, (1 << elementBits) - 1))
    }

    /// The element at packed index `j` of the list `list` gives of its action; `nil` past its end.
    static func element<T>(_ c: QueryContext, _ j: Int, _ list: (Action) -> [T]) -> T? {
        let items = list(action(c, j >> elementBits))
        let k = j & ((1 << elementBits) - 1)
        return k < items.count ? items[k] : nil
    }

    /// An optional number: missing when `nil`.
    static func decimal(_ value: Double?) -> QueryValue { value.map { .decimal($0) } ?? .missing }

    /// An optional year: missing when `nil`.
    static func year(_ value: Int?) -> QueryValue { value.map { .integer(Int64($0)) } ?? .missing }

    /// A day's cell as a query value: the date when known, missing when not given.
    static func day(_ cell: Cell<Day>?) -> QueryValue {
        guard let cell else { return .missing }
        return state(cell) { .date($0) }
    }

    // MARK: - Record types

    /// An action's status: the name of its status, and `text` as written.
    static let actionStatus = RecordType(id: .status, fields: [
        value("text", .text, "the status as written (EN_COURS, Réalisé, …)") { c, i in written(action(c, i).status.text) },
    ], selfValue: (.text, one { c, i in state(action(c, i).status) { .text($0.name) } }))

    /// An action's health: its name, and `text` as written.
    static let health = RecordType(id: .health, fields: [
        value("text", .text, "the health as written (bon, risque, …)") { c, i in written(action(c, i).health.text) },
    ], selfValue: (.text, one { c, i in state(action(c, i).health) { .text($0.name) } }))

    /// A start or end: its planned and effective days; the planned one as its own value.
    static func date(_ id: RecordTypeID, _ date: @escaping @Sendable (Action) -> PlannedDate) -> RecordType {
        RecordType(id: id, fields: [
            value("planned", .date, "the day planned, a date (YYYY-MM-DD)") { c, i in day(date(action(c, i)).planned) },
            value("effective", .date, "the day it actually happened, a date (YYYY-MM-DD)") { c, i in day(date(action(c, i)).effective) },
            value("text", .text, "the planned day as written") { c, i in written(date(action(c, i)).planned?.text) },
        ], selfValue: (.date, one { c, i in day(date(action(c, i)).planned) }))
    }

    static let start = date(.start) { $0.start }
    static let end = date(.end) { $0.end }

    static let indicator = RecordType(id: .indicator, fields: [
        value("label", .text, "what is measured") { c, j in text(element(c, j) { $0.indicators }?.label) },
        value("target", .integer, "the value aimed at") { c, j in decimal(element(c, j) { $0.indicators }?.target) },
        value("reached", .integer, "the value reached") { c, j in decimal(element(c, j) { $0.indicators }?.reached) },
        value("year", .integer, "the year the values are for") { c, j in year(element(c, j) { $0.indicators }?.year) },
        value("text", .text, "the indicator as written") { c, j in text(element(c, j) { $0.indicators }?.text) },
    ], selfValue: (.text, one { c, j in text(element(c, j) { $0.indicators }?.label) }))

    static let funding = RecordType(id: .funding, fields: [
        value("source", .text, "Wallonie, Europe, Fédéral, FWB, Province, commune or other") { c, j in
            text(element(c, j) { $0.funding }?.source.name)
        },
        value("amount", .money, "the amount it funds") { c, j in
            element(c, j) { $0.funding }.map { state($0.amount) { .money($0) } } ?? .missing
        },
        value("year", .integer, "the budget year") { c, j in year(element(c, j) { $0.funding }?.year) },
        value("text", .text, "the source as written") { c, j in text(element(c, j) { $0.funding }?.sourceText) },
    ], selfValue: (.text, one { c, j in text(element(c, j) { $0.funding }?.source.name) }))

    static let yearAmount = RecordType(id: .yearAmount, fields: [
        value("year", .integer, "the budget year") { c, j in year(element(c, j) { $0.amounts }?.year) },
        value("planned", .money, "the amount planned for the year") { c, j in
            element(c, j) { $0.amounts }.map { state($0.planned) { .money($0) } } ?? .missing
        },
        value("actual", .money, "the amount spent in the year") { c, j in
            element(c, j) { $0.amounts }.map { state($0.actual) { .money($0) } } ?? .missing
        },
    ], selfValue: (.integer, one { c, j in year(element(c, j) { $0.amounts }?.year) }))
}
