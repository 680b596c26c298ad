extension TableBuilder {
    /// An element's follow-up cells on its row, in the row's order: the cell index, the field,
    /// the trimmed text, where.
    struct FollowUp {
        var cells: [(index: Int, field: TableLayout.Field, text: String, location: SourceLocation)] = []
    }

    /// Sets `action`'s follow-up fields from its cells (``FollowUpCells``), reporting each cell
    /// that is not read; a `deadline` that is one day is the planned end too, unless a column
    /// gives the planned end.
    mutating func read(_ followUp: FollowUp, deadline: Cell<Deadline>, into action: inout Action) {
        var start = PlannedDate(), end = PlannedDate()
        var funding: [Funding] = []
        var amounts: [YearAmount] = []
        var indicators: [Indicator] = []
        func warn(_ warning: Diagnostic?) { if let warning { plan.warnings.append(warning) } }
        func take<Value>(_ read: FollowUpCells.Read<Value>) -> Cell<Value> {
            warn(read.warning)
            return read.cell
        }
        let byIndex = Dictionary(followUp.cells.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, field, text, at) in followUp.cells {
            switch field {
            case .status: action.status = take(FollowUpCells.status(text, at: at))
            case .progress: action.progress = take(FollowUpCells.progress(text, at: at))
            case .health: action.health = take(FollowUpCells.health(text, at: at))
            case .priority: action.priority = CellReader.text(text, location: at)
            case .startPlanned: start.planned = take(FollowUpCells.day(text, at: at))
            case .startEffective: start.effective = take(FollowUpCells.day(text, at: at))
            case .endPlanned: end.planned = take(FollowUpCells.day(text, at: at))
            case .endEffective: end.effective = take(FollowUpCells.day(text, at: at))
            case .indicators:
                let read = FollowUpCells.indicators(text, at: at)
                warn(read.warning)
                indicators += read.indicators
            case .funding:
                let read = FollowUpCells.funding(text, at: at, walloon: layout.walloon)
                warn(read.warning)
                funding += read.funding
            case .funder:
                // The amount in the funder-amount column after it, if any.
                let amountCell = funderOfAmount.first { $0.value == index }.flatMap { byIndex[$0.key] }
                var amount: CellValue<Money> = .missing
                if let amountCell {
                    let read = FollowUpCells.amount(amountCell.text, at: amountCell.location, what: "amount of \(text)")
                    warn(read.warning)
                    amount = read.value
                }
                funding.append(Funding(
                    source: FollowUpCells.source(text, walloon: layout.walloon), sourceText: text, amount: amount,
                    text: text, location: at, amountText: amountCell?.text, amountLocation: amountCell?.location))
            case .funderAmount:
                // Read with its funder; alone, it is no one's.
                guard let funder = funderOfAmount[index] else {
                    plan.warnings.append(FollowUpCells.unread(text, at,
                        "\"\(text)\" is in a funder-amount column that no funder column comes before (each funder has one amount); it is kept as written, no funding is read. Put a funder column before it in the layout."))
                    continue
                }
                if byIndex[funder] != nil { continue }
                plan.warnings.append(FollowUpCells.unread(text, at,
                    "\"\(text)\" is an amount with no funder beside it (\(label(funder)) is blank); it is kept as written, no funding is read. Write the funder's name in \(label(funder))."))
            case .plannedAmount:
                let read = FollowUpCells.amount(text, at: at, what: "planned amount")
                warn(read.warning)
                amounts.append(YearAmount(year: nil, planned: read.value, text: text, location: at))
            default: continue
            }
        }
        if end.planned == nil, case .known = deadline.value, let day = Day(iso: deadline.text.trimmed) {
            end.planned = Cell(.known(day), text: deadline.text, location: deadline.location)
        }
        if start.planned != nil || start.effective != nil { action.start = start }
        if end.planned != nil || end.effective != nil { action.end = end }
        if !indicators.isEmpty { action.indicators = indicators }
        if !funding.isEmpty { action.funding = funding }
        if !amounts.isEmpty { action.amounts = amounts }
    }

    /// Reads a row a layout file marks by its first cell (at `first`): an objective whose title
    /// is the cell's `rest` after the marker, or a note or a row left aside, kept in a warning.
    mutating func marked(_ row: DelimitedTable.Row, first: Int, kind: TableLayout.RowMarker.Kind, rest: String) {
        let others = (first + 1..<row.count).compactMap { index -> String? in
            let text = Self.text(row, index)
            return text.isEmpty ? nil : text
        }
        switch kind {
        case .note, .ignored:
            let what = kind == .note ? "a note" : "a row to leave aside"
            plan.warnings.append(Diagnostic(
                .rowIgnored, location: location(row.line, first),
                message: "The layout marks this row as \(what); it is kept verbatim in this warning, and no field of the plan holds it.",
                text: row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " | ")))
            return
        case .strategic, .operational:
            var title = Substring(rest)
            while let c = title.first, c == " " || c == ":" || c == "-" || c == "–" || c == "\"" || c == "«" || c == "»" { title = title.dropFirst() }
            while let c = title.last, c == " " || c == "\"" || c == "»" { title = title.dropLast() }
            let numbered = Self.leadingNumber(String(title))
            let text = numbered?.1 ?? String(title)
            let at = location(row.line, first)
            if kind == .strategic {
                objectives.append(StrategicObjective(number: numbered?.0 ?? String(objectives.count + 1), title: text, location: at))
                current[.strategic] = ([row[first].trimmed], row.line, [:])
                current[.operational] = nil
                marked = [.strategic]
            } else {
                if objectives.isEmpty { objectives.append(StrategicObjective(number: "", title: "", location: at)) }
                let s = objectives.count - 1
                let parent = objectives[s].number
                let rank = objectives[s].operationalObjectives.count + 1
                objectives[s].operationalObjectives.append(OperationalObjective(
                    number: numbered?.0 ?? (parent.isEmpty ? String(rank) : "\(parent).\(rank)"), title: text, location: at))
                current[.operational] = ([row[first].trimmed], row.line, [:])
                marked.insert(.operational)
            }
            current[.action] = nil
            current[.subAction] = nil
            actionIndex = nil
            if !others.isEmpty {
                plan.warnings.append(Diagnostic(
                    .rowIgnored, location: location(row.line, first),
                    message: "This objective row has other cells than its title; no field of the plan holds them, they are kept in this warning only.",
                    text: others.joined(separator: " | ")))
            }
        }
    }
}
