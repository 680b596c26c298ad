import Foundation
import PlanKit

extension Schema {
    static let action = RecordType(id: .action, fields: [
        value("plan", .text, "the plan's name") { c, i in .text(c.planSet.plans[c.planSet.actions[i].plan].name) },
        value("id", .id, "the action's number, e.g. 1.2") { c, i in .id(c.planSet.actions[i].id) },
        value("code", .text, "the code column, e.g. A 1.2") { c, i in state(c.planSet.actions[i].action.code) { .text($0) } },
        searchable(value("title", .text, "the title without links and open questions") { c, i in .text(String(c.planSet.actions[i].title)) }, .actionTitle),
        value("text", .text, "the title cell as the file has it") { c, i in .text(c.planSet.actions[i].action.titleCell.text) },
        record("objective", .objective, "its operational objective (number, title…)") { c, i in c.planSet.actions[i].objective.offset },
        record("strategic", .objective, "its strategic objective") { c, i in c.planSet.actions[i].strategic.offset },
        record("pilot", .pilots, "its pilots: political, service, agent", aliases: ["pilots"]) { _, i in i },
        sameRow(record("deadline", .deadline, "its deadline (year, month, form, text)") { _, i in i }),
        records("budget", .budget, "its budget lines") { c, i in c.planSet.actions[i].budgetLines.offsets() },
        value("ordinary", .money, "the sum of its known ordinary amounts; unknown when none of its amounts is known") { c, i in budgetSum(c, i, .ordinary) },
        value("extraordinary", .money, "the sum of its known extraordinary amounts; unknown when none of its amounts is known") { c, i in budgetSum(c, i, .extraordinary) },
        value("total", .money, "the sum of all its known amounts") { c, i in sum(c.planSet.budgetLines[c.planSet.actions[i].budgetLines].lazy.map(\.amount)) },
        records("links", .link, "its links to other plans", aliases: ["link"]) { c, i in c.planSet.actions[i].links.offsets() },
        Field(name: "linkedFrom", aliases: ["backlinks"], summary: "the links of loaded plans that lead to it: linkedFrom.source.id, linkedFrom.source.plan",
              kind: .record(.link, many: true, { c, i, visit in c.linkTargets.visitLinks(to: i, visit) })),
        values("questions", .text, "its open questions", aliases: ["question"]) { c, i, emit in
            for q in c.planSet.actions[i].action.openQuestions where emit(.text(q)) { return true }
            return false
        },
        value("pending", .bool, "whether it awaits the Collège's confirmation (a spreadsheet's legend, never an eComptes status)") { c, i in
            .bool(c.planSet.actions[i].pending)
        },
        value("hr", .text, "the human resources cell", aliases: ["rh"]) { c, i in state(c.planSet.actions[i].action.humanResources) { .text($0) } },
        value("parent", .id, "the action a sub-action belongs to (16 for A.16 - SA.17)") { c, i in c.planSet.actions[i].action.parent.map { .id($0) } ?? .missing },
    ] + actionFollowUp + [
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.actions[i].action.location.file) },
        value("line", .integer, "the action's line in the file") { c, i in .integer(Int64(c.planSet.actions[i].action.location.line)) },
    ], selfValue: (.id, one { c, i in .id(c.planSet.actions[i].id) }))

    static let pilots = RecordType(id: .pilots, fields: [
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

    static let deadline = RecordType(id: .deadline, fields: [
        value("year", .integer, "the year it is due (a period's end)") { c, i in
            state(deadlineState(c, i)) { d in d.year.map { .integer(Int64($0)) } ?? .missing }
        },
        value("month", .integer, "the last month it is due by (1-12)") { c, i in
            state(deadlineState(c, i)) { d in d.month.map { .integer(Int64($0)) } ?? .missing }
        },
        value("form", .text, "year, semester, quarter, month, end-of-year, period or ongoing") { c, i in
            state(deadlineState(c, i)) { .text($0.form) }
        },
        sameRow(record("start", .deadlineStart, "the first day it covers: 2021-07-01 for 2e sem. 2021; none for an ongoing action") { _, i in i }),
        sameRow(record("end", .deadlineEnd, "the last day it covers, by which the action is due: 2021-12-31 for 2e sem. 2021") { _, i in i }),
        value("text", .text, "the cell as the file has it") { c, i in .text(c.planSet.actions[i].action.deadline.text.trimmed) },
    ], single: (.deadline, { c, i in state(deadlineState(c, i)) { .deadline($0) } }))

    static let deadlineStart = day(.deadlineStart) { $0.start }
    static let deadlineEnd = day(.deadlineEnd) { $0.end }

    /// A day of an action's deadline: its value is the date (`2021-12-31`), with its `year`,
    /// `month` and `day`; unknown, none or missing as the deadline is, and missing when the
    /// deadline covers no day (ongoing).
    static func day(_ id: RecordTypeID, _ day: @escaping @Sendable (Deadline) -> Day?) -> RecordType {
        @Sendable func part(_ c: QueryContext, _ i: Int, _ f: (Day) -> Int) -> QueryValue {
            state(deadlineState(c, i)) { d in day(d).map { .integer(Int64(f($0))) } ?? .missing }
        }
        return RecordType(id: id, fields: [
            value("year", .integer, "the year") { c, i in part(c, i, \.year) },
            value("month", .integer, "the month, 1-12") { c, i in part(c, i, \.month) },
            value("day", .integer, "the day of the month") { c, i in part(c, i, \.day) },
        ], single: (.date, { c, i in state(deadlineState(c, i)) { d in day(d).map { .date($0) } ?? .missing } }))
    }
}
