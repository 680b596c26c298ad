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
    /// The text the lines' texts are ranges of, when not the parsed text itself (a row's text
    /// holding the cell), and where the parsed text starts in it, in UTF-8 bytes.
    var base: String? = nil
    var offset = 0

    /// The buffers a parse works in, kept between the cells of a file so that parsing a cell
    /// allocates only what it returns. A value, handed to each parse in place: a class's buffers
    /// would be checked for exclusive access at run time on every cell.
    struct Scratch {
        fileprivate var bytes: [UInt8] = []
        fileprivate var tokens: [(Token, Range<Int>)] = []
        fileprivate var articles: [BudgetArticle] = []
        fileprivate var ranges: [Range<Int>] = []
        fileprivate var labelled: [Bool] = []
        fileprivate var words: [Range<Int>] = []

        /// Exchanges a parse's buffers with the kept ones.
        fileprivate mutating func exchange(
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
        /// A number whose notation has two readings or none in cents: not read.
        case unreadable(AmountParser.Notation, hasCurrency: Bool)
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
        var scratch = Scratch()
        return parser.parse(utf8: Array(text.utf8)[...], text: text, scratch: &scratch, diagnostics: &diagnostics)
    }

    /// Parses a cell's UTF-8 bytes, which are ``base``'s from ``offset``; `text`, the bytes as a
    /// string, is made only when a diagnostic or a note needs it, unless given. The parse works in
    /// `scratch`'s buffers, which keep their room for the next cell.
    func parse(
        utf8 cell: ArraySlice<UInt8>, text given: String? = nil, scratch: inout Scratch, diagnostics: inout [Diagnostic]
    ) -> [BudgetLine] {
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
        var list = LineList()
        scratch.exchange(&bytes, &tokens, &articles, &list.ranges, &list.labelled, &list.words)
        defer {
            bytes.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            articles.removeAll(keepingCapacity: true)
            list.ranges.removeAll(keepingCapacity: true)
            list.labelled.removeAll(keepingCapacity: true)
            list.words.removeAll(keepingCapacity: true)
            scratch.exchange(&bytes, &tokens, &articles, &list.ranges, &list.labelled, &list.words)
        }
        bytes.append(contentsOf: cell)
        var i = 0
        // Amounts and numbers at the cell's top level: two or more are checked for a sum that is not one.
        var numbers = 0
        while i < bytes.count {
            let b = bytes[i]
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0
            let previous = i > 0 ? bytes[i - 1] : 32
            let afterSpace = previous == 32 || previous == 9 || previous == 10 || previous == 13 || previous == UInt8(ascii: "(")
                || previous == UInt8(ascii: ":") || previous == UInt8(ascii: ";")
            // `,50`, `-500`: a number starts at the comma or dash, after a space or at the start.
            let signOrSeparator = AmountParser.isDigit(next) && afterSpace
                && (b == UInt8(ascii: "-") || b == UInt8(ascii: ",") || b == UInt8(ascii: "."))
            if !signOrSeparator, b == 32 || b == 9 || b == 10 || b == 13 || b == UInt8(ascii: ",") || b == UInt8(ascii: ";")
                || (b == UInt8(ascii: "+") && !(next == UInt8(ascii: "/") && i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "-")))
                || AmountParser.spaceLength(bytes, i) > 1 {
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
            // A dash between a number and an amount (`200-500 €`, `200–500 €`) is a word of its
            // own, which makes a range; `2019-2024` stays one word.
            if AmountParser.isDigit(previous), i > 0 {
                let dash = b == UInt8(ascii: "-") ? 1 : Self.isEnDash(bytes, i) ? 3 : 0
                if dash > 0, i + dash < bytes.count, AmountParser.isDigit(bytes[i + dash]),
                   Self.hasCurrency(AmountParser.parse(bytes, at: i + dash)) {
                    i += dash
                    tokens.append((.word, start..<i))
                    continue
                }
            }
            if b == UInt8(ascii: "+"), next == UInt8(ascii: "/") {
                // `+/-`, which the separator test above let through.
                i += 3
                tokens.append((.word, start..<i))
                continue
            }
            if AmountParser.isDigit(b) || AmountParser.isEuro(bytes, i) || signOrSeparator
                || (b | 0x20 == UInt8(ascii: "e") && next | 0x20 == UInt8(ascii: "u") && !AmountParser.isLetter(previous)) {
                // An article code first: digits '/' digits '-' digits.
                var j = i
                while j < bytes.count, bytes[j] != 32, bytes[j] != UInt8(ascii: ","), bytes[j] != UInt8(ascii: ")") { j += 1 }
                if AmountParser.isDigit(b), bytes[i..<j].contains(UInt8(ascii: "/")), let article = BudgetArticle(utf8: bytes[i..<j]) {
                    tokens.append((.article(articles.count), i..<j))
                    articles.append(article)
                    i = j
                    continue
                }
                let parsed = AmountParser.parse(bytes, at: i)
                switch parsed {
                case _ where Self.startsPeriod(parsed, bytes):
                    // `2019-2024`: numbers joined by a dash, without a currency, are one word.
                    break
                case .amount(let money, let end, let hasCurrency)?:
                    tokens.append((.amount(money, hasCurrency: hasCurrency), i..<end))
                    numbers += 1
                    i = end
                    continue
                case .unreadable(let notation, let end, let hasCurrency)?:
                    tokens.append((.unreadable(notation, hasCurrency: hasCurrency), i..<end))
                    numbers += 1
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
        if numbers >= 2 {
            Self.markSignsOrDashes(&tokens)
            if let message = Self.split(tokens, bytes) {
                diagnostics.append(Diagnostic(.amountsNotASum, location: location, message: message, text: cellText()))
                return wholeCellLine(bytes, tokens, articles, base: base, text: cellText())
            }
        }

        // A number without a currency is an amount when it is the cell's only number and nothing
        // but parentheses and article codes follow it (`5000`, `5000 (Article 840/731-53 …)`).
        let bareNumberIsAmount = tokens.first.map { first in
            switch first.0 {
            case .amount, .unreadable: break
            default: return false
            }
            return tokens.dropFirst().allSatisfy { token in
                switch token.0 {
                case .group, .article: true
                default: false
                }
            }
        } ?? false

        var afterArticle = false
        for (token, range) in tokens {
            if case .word = token {} else { afterArticle = false }
            switch token {
            case .amount(let money, let hasCurrency):
                if hasCurrency || bareNumberIsAmount {
                    list.newLine(.known(money), range, self, base, bytes)
                } else {
                    if Self.looksLikeAnAmount(money) {
                        // `CCE 5000 CCCA 3.000 €`: a number without a currency among words is
                        // read as part of a label, and said so.
                        let number = String(decoding: bytes[range], as: UTF8.self)
                        diagnostics.append(Diagnostic(
                            .ambiguousAmount, location: location,
                            message: "\"\(number)\" has no currency, so it is read as part of a label, not as an amount; write \(number) € if it is one.",
                            text: cellText()))
                    }
                    if list.wordsStart == nil { list.wordsStart = range.lowerBound }
                    list.words.append(range)
                }
            case .unreadable(let notation, let hasCurrency):
                if hasCurrency || bareNumberIsAmount {
                    diagnostics.append(Diagnostic(
                        .ambiguousAmount, location: location,
                        message: AmountParser.message(for: notation, text: String(decoding: bytes[range], as: UTF8.self)),
                        text: cellText()))
                    list.newLine(.unknown, range, self, base, bytes)
                } else {
                    if list.wordsStart == nil { list.wordsStart = range.lowerBound }
                    list.words.append(range)
                }
            case .unknownMark:
                list.newLine(.unknown, range, self, base, bytes)
            case .overflow:
                let digits = String(decoding: bytes[range], as: UTF8.self)
                diagnostics.append(Diagnostic(
                    .amountTooLarge, location: location,
                    message: "The amount \(digits) is too large to hold in cents; check the cell. It is kept as unknown.",
                    text: cellText()))
                list.newLine(.unknown, range, self, base, bytes)
            case .article(let article):
                list.flushWords(range, self, bytes)
                let index = list.lastLine(range, self, base, bytes)
                list.lines[index].article = articles[article]
                afterArticle = true
            case .group(let inner):
                list.flushWords(range, self, bytes)
                let index = list.lastLine(range, self, base, bytes)
                if let (notation, number) = apply(group: bytes[inner], to: &list.lines[index]) {
                    diagnostics.append(Diagnostic(
                        .ambiguousAmount, location: location,
                        message: AmountParser.message(
                            for: notation, text: String(decoding: bytes[number], as: UTF8.self),
                            outcome: "The article's credit is kept in the note, not read."),
                        text: cellText()))
                }
            case .word:
                if afterArticle, list.words.isEmpty, let index = list.lines.indices.last {
                    // Words right after a bare article code are its label.
                    if details {
                        if let label = list.lines[index].articleLabelRange.map({ ($0.lowerBound - offset)..<($0.upperBound - offset) }) {
                            if label.upperBound + 1 == range.lowerBound, label.upperBound >= 0, bytes[label.upperBound] == 32 {
                                list.lines[index].setRange(\.articleLabel, shifted(label.lowerBound..<range.upperBound))
                            } else {
                                let word = String(decoding: bytes[range], as: UTF8.self)
                                list.lines[index].setAppended(\.articleLabel, (list.lines[index].articleLabel ?? "") + " " + word)
                            }
                        } else {
                            list.lines[index].setRange(\.articleLabel, shifted(range))
                        }
                    }
                    list.ranges[index] = list.ranges[index].lowerBound..<range.upperBound
                    continue
                }
                if list.wordsStart == nil { list.wordsStart = range.lowerBound }
                list.words.append(range)
            }
        }
        if !list.words.isEmpty {
            let end = tokens.last?.1 ?? 0..<bytes.count
            list.flushWords(end, self, bytes)
            if !list.words.isEmpty {
                if list.lines.isEmpty {
                    diagnostics.append(Diagnostic(
                        .unparsedCell, location: location,
                        message: "No amount found in this budget cell; write an amount such as 3.000 €, or ?? when it is unknown. It is kept as one line of unknown amount.",
                        text: cellText()))
                    list.newLine(.unknown, (list.wordsStart ?? 0)..<end.upperBound, self, base, bytes)
                    list.lines[list.lines.count - 1].setAppended(\.label, nil)
                    if details { list.lines[list.lines.count - 1].note = cellText().trimmed }
                } else {
                    let index = list.lines.count - 1
                    if details {
                        let extra = TextFolding.joinedBySpaces(bytes, list.words)
                        list.lines[index].note = list.lines[index].note.map { $0 + " " + extra } ?? extra
                    }
                    list.ranges[index] = list.ranges[index].lowerBound..<end.upperBound
                }
            }
        }
        guard details else { return list.lines }
        for index in list.lines.indices {
            // The part of the cell the line was read from, trimmed: a range of the cell's text.
            let part = TextFolding.trimmed(bytes[list.ranges[index].clamped(to: 0..<bytes.count)])
            list.lines[index].setRange(\.text, shifted(part.startIndex..<part.endIndex))
        }
        return list.lines
    }

    /// The lines a parse reads, with what it keeps of each until the end, and the words not yet
    /// given to a line. A value changed in place by its methods: functions nested in the parse
    /// that shared these as captured variables had each access checked at run time.
    fileprivate struct LineList {
        var lines: [BudgetLine] = []
        /// The part of the cell each line was read from.
        var ranges: [Range<Int>] = []
        /// Whether each line has a label, kept apart so that labels need not be written out.
        var labelled: [Bool] = []
        /// The words not yet given to a line, and where the first starts.
        var words: [Range<Int>] = []
        var wordsStart: Int?

        /// Adds a line of `amount`, read from `range`, labelled by the words before it.
        mutating func newLine(_ amount: CellValue<Money>, _ range: Range<Int>, _ parser: BudgetCellParser, _ base: String, _ bytes: [UInt8]) {
            var line = BudgetLine(kind: parser.kind, amount: amount, base: base, location: parser.location)
            if parser.details, !words.isEmpty { parser.setWords(\.label, of: &line, bytes, words) }
            lines.append(line)
            labelled.append(!words.isEmpty)
            ranges.append((wordsStart ?? range.lowerBound)..<range.upperBound)
            words.removeAll(keepingCapacity: true)
            wordsStart = nil
        }

        /// Words before a parenthesis or at the end name the last line when it has no label.
        mutating func flushWords(_ range: Range<Int>, _ parser: BudgetCellParser, _ bytes: [UInt8]) {
            guard !words.isEmpty else { return }
            if let last = lines.indices.last, !labelled[last] {
                labelled[last] = true
                if parser.details { parser.setWords(\.label, of: &lines[last], bytes, words) }
                ranges[last] = ranges[last].lowerBound..<max(ranges[last].upperBound, range.upperBound)
                words.removeAll(keepingCapacity: true)
                wordsStart = nil
            }
        }

        /// The index of the last line, made (of unknown amount) when there is none, its range
        /// reaching to `range`'s end.
        mutating func lastLine(_ range: Range<Int>, _ parser: BudgetCellParser, _ base: String, _ bytes: [UInt8]) -> Int {
            if lines.isEmpty { newLine(.unknown, range, parser, base, bytes) }
            ranges[lines.count - 1] = ranges[lines.count - 1].lowerBound..<max(ranges[lines.count - 1].upperBound, range.upperBound)
            return lines.count - 1
        }
    }

    /// Whether a number without a currency, among words, could be an amount: 100 or more, with
    /// cents, or not a year (1900-2100, which labels a line: `2024 : 5.000 €`).
    static func looksLikeAnAmount(_ money: Money) -> Bool {
        guard money.cents >= 10_000 else { return false }
        if money.cents % 100 == 0, (190_000...210_000).contains(money.cents) { return false }
        return true
    }

    /// The words that introduce an article after a stated credit, folded, with their number of words.
    private static let creditArticlePrefixes: [([UInt8], Int)] = ["a l'article ", "sur l'article ", "a l'art. ", "article ", "art. "]
        .map { (Array($0.utf8), $0.split(separator: " ").count) }
    /// The words that introduce an article at the start of a parenthesis, folded.
    private static let articlePrefixes: [[UInt8]] = ["article ", "art. ", "art "].map { Array($0.utf8) }

    /// Reads a parenthesis: an article, a stated credit, a funding envelope, or a note.
    ///
    /// - Returns: a stated credit that is not read, with its range in the cell.
    fileprivate func apply(group inner: ArraySlice<UInt8>, to line: inout BudgetLine) -> (AmountParser.Notation, Range<Int>)? {
        let trimmedInner = TextFolding.trimmed(inner)
        if Self.mayStateArticleOrCredit(trimmedInner), let stated = applyArticleOrCredit(trimmedInner, to: &line) { return stated.unreadable }
        // The rest is a funding envelope or a note: text only.
        guard details else { return nil }
        let trimmed = String(decoding: trimmedInner, as: UTF8.self)
        let folded = Array(TextFolding.fold(trimmed).utf8)
        if let start = TextFolding.firstOffset(of: Self.envelope, in: folded) {
            var plan = String(decoding: folded[(start + Self.envelope.count)...], as: UTF8.self).trimmed
            for prefix in ["budgetaire ", "du ", "de la ", "de l'"] where plan.hasPrefix(prefix) { plan.removeFirst(prefix.count) }
            // Take the plan's name from the original text, same length from the end.
            let original = String(trimmed.suffix(plan.count)).trimmed
            line.fundingPlan = original.isEmpty ? trimmed : PlanName.normalise(original)
            return nil
        }
        line.note = line.note.map { $0 + " " + trimmed } ?? trimmed
        return nil
    }

    private static let envelope = Array("enveloppe".utf8)

    /// Whether a parenthesis starting with `bytes` may state an article or a credit: it starts
    /// like `Article`, `art.` (an `a`, or a byte of a non-ASCII letter that may fold to one) or like
    /// a number ``AmountParser/parse(_:at:)`` reads (a digit, a sign, a separator, `€`, `EUR`).
    /// The envelopes and notes most parentheses hold are told apart here, without a copy.
    static func mayStateArticleOrCredit(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first >= 0x80 || first | 0x20 == UInt8(ascii: "a") || AmountParser.isDigit(first) { return true }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ",") || first == UInt8(ascii: ".") { return true }
        // `EUR 3.000`, `euros 3.000`.
        let second = bytes.dropFirst().first ?? 0
        return first | 0x20 == UInt8(ascii: "e") && second | 0x20 == UInt8(ascii: "u")
    }

    /// An article a parenthesis states, and a stated credit that is not read, with its range in the cell.
    fileprivate struct StatedArticle {
        var unreadable: (AmountParser.Notation, Range<Int>)?
    }

    /// Reads an article (`Article 840/731-53 label`) or a stated credit and its article
    /// (`24.850 € à l'article 84021/124-02 label`) from a trimmed parenthesis into `line`; `nil`
    /// when the parenthesis states neither.
    fileprivate func applyArticleOrCredit(_ trimmedInner: ArraySlice<UInt8>, to line: inout BudgetLine) -> StatedArticle? {
        let bytes = Array(trimmedInner)
        // `Article 840/731-53 label` or `art. 840/731-53 label`.
        for prefix in Self.articlePrefixes {
            if let length = TextFolding.foldedPrefixLength(bytes, from: 0, prefix),
               let (article, label) = Self.articleAndLabel(bytes[length...], label: details) {
                line.article = article
                // The label's bytes are the cell's, `trimmedInner.startIndex` further.
                if let label { line.setRange(\.articleLabel, shifted((label.startIndex + trimmedInner.startIndex)..<(label.endIndex + trimmedInner.startIndex))) }
                return StatedArticle(unreadable: nil)
            }
        }
        // `24.850 € à l'article 84021/124-02 label`; a credit whose notation is unreadable is
        // reported and the article read all the same.
        var credit: Money?, creditEnd: Int?, unreadable: AmountParser.Notation?
        switch AmountParser.parse(bytes, at: 0) {
        case .amount(let money, let end, _)?: (credit, creditEnd) = (money, end)
        case .unreadable(let notation, let end, _)?: (unreadable, creditEnd) = (notation, end)
        default: break
        }
        if let creditEnd {
            let trimmedRest = TextFolding.trimmed(bytes[creditEnd...])
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
                    guard let unreadable else {
                        line.statedCredit = credit
                        return StatedArticle(unreadable: nil)
                    }
                    if details {
                        let text = String(decoding: bytes, as: UTF8.self)
                        line.note = line.note.map { $0 + " " + text } ?? text
                    }
                    return StatedArticle(unreadable: (unreadable, trimmedInner.startIndex..<(trimmedInner.startIndex + creditEnd)))
                }
            }
        }
        return nil
    }

    /// `range` of the parsed text as a range of the lines' base.
    fileprivate func shifted(_ range: Range<Int>) -> Range<Int> { (range.lowerBound + offset)..<(range.upperBound + offset) }

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

/// Cells whose amounts are not one allocation: planned and spent, several years, a range.
extension BudgetCellParser {
    /// Whether an en dash (U+2013) starts at `i`.
    static func isEnDash(_ bytes: [UInt8], _ i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x93
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
    fileprivate static func number(_ token: Token) -> Bool? {
        switch token {
        case .amount(_, let hasCurrency), .unreadable(_, let hasCurrency): hasCurrency
        default: nil
        }
    }

    /// A negative amount among other amounts is a minus sign or a list's dash (`-3.000 € -2.000 €`):
    /// it is not read.
    fileprivate static func markSignsOrDashes(_ tokens: inout [(Token, Range<Int>)]) {
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
        if first >= 0x80 || second >= 0x80 { return true }
        // The words' first two letters: pr(evu, evis), bu(dgete), es(time), de(pense), re(alise,
        // stant, ste), en(gage), co(nsomme), pa(ye), li(quide), ut(ilise), so(lde), di(sponible).
        switch (first | 0x20, second | 0x20) {
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
        if first >= 0x80 { return true }
        let lower = first >= 65 && first <= 90 ? first + 32 : first
        return lower == UInt8(ascii: "a") || lower == UInt8(ascii: "-") || lower == UInt8(ascii: "o")
            || lower == UInt8(ascii: "/") || lower == UInt8(ascii: "e")
    }

    /// Whether `range` of `bytes` folds to one of `words`, whole.
    private static func isWord(_ bytes: [UInt8], _ range: Range<Int>, _ words: [[UInt8]]) -> Bool {
        words.contains { TextFolding.foldedPrefixLength(bytes, from: range.lowerBound, upTo: range.upperBound, $0) == range.count }
    }

    /// Why a cell's amounts are not one allocation, as a warning's message; `nil` when they are.
    fileprivate static func split(_ tokens: [(Token, Range<Int>)], _ bytes: [UInt8]) -> String? {
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
    fileprivate func wholeCellLine(_ bytes: [UInt8], _ tokens: [(Token, Range<Int>)], _ articles: [BudgetArticle], base: String, text: String) -> [BudgetLine] {
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
