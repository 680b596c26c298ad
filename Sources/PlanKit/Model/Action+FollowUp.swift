extension Action {
    /// A follow-up field as stored: `nil` for an action held as its spreadsheet row, which
    /// stores none, and for one whose source did not give it.
    private func stored<Value>(_ field: KeyPath<Fields, Value?>) -> Value? {
        guard case .fields(let box) = storage else { return nil }
        return box.value[keyPath: field]
    }

    /// A cell the action's source does not fill: missing, without text, at the action's place.
    private func missing<Value>() -> Cell<Value> { Cell(.missing, text: "", location: location) }

    /// Where the action stands: not started, in progress, waiting, problem, done or cancelled,
    /// with the source's words as the cell's text (`A agender`, `EN_COURS`).
    ///
    /// eComptes' `Statut`; missing when the source does not say (a spreadsheet row). An eComptes
    /// value outside its six is unknown.
    public var status: Cell<FollowUpStatus> {
        get {
            if let status = stored(\.status) { return status }
            guard let exchange, let text = exchange.statusText else { return missing() }
            let value: CellValue<FollowUpStatus> = text.trimmed.isEmpty ? .missing : exchange.status.map { .known($0) } ?? .unknown
            return Cell(value, text: text, location: location)
        }
        set { fields.status = newValue }
    }

    /// How far the action has come, 0 to 100 (eComptes' `TauxAvancement`, iA.PST's
    /// `Progression`).
    public var progress: Cell<Double> {
        get {
            if let progress = stored(\.progress) { return progress }
            guard let text = exchange?.progress else { return missing() }
            return Cell(Self.number(text), text: text, location: location)
        }
        set { fields.progress = newValue }
    }

    /// How the action fares (iA.PST's health indicator: bon, risque, blocage, pause).
    public var health: Cell<Health> {
        get { stored(\.health) ?? missing() }
        set { fields.health = newValue }
    }

    /// The action's priority, as its source writes it.
    public var priority: Cell<String> {
        get { stored(\.priority) ?? missing() }
        set { fields.priority = newValue }
    }

    /// When the action starts: planned and effective (eComptes' `DateDebut` is the planned start).
    public var start: PlannedDate {
        get {
            if let start = stored(\.start) { return start }
            return PlannedDate(planned: exchange.flatMap { Self.day($0.startDate, at: location) })
        }
        set { fields.start = newValue }
    }

    /// When the action ends: planned and effective (eComptes' `DateFin` is the planned end, and
    /// the ``deadline``).
    public var end: PlannedDate {
        get {
            if let end = stored(\.end) { return end }
            return PlannedDate(planned: exchange.flatMap { Self.day($0.endDate, at: location) })
        }
        set { fields.end = newValue }
    }

    /// The full-time equivalents the action takes: eComptes' `ETP`, or the human-resources cell
    /// read by ``FTEReader`` (`0,5 ETP` → 0.5, `1 ETP agent constatateur` → 1), its text kept.
    public var fte: Cell<Double> {
        get {
            if let fte = stored(\.fte) { return fte }
            if let exchange {
                guard let text = exchange.fte else { return missing() }
                return Cell(Self.number(text), text: text, location: humanResources.location)
            }
            let cell = humanResources
            return FTEReader.cell(cell.text, at: cell.location)
        }
        set { fields.fte = newValue }
    }

    /// The action's result indicators: label, target, value reached, year.
    public var indicators: [Indicator] {
        get { stored(\.indicators) ?? [] }
        set { fields.indicators = newValue.isEmpty ? nil : newValue }
    }

    /// Who funds the action, how much, which year. A budget line says where the money goes;
    /// funding says where it comes from.
    public var funding: [Funding] {
        get { stored(\.funding) ?? [] }
        set { fields.funding = newValue.isEmpty ? nil : newValue }
    }

    /// The amounts planned and spent, year by year.
    public var amounts: [YearAmount] {
        get { stored(\.amounts) ?? [] }
        set { fields.amounts = newValue.isEmpty ? nil : newValue }
    }

    /// The id of the action this one is a sub-action of (`16` for eComptes' `A.16 - SA.17 - …`);
    /// `nil` for an action of its own. A sub-action is an action like any other, with a parent.
    public var parent: String? {
        get {
            if let parent = stored(\.parent) { return parent }
            guard let exchange else { return nil }
            return EComptesReader.parent(exchange.label ?? titleCell.text)
        }
        set { fields.parent = newValue }
    }

    /// The number `text` writes (`12.5`): missing when blank, unknown when not a finite number
    /// (`nan`, `inf` and numbers too large to hold are unknown, not numbers).
    static func number(_ text: String) -> CellValue<Double> {
        let trimmed = text.trimmed
        if trimmed.isEmpty { return .missing }
        guard let number = Double(trimmed), number.isFinite else { return .unknown }
        return .known(number)
    }

    /// The day `text` writes (`2024-01-01`, `01/01/2024`), as a cell at `location`; `nil` when absent.
    static func day(_ text: String?, at location: SourceLocation) -> Cell<Day>? {
        guard let text else { return nil }
        let trimmed = text.trimmed
        let value: CellValue<Day> = trimmed.isEmpty ? .missing : Day(iso: trimmed).map { .known($0) } ?? .unknown
        return Cell(value, text: text, location: location)
    }
}
