extension PlanDiff {
    /// What changed from `old` to `new`.
    ///
    /// Elements are paired by ``pair(old:new:)``, strategic objectives among themselves, then
    /// operational objectives, then actions, each across the whole plan (an action moved to
    /// another objective is found). A pair's fields are compared by value, in this order:
    ///
    /// - objectives: `title`; an operational objective's `strategic` (the number of the
    ///   strategic objective it belongs to, when that is not the pair of the old one); `status`;
    ///   its own budget lines (as an action's); the follow-up fields eComptes gives it
    ///   (`progress`, `fte`, `start.planned`, `end.planned`) and eComptes' other fields.
    /// - actions: `objective` (likewise), `title`, `code` (unless it changed only as the number
    ///   did: `A 3.3` → `A 3.4`), `questions`, `pilot.political`, `pilot.service`, `pilot.agent`,
    ///   `deadline`, each budget line's `amount`, `article`, `credit`, `article.label`, `funding`,
    ///   `note`, `flow` and `year` (`ordinary[CCE].amount`: a line is named by its label, else by
    ///   its rank among the unlabelled lines of its cell, `ordinary[1]`; a line of one side only is
    ///   added or removed as `ordinary[CCE]`, its text shown), `hr`, `fte`, `links`, `pending`,
    ///   `status` (``Action/status``), `progress`, `health`, `priority`, `start.planned`,
    ///   `start.effective`, `end.planned`, `end.effective`, `indicators`, `funding`, `amounts`,
    ///   `parent`, then eComptes' `responsible`, `mandataire`, `department`, `plans`,
    ///   `partners`, `description`, `status.remark`, `projections`, `ecomptes.id` and
    ///   `ecomptes.year`. A change of `deadline`, `hr` or `links` that repeats, value for value,
    ///   the change of the eComptes field it is read from (`end.planned`, `fte`, `plans`) is
    ///   listed once, under the latter.
    ///
    /// Values are shown as the plan writes them (a cell's text; numbers such as `progress` and
    /// `fte` by value, `0.5`; amounts in euros, `3000 €`; `??` for an unknown amount, `/` for
    /// none; a list's elements joined by `; `); a field that is blank is `nil`.
    ///
    /// - Parameters:
    ///   - old: The earlier version of the plan.
    ///   - new: The later version.
    /// - Returns: The pairs, the changes and the budget totals.
    public static func diff(old: Plan, new: Plan) -> PlanDiff {
        let before = Flat(old), after = Flat(new)
        var changes: [Change] = []
        var pairings: [Pairing] = []
        var limitReached: [Element] = []

        let strategic = compare(
            .strategicObjective, old: before.strategic, new: after.strategic, id: \.number, title: \.title,
            changes: &changes, pairings: &pairings, limitReached: &limitReached
        ) { a, b in
            [field("title", a.title, b.title), field("status", status(a.exchange), status(b.exchange))]
                + budget(a.budget, b.budget) + objectiveFollowUpFields(a.exchange, b.exchange) + exchangeFields(a.exchange, b.exchange)
        }
        let operational = compare(
            .operationalObjective, old: before.operational, new: after.operational, id: \.objective.number, title: \.objective.title,
            changes: &changes, pairings: &pairings, limitReached: &limitReached
        ) { a, b in
            [field("title", a.objective.title, b.objective.title),
             strategic[a.parent] == b.parent ? nil : field("strategic", before.strategic[a.parent].number, after.strategic[b.parent].number),
             field("status", status(a.objective.exchange), status(b.objective.exchange))]
                + budget(a.objective.budget, b.objective.budget)
                + objectiveFollowUpFields(a.objective.exchange, b.objective.exchange)
                + exchangeFields(a.objective.exchange, b.objective.exchange)
        }
        _ = compare(
            .action, old: before.actions, new: after.actions, id: \.action.id, title: \.action.title,
            changes: &changes, pairings: &pairings, limitReached: &limitReached
        ) { a, b in
            var fields: [(String, String?, String?)?] = [
                operational[a.parent] == b.parent
                    ? nil : field("objective", before.operational[a.parent].objective.number, after.operational[b.parent].objective.number),
                field("title", a.action.title, b.action.title),
                code(a.action, b.action),
                field("questions", list(a.action.openQuestions), list(b.action.openQuestions)),
                field("pilot.political", names(a.action.pilots.political), names(b.action.pilots.political)),
                field("pilot.service", names(a.action.pilots.services), names(b.action.pilots.services)),
                field("pilot.agent", names(a.action.pilots.agents), names(b.action.pilots.agents)),
                deadline(a.action.deadline, b.action.deadline),
            ]
            fields += budget(a.action.ordinaryBudget, b.action.ordinaryBudget, .ordinary)
            fields += budget(a.action.extraordinaryBudget, b.action.extraordinaryBudget, .extraordinary)
            fields += [
                resources(a.action.humanResources, b.action.humanResources),
                cell("fte", a.action.fte, b.action.fte, asText: false, number),
                links(a.action.links, b.action.links),
                field("pending", a.action.pending ? "yes" : "no", b.action.pending ? "yes" : "no"),
                followUp(a.action.status, b.action.status),
            ]
            fields += followUpFields(a.action, b.action)
            fields += exchangeFields(a.action.exchange, b.action.exchange)
            return withoutRepeats(fields)
        }
        var diff = PlanDiff(pairings: pairings, changes: changes, totals: totals(old: old, new: new))
        diff.similarityLimitReached = limitReached
        return diff
    }

    /// A plan's elements in file order, each knowing the index of the one above it.
    private struct Flat {
        var strategic: [StrategicObjective] = []
        var operational: [(objective: OperationalObjective, parent: Int)] = []
        var actions: [(action: Action, parent: Int)] = []

        init(_ plan: Plan) {
            for objective in plan.objectives {
                strategic.append(objective)
                for child in objective.operationalObjectives {
                    operational.append((child, strategic.count - 1))
                    for action in child.actions { actions.append((action, operational.count - 1)) }
                }
            }
        }
    }

    /// The spreadsheet fields an eComptes element fills from its follow-up fields, each with the
    /// follow-up field it is read from: `DateFin` is both the deadline and `end.planned`, `ETP`
    /// both the RH cell and `fte`, `Plans` both the links and `plans`.
    static let readFromFollowUp = ["deadline": "end.planned", "hr": "fte", "links": "plans"]

    /// `fields` without the changes of a spreadsheet field that repeat, value for value, the
    /// change of the follow-up field it is read from (``readFromFollowUp``).
    private static func withoutRepeats(_ fields: [(String, String?, String?)?]) -> [(String, String?, String?)?] {
        let changes = fields.compactMap { $0 }
        return changes.filter { change in
            guard let source = readFromFollowUp[change.0] else { return true }
            return !changes.contains { $0.0 == source && $0.1 == change.1 && $0.2 == change.2 }
        }
    }

    /// Pairs `old` and `new` elements, appends their pairings and changes, and returns for each
    /// old element the index of its new pair.
    private static func compare<E>(
        _ element: Element, old: [E], new: [E], id: (E) -> String, title: (E) -> String,
        changes: inout [Change], pairings: inout [Pairing], limitReached: inout [Element],
        fields: (E, E) -> [(String, String?, String?)?]
    ) -> [Int?] {
        let (pairs, reached) = pairing(old: old.map { (id($0), title($0)) }, new: new.map { (id($0), title($0)) })
        if reached { limitReached.append(element) }
        var newOf: [Int?] = Array(repeating: nil, count: old.count)
        for (index, pair) in pairs.enumerated() { if let pair { newOf[pair.old] = index } }
        for (index, item) in old.enumerated() where newOf[index] == nil {
            changes.append(Change(kind: .removed, element: element, oldID: id(item), newID: nil, field: nil, before: title(item), after: nil, match: nil))
        }
        for (index, item) in new.enumerated() {
            guard let pair = pairs[index] else {
                changes.append(Change(kind: .added, element: element, oldID: nil, newID: id(item), field: nil, before: nil, after: title(item), match: nil))
                continue
            }
            let previous = old[pair.old]
            let oldID = id(previous), newID = id(item)
            pairings.append(Pairing(element: element, oldID: oldID, newID: newID, match: pair.match))
            if oldID != newID {
                changes.append(Change(kind: .renumbered, element: element, oldID: oldID, newID: newID, field: "id", before: oldID, after: newID, match: pair.match))
            }
            for case let (name, before, after)? in fields(previous, item) {
                changes.append(Change(kind: .changed, element: element, oldID: oldID, newID: newID, field: name, before: before, after: after, match: pair.match))
            }
        }
        return newOf
    }

    /// `(name, before, after)` when the two texts differ; an empty text counts as none.
    static func field(_ name: String, _ before: String?, _ after: String?) -> (String, String?, String?)? {
        let before = before.flatMap { $0.isEmpty ? nil : $0 }, after = after.flatMap { $0.isEmpty ? nil : $0 }
        return before == after ? nil : (name, before, after)
    }

    /// Texts joined by `; `.
    private static func list(_ items: [String]) -> String { items.joined(separator: "; ") }

    /// An eComptes status as written.
    private static func status(_ exchange: ExchangeFields?) -> String? { exchange?.statusText?.trimmed }

    /// The status field of two actions when they differ: known ones by value (shown as the
    /// source writes them, `A agender`, `EN_COURS`), others by state and text.
    private static func followUp(_ a: Cell<FollowUpStatus>, _ b: Cell<FollowUpStatus>) -> (String, String?, String?)? {
        func key(_ cell: Cell<FollowUpStatus>) -> String {
            if case .known(let status) = cell.value { return "known " + status.rawValue }
            return cell.value.stateName + " " + cell.text.trimmed
        }
        guard key(a) != key(b) else { return nil }
        func shown(_ cell: Cell<FollowUpStatus>) -> String? {
            let text = cell.text.trimmed
            if text.isEmpty, case .known(let status) = cell.value { return status.rawValue }
            return text.isEmpty ? nil : text
        }
        return ("status", shown(a), shown(b))
    }

    /// A cell of names: the names joined by ` / `, `??` when unknown, `/` for none.
    private static func names(_ cell: Cell<[String]>) -> String? {
        switch cell.value {
        case .known(let names): names.joined(separator: " / ")
        case .unknown: "??"
        case .none: "/"
        case .missing: nil
        }
    }

    /// The deadline field when the deadlines differ: known ones by value, others by state and text.
    private static func deadline(_ a: Cell<Deadline>, _ b: Cell<Deadline>) -> (String, String?, String?)? {
        func key(_ cell: Cell<Deadline>) -> String {
            if case .known(let deadline) = cell.value { return "known " + deadline.description }
            return cell.value.stateName + " " + cell.text.trimmed
        }
        guard key(a) != key(b) else { return nil }
        func shown(_ cell: Cell<Deadline>) -> String? {
            let text = cell.text.trimmed
            if text.isEmpty, case .known(let deadline) = cell.value { return deadline.description }
            return text.isEmpty ? nil : text
        }
        return ("deadline", shown(a), shown(b))
    }

    /// The human resources field when the cells differ, by state and text.
    private static func resources(_ a: Cell<String>, _ b: Cell<String>) -> (String, String?, String?)? {
        guard a.value.stateName != b.value.stateName || a.text.trimmed != b.text.trimmed else { return nil }
        return ("hr", a.text.trimmed.isEmpty ? nil : a.text.trimmed, b.text.trimmed.isEmpty ? nil : b.text.trimmed)
    }

    /// The links field when the two actions link to different targets; shown as the links' texts.
    private static func links(_ a: [CrossLink], _ b: [CrossLink]) -> (String, String?, String?)? {
        func key(_ links: [CrossLink]) -> [String] {
            links.map { "\($0.relation.rawValue)\u{0}\($0.plan)\u{0}\($0.element.rawValue)\u{0}\($0.ref ?? "")" }.sorted()
        }
        guard key(a) != key(b) else { return nil }
        return ("links", a.isEmpty ? nil : list(a.map(\.text)), b.isEmpty ? nil : list(b.map(\.text)))
    }

    /// An amount as text: `3000 €`, `??`, `/`; `nil` when missing.
    private static func amount(_ value: CellValue<Money>) -> String? {
        switch value {
        case .known(let money): "\(money) €"
        case .unknown: "??"
        case .none: "/"
        case .missing: nil
        }
    }

    /// The code field (`A 1.2`) when the codes differ, by value, other than as the number does:
    /// a renumbering from 3.3 to 3.4 that turns `A 3.3` into `A 3.4` is not a change of code.
    private static func code(_ a: Action, _ b: Action) -> (String, String?, String?)? {
        guard let change = cell("code", a.code, b.code, asText: false, { $0 }) else { return nil }
        if a.id != b.id, a.code.text.replacingOccurrences(of: a.id, with: b.id).trimmed == b.code.text.trimmed { return nil }
        return change
    }

    /// The changes between the budget lines of two objectives, of each kind, line by line.
    private static func budget(_ a: [BudgetLine], _ b: [BudgetLine]) -> [(String, String?, String?)?] {
        BudgetKind.allCases.flatMap { kind in lines(a.filter { $0.kind == kind }, b.filter { $0.kind == kind }, kind) }
    }

    /// The changes between two budget cells of one kind, line by line.
    private static func budget(_ a: Cell<[BudgetLine]>, _ b: Cell<[BudgetLine]>, _ kind: BudgetKind) -> [(String, String?, String?)?] {
        lines(Action.lines(of: a, kind), Action.lines(of: b, kind), kind)
    }

    /// The changes between two lists of budget lines of one kind, line by line.
    private static func lines(_ a: [BudgetLine], _ b: [BudgetLine], _ kind: BudgetKind) -> [(String, String?, String?)?] {
        let old = named(a), new = named(b)
        let newByName = Dictionary(new.map { ($0.name, $0.line) }, uniquingKeysWith: { first, _ in first })
        let oldNames = Set(old.map(\.name))
        var fields: [(String, String?, String?)?] = []
        for (name, line) in old {
            let field = "\(kind.rawValue)[\(name)]"
            guard let other = newByName[name] else {
                fields.append((field, line.text.trimmed, nil))
                continue
            }
            fields.append(Self.field(field + ".amount", amount(line.amount), amount(other.amount)))
            fields.append(Self.field(field + ".article", line.article?.code, other.article?.code))
            fields.append(Self.field(field + ".credit", line.statedCredit.map { "\($0) €" }, other.statedCredit.map { "\($0) €" }))
            fields.append(Self.field(field + ".article.label", line.articleLabel?.trimmed, other.articleLabel?.trimmed))
            fields.append(Self.field(field + ".funding", line.fundingPlan?.trimmed, other.fundingPlan?.trimmed))
            fields.append(Self.field(field + ".note", line.note?.trimmed, other.note?.trimmed))
            fields.append(Self.field(field + ".flow", line.flow?.rawValue, other.flow?.rawValue))
            fields.append(Self.field(field + ".year", line.fiscalYear.map(String.init), other.fiscalYear.map(String.init)))
        }
        for (name, line) in new where !oldNames.contains(name) {
            fields.append(("\(kind.rawValue)[\(name)]", nil, line.text.trimmed))
        }
        return fields
    }

    /// Each line with its name: its label (`CCE`, `CCE#2` for the second line so labelled), else
    /// its rank among the unlabelled lines (`1`, `2`).
    private static func named(_ lines: [BudgetLine]) -> [(name: String, line: BudgetLine)] {
        var seen: [String: Int] = [:]
        var unlabelled = 0
        return lines.map { line in
            guard let label = line.label?.trimmed, !label.isEmpty else {
                unlabelled += 1
                return (String(unlabelled), line)
            }
            seen[label, default: 0] += 1
            let count = seen[label] ?? 1
            return (count == 1 ? label : "\(label)#\(count)", line)
        }
    }

    /// The budget per service and per article, before and after.
    private static func totals(old: Plan, new: Plan) -> [Total] {
        func lines(_ plan: Plan) -> [BudgetLine] {
            var lines: [BudgetLine] = []
            for strategic in plan.objectives {
                lines += strategic.budget
                for operational in strategic.operationalObjectives {
                    lines += operational.budget
                    for action in operational.actions { lines += action.budget }
                }
            }
            return lines
        }
        func sums(_ lines: [BudgetLine], by key: (BudgetLine) -> String?) -> [String: BudgetSum] {
            var sums: [String: BudgetSum] = [:]
            for line in lines {
                guard let key = key(line) else { continue }
                var sum = sums[key] ?? BudgetSum(known: .zero, unknownLines: 0)
                if let money = line.amount.value {
                    sum.known = sum.known.flatMap { $0.adding(money) }
                } else if line.amount == .unknown {
                    sum.unknownLines += 1
                }
                sums[key] = sum
            }
            return sums
        }
        let before = lines(old), after = lines(new)
        var totals: [Total] = []
        let kindsBefore = sums(before) { $0.kind.rawValue }, kindsAfter = sums(after) { $0.kind.rawValue }
        for kind in BudgetKind.allCases {
            totals.append(Total(group: .kind, key: kind.rawValue, before: kindsBefore[kind.rawValue], after: kindsAfter[kind.rawValue]))
        }
        let articlesBefore = sums(before) { $0.article?.code }, articlesAfter = sums(after) { $0.article?.code }
        for code in Set(articlesBefore.keys).union(articlesAfter.keys).sorted() {
            totals.append(Total(group: .article, key: code, before: articlesBefore[code], after: articlesAfter[code]))
        }
        return totals
    }
}
