/// Writes plans as an `.xlsx` workbook in the communes' PST layout, a sheet per plan, so that
/// PlanKit reads it back as the same plans.
///
/// Each sheet has the plan's preamble, one header row (`Politique en charge`, `Service en
/// charge`, `Agent en charge`, `Échéance`, `OO`, `Budget ordinaire`, `Budget extra`, `RH`), the
/// objective rows (`Objectif stratégique N : "…"`, `Objectif opérationnel N. …`; `Axe N. …` and
/// `Sous-axe N.M …` in a PCS), an action row per action with every cell's original text, and the
/// legend. A legend's colour (`colour #ffff00: En attente …`) fills its legend line and the rows
/// of the pending actions, as the reader expects. A cell written `30/06/2020` that reads as a day
/// is a date cell.
///
/// What the layout has no place for is left out, and ``Written/notes`` says so: eComptes'
/// follow-up fields, budget lines of objectives and volets, sub-actions' parents.
package enum XLSXPlanWriter {
    /// A workbook and what it could not hold.
    package struct Written: Sendable {
        /// The workbook's bytes; `nil` when the zip archive could not be made in memory.
        package var bytes: [UInt8]?
        /// Sentences on what the layout could not hold, for standard error.
        package var notes: [String]
    }

    /// The columns of the layout, 0-based: the title (and objectives) first.
    enum Column: Int, CaseIterable {
        case title, political, services, agents, deadline, code, ordinary, extraordinary, humanResources
    }

    /// The header row's labels, by column.
    static let header = ["", "Politique en charge", "Service en charge", "Agent en charge", "Échéance", "OO",
                         "Budget ordinaire +ref", "Budget extra + ref.", "RH"]

    /// A workbook of `plans`, a sheet each named after its plan.
    package static func workbook(_ plans: [Plan]) -> Written {
        var notes: [String] = []
        let sheets = plans.map { plan in sheet(plan, notes: &notes) }
        return Written(bytes: try? XLSXWriter.workbook(sheets), notes: notes)
    }

    /// The sheet of `plan`.
    static func sheet(_ plan: Plan, notes: inout [String]) -> XLSXWriter.Sheet {
        typealias Cell = XLSXWriter.Cell
        var rows: [[Cell]] = []
        func row(_ text: String, fill: String? = nil) -> [Cell] { [Cell(.text(text), fill: fill)] }

        for line in plan.preamble { rows.append(row(line)) }
        if plan.exchange != nil {
            // An eComptes plan has no preamble: its name and period are its DescriptionPST's.
            rows.append(row("PLAN : \(plan.name)"))
            if let period = plan.period { rows.append(row("PÉRIODE : \(period.lowerBound)-\(period.upperBound)")) }
        }
        rows.append(header.map { Cell($0.isEmpty ? .empty : .text($0)) })

        // The legend's colours: `colour #ffff00: meaning`, added by the reader from filled cells.
        var colours: [(fill: String, meaning: String)] = []
        var legend: [String] = []
        for line in plan.legend {
            if line.hasPrefix("colour #"), let colon = line.firstIndex(of: ":") {
                let fill = String(line[line.index(line.startIndex, offsetBy: 7)..<colon])
                colours.append((fill, String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            } else {
                legend.append(line)
            }
        }
        let pendingFill = colours.first { meansPending($0.meaning) }?.fill

        let pcs = plan.kind == .pcs
        var lost = Lost()
        for strategic in plan.objectives {
            lost.note(strategic.exchange != nil, strategic.budget.count)
            if !(strategic.number.isEmpty && strategic.title.isEmpty) {
                rows.append(row(pcs ? "Axe \(strategic.number). \(strategic.title)" : "Objectif stratégique \(strategic.number) : \"\(strategic.title)\""))
            }
            for operational in strategic.operationalObjectives {
                lost.note(operational.exchange != nil, operational.budget.count)
                let word = pcs ? "Sous-axe" : "Objectif opérationnel"
                rows.append(row(operational.number.isEmpty ? "\(word) \(operational.title)"
                                : pcs ? "\(word) \(operational.number) \(operational.title)" : "\(word) \(operational.number). \(operational.title)"))
                for action in operational.actions {
                    lost.note(action.exchange != nil, 0)
                    if action.parent != nil { lost.parents += 1 }
                    let fill = action.pending ? pendingFill : nil
                    var cells = [Cell](repeating: Cell(.empty, fill: fill), count: Column.allCases.count)
                    cells[Column.title.rawValue] = Cell(.text(titleText(action)), fill: fill)
                    cells[Column.political.rawValue] = Cell(value(action.pilots.political.text), fill: fill)
                    cells[Column.services.rawValue] = Cell(value(action.pilots.services.text), fill: fill)
                    cells[Column.agents.rawValue] = Cell(value(action.pilots.agents.text), fill: fill)
                    cells[Column.deadline.rawValue] = Cell(deadline(action.deadline), fill: fill)
                    cells[Column.code.rawValue] = Cell(code(action), fill: fill)
                    cells[Column.ordinary.rawValue] = Cell(budget(action.ordinaryBudget), fill: fill)
                    cells[Column.extraordinary.rawValue] = Cell(budget(action.extraordinaryBudget), fill: fill)
                    cells[Column.humanResources.rawValue] = Cell(humanResources(action), fill: fill)
                    rows.append(cells)
                }
            }
        }
        if let volets = plan.exchange?.volets { lost.note(true, volets.reduce(0) { $0 + $1.budget.count }) }

        if !legend.isEmpty || !colours.isEmpty {
            rows.append(row("Légende:"))
            var coloured = Set<String>()
            for line in legend {
                let fill = colours.first { $0.meaning == line && !coloured.contains($0.fill) }?.fill
                if let fill { coloured.insert(fill) }
                rows.append(row(line, fill: fill))
            }
        }
        notes += lost.notes(plan.name)
        return XLSXWriter.Sheet(name: plan.name, rows: rows, widths: [70, 18, 18, 22, 14, 9, 40, 40, 14])
    }

    /// The title cell: as the file had it when it starts with the action's number (`Action 1.2.
    /// Analyser…`); the number then the cell's text for a table of one row per action, whose
    /// title cell holds the title alone (`Action 3. Installer des radars préventifs`); for an
    /// action read from eComptes (`A.3 - Rénover…`), `Action 3. Rénover…` followed by its links to
    /// plans, `(cfr PST Aînés)`.
    static func titleText(_ action: Action) -> String {
        guard action.exchange != nil else {
            let text = action.titleCell.text
            if TitleParser.numbered(text, word: "action")?.number == action.id { return text }
            return text.isEmpty ? "Action \(action.id)." : "Action \(action.id). \(text)"
        }
        var text = "Action \(action.id). \(action.title)"
        for link in action.links where link.ref == nil { text += " (\(link.relation.rawValue) \(link.plan))" }
        return text
    }

    /// The code cell: as the file had it, or, for an action read from eComptes, the code read (`A.3`).
    static func code(_ action: Action) -> XLSXWriter.Value {
        if action.exchange != nil, case .known(let code) = action.code.value { return .text(code) }
        return value(action.code.text)
    }

    /// A budget cell: as the file had it, or, when the plan was not read from a cell (eComptes'
    /// articles), its lines written as a cell would hold them: `270 € (Article 104/123-13 Frais…)`.
    static func budget(_ cell: Cell<[BudgetLine]>) -> XLSXWriter.Value {
        guard cell.text.isEmpty, case .known(let lines) = cell.value, !lines.isEmpty else { return value(cell.text) }
        return .text(lines.map { line in
            var text = line.label.map { $0 + " " } ?? ""
            text += line.amount.value?.formatted ?? "??"
            if let article = line.article {
                text += " (Article \(article.code)" + (line.articleLabel.map { " " + $0 } ?? "") + ")"
            }
            return text
        }.joined(separator: " "))
    }

    /// The human-resources cell: as the file had it, or, for an action read from eComptes (`ETP`
    /// `0.5`), its full-time equivalents as the cell writes them, `0,5 ETP`, which reads back as
    /// the same ``Action/fte``.
    static func humanResources(_ action: Action) -> XLSXWriter.Value {
        guard action.exchange != nil, case .known(let fte) = action.fte.value, fte > 0 else { return value(action.humanResources.text) }
        let hundredths = (fte * 100).rounded()
        // FTEReader reads one or two decimals; a finer number is kept as eComptes wrote it.
        guard abs(hundredths - fte * 100) < 1e-9, hundredths < 1e12 else { return value(action.humanResources.text) }
        let whole = Int64(hundredths) / 100, cents = Int64(hundredths) % 100
        let number = cents == 0 ? "\(whole)" : cents % 10 == 0 ? "\(whole),\(cents / 10)" : "\(whole),\(cents < 10 ? "0" : "")\(cents)"
        return .text(number + " ETP")
    }

    /// A cell's text as a value: empty when blank.
    static func value(_ text: String) -> XLSXWriter.Value {
        text.isEmpty ? .empty : .text(text)
    }

    /// A deadline cell: a date when its text is the day it reads as (`30/06/2020`), else its text.
    static func deadline(_ cell: Cell<Deadline>) -> XLSXWriter.Value {
        if case .known(let deadline) = cell.value, case .day(let d, let m, let y) = deadline, cell.text == deadline.description,
           let day = Day(year: y, month: m, day: d) {
            return .day(day)
        }
        return value(cell.text)
    }

    /// Whether a legend's words mean the Collège has not confirmed yet, as the reader decides.
    static func meansPending(_ meaning: String) -> Bool { SheetPlan.meansPending(meaning) }

    /// What the layout cannot hold, counted over a plan.
    struct Lost {
        var exchange = 0
        var budgetLines = 0
        var parents = 0

        mutating func note(_ hasExchange: Bool, _ lines: Int) {
            if hasExchange { exchange += 1 }
            budgetLines += lines
        }

        func notes(_ plan: String) -> [String] {
            var notes: [String] = []
            if exchange > 0 {
                notes.append("\(plan): the PST layout has no columns for eComptes' fields (status, progress, dates, responsible, ids…) of \(exchange) element\(exchange == 1 ? "" : "s"); they are not written. Convert to ecomptes or json to keep them.")
            }
            if budgetLines > 0 {
                notes.append("\(plan): the PST layout holds budget lines on actions only; \(budgetLines) line\(budgetLines == 1 ? "" : "s") of objectives or volets are not written.")
            }
            if parents > 0 {
                notes.append(parents == 1
                    ? "\(plan): 1 sub-action is written as an action of its objective; the PST layout has no place for the action it belongs to."
                    : "\(plan): \(parents) sub-actions are written as actions of their objective; the PST layout has no place for the actions they belong to.")
            }
            return notes
        }
    }
}
