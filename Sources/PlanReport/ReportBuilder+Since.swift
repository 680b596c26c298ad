import Foundation
import PlanKit
import PlanQuery

extension ReportBuilder {
    /// The command that gives the rows of the comparison's tables.
    func diffCommand(_ since: ReportSince) -> String {
        "plankit diff \(Self.shellWord(since.oldFile)) \(Self.shellWord(since.newFile)) --format json"
    }

    /// A word for a shell: as is when it is plain, else in single quotes.
    static func shellWord(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_./#+,:@%".unicodeScalars.contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// What changed since the earlier version: how many elements of each kind changed, then for
    /// each kind its changes (the rows of `plankit diff`), the budget totals that moved, and how
    /// every element was paired.
    func sinceSection(_ since: ReportSince) -> ReportSection {
        let diff = PlanDiff.diff(old: since.old, new: since.new)
        let command = diffCommand(since)
        let text = ReportText(language: language)
        var figures: [ReportFigure] = []
        let elements = PlanDiff.Element.allCases

        // Counts by kind of element.
        var countRows: [[QueryValue]] = []
        for element in elements {
            let changes = diff.changes.filter { $0.element == element }
            let changed = Set(changes.filter { $0.kind == .changed }.map { "\($0.oldID ?? "")\u{0}\($0.newID ?? "")" }).count
            let counts = [PlanDiff.ChangeKind.added, .removed, .renumbered].map { kind in changes.filter { $0.kind == kind }.count } + [changed]
            countRows.append([.text(element.rawValue)] + counts.map { .integer(Int64($0)) })
        }
        var counts = ReportFigure(id: "since-counts", title: words.sinceCounts, queries: [command], derived: true,
                                  table: ResultTable(columns: ["element", "added", "removed", "renumbered", "changed"], rows: countRows), chart: .table)
        counts.command = command
        for row in countRows.indices { counts.shownText[row] = [0: words.elementNames[elements[row].rawValue] ?? elements[row].rawValue] }
        if diff.isEmpty { counts.notes.append(words.sinceNone) }
        for element in diff.similarityLimitReached {
            counts.notes.append(words.sinceLimit.replacingOccurrences(of: "%@", with: words.elementNames[element.rawValue] ?? element.rawValue))
        }
        figures.append(counts)

        // The changes of each kind of element, as `plankit diff` lists them.
        let columns = ["change", "old", "new", "field", "before", "after", "match"]
        for element in elements {
            let changes = diff.changes.filter { $0.element == element }
            guard !changes.isEmpty else { continue }
            var figure = ReportFigure(id: "since-\(element.rawValue)", title: words.sinceElementTitles[element.rawValue] ?? element.rawValue,
                                      queries: [], derived: false, table: ResultTable(columns: columns, rows: []), chart: .table)
            figure.command = command
            figure.element = element.rawValue
            for change in changes {
                let raw: [String?] = [change.kind.rawValue, change.oldID, change.newID, change.field, change.before, change.after, change.match?.description]
                figure.table.rows.append(raw.map { $0.map { .text($0) } ?? .missing })
                let index = figure.table.rows.count - 1
                let shown: [String] = [
                    words.changeNames[(element == .action ? "f." : "m.") + change.kind.rawValue] ?? change.kind.rawValue,
                    change.oldID ?? "—", change.newID ?? "—",
                    change.field.map(fieldName) ?? "—",
                    text.changeValue(change.before, field: change.field), text.changeValue(change.after, field: change.field),
                    change.match.map { matchName($0, text: text) } ?? "—",
                ]
                figure.shownText[index] = Dictionary(uniqueKeysWithValues: shown.enumerated().map { ($0.offset, $0.element) })
            }
            figures.append(figure)
        }

        // The budget totals that moved, before and after.
        let changedTotals = diff.changedTotals
        var totals = ReportFigure(id: "since-totals", title: words.sinceTotals, queries: [], derived: false,
                                  table: ResultTable(columns: ["element", "field", "before", "after", "difference"], rows: []), chart: .table)
        totals.command = command
        totals.computedColumns = ["difference"]
        var bars: [BeforeAfterBar] = []
        for total in changedTotals {
            let element = total.group == .kind ? "budget" : "article"
            let before = Self.value(total.before), after = Self.value(total.after)
            let difference: QueryValue
            if case .money(let b) = before, case .money(let a) = after, case let (d, overflow) = a.cents.subtractingReportingOverflow(b.cents), !overflow {
                difference = .money(Money(cents: d))
            } else {
                // A side with unknown amounts, or no line: the change is not known.
                difference = .unknown
            }
            let raw: [QueryValue] = [.text(element), .text(total.key), total.before.map { .text($0.description) } ?? .missing,
                                     total.after.map { .text($0.description) } ?? .missing, difference]
            totals.table.rows.append(raw)
            let key = total.group == .kind ? (words.values[total.key] ?? total.key) : total.key
            let differenceText: String
            if case .money(let d) = difference {
                differenceText = (d.cents > 0 ? "+" : "") + text.euros(d)
            } else if case .incomplete(let b) = before, case .incomplete(let a) = after,
                      case let (d, overflow) = a.cents.subtractingReportingOverflow(b.cents), !overflow {
                // Both incomplete: the known parts' difference says something, not the whole.
                differenceText = words.notKnown + " (" + words.knownParts + (d > 0 ? "+" : "") + text.euros(Money(cents: d)) + ")"
            } else {
                differenceText = words.notKnown
            }
            totals.shownText[totals.table.rows.count - 1] = [
                0: words.totalGroups[element] ?? element, 1: key,
                2: total.before.map { text.total(known: $0.known, unknownLines: $0.unknownLines) } ?? words.noLines,
                3: total.after.map { text.total(known: $0.known, unknownLines: $0.unknownLines) } ?? words.noLines,
                4: differenceText,
            ]
            bars.append(BeforeAfterBar(label: total.key, shown: key, before: before, after: after,
                                       beforeText: total.before?.description ?? "", afterText: total.after?.description ?? ""))
        }
        if !bars.isEmpty { totals.chart = .beforeAfter(bars) }
        // The services' totals, also when they did not move.
        for total in diff.totals where total.group == .kind && total.before == total.after {
            let sum = total.after.map { text.total(known: $0.known, unknownLines: $0.unknownLines) } ?? words.noLines
            let note = words.sinceKindUnchanged.replacingOccurrences(of: "%@", with: words.values[total.key] ?? total.key) + sum + "."
            totals.notes.append(note.prefix(1).uppercased() + note.dropFirst())
        }
        if changedTotals.isEmpty {
            totals.notes.insert(words.sinceTotalsNone, at: 0)
            // No row: no table, not a header alone.
            totals.table = ResultTable(columns: [], rows: [])
        }
        if diff.totals.contains(where: { ($0.before?.unknownLines ?? 0) + ($0.after?.unknownLines ?? 0) > 0 }) { totals.notes.append(words.sinceUnknownNote) }
        figures.append(totals)

        // Every pair, changed or not.
        var pairs = ReportFigure(id: "since-pairings", title: words.sincePairings, queries: [command], derived: true,
                                 table: ResultTable(columns: ["element", "old", "new", "match"], rows: []), chart: .table, notes: [words.sincePairingNote])
        pairs.command = command
        for pairing in diff.pairings {
            pairs.table.rows.append([.text(pairing.element.rawValue), .text(pairing.oldID), .text(pairing.newID), .text(pairing.match.description)])
            pairs.shownText[pairs.table.rows.count - 1] = [0: words.elementNames[pairing.element.rawValue] ?? pairing.element.rawValue,
                                                           3: matchName(pairing.match, text: text)]
        }
        figures.append(pairs)

        let title = "\(words.sinceTitle) \(words.quoteOpen)\(since.oldFile)\(words.quoteClose)"
        let intro = words.sinceIntro
            .replacingOccurrences(of: "%old", with: "\(since.old.name) (\(since.oldFile))")
            .replacingOccurrences(of: "%new", with: "\(since.new.name) (\(since.newFile))")
        return ReportSection(id: "since", title: title, intro: intro, figures: figures)
    }

    /// A budget total as a value: its known sum, incomplete when lines of unknown amount sit
    /// beside it; missing when the version has no line in the group, unknown when too large.
    static func value(_ sum: PlanDiff.BudgetSum?) -> QueryValue {
        guard let sum else { return .missing }
        guard let known = sum.known else { return .unknown }
        return sum.unknownLines > 0 ? .incomplete(known) : .money(known)
    }

    /// A field's name for the reader: `budget ordinaire [1] : montant`.
    func fieldName(_ field: String) -> String {
        if let name = words.fieldNames[field] { return name }
        for kind in ["ordinary", "extraordinary"] where field.hasPrefix(kind + "[") {
            guard let close = field.lastIndex(of: "]") else { break }
            let line = field[field.index(field.startIndex, offsetBy: kind.count)...close]
            let rest = field[field.index(after: close)...]
            var name = (words.fieldNames[kind] ?? kind) + " " + line
            if rest.hasPrefix(".") {
                let part = String(rest.dropFirst())
                name += words.colon + (words.fieldNames[part] ?? part)
            }
            return name
        }
        return field
    }

    /// How a pair was matched, for the reader.
    func matchName(_ match: PlanDiff.Match, text: ReportText) -> String {
        switch match {
        case .idAndTitle: return words.matchNames["same id and title"] ?? match.description
        case .title: return words.matchNames["same title"] ?? match.description
        case .similarTitle:
            let score = String(match.description.dropFirst("similar title ".count))
            return (words.matchNames["similar title"] ?? "similar title") + " (" + (language == .fr ? score.replacingOccurrences(of: ".", with: ",") : score) + ")"
        }
    }
}
