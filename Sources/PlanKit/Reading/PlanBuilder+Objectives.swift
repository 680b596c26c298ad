import Foundation

/// The preamble and the objective rows of the communes' PST layout.
extension PlanBuilder {
    mutating func readPreamble(_ text: String, row: DelimitedTable.Row) {
        let line = row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " ")
        plan.preamble.append(line)
        let folded = TextFolding.fold(line)
        let value = line.firstIndex(of: ":").map { line[line.index(after: $0)...].trimmed }
        if folded.hasPrefix("volet") {
            let head = line.split(separator: ":").first.map(String.init) ?? line
            let words = head.split(separator: " ").dropFirst()
            plan.volet = words.first.map { TextFolding.fold($0) }
        } else if folded.hasPrefix("domaine"), let value {
            plan.domain = value
        } else if folded.hasPrefix("commune"), let value {
            plan.commune = value
        } else if folded.hasPrefix("plan"), let value, !value.isEmpty {
            plan.name = PlanName.normalise(value)
            let f = TextFolding.fold(value)
            plan.kind = f.hasPrefix("pcs") || f.containsBytes("cohesion sociale") ? .pcs : (f.hasPrefix("pst") ? .pst : .other)
            kindFromPreamble = true
            if plan.kind == .pcs, f.containsBytes("cohesion sociale") { plan.name = "PCS III" }
        } else if folded.hasPrefix("periode") || folded.hasPrefix("legislature"), let value {
            let years = value.split(whereSeparator: { !$0.isASCIIDigit }).compactMap { Int($0) }.filter { $0 >= 1900 && $0 <= 2200 }
            if years.count == 2, years[0] <= years[1] { plan.period = years[0]...years[1] }
        }
    }

    mutating func startStrategic(_ text: String, folded: [UInt8], row: DelimitedTable.Row, column: Int) {
        var title = text
        var number = String(objectives.count + 1)
        let word = folded.starts(with: Words.axis) ? "axe" : "objectif strategique"
        if let (n, rest) = TitleParser.numbered(text, word: word) {
            // `Objectif stratégique 2 : "…"`, `Axe 6. …`, `Objectif stratégique 2. Mobilité : moins de voitures`.
            number = n
            title = rest.hasPrefix(":") ? rest.dropFirst().trimmed : rest
        } else if let colon = text.firstIndex(of: ":"), TextFolding.fold(text[..<colon]).trimmed.collapsingSpaces == word {
            // `Objectif stratégique : "…"`.
            title = text[text.index(after: colon)...].trimmed
        } else if let colon = text.firstIndex(of: ":") {
            // Words between the objective's word and its colon are part of its title.
            let head = text[..<colon]
            let digits = head.split(whereSeparator: { !$0.isASCIIDigit && $0 != "." }).last.map { String($0).trimmingTrailingPunctuation }
            if let digits, !digits.isEmpty, digits.first?.isASCIIDigit == true { number = digits }
            title = text.trimmed
        }
        for (open, close) in [("\"", "\""), ("“", "”"), ("«", "»")] where title.hasPrefix(open) && title.hasSuffix(close) && title.count >= 2 {
            title = String(title.dropFirst().dropLast()).trimmed
        }
        objectives.append(StrategicObjective(number: number, title: title, location: location(row, column)))
    }

    mutating func startOperational(_ text: String, folded: [UInt8], row: DelimitedTable.Row, column: Int) {
        let word = folded.starts(with: Words.subAxis) ? "sous-axe" : "objectif operationnel"
        let (number, title) = TitleParser.numbered(text, word: word) ?? ("", String(text.dropFirst(word.count)).trimmed)
        if objectives.isEmpty {
            objectives.append(StrategicObjective(number: "", title: "", location: location(row, column)))
            plan.warnings.append(Diagnostic(
                .misplacedRow, location: location(row, column),
                message: "This operational objective comes before any strategic objective; it is kept under an untitled one.",
                text: text))
        }
        objectives[objectives.count - 1].operationalObjectives.append(
            OperationalObjective(number: number, title: title, location: location(row, column)))
    }
}
