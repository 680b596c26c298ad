import PlanKit
import PlanQuery

/// How a report writes values for its readers: amounts in euros with the language's
/// separators, states in words, the plans' words translated.
package struct ReportText: Sendable {
    /// The report's language.
    package var language: ReportLanguage

    /// Creates the writer of values for `language`.
    package init(language: ReportLanguage) { self.language = language }

    /// Columns whose values are words of PlanKit's (ordinary, done, error…) to translate.
    static let translated: Set<String> = ["kind", "target", "status", "severity", "service", "article.service"]

    /// A value as a reader sees it in `column`.
    package func display(_ value: QueryValue, column: String) -> String {
        let words = language.words
        switch value {
        case .money(let money): return euros(money)
        case .incomplete(let known): return incomplete(known)
        case .unknown where column == "overdue": return words.values["unknown"] ?? words.unknown
        case .unknown: return words.unknown
        case .missing: return column.hasPrefix("sum(") || column.hasPrefix("max(") ? words.noAmount : words.missing
        case .none: return words.none
        case .text(let rule) where column == "rule":
            return FindingText.ruleName(rule, language: language)
        case .text(let text) where Self.translated.contains(column) || column.hasSuffix(".kind"):
            return words.values[text] ?? text
        case .integer(let n): return grouped(String(n))
        case .list(let values): return values.map { display($0, column: column) }.joined(separator: ", ")
        default: return value.text
        }
    }

    /// A sum with unknown parts: its known part and words saying more is to come,
    /// `70 000 € + montant inconnu`, `€70,000 + unknown amount`; never a bare number.
    package func incomplete(_ known: Money) -> String {
        euros(known) + " + " + language.words.unknownPart
    }

    /// A budget total of known amounts with `unknownLines` lines of unknown amount beside it:
    /// `70 000 € + 3 montants inconnus`, `€70,000 + 1 unknown amount`; `nil` for a sum too large.
    package func total(known: Money?, unknownLines: Int) -> String {
        let words = language.words
        let sum = known.map(euros) ?? words.tooLarge
        guard unknownLines > 0 else { return sum }
        return sum + " + " + grouped(String(unknownLines)) + " " + (unknownLines == 1 ? words.unknownAmount : words.unknownAmounts)
    }

    /// Whether a value is a sum with unknown parts.
    package static func isIncomplete(_ value: QueryValue) -> Bool {
        if case .incomplete = value { true } else { false }
    }

    /// `24 850 €` in French, `€24,850` in English; cents only when there are some.
    package func euros(_ money: Money) -> String {
        let negative = money.cents < 0
        let magnitude = money.cents.magnitude
        let whole = grouped(String(magnitude / 100))
        let cents = magnitude % 100
        let fraction = cents == 0 ? "" : (language == .fr ? "," : ".") + (cents < 10 ? "0" : "") + String(cents)
        let sign = negative ? "−" : ""
        return language == .fr ? "\(sign)\(whole)\(fraction)\u{a0}€" : "\(sign)€\(whole)\(fraction)"
    }

    /// Digits grouped by three: `24 850` (a no-break space) in French, `24,850` in English.
    package func grouped(_ digits: String) -> String {
        let negative = digits.hasPrefix("-")
        var rest = Substring(negative ? String(digits.dropFirst()) : digits)
        guard rest.allSatisfy(\.isNumber) else { return digits }
        var groups: [Substring] = []
        while rest.count > 3 {
            groups.insert(rest.suffix(3), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(rest, at: 0)
        return (negative ? "−" : "") + groups.joined(separator: language == .fr ? "\u{a0}" : ",")
    }

    /// A column's heading.
    package func heading(_ column: String) -> String {
        language.words.columns[column] ?? column
    }

    /// A finding's place: `file:line`, or `book.xlsx#Sheet!G12` for a cell of a workbook's sheet.
    package static func location(file: QueryValue, line: QueryValue, column: QueryValue) -> String {
        guard !file.isState else { return "" }
        guard case .integer(let row) = line, row > 0 else { return file.text }
        if file.text.contains("#"), case .integer(let col) = column, col > 0 {
            return "\(file.text)!\(columnLetters(Int(col)))\(row)"
        }
        return "\(file.text):\(row)"
    }

    /// `A` for 1, `Z` for 26, `AA` for 27.
    static func columnLetters(_ column: Int) -> String {
        var n = column
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}

/// Escapes text for HTML and XML: `&`, `<`, `>`, `"` and `'`, and drops the control
/// characters XML does not allow.
package func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            // XML 1.0 allows no other C0 control, nor U+FFFE/U+FFFF.
            if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF || (0x7F...0x9F).contains(scalar.value) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}
