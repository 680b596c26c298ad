/// Reads a budget cell into budget lines.
///
/// `CCE 3.000 € CCCA 3.000 € ??` gives two labelled lines and a line of unknown amount;
/// `5.000 € (24.850 € à l'article 84021/124-02 Frais animation)` gives one line whose amount is
/// the allocation and whose article carries a stated credit; `?? Budget Plan d'actions
/// (Enveloppe budgétaire PCS)` gives one unknown line funded by the PCS envelope.
struct BudgetCellParser {
    let kind: BudgetKind
    let location: SourceLocation

    private enum Token {
        case amount(Money, hasCurrency: Bool)
        case unknownMark
        case group(String)
        case article(BudgetArticle)
        case word(String)
        case overflow(String)
    }

    /// Parses the cell's text; `diagnostics` receives what could not be understood.
    func parse(_ text: String, diagnostics: inout [Diagnostic]) -> [BudgetLine] {
        let bytes = Array(text.utf8)
        var tokens: [(Token, Range<Int>)] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 32 || b == 9 || b == 10 || b == 13 || b == UInt8(ascii: ",") || b == UInt8(ascii: ";")
                || b == UInt8(ascii: "+") || AmountParser.spaceLength(bytes, i) > 1 {
                i += max(1, AmountParser.spaceLength(bytes, i))
                continue
            }
            let start = i
            if b == UInt8(ascii: "?") {
                while i < bytes.count, bytes[i] == UInt8(ascii: "?") { i += 1 }
                tokens.append((.unknownMark, start..<i))
                continue
            }
            if b == UInt8(ascii: "(") {
                var depth = 0
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "(") { depth += 1 }
                    if bytes[i] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; break } }
                    i += 1
                }
                let inner = bytes[(start + 1)..<(depth == 0 ? i - 1 : i)]
                tokens.append((.group(String(decoding: inner, as: UTF8.self)), start..<i))
                continue
            }
            if AmountParser.isDigit(b) || AmountParser.isEuro(bytes, i) {
                // An article code first: digits '/' digits '-' digits.
                var j = i
                while j < bytes.count, bytes[j] != 32, bytes[j] != UInt8(ascii: ","), bytes[j] != UInt8(ascii: ")") { j += 1 }
                if let article = BudgetArticle(parsing: String(decoding: bytes[i..<j], as: UTF8.self)) {
                    tokens.append((.article(article), i..<j))
                    i = j
                    continue
                }
                switch AmountParser.parse(bytes, at: i) {
                case .amount(let money, let end, let hasCurrency)?:
                    tokens.append((.amount(money, hasCurrency: hasCurrency), i..<end))
                    i = end
                    continue
                case .overflow(let end)?:
                    tokens.append((.overflow(String(decoding: bytes[i..<end], as: UTF8.self)), i..<end))
                    i = end
                    continue
                case nil: break
                }
            }
            while i < bytes.count, bytes[i] != 32, bytes[i] != UInt8(ascii: "("), AmountParser.spaceLength(bytes, i) == 0 { i += 1 }
            if i == start { i += 1 }
            tokens.append((.word(String(decoding: bytes[start..<i], as: UTF8.self)), start..<i))
        }

        var lines: [BudgetLine] = []
        var ranges: [Range<Int>] = []
        var words: [String] = []
        var wordsStart: Int?
        let bareNumberIsAmount = tokens.count == 1

        func newLine(_ amount: CellValue<Money>, _ range: Range<Int>) {
            let label = words.isEmpty ? nil : words.joined(separator: " ")
            lines.append(BudgetLine(kind: kind, label: label, amount: amount, text: "", location: location))
            ranges.append((wordsStart ?? range.lowerBound)..<range.upperBound)
            words = []
            wordsStart = nil
        }
        /// Words before a parenthesis or at the end name the last line when it has no label.
        func flushWords(_ range: Range<Int>) {
            guard !words.isEmpty else { return }
            if let last = lines.indices.last, lines[last].label == nil {
                lines[last].label = words.joined(separator: " ")
                ranges[last] = ranges[last].lowerBound..<max(ranges[last].upperBound, range.upperBound)
                words = []
                wordsStart = nil
            }
        }
        func lastLine(_ range: Range<Int>) -> Int {
            if lines.isEmpty { newLine(.unknown, range) }
            ranges[lines.count - 1] = ranges[lines.count - 1].lowerBound..<max(ranges[lines.count - 1].upperBound, range.upperBound)
            return lines.count - 1
        }

        var afterArticle = false
        for (token, range) in tokens {
            if case .word = token {} else { afterArticle = false }
            switch token {
            case .amount(let money, let hasCurrency):
                if hasCurrency || bareNumberIsAmount {
                    newLine(.known(money), range)
                } else {
                    if wordsStart == nil { wordsStart = range.lowerBound }
                    words.append(String(decoding: bytes[range], as: UTF8.self))
                }
            case .unknownMark:
                newLine(.unknown, range)
            case .overflow(let digits):
                diagnostics.append(Diagnostic(
                    location: location,
                    message: "The amount \(digits) is too large to hold in cents; check the cell. It is kept as unknown.",
                    text: text))
                newLine(.unknown, range)
            case .article(let article):
                flushWords(range)
                let index = lastLine(range)
                lines[index].article = article
                afterArticle = true
            case .group(let inner):
                flushWords(range)
                let index = lastLine(range)
                apply(group: inner, to: &lines[index], diagnostics: &diagnostics, cell: text)
            case .word(let word):
                if afterArticle, words.isEmpty, let index = lines.indices.last {
                    // Words right after a bare article code are its label.
                    lines[index].articleLabel = lines[index].articleLabel.map { $0 + " " + word } ?? word
                    ranges[index] = ranges[index].lowerBound..<range.upperBound
                    continue
                }
                if wordsStart == nil { wordsStart = range.lowerBound }
                words.append(word)
            }
        }
        if !words.isEmpty {
            let end = tokens.last?.1 ?? 0..<bytes.count
            flushWords(end)
            if !words.isEmpty {
                if lines.isEmpty {
                    diagnostics.append(Diagnostic(
                        location: location,
                        message: "No amount found in this budget cell; write an amount such as 3.000 €, or ?? when it is unknown. It is kept as one line of unknown amount.",
                        text: text))
                    newLine(.unknown, (wordsStart ?? 0)..<end.upperBound)
                    lines[lines.count - 1].label = nil
                    lines[lines.count - 1].note = text.trimmed
                } else {
                    let index = lines.count - 1
                    let extra = words.joined(separator: " ")
                    lines[index].note = lines[index].note.map { $0 + " " + extra } ?? extra
                    ranges[index] = ranges[index].lowerBound..<end.upperBound
                }
            }
        }
        for index in lines.indices {
            let range = ranges[index].clamped(to: 0..<bytes.count)
            lines[index].text = String(decoding: bytes[range], as: UTF8.self).trimmed
        }
        return lines
    }

    /// Reads a parenthesis: an article, a stated credit, a funding envelope, or a note.
    private func apply(group inner: String, to line: inout BudgetLine, diagnostics: inout [Diagnostic], cell: String) {
        let trimmed = inner.trimmed
        let bytes = Array(trimmed.utf8)
        let folded = TextFolding.fold(trimmed.prefix(12))
        // `Article 840/731-53 label` or `art. 840/731-53 label`.
        for prefix in ["article ", "art. ", "art "] where folded.hasPrefix(prefix) {
            if let (article, label) = Self.articleAndLabel(String(decoding: bytes[prefix.utf8.count...], as: UTF8.self)) {
                line.article = article
                line.articleLabel = label
                return
            }
        }
        // `24.850 € à l'article 84021/124-02 label`.
        if case .amount(let credit, let end, _)? = AmountParser.parse(bytes, at: 0) {
            let rest = String(decoding: bytes[end...], as: UTF8.self).trimmed
            let restFolded = TextFolding.fold(rest.prefix(16))
            for prefix in ["a l'article ", "sur l'article ", "a l'art. ", "article ", "art. "] where restFolded.hasPrefix(prefix) {
                let prefixWords = prefix.split(separator: " ").count
                let afterPrefix = rest.split(separator: " ", omittingEmptySubsequences: true).dropFirst(prefixWords).joined(separator: " ")
                if let (article, label) = Self.articleAndLabel(afterPrefix) {
                    line.article = article
                    line.articleLabel = label
                    line.statedCredit = credit
                    return
                }
            }
        }
        let whole = TextFolding.fold(trimmed)
        if whole.containsBytes("enveloppe"), let range = whole.range(of: "enveloppe") {
            var plan = String(whole[range.upperBound...]).trimmed
            for prefix in ["budgetaire ", "du ", "de la ", "de l'"] where plan.hasPrefix(prefix) { plan.removeFirst(prefix.count) }
            // Take the plan's name from the original text, same length from the end.
            let original = String(trimmed.suffix(plan.count)).trimmed
            line.fundingPlan = original.isEmpty ? trimmed : PlanName.normalise(original)
            return
        }
        line.note = line.note.map { $0 + " " + trimmed } ?? trimmed
    }


    /// Splits `84021/124-02 Frais animation` into the article and its label (quotes removed).
    static func articleAndLabel(_ text: String) -> (BudgetArticle, String?)? {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        let start = i
        // The code ends at the first character after the `-SS` part that is neither a digit nor a dot.
        guard let dash = bytes[start...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
        var end = dash + 1
        while end < bytes.count, (bytes[end] >= 48 && bytes[end] <= 57) || bytes[end] == UInt8(ascii: ".") { end += 1 }
        var codeEnd = end
        if codeEnd > start, bytes[codeEnd - 1] == UInt8(ascii: ".") { codeEnd -= 1 }
        guard let article = BudgetArticle(parsing: String(decoding: bytes[start..<codeEnd], as: UTF8.self)) else { return nil }
        var label = String(decoding: bytes[end...], as: UTF8.self).trimmed
        if let first = label.first, let last = label.last, label.count >= 2,
           (first == "\"" && last == "\"") || (first == "“" && last == "”") || (first == "«" && last == "»") {
            label = String(label.dropFirst().dropLast()).trimmed
        }
        return (article, label.isEmpty ? nil : label)
    }
}
