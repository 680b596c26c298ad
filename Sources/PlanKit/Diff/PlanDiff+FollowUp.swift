extension PlanDiff {
    /// A changed field: its name, the old value and the new one as text (`nil` for none).
    typealias FieldChange = (String, String?, String?)

    /// The follow-up fields of two paired actions, in this order: `progress`, `health`,
    /// `priority`, `start.planned`, `start.effective`, `end.planned`, `end.effective`,
    /// `indicators`, `funding`, `amounts`, `parent`.
    static func followUpFields(_ a: Action, _ b: Action) -> [FieldChange?] {
        [
            cell("progress", a.progress, b.progress, asText: false, number),
            cell("health", a.health, b.health, asText: true) { $0.name },
            cell("priority", a.priority, b.priority, asText: true) { $0 },
            day("start.planned", a.start.planned, b.start.planned),
            day("start.effective", a.start.effective, b.start.effective),
            day("end.planned", a.end.planned, b.end.planned),
            day("end.effective", a.end.effective, b.end.effective),
            indicators(a.indicators, b.indicators),
            funding(a.funding, b.funding),
            amounts(a.amounts, b.amounts),
            field("parent", a.parent?.trimmed, b.parent?.trimmed),
        ]
    }

    /// The follow-up fields an eComptes file gives an objective, from its exchange fields:
    /// `progress`, `fte`, `start.planned`, `end.planned`.
    static func objectiveFollowUpFields(_ a: ExchangeFields?, _ b: ExchangeFields?) -> [FieldChange?] {
        func number(_ text: String?) -> Cell<Double>? {
            text.map { Cell(Action.number($0), text: $0, location: SourceLocation(file: "", line: 0, column: 0)) }
        }
        func day(_ text: String?) -> Cell<Day>? { Action.day(text, at: SourceLocation(file: "", line: 0, column: 0)) }
        return [
            cell("progress", number(a?.progress), number(b?.progress), asText: false, Self.number),
            cell("fte", number(a?.fte), number(b?.fte), asText: false, Self.number),
            Self.day("start.planned", day(a?.startDate), day(b?.startDate)),
            Self.day("end.planned", day(a?.endDate), day(b?.endDate)),
        ]
    }

    /// What only an eComptes file says of an element, in this order: `responsible`,
    /// `mandataire`, `department`, `plans`, `partners`, `description`, `status.remark`,
    /// `projections`, `ecomptes.id` (its `ElementId`), `ecomptes.year` (its `Exercice`).
    ///
    /// Its other parts are compared as the fields read from them: `Libelle` as the number, title
    /// and parent; `Statut`, `TauxAvancement`, `ETP`, `DateDebut`, `DateFin` as `status`,
    /// `progress`, `fte`, `start.planned`, `end.planned`; `Articles` as the budget lines.
    static func exchangeFields(_ a: ExchangeFields?, _ b: ExchangeFields?) -> [FieldChange?] {
        [
            person("responsible", a?.responsible, b?.responsible),
            person("mandataire", a?.mandataire, b?.mandataire),
            field("department", a?.department?.trimmed, b?.department?.trimmed),
            field("plans", texts(a?.plans), texts(b?.plans)),
            field("partners", texts(a?.partners), texts(b?.partners)),
            field("description", a?.description?.value?.trimmed, b?.description?.value?.trimmed),
            field("status.remark", a?.statusRemark?.value?.trimmed, b?.statusRemark?.value?.trimmed),
            field("projections", projections(a?.projections), projections(b?.projections)),
            field("ecomptes.id", a?.elementID?.trimmed, b?.elementID?.trimmed),
            field("ecomptes.year", a?.fiscalYear?.trimmed, b?.fiscalYear?.trimmed),
        ]
    }

    /// The field `name` of two cells when they differ: known ones by value, others by state and
    /// text; a cell not given is missing. Shown as the cell's text when `asText` (`risque`,
    /// `15/02/2022`), else as the value (`40`, `0.5`); `??`, `/` or the text when not known.
    static func cell<Value>(
        _ name: String, _ a: Cell<Value>?, _ b: Cell<Value>?, asText: Bool, _ show: (Value) -> String
    ) -> FieldChange? {
        func key(_ cell: Cell<Value>?) -> String {
            guard let cell else { return "missing " }
            if case .known(let value) = cell.value { return "known " + show(value) }
            return cell.value.stateName + " " + cell.text.trimmed
        }
        guard key(a) != key(b) else { return nil }
        func shown(_ cell: Cell<Value>?) -> String? {
            guard let cell else { return nil }
            let text = cell.text.trimmed
            switch cell.value {
            case .known(let value): return asText && !text.isEmpty ? text : show(value)
            case .unknown: return text.isEmpty ? "??" : text
            case .none: return text.isEmpty ? "/" : text
            case .missing: return text.isEmpty ? nil : text
            }
        }
        return (name, shown(a), shown(b))
    }

    /// A day's field: days by value, shown as written (`15/02/2022`).
    private static func day(_ name: String, _ a: Cell<Day>?, _ b: Cell<Day>?) -> FieldChange? {
        cell(name, a, b, asText: true) { $0.description }
    }

    /// A number as PlanKit writes it: `40`, `0.5`.
    static func number(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// An amount's value as text: `2000 €`, `??`, `/`; `nil` when missing.
    private static func money(_ value: CellValue<Money>) -> String? {
        switch value {
        case .known(let money): "\(money) €"
        case .unknown: "??"
        case .none: "/"
        case .missing: nil
        }
    }

    /// Texts trimmed, the blank ones left out, joined by `; `; `nil` when none.
    private static func texts(_ items: [String]?) -> String? {
        let items = (items ?? []).map(\.trimmed).filter { !$0.isEmpty }
        return items.isEmpty ? nil : items.joined(separator: "; ")
    }

    /// The field of a list whose elements are compared by `key`, in order: shown as each
    /// element's text (`written`) when the texts differ, else as `canonical` (the values the
    /// texts no longer say).
    private static func list<E>(
        _ name: String, _ a: [E], _ b: [E], key: (E) -> String, written: (E) -> String?, canonical: (E) -> String
    ) -> FieldChange? {
        guard a.map(key) != b.map(key) else { return nil }
        func joined(_ items: [E], _ text: (E) -> String?) -> String? {
            items.isEmpty ? nil : items.map { text($0)?.trimmed ?? "" }.joined(separator: "; ")
        }
        let before = joined(a, written), after = joined(b, written)
        if before != after { return (name, before, after) }
        return (name, joined(a, canonical), joined(b, canonical))
    }

    /// The indicators: label, target, reached and year compared; `Participants = 40 / 50 (2024)`.
    private static func indicators(_ a: [Indicator], _ b: [Indicator]) -> FieldChange? {
        func canonical(_ i: Indicator) -> String {
            "\(i.label.trimmed) = \(i.reached.map(number) ?? "") / \(i.target.map(number) ?? "")" + (i.year.map { " (\($0))" } ?? "")
        }
        return list("indicators", a, b, key: canonical, written: \.text, canonical: canonical)
    }

    /// The funding: source (and, for another source, its name as written), amount and year
    /// compared; `2024 Wallonie: 2000 €`, the source as written.
    private static func funding(_ a: [Funding], _ b: [Funding]) -> FieldChange? {
        func text(_ f: Funding, _ source: String) -> String { (f.year.map { "\($0) " } ?? "") + source + ": " + (money(f.amount) ?? "") }
        func key(_ f: Funding) -> String { text(f, f.source == .other ? f.sourceText.trimmed : f.source.name) }
        return list("funding", a, b, key: key, written: \.text, canonical: { text($0, $0.sourceText.trimmed) })
    }

    /// The amounts per year: `2024: planned 3000 €, actual 2500 €` (`all years: …` for an amount
    /// over the action's whole course).
    private static func amounts(_ a: [YearAmount], _ b: [YearAmount]) -> FieldChange? {
        func canonical(_ y: YearAmount) -> String {
            "\(y.year.map(String.init) ?? "all years"): " + [money(y.planned).map { "planned \($0)" }, money(y.actual).map { "actual \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
        }
        return list("amounts", a, b, key: canonical, written: { _ in nil }, canonical: canonical)
    }

    /// A person: every part compared; shown by name (`Marie Dupont`), every part when the names
    /// are the same.
    private static func person(_ name: String, _ a: ExchangeFields.Person?, _ b: ExchangeFields.Person?) -> FieldChange? {
        func full(_ p: ExchangeFields.Person?) -> String? {
            guard let p else { return nil }
            let parts = [p.civility, p.firstName, p.lastName, p.phone, p.email].compactMap { $0?.trimmed }.filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: " ")
        }
        guard full(a) != full(b) else { return nil }
        func shortName(_ p: ExchangeFields.Person?) -> String? {
            let text = p?.displayName ?? ""
            return text.isEmpty ? full(p) : text
        }
        let before = shortName(a), after = shortName(b)
        return before != after ? (name, before, after) : (name, full(a), full(b))
    }

    /// eComptes' multi-year projections: `O D 70 Subsides: 2024 1000, 2025 2000`, amounts by value.
    private static func projections(_ items: [ExchangeFields.Projection]?) -> String? {
        guard let items, !items.isEmpty else { return nil }
        return items.map { p in
            let head = [p.service, p.type, p.economicGroup, p.label].compactMap { $0?.trimmed }.filter { !$0.isEmpty }.joined(separator: " ")
            let years = (p.amounts ?? []).map { y in
                let amount = y.amount.map { Money(decimal: $0.trimmed)?.decimalString ?? $0.trimmed } ?? ""
                return [y.year?.trimmed ?? "", amount].filter { !$0.isEmpty }.joined(separator: " ")
            }
            return head + ": " + years.joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
