/// Cells whose amounts are not one allocation: planned and spent, several years, a range.
extension BudgetCellParser {
    /// Whether an en dash (U+2013) starts at `i`.
    static func isEnDash(_ bytes: [UInt8], _ i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == Byte.punctuationLead && bytes[i + 1] == Byte.generalPunctuationSecond && bytes[i + 2] == Byte.enDashLast
    }

    /// Whether a number without a currency is joined by a dash to another (`2019-2024`): a
    /// period, not a range of amounts.
    static func startsPeriod(_ result: AmountParser.Result?, _ bytes: [UInt8]) -> Bool {
        let end: Int
        switch result {
        case .amount(_, let e, false)?, .unreadable(_, let e, false)?: end = e
        default: return false
        }
        guard end < bytes.count else { return false }
        let dash = bytes[end] == UInt8(ascii: "-") ? 1 : isEnDash(bytes, end) ? 3 : 0
        return dash > 0 && !hasCurrency(AmountParser.parse(bytes, at: end + dash))
    }

    /// Whether a parsed number has a currency.
    static func hasCurrency(_ result: AmountParser.Result?) -> Bool {
        switch result {
        case .amount(_, _, let hasCurrency)?, .unreadable(_, _, let hasCurrency)?: hasCurrency
        default: false
        }
    }

    /// Whether a token is a number, and whether it has a currency.
    static func number(_ token: Token) -> Bool? {
        switch token {
        case .amount(_, let hasCurrency), .unreadable(_, let hasCurrency): hasCurrency
        default: nil
        }
    }

    /// A negative amount among other amounts is a minus sign or a list's dash (`-3.000 € -2.000 €`):
    /// it is not read.
    static func markSignsOrDashes(_ tokens: inout [(Token, Range<Int>)]) {
        var amounts = 0, negative = false
        for (token, _) in tokens {
            guard case .amount(let money, true) = token else { continue }
            amounts += 1
            if money.cents < 0 { negative = true }
        }
        guard negative, amounts >= 2 else { return }
        for k in tokens.indices {
            if case .amount(let money, true) = tokens[k].0, money.cents < 0 {
                tokens[k].0 = .unreadable(.signOrDash(Money(cents: -money.cents)), hasCurrency: true)
            }
        }
    }

    /// Words that join the two ends of a range, folded: `200 à 500 €`, `200-500 €`.
    private static let rangeWords: [[UInt8]] = ["a", "au", "-"].map { Array($0.utf8) }
    /// Words that join two amounts one of which is meant: `3.000 € ou 5.000 €`.
    private static let choiceWords: [[UInt8]] = ["ou", "/"].map { Array($0.utf8) }
    private static let between = Array("entre".utf8), and = Array("et".utf8)
    /// The kinds of amount a cell may hold side by side, each with the folded starts of its words.
    private static let amountKinds: [(String, [[UInt8]])] = [
        ("planned", ["prevu", "previs", "budgete", "estime"]),
        ("spent", ["depense", "realise", "engage", "consomme", "paye", "liquide", "utilise"]),
        ("remaining", ["restant", "reste", "solde", "disponible"]),
    ].map { ($0.0, $0.1.map { Array($0.utf8) }) }

    /// Whether a word starting with `first` and `second` may fold to the start of one of
    /// ``amountKinds``' words (all of four letters or more): two letters they start with, in
    /// either case, or a byte of a non-ASCII letter (folded slowly).
    private static func mayStartAnAmountKind(_ first: UInt8, _ second: UInt8) -> Bool {
        if first >= Byte.firstNonASCII || second >= Byte.firstNonASCII { return true }
        // The words' first two letters: pr(evu, evis), bu(dgete), es(time), de(pense), re(alise,
        // stant, ste), en(gage), co(nsomme), pa(ye), li(quide), ut(ilise), so(lde), di(sponible).
        switch (first | Byte.caseBit, second | Byte.caseBit) {
        case (UInt8(ascii: "p"), UInt8(ascii: "r")), (UInt8(ascii: "b"), UInt8(ascii: "u")), (UInt8(ascii: "e"), UInt8(ascii: "s")),
             (UInt8(ascii: "d"), UInt8(ascii: "e")), (UInt8(ascii: "r"), UInt8(ascii: "e")), (UInt8(ascii: "e"), UInt8(ascii: "n")),
             (UInt8(ascii: "c"), UInt8(ascii: "o")), (UInt8(ascii: "p"), UInt8(ascii: "a")), (UInt8(ascii: "l"), UInt8(ascii: "i")),
             (UInt8(ascii: "u"), UInt8(ascii: "t")), (UInt8(ascii: "s"), UInt8(ascii: "o")), (UInt8(ascii: "d"), UInt8(ascii: "i")):
            return true
        default: return false
        }
    }

    /// Whether a word starting with `first` may join two amounts: one of ``rangeWords``,
    /// ``choiceWords``, `et` or an en dash starts with `a`, `-`, `o`, `/` or `e` (in either case),
    /// or with a non-ASCII byte (`à`, the dash). Most words between amounts are told apart here,
    /// without folding them against each joining word.
    private static func mayJoinAmounts(_ first: UInt8) -> Bool {
        if first >= Byte.firstNonASCII { return true }
        let lower = Byte.asciiLowercased(first)
        return lower == UInt8(ascii: "a") || lower == UInt8(ascii: "-") || lower == UInt8(ascii: "o")
            || lower == UInt8(ascii: "/") || lower == UInt8(ascii: "e")
    }

    /// Whether `range` of `bytes` folds to one of `words`, whole.
    private static func isWord(_ bytes: [UInt8], _ range: Range<Int>, _ words: [[UInt8]]) -> Bool {
        words.contains { TextFolding.foldedPrefixLength(bytes, from: range.lowerBound, upTo: range.upperBound, $0) == range.count }
    }

    /// Why a cell's amounts are not one allocation, as a warning's message; `nil` when they are.
    static func split(_ tokens: [(Token, Range<Int>)], _ bytes: [UInt8]) -> String? {
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let outcome = " Its amount counts as unknown."
        // A range or a choice: two numbers joined by a word, one of them with a currency.
        for k in tokens.indices where k + 2 < tokens.count {
            guard let first = number(tokens[k].0), let second = number(tokens[k + 2].0), first || second,
                  case .word = tokens[k + 1].0 else { continue }
            let word = tokens[k + 1].1
            guard Self.mayJoinAmounts(bytes[word.lowerBound]) else { continue }
            var pair: String { "\(text(tokens[k].1)) to \(text(tokens[k + 2].1))" }
            if isWord(bytes, word, rangeWords) || isEnDash(bytes, word.lowerBound) && word.count == 3
                || (isWord(bytes, word, [and]) && k > 0 && isWord(bytes, tokens[k - 1].1, [between])) {
                return "This cell gives a range (\(pair)), not one amount; write the amount allocated, or ?? with the range in parentheses." + outcome
            }
            if isWord(bytes, word, choiceWords) {
                return "This cell gives a choice (\(text(tokens[k].1)) or \(text(tokens[k + 2].1))), not one amount; write the amount allocated, or ?? with the choice in parentheses." + outcome
            }
        }
        var amounts = 0
        for (token, _) in tokens where number(token) == true { amounts += 1 }
        guard amounts >= 2 else { return nil }
        // The amounts as written, for a message: made only when there is one.
        var listed: String {
            tokens.filter { number($0.0) == true }.map { text($0.1) }.joined(separator: ", ")
        }
        // Years between amounts: `2024 : 5.000 € 2025 : 6.000 €`, `5.000 € en 2024, 6.000 € en 2025`.
        var years: [Int] = []
        var amountSinceYear = false, severalYears = false
        for (token, range) in tokens {
            if number(token) == true { amountSinceYear = true; continue }
            guard case .amount(let money, false) = token, range.count == 4, money.cents % 100 == 0,
                  case let year = Int(money.cents / 100), (1990...2099).contains(year) else { continue }
            if let last = years.last, last != year, amountSinceYear { severalYears = true }
            if !years.contains(year) { years.append(year) }
            amountSinceYear = false
        }
        if severalYears {
            return "This cell holds amounts for several years (\(years.map(String.init).joined(separator: ", ")): \(listed)), which are not added up; write their total if the action gets them all, or ?? with each year's amount in parentheses." + outcome
        }
        // Amounts of different kinds: planned and spent, spent and remaining.
        var kinds: [String] = []
        var i = 0
        while i < bytes.count {
            while i < bytes.count, !AmountParser.isLetter(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count, AmountParser.isLetter(bytes[i]) || bytes[i] == UInt8(ascii: "'") { i += 1 }
            guard i - start >= 4, Self.mayStartAnAmountKind(bytes[start], bytes[start + 1]) else { continue }
            for (kind, starts) in amountKinds where !kinds.contains(kind) {
                if starts.contains(where: { TextFolding.foldedPrefixLength(bytes, from: start, upTo: i, $0) != nil }) { kinds.append(kind) }
            }
        }
        if kinds.count >= 2 {
            let named = kinds.dropLast().joined(separator: ", ") + " and " + kinds[kinds.count - 1]
            return "This cell holds \(named) amounts (\(listed)), which are not one allocation and are not added up; write the amount allocated alone, with the others in parentheses." + outcome
        }
        return nil
    }

    /// The one line of a cell whose amounts are not one allocation: unknown amount, the cell's
    /// text as its note, and the article, credit or envelope its parentheses state.
    func wholeCellLine(_ bytes: [UInt8], _ tokens: [(Token, Range<Int>)], _ articles: [BudgetArticle], base: String, text: String) -> [BudgetLine] {
        var line = BudgetLine(kind: kind, amount: .unknown, base: base, location: location)
        for (token, _) in tokens {
            switch token {
            case .article(let k) where line.article == nil: line.article = articles[k]
            case .group(let inner): _ = apply(group: bytes[inner], to: &line)
            default: break
            }
        }
        guard details else { return [line] }
        line.note = text.trimmed
        let part = TextFolding.trimmed(bytes[...])
        line.setRange(\.text, shifted(part.startIndex..<part.endIndex))
        return [line]
    }
}
