/// Reads a budget cell into budget lines.
///
/// `CCE 3.000 € CCCA 3.000 € ??` gives two labelled lines and a line of unknown amount;
/// `5.000 € (24.850 € à l'article 84021/124-02 Frais animation)` gives one line whose amount is
/// the allocation and whose article carries a stated credit; `?? Budget Plan d'actions
/// (Enveloppe budgétaire PCS)` gives one unknown line funded by the PCS envelope.
struct BudgetCellParser {
    let kind: BudgetKind
    let location: SourceLocation
    /// Whether lines get their labels, texts, notes, funding envelopes and article labels; amounts,
    /// articles and stated credits are read either way.
    var details = true
    /// Buffers reused from one cell to the next.
    var scratch = Scratch()
    /// The text the lines' texts are ranges of, when not the parsed text itself (a row's text
    /// holding the cell), and where the parsed text starts in it, in UTF-8 bytes.
    var base: String? = nil
    var offset = 0

    /// The buffers a parse works in, kept between the cells of a file so that parsing a cell
    /// allocates only what it returns.
    final class Scratch {
        fileprivate var bytes: [UInt8] = []
        fileprivate var tokens: [(Token, Range<Int>)] = []
        fileprivate var articles: [BudgetArticle] = []
        fileprivate var ranges: [Range<Int>] = []
        fileprivate var labelled: [Bool] = []
        fileprivate var words: [Range<Int>] = []

        /// Exchanges a parse's buffers with the kept ones.
        fileprivate func exchange(
            _ bytes: inout [UInt8], _ tokens: inout [(Token, Range<Int>)], _ articles: inout [BudgetArticle],
            _ ranges: inout [Range<Int>], _ labelled: inout [Bool], _ words: inout [Range<Int>]
        ) {
            swap(&bytes, &self.bytes)
            swap(&tokens, &self.tokens)
            swap(&articles, &self.articles)
            swap(&ranges, &self.ranges)
            swap(&labelled, &self.labelled)
            swap(&words, &self.words)
        }
    }

    /// A piece of the cell; text stays in the cell's bytes until a line needs it.
    fileprivate enum Token {
        case amount(Money, hasCurrency: Bool)
        case unknownMark
        case group(Range<Int>)
        /// An article code, by index in the parse's list of articles.
        case article(Int)
        case word
        case overflow
    }

    /// Parses the cell's text; `diagnostics` receives what could not be understood. The lines'
    /// texts are ranges of ``base`` when one is given (with the text at ``offset`` in it), else of `text`.
    func parse(_ text: String, diagnostics: inout [Diagnostic]) -> [BudgetLine] {
        var parser = self
        if parser.base == nil { (parser.base, parser.offset) = (text, 0) }
        return parser.parse(utf8: Array(text.utf8)[...], text: text, diagnostics: &diagnostics)
    }

    /// Parses a cell's UTF-8 bytes, which are ``base``'s from ``offset``; `text`, the bytes as a
    /// string, is made only when a diagnostic or a note needs it, unless given.
    func parse(utf8 cell: ArraySlice<UInt8>, text given: String? = nil, diagnostics: inout [Diagnostic]) -> [BudgetLine] {
        let base = self.base ?? given ?? String(decoding: cell, as: UTF8.self)
        var made = given
        func cellText() -> String {
            if let made { return made }
            let text = String(decoding: cell, as: UTF8.self)
            made = text
            return text
        }
        // The scratch buffers are taken for the parse and handed back, emptied, with their room.
        var bytes: [UInt8] = [], tokens: [(Token, Range<Int>)] = [], articles: [BudgetArticle] = []
        var ranges: [Range<Int>] = [], labelled: [Bool] = [], words: [Range<Int>] = []
        scratch.exchange(&bytes, &tokens, &articles, &ranges, &labelled, &words)
        defer {
            bytes.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            articles.removeAll(keepingCapacity: true)
            ranges.removeAll(keepingCapacity: true)
            labelled.removeAll(keepingCapacity: true)
            words.removeAll(keepingCapacity: true)
            scratch.exchange(&bytes, &tokens, &articles, &ranges, &labelled, &words)
        }
        bytes.append(contentsOf: cell)
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
                tokens.append((.group((start + 1)..<(depth == 0 ? i - 1 : i)), start..<i))
                continue
            }
            if AmountParser.isDigit(b) || AmountParser.isEuro(bytes, i) {
                // An article code first: digits '/' digits '-' digits.
                var j = i
                while j < bytes.count, bytes[j] != 32, bytes[j] != UInt8(ascii: ","), bytes[j] != UInt8(ascii: ")") { j += 1 }
                if bytes[i..<j].contains(UInt8(ascii: "/")), let article = BudgetArticle(utf8: bytes[i..<j]) {
                    tokens.append((.article(articles.count), i..<j))
                    articles.append(article)
                    i = j
                    continue
                }
                switch AmountParser.parse(bytes, at: i) {
                case .amount(let money, let end, let hasCurrency)?:
                    tokens.append((.amount(money, hasCurrency: hasCurrency), i..<end))
                    i = end
                    continue
                case .overflow(let end)?:
                    tokens.append((.overflow, i..<end))
                    i = end
                    continue
                case nil: break
                }
            }
            while i < bytes.count, bytes[i] != 32, bytes[i] != UInt8(ascii: "("), AmountParser.spaceLength(bytes, i) == 0 { i += 1 }
            if i == start { i += 1 }
            tokens.append((.word, start..<i))
        }

        var lines: [BudgetLine] = []
        // `ranges`: the part of the cell each line was read from; `labelled`: whether each line
        // has a label, kept apart so that labels need not be written out.
        var wordsStart: Int?
        let bareNumberIsAmount = tokens.count == 1

        func newLine(_ amount: CellValue<Money>, _ range: Range<Int>) {
            var line = BudgetLine(kind: kind, amount: amount, base: base, location: location)
            if details, !words.isEmpty { setWords(\.label, of: &line, bytes, words) }
            lines.append(line)
            labelled.append(!words.isEmpty)
            ranges.append((wordsStart ?? range.lowerBound)..<range.upperBound)
            words.removeAll(keepingCapacity: true)
            wordsStart = nil
        }
        /// Words before a parenthesis or at the end name the last line when it has no label.
        func flushWords(_ range: Range<Int>) {
            guard !words.isEmpty else { return }
            if let last = lines.indices.last, !labelled[last] {
                labelled[last] = true
                if details { setWords(\.label, of: &lines[last], bytes, words) }
                ranges[last] = ranges[last].lowerBound..<max(ranges[last].upperBound, range.upperBound)
                words.removeAll(keepingCapacity: true)
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
                    words.append(range)
                }
            case .unknownMark:
                newLine(.unknown, range)
            case .overflow:
                let digits = String(decoding: bytes[range], as: UTF8.self)
                diagnostics.append(Diagnostic(
                    .amountTooLarge, location: location,
                    message: "The amount \(digits) is too large to hold in cents; check the cell. It is kept as unknown.",
                    text: cellText()))
                newLine(.unknown, range)
            case .article(let article):
                flushWords(range)
                let index = lastLine(range)
                lines[index].article = articles[article]
                afterArticle = true
            case .group(let inner):
                flushWords(range)
                let index = lastLine(range)
                apply(group: bytes[inner], to: &lines[index])
            case .word:
                if afterArticle, words.isEmpty, let index = lines.indices.last {
                    // Words right after a bare article code are its label.
                    if details {
                        if let label = lines[index].articleLabelRange.map({ ($0.lowerBound - offset)..<($0.upperBound - offset) }) {
                            if label.upperBound + 1 == range.lowerBound, label.upperBound >= 0, bytes[label.upperBound] == 32 {
                                lines[index].setRange(\.articleLabel, shifted(label.lowerBound..<range.upperBound))
                            } else {
                                let word = String(decoding: bytes[range], as: UTF8.self)
                                lines[index].setAppended(\.articleLabel, (lines[index].articleLabel ?? "") + " " + word)
                            }
                        } else {
                            lines[index].setRange(\.articleLabel, shifted(range))
                        }
                    }
                    ranges[index] = ranges[index].lowerBound..<range.upperBound
                    continue
                }
                if wordsStart == nil { wordsStart = range.lowerBound }
                words.append(range)
            }
        }
        if !words.isEmpty {
            let end = tokens.last?.1 ?? 0..<bytes.count
            flushWords(end)
            if !words.isEmpty {
                if lines.isEmpty {
                    diagnostics.append(Diagnostic(
                        .unparsedCell, location: location,
                        message: "No amount found in this budget cell; write an amount such as 3.000 €, or ?? when it is unknown. It is kept as one line of unknown amount.",
                        text: cellText()))
                    newLine(.unknown, (wordsStart ?? 0)..<end.upperBound)
                    lines[lines.count - 1].setAppended(\.label, nil)
                    if details { lines[lines.count - 1].note = cellText().trimmed }
                } else {
                    let index = lines.count - 1
                    if details {
                        let extra = TextFolding.joinedBySpaces(bytes, words)
                        lines[index].note = lines[index].note.map { $0 + " " + extra } ?? extra
                    }
                    ranges[index] = ranges[index].lowerBound..<end.upperBound
                }
            }
        }
        guard details else { return lines }
        for index in lines.indices {
            // The part of the cell the line was read from, trimmed: a range of the cell's text.
            let part = TextFolding.trimmed(bytes[ranges[index].clamped(to: 0..<bytes.count)])
            lines[index].setRange(\.text, shifted(part.startIndex..<part.endIndex))
        }
        return lines
    }

    /// The words that introduce an article after a stated credit, folded, with their number of words.
    private static let creditArticlePrefixes: [([UInt8], Int)] = ["a l'article ", "sur l'article ", "a l'art. ", "article ", "art. "]
        .map { (Array($0.utf8), $0.split(separator: " ").count) }
    /// The words that introduce an article at the start of a parenthesis, folded.
    private static let articlePrefixes: [[UInt8]] = ["article ", "art. ", "art "].map { Array($0.utf8) }

    /// Reads a parenthesis: an article, a stated credit, a funding envelope, or a note.
    private func apply(group inner: ArraySlice<UInt8>, to line: inout BudgetLine) {
        let trimmedInner = TextFolding.trimmed(inner)
        let bytes = Array(trimmedInner)
        // `Article 840/731-53 label` or `art. 840/731-53 label`.
        for prefix in Self.articlePrefixes {
            if let length = TextFolding.foldedPrefixLength(bytes, from: 0, prefix),
               let (article, label) = Self.articleAndLabel(bytes[length...], label: details) {
                line.article = article
                // The label's bytes are the cell's, `trimmedInner.startIndex` further.
                if let label { line.setRange(\.articleLabel, shifted((label.startIndex + trimmedInner.startIndex)..<(label.endIndex + trimmedInner.startIndex))) }
                return
            }
        }
        // `24.850 € à l'article 84021/124-02 label`.
        if case .amount(let credit, let end, _)? = AmountParser.parse(bytes, at: 0) {
            let trimmedRest = TextFolding.trimmed(bytes[end...])
            let rest = Array(trimmedRest)
            for (prefix, words) in Self.creditArticlePrefixes where TextFolding.foldedPrefixLength(rest, from: 0, prefix) != nil {
                let (code, verbatim) = Self.words(of: rest, droppingFirst: words)
                if let (article, label) = Self.articleAndLabel(code, label: details) {
                    line.article = article
                    if let label {
                        if verbatim {
                            let restStart = trimmedInner.startIndex + trimmedRest.startIndex
                            line.setRange(\.articleLabel, shifted((label.startIndex + restStart)..<(label.endIndex + restStart)))
                        } else {
                            line.setAppended(\.articleLabel, String(decoding: label, as: UTF8.self))
                        }
                    }
                    line.statedCredit = credit
                    return
                }
            }
        }
        // The rest is a funding envelope or a note: text only.
        guard details else { return }
        let trimmed = String(decoding: bytes, as: UTF8.self)
        let folded = Array(TextFolding.fold(trimmed).utf8)
        if let start = TextFolding.firstOffset(of: Self.envelope, in: folded) {
            var plan = String(decoding: folded[(start + Self.envelope.count)...], as: UTF8.self).trimmed
            for prefix in ["budgetaire ", "du ", "de la ", "de l'"] where plan.hasPrefix(prefix) { plan.removeFirst(prefix.count) }
            // Take the plan's name from the original text, same length from the end.
            let original = String(trimmed.suffix(plan.count)).trimmed
            line.fundingPlan = original.isEmpty ? trimmed : PlanName.normalise(original)
            return
        }
        line.note = line.note.map { $0 + " " + trimmed } ?? trimmed
    }

    private static let envelope = Array("enveloppe".utf8)

    /// `range` of the parsed text as a range of the lines' base.
    private func shifted(_ range: Range<Int>) -> Range<Int> { (range.lowerBound + offset)..<(range.upperBound + offset) }

    /// Sets `field` of `line` to `words` joined by single spaces: a range of the cell when they
    /// are one space apart in it, else a text of their own.
    func setWords(
        _ field: WritableKeyPath<BudgetLine.Fields, BudgetLine.TextRange>, of line: inout BudgetLine,
        _ bytes: [UInt8], _ words: [Range<Int>]
    ) {
        guard let first = words.first, let last = words.last else { return }
        var verbatim = true
        for k in words.indices.dropFirst() where words[k].lowerBound != words[k - 1].upperBound + 1 || bytes[words[k - 1].upperBound] != 32 {
            verbatim = false
            break
        }
        if verbatim {
            line.setRange(field, shifted(first.lowerBound..<last.upperBound))
        } else {
            line.setAppended(field, TextFolding.joinedBySpaces(bytes, words))
        }
    }

    /// The words of `bytes` (split at spaces) after the first `count`, joined by single spaces,
    /// and whether they are a slice of `bytes` (already one space apart) rather than a copy.
    static func words(of bytes: [UInt8], droppingFirst count: Int) -> (ArraySlice<UInt8>, verbatim: Bool) {
        var word = 0
        var i = 0
        while i < bytes.count, word < count {
            while i < bytes.count, bytes[i] == 32 { i += 1 }
            while i < bytes.count, bytes[i] != 32 { i += 1 }
            word += 1
        }
        while i < bytes.count, bytes[i] == 32 { i += 1 }
        var end = bytes.count
        while end > i, bytes[end - 1] == 32 { end -= 1 }
        // Usually the words are already one space apart: the slice itself.
        var single = true
        var j = i
        while j + 1 < end { if bytes[j] == 32 && bytes[j + 1] == 32 { single = false; break }; j += 1 }
        if single { return (bytes[i..<end], true) }
        var out: [UInt8] = []
        out.reserveCapacity(end - i)
        while i < end {
            if bytes[i] == 32 {
                if out.last != 32 { out.append(32) }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return (out[...], false)
    }

    /// Splits `84021/124-02 Frais animation` into the article and its label (quotes removed), the
    /// label as a slice of `bytes`; without `label`, no label.
    static func articleAndLabel(_ bytes: ArraySlice<UInt8>, label withLabel: Bool = true) -> (BudgetArticle, ArraySlice<UInt8>?)? {
        var i = bytes.startIndex
        while i < bytes.endIndex, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        let start = i
        // The code ends at the first character after the `-SS` part that is neither a digit nor a dot.
        guard let dash = bytes[start...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
        var end = dash + 1
        while end < bytes.endIndex, (bytes[end] >= 48 && bytes[end] <= 57) || bytes[end] == UInt8(ascii: ".") { end += 1 }
        var codeEnd = end
        if codeEnd > start, bytes[codeEnd - 1] == UInt8(ascii: ".") { codeEnd -= 1 }
        guard let article = BudgetArticle(utf8: bytes[start..<codeEnd]) else { return nil }
        guard withLabel else { return (article, nil) }
        var label = TextFolding.trimmed(bytes[end...])
        // Only `"`, `“` (E2 80 9C) and `«` (C2 AB) open a quoted label.
        if let first = label.first, first == 0x22 || first == 0xE2 || first == 0xC2 {
            label = unquoted(label)
        }
        return (article, label.isEmpty ? nil : label)
    }

    /// `label` without the quotes around it, trimmed; as it is when it is not quoted.
    private static func unquoted(_ label: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var label = label
        for (open, close) in quotePairs where label.starts(with: open) && label.reversed().starts(with: close.reversed()) {
            // Two distinct characters when the label is at least the pair's length.
            if label.count >= open.count + close.count || (open == close && label.count >= 2) {
                label = TextFolding.trimmed(label.dropFirst(open.count).dropLast(close.count))
            }
            break
        }
        return label
    }

    /// Quotes a label may stand in: "…", “…”, «…».
    private static let quotePairs: [([UInt8], [UInt8])] = [("\"", "\""), ("“", "”"), ("«", "»")].map { (Array($0.0.utf8), Array($0.1.utf8)) }
}
