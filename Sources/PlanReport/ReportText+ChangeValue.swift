import PlanKit

extension ReportText {
    /// A value of a change (`plankit diff`'s `before` or `after`) as the report's reader sees it.
    ///
    /// `??` and `/` are said in words, a budget line's amount and credit in euros, `yes` and
    /// `no` (`pending`), a health and a budget line's flow translated. In French, also: numbers
    /// with a decimal comma (`0,5`), days as the report writes a deadline's day (`30/06/2025`),
    /// and the parts PlanKit writes of the amounts per year, funding, indicators and
    /// projections (`2024 : prévu 3 000 €, réel 2 500 €`). A value as the plan writes it (a
    /// title, a name, `EN_COURS`, a funding's text) is shown as written; `—` for none.
    ///
    ///     ReportText(language: .fr).changeValue("0.5", field: "fte")          // "0,5"
    ///     ReportText(language: .en).changeValue("0.5", field: "fte")          // "0.5"
    package func changeValue(_ value: String?, field: String?) -> String {
        let words = language.words
        guard let value else { return "—" }
        if value == "??" { return words.unknown }
        if value == "/" { return words.none }
        let kind = Self.valueKind(field)
        switch kind {
        case "pending", "health", "line.flow": return words.values[value] ?? value
        case "line.amount", "line.credit": return changeMoney(value) ?? value
        default: break
        }
        guard language == .fr else { return value }
        switch kind {
        case "progress", "fte": return frenchNumber(value) ?? value
        case "start.planned", "start.effective", "end.planned", "end.effective":
            guard let day = Day(iso: value) else { return value }
            return Deadline.day(day.day, month: day.month, year: day.year).description
        case "amounts": return items(value, yearAmounts)
        case "funding": return items(value, funding)
        case "indicators": return items(value, indicator)
        case "projections": return items(value, projection)
        default: return value
        }
    }

    /// What a field's values are: the field's name, or `line.` and the part for a budget line's
    /// (`ordinary[CCE].amount` → `line.amount`, `ordinary[1]` → `line`).
    static func valueKind(_ field: String?) -> String {
        guard let field else { return "" }
        for kind in BudgetKind.allCases where field.hasPrefix(kind.rawValue + "[") {
            guard let close = field.lastIndex(of: "]") else { return field }
            let rest = field[field.index(after: close)...]
            return rest.hasPrefix(".") ? "line" + rest : "line"
        }
        return field
    }

    /// An amount of the diff (`3000 €`, `??`, `/`) in the report's euros and words; `nil` for other text.
    func changeMoney(_ text: Substring) -> String? {
        if text == "??" { return language.words.unknown }
        if text == "/" { return language.words.none }
        guard text.hasSuffix(" €"), let money = Money(decimal: text.dropLast(2)) else { return nil }
        return euros(money)
    }

    /// An amount of the diff in the report's euros and words; `nil` for other text.
    func changeMoney(_ text: String) -> String? { changeMoney(Substring(text)) }

    /// A number PlanKit writes (`40`, `0.5`, `-2.25`) as French writes it: `40`, `0,5`,
    /// `−2,25`, digits grouped; `nil` for other text.
    func frenchNumber(_ text: some StringProtocol) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
        guard parts.count <= 2, !whole.isEmpty, whole.allSatisfy(Self.isDigit),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(Self.isDigit)) else { return nil }
        return grouped(String(parts[0])) + (parts.count == 2 ? "," + parts[1] : "")
    }

    /// Whether a character is one of the digits 0 to 9.
    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    /// A list of the diff (elements joined by `; `), each element shown by `show`.
    private func items(_ value: String, _ show: (Substring) -> String?) -> String {
        value.split(separator: "; ", omittingEmptySubsequences: false).map { show($0) ?? String($0) }.joined(separator: "; ")
    }

    /// `2024: planned 3000 €, actual 2500 €` → `2024 : prévu 3 000 €, réel 2 500 €`;
    /// `all years: …` → `toutes années : …`.
    private func yearAmounts(_ item: Substring) -> String? {
        guard let colon = item.range(of: ": ") else { return nil }
        let year = item[..<colon.lowerBound], words = language.words
        guard year == "all years" || year.allSatisfy(Self.isDigit) else { return nil }
        var parts: [String] = []
        for part in item[colon.upperBound...].split(separator: ", ", omittingEmptySubsequences: false) {
            guard let space = part.firstIndex(of: " "), let name = words.values[String(part[..<space])],
                  let amount = changeMoney(part[part.index(after: space)...]) else { return nil }
            parts.append(name + " " + amount)
        }
        return (words.values[String(year)] ?? String(year)) + words.colon + parts.joined(separator: ", ")
    }

    /// A funding PlanKit writes (`2024 Wallonie: 2000 €`) with its amount in euros:
    /// `2024 Wallonie : 2 000 €`; a funding's own text (`2024 pour Wallonie: 2000€`) as written.
    private func funding(_ item: Substring) -> String? {
        guard let colon = item.range(of: ": ", options: .backwards), let amount = changeMoney(item[colon.upperBound...]) else { return nil }
        return item[..<colon.lowerBound] + language.words.colon + amount
    }

    /// An indicator (`Participants = 12.5 / 50 (2024)`) with its numbers as French writes them:
    /// `Participants = 12,5 / 50 (2024)`.
    private func indicator(_ item: Substring) -> String? {
        guard let equals = item.range(of: " = ", options: .backwards) else { return nil }
        var figures = item[equals.upperBound...], year: Substring = ""
        if figures.hasSuffix(")"), let open = figures.range(of: " (", options: .backwards) {
            year = figures[open.lowerBound...]
            figures = figures[..<open.lowerBound]
        }
        let numbers = figures.split(separator: " / ", omittingEmptySubsequences: false)
        guard numbers.count == 2 else { return nil }
        var shown: [String] = []
        for number in numbers {
            guard let text = number.isEmpty ? "" : frenchNumber(number) else { return nil }
            shown.append(text)
        }
        return item[..<equals.upperBound] + shown.joined(separator: " / ") + year
    }

    /// An eComptes projection (`O D 70 Subsides: 2024 1000, 2025 2000.5`) with its amounts in
    /// euros: `O D 70 Subsides : 1 000 € en 2024, 2 000,50 € en 2025`.
    private func projection(_ item: Substring) -> String? {
        guard let colon = item.range(of: ": ", options: .backwards) else { return nil }
        var years: [String] = []
        for part in item[colon.upperBound...].split(separator: ", ", omittingEmptySubsequences: false) {
            let words = part.split(separator: " ")
            guard words.count == 2, words[0].count == 4, words[0].allSatisfy(Self.isDigit),
                  let money = Money(decimal: words[1]) else { return nil }
            years.append(euros(money) + " en " + words[0])
        }
        return item[..<colon.lowerBound] + language.words.colon + years.joined(separator: ", ")
    }
}
