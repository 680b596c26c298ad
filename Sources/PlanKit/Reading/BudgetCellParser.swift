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
        /// The parse, whose buffers keep their room from one cell to the next.
        var parse = CellParse()
    }

    /// A piece of the cell; text stays in the cell's bytes until a line needs it.
    enum Token {
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
        scratch.parse.start(self, base: base ?? given ?? String(decoding: cell, as: UTF8.self), text: given, cell: cell)
        let lines = scratch.parse.run()
        scratch.parse.finish(into: &diagnostics)
        return lines
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
    func apply(group inner: ArraySlice<UInt8>, to line: inout BudgetLine) -> (AmountParser.Notation, Range<Int>)? {
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
        if first >= Byte.firstNonASCII || first | Byte.caseBit == UInt8(ascii: "a") || AmountParser.isDigit(first) { return true }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ",") || first == UInt8(ascii: ".") { return true }
        // `EUR 3.000`, `euros 3.000`.
        let second = bytes.dropFirst().first ?? 0
        return first | Byte.caseBit == UInt8(ascii: "e") && second | Byte.caseBit == UInt8(ascii: "u")
    }

    /// An article a parenthesis states, and a stated credit that is not read, with its range in the cell.
    struct StatedArticle {
        var unreadable: (AmountParser.Notation, Range<Int>)?
    }

    /// Reads an article (`Article 840/731-53 label`) or a stated credit and its article
    /// (`24.850 € à l'article 84021/124-02 label`) from a trimmed parenthesis into `line`; `nil`
    /// when the parenthesis states neither.
    func applyArticleOrCredit(_ trimmedInner: ArraySlice<UInt8>, to line: inout BudgetLine) -> StatedArticle? {
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
    func shifted(_ range: Range<Int>) -> Range<Int> { (range.lowerBound + offset)..<(range.upperBound + offset) }

    /// Sets `field` of `line` to `words` joined by single spaces: a range of the cell when they
    /// are one space apart in it, else a text of their own.
    func setWords(
        _ field: WritableKeyPath<BudgetLine.Fields, BudgetLine.TextRange>, of line: inout BudgetLine,
        _ bytes: [UInt8], _ words: [Range<Int>]
    ) {
        guard let first = words.first, let last = words.last else { return }
        var verbatim = true
        for k in words.indices.dropFirst() where words[k].lowerBound != words[k - 1].upperBound + 1 || bytes[words[k - 1].upperBound] != Byte.space {
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
            while i < bytes.count, bytes[i] == Byte.space { i += 1 }
            while i < bytes.count, bytes[i] != Byte.space { i += 1 }
            word += 1
        }
        while i < bytes.count, bytes[i] == Byte.space { i += 1 }
        var end = bytes.count
        while end > i, bytes[end - 1] == Byte.space { end -= 1 }
        // Usually the words are already one space apart: the slice itself.
        var single = true
        var j = i
        while j + 1 < end { if bytes[j] == Byte.space && bytes[j + 1] == Byte.space { single = false; break }; j += 1 }
        if single { return (bytes[i..<end], true) }
        var out: [UInt8] = []
        out.reserveCapacity(end - i)
        while i < end {
            if bytes[i] == Byte.space {
                if out.last != Byte.space { out.append(Byte.space) }
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
        while i < bytes.endIndex, bytes[i] == Byte.space || bytes[i] == Byte.tab { i += 1 }
        let start = i
        // The code ends at the first character after the `-SS` part that is neither a digit nor a dot.
        guard let dash = bytes[start...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
        var end = dash + 1
        while end < bytes.endIndex, Byte.isASCIIDigit(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
        var codeEnd = end
        if codeEnd > start, bytes[codeEnd - 1] == UInt8(ascii: ".") { codeEnd -= 1 }
        guard let article = BudgetArticle(utf8: bytes[start..<codeEnd]) else { return nil }
        guard withLabel else { return (article, nil) }
        var label = TextFolding.trimmed(bytes[end...])
        // Only `"`, `“` (E2 80 9C) and `«` (C2 AB) open a quoted label.
        if let first = label.first, first == UInt8(ascii: "\"") || first == Byte.punctuationLead || first == Byte.latin1Lead {
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
