/// Reads deadline cells: `2020`, `2e sem. 2020`, `1er semestre 2021`, `T3 2021`, `Mai 2022`,
/// `fin 2022`, `2019-2024`, `En continu`.
enum DeadlineParser {
    /// The warning for a deadline cell `text` that reads as no form: every form it could take.
    static func unreadMessage(_ text: String) -> String {
        "\"\(text)\" is not a deadline PlanKit reads; it counts as unknown. Write a day (31/12/2021), a year, \"2e sem. 2020\", \"T3 2021\", \"Mai 2022\", \"fin 2022\", \"2019-2024\" or \"En continu\"."
    }

    private static let months: [(String, Int)] = [
        ("janvier", 1), ("janv", 1), ("fevrier", 2), ("fevr", 2), ("fev", 2), ("mars", 3), ("avril", 4), ("avr", 4),
        ("mai", 5), ("juin", 6), ("juillet", 7), ("juil", 7), ("aout", 8), ("septembre", 9), ("sept", 9),
        ("sep", 9), ("octobre", 10), ("oct", 10), ("novembre", 11), ("nov", 11), ("decembre", 12), ("dec", 12),
    ]

    /// What separates the years of a period: `-`, `/`, `–`.
    private static let periodSeparators = Separators(["-", "/", "–"])

    /// Parses a deadline's text (not `??`, `/` or blank, which the caller handles).
    ///
    /// - Returns: `nil` when the text is no deadline form PlanKit knows.
    static func parse(_ text: String) -> Deadline? {
        let folded = TextFolding.fold(text).collapsingSpaces
        let words = folded.splitBytes { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ".") }
        func year(_ word: String) -> Int? {
            // Four ASCII digits, read from the bytes.
            var y = 0, digits = 0
            for byte in word.utf8 {
                guard byte &- UInt8(ascii: "0") < 10, digits < 4 else { return nil }
                y = y * 10 + Int(byte &- UInt8(ascii: "0"))
                digits += 1
            }
            guard digits == 4, y >= 1900, y <= 2200 else { return nil }
            return y
        }
        if ["en continu", "continu", "permanent", "en permanence", "recurrent", "continue"].contains(folded) { return .ongoing }
        if words.count == 1, let y = year(words[0]) { return .year(y) }
        if let day = Self.date(folded) { return day }
        // Periods: 2019-2024, 2019 - 2024, 2019/2024.
        let dashParts = folded.splitting(Self.periodSeparators).filter { !$0.isEmpty }.map(\.trimmed)
        if dashParts.count == 2, let from = year(dashParts[0]), let to = year(dashParts[1]), from <= to {
            return .period(from: from, to: to)
        }
        guard words.count >= 2, let y = year(words[words.count - 1]) else { return nil }
        let head = words.dropLast()
        let first = head.first ?? ""
        if head.count == 1, first == "fin" { return .endOfYear(y) }
        // Quarters: T3 2021, Q3 2021, 3e trimestre 2021.
        if head.count == 1, first.count == 2, first.first == "t" || first.first == "q",
           let q = Int(first.dropFirst()), (1...4).contains(q) {
            return .quarter(q, year: y)
        }
        if let ordinal = ordinal(first) {
            let unit = head.dropFirst().joinedBySpaces
            if ["sem", "semestre", "s"].contains(unit), (1...2).contains(ordinal) { return .semester(ordinal, year: y) }
            if ["trim", "trimestre", "t"].contains(unit), (1...4).contains(ordinal) { return .quarter(ordinal, year: y) }
        }
        // S1 2021.
        if head.count == 1, first.count == 2, first.first == "s", let s = Int(first.dropFirst()), (1...2).contains(s) {
            return .semester(s, year: y)
        }
        // Months: Mai 2022, mai. 2022, fin mai 2022.
        let monthWord = head.count == 2 && first == "fin" ? head[head.startIndex + 1] : (head.count == 1 ? first : "")
        if let month = months.first(where: { $0.0 == monthWord })?.1 { return .month(month, year: y) }
        return nil
    }

    /// `30/06/2020`, `30-06-2020`, `30.06.2020` or ISO `2020-06-30`, a valid calendar day.
    static func date(_ text: String) -> Deadline? {
        // A workbook's date with a time, `31/12/2020 14:30`, is its day.
        if let space = text.utf8.firstIndex(of: UInt8(ascii: " ")) {
            let time = text.utf8[text.utf8.index(after: space)...].split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard (2...3).contains(time.count), time.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(Byte.isASCIIDigit) }) else { return nil }
            return date(String(text[..<space]))
        }
        let parts = text.splitBytes { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        let (d, m, y) = parts[0].count == 4 ? (numbers[2], numbers[1], numbers[0]) : (numbers[0], numbers[1], numbers[2])
        guard (1900...2200).contains(y), (1...12).contains(m) else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { return nil }
        return .day(d, month: m, year: y)
    }

    /// `1er`, `1`, `premier`, `2e`, `2eme`, `2nd`, `second`, `3e`… as a number.
    private static func ordinal(_ word: String) -> Int? {
        switch word {
        case "premier", "1er", "1ere": return 1
        case "second", "seconde", "2nd", "2nde": return 2
        default: break
        }
        let digits = word.prefix(while: \.isASCIIDigit)
        guard let n = Int(digits), !digits.isEmpty else { return nil }
        let suffix = word.dropFirst(digits.count)
        return ["", "e", "eme", "er", "d"].contains(String(suffix)) ? n : nil
    }
}
