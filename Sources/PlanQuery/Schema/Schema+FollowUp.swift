import Foundation
import PlanKit

extension Schema {

    /// An action's eComptes fields.
    @Sendable static func actionExchange(_ c: QueryContext, _ i: Int) -> ExchangeFields? { c.planSet.actions[i].action.exchange }

    /// An objective's eComptes fields.
    @Sendable static func objectiveExchange(_ c: QueryContext, _ i: Int) -> ExchangeFields? {
        let entry = c.planSet.objectives[i]
        if entry.operational != nil { return c.planSet.operationalObjective(entry)?.exchange }
        return c.planSet.strategicObjective(entry).exchange
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

    /// The follow-up fields of DESIGN.md of an objective, from its eComptes fields: status,
    /// progress, start, end, fte, responsible, mandataire, plans (an action's are
    /// ``actionFollowUp``, from its model).
    static func followUp(_ statusType: RecordTypeID, _ exchange: @escaping @Sendable (QueryContext, Int) -> ExchangeFields?) -> [Field] {
        [
            record("status", statusType, "the follow-up status: not started, in progress, waiting, problem, done, cancelled") { _, i in i },
            value("progress", .integer, "the progress rate, 0-100") { c, i in number(exchange(c, i)?.progress) },
            value("start", .text, "the start date, YYYY-MM-DD") { c, i in written(exchange(c, i)?.startDate) },
            value("end", .text, "the end date, YYYY-MM-DD") { c, i in written(exchange(c, i)?.endDate) },
            value("fte", .integer, "the full-time equivalents", aliases: ["etp"]) { c, i in number(exchange(c, i)?.fte) },
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
    static func statusType(_ id: RecordTypeID, _ exchange: @escaping @Sendable (QueryContext, Int) -> ExchangeFields?) -> RecordType {
        RecordType(id: id, fields: [
            value("text", .text, "the status as written (EN_COURS, …)") { c, i in written(exchange(c, i)?.statusText) },
        ], selfValue: (.text, one { c, i in
            guard let fields = exchange(c, i), let text = fields.statusText else { return .missing }
            return fields.status.map { .text($0.name) } ?? (text.trimmed.isEmpty ? .missing : .unknown)
        }))
    }

    static let objectiveStatus = statusType(.objectiveStatus, objectiveExchange)
}
