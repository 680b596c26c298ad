extension BudgetCellParser {
    /// One cell's parse: its bytes cut into tokens, then the tokens read into lines.
    ///
    /// A value changed in place by its methods, kept in a ``Scratch`` from one cell to the next
    /// so that its buffers keep their room: functions nested in the parse that shared them as
    /// captured variables had each access checked at run time.
    struct CellParse {
        /// The parser of the cell.
        private(set) var parser = BudgetCellParser(kind: .ordinary, location: SourceLocation(file: "", line: 0, column: 0))
        /// The text the lines' texts are ranges of.
        private var base = ""
        /// The cell's text, made when a diagnostic or a note first needs it.
        private var text: String?
        /// The cell's UTF-8.
        private var bytes: [UInt8] = []
        /// The cell's pieces, with their ranges in ``bytes``.
        private var tokens: [(Token, Range<Int>)] = []
        /// The article codes the tokens refer to, by index.
        private var articles: [BudgetArticle] = []
        /// The lines read, with what is kept of each until the end.
        private var list = LineList()
        /// Amounts and numbers at the cell's top level: two or more are checked for a sum that is not one.
        private var numbers = 0
        /// What could not be understood.
        private var diagnostics: [Diagnostic] = []

        /// Starts the parse of `cell`, by `parser`, the lines' texts being ranges of `base`;
        /// `text` is the cell's text when the caller has it.
        mutating func start(_ parser: BudgetCellParser, base: String, text: String?, cell: ArraySlice<UInt8>) {
            self.parser = parser
            self.base = base
            self.text = text
            bytes.append(contentsOf: cell)
        }

        /// Ends the parse: hands its diagnostics over and empties its buffers, keeping their room.
        mutating func finish(into diagnostics: inout [Diagnostic]) {
            if !self.diagnostics.isEmpty {
                diagnostics.append(contentsOf: self.diagnostics)
                self.diagnostics = []
            }
            bytes.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            articles.removeAll(keepingCapacity: true)
            // The lines are the caller's now: a new list for the next cell, so that they stay alone in theirs.
            list.lines = []
            list.ranges.removeAll(keepingCapacity: true)
            list.labelled.removeAll(keepingCapacity: true)
            list.words.removeAll(keepingCapacity: true)
            list.wordsStart = nil
            numbers = 0
            text = nil
            base = ""
        }

        /// The cell's text.
        private mutating func cellText() -> String {
            if let text { return text }
            let made = String(decoding: bytes, as: UTF8.self)
            text = made
            return made
        }

        /// Adds a diagnostic on the cell.
        private mutating func report(_ rule: ReadRule, _ message: String) {
            diagnostics.append(Diagnostic(rule, location: parser.location, message: message, text: cellText()))
        }

        /// Reads the cell's bytes (in ``bytes``) into lines.
        mutating func run() -> [BudgetLine] {
            tokenize()
            if numbers >= 2 {
                BudgetCellParser.markSignsOrDashes(&tokens)
                if let message = BudgetCellParser.split(tokens, bytes) {
                    report(.amountsNotASum, message)
                    return parser.wholeCellLine(bytes, tokens, articles, base: base, text: cellText())
                }
            }
            readTokens()
            readRemainingWords()
            guard parser.details else { return list.lines }
            for index in list.lines.indices {
                // The part of the cell the line was read from, trimmed: a range of the cell's text.
                let part = TextFolding.trimmed(bytes[list.ranges[index].clamped(to: 0..<bytes.count)])
                list.lines[index].setRange(\.text, parser.shifted(part.startIndex..<part.endIndex))
            }
            return list.lines
        }

        // MARK: Tokens

        /// Cuts ``bytes`` into ``tokens``, counting the numbers.
        private mutating func tokenize() {
            var i = 0
            while i < bytes.count {
                i = nextToken(at: i)
            }
        }

        /// Reads the token at `i` (or skips a separator there); returns where the next one may start.
        private mutating func nextToken(at start: Int) -> Int {
            let b = bytes[start]
            let next = start + 1 < bytes.count ? bytes[start + 1] : 0
            let previous = start > 0 ? bytes[start - 1] : Byte.space
            let afterSpace = previous == Byte.space || previous == Byte.tab || previous == Byte.lineFeed || previous == Byte.carriageReturn
                || previous == UInt8(ascii: "(") || previous == UInt8(ascii: ":") || previous == UInt8(ascii: ";")
            // `,50`, `-500`: a number starts at the comma or dash, after a space or at the start.
            let signOrSeparator = AmountParser.isDigit(next) && afterSpace
                && (b == UInt8(ascii: "-") || b == UInt8(ascii: ",") || b == UInt8(ascii: "."))
            if !signOrSeparator, b == Byte.space || b == Byte.tab || b == Byte.lineFeed || b == Byte.carriageReturn
                || b == UInt8(ascii: ",") || b == UInt8(ascii: ";")
                || (b == UInt8(ascii: "+") && !(next == UInt8(ascii: "/") && start + 2 < bytes.count && bytes[start + 2] == UInt8(ascii: "-")))
                || AmountParser.spaceLength(bytes, start) > 1 {
                return start + max(1, AmountParser.spaceLength(bytes, start))
            }
            if b == UInt8(ascii: "?") { return unknownMark(at: start) }
            if b == UInt8(ascii: "(") { return group(at: start) }
            // A dash between a number and an amount (`200-500 €`, `200–500 €`) is a word of its
            // own, which makes a range; `2019-2024` stays one word.
            if AmountParser.isDigit(previous), start > 0 {
                let dash = b == UInt8(ascii: "-") ? 1 : BudgetCellParser.isEnDash(bytes, start) ? 3 : 0
                if dash > 0, start + dash < bytes.count, AmountParser.isDigit(bytes[start + dash]),
                   BudgetCellParser.hasCurrency(AmountParser.parse(bytes, at: start + dash)) {
                    tokens.append((.word, start..<(start + dash)))
                    return start + dash
                }
            }
            if b == UInt8(ascii: "+"), next == UInt8(ascii: "/") {
                // `+/-`, which the separator test above let through.
                tokens.append((.word, start..<(start + 3)))
                return start + 3
            }
            if AmountParser.isDigit(b) || AmountParser.isEuro(bytes, start) || signOrSeparator
                || (b | Byte.caseBit == UInt8(ascii: "e") && next | Byte.caseBit == UInt8(ascii: "u") && !AmountParser.isLetter(previous)),
               let end = articleOrNumber(at: start) {
                return end
            }
            return word(at: start)
        }

        /// `??`, `???`: an unknown amount.
        private mutating func unknownMark(at start: Int) -> Int {
            var i = start
            while i < bytes.count, bytes[i] == UInt8(ascii: "?") { i += 1 }
            tokens.append((.unknownMark, start..<i))
            return i
        }

        /// A parenthesis, with those it holds, to its closing one or the cell's end.
        private mutating func group(at start: Int) -> Int {
            var i = start
            var depth = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "(") { depth += 1 }
                if bytes[i] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; break } }
                i += 1
            }
            tokens.append((.group((start + 1)..<(depth == 0 ? i - 1 : i)), start..<i))
            return i
        }

        /// An article code (digits '/' digits '-' digits) or a number at `start`; `nil` when
        /// neither is there, or when the number starts a period (`2019-2024`), a word.
        private mutating func articleOrNumber(at start: Int) -> Int? {
            var j = start
            while j < bytes.count, bytes[j] != Byte.space, bytes[j] != UInt8(ascii: ","), bytes[j] != UInt8(ascii: ")") { j += 1 }
            if AmountParser.isDigit(bytes[start]), bytes[start..<j].contains(UInt8(ascii: "/")), let article = BudgetArticle(utf8: bytes[start..<j]) {
                tokens.append((.article(articles.count), start..<j))
                articles.append(article)
                return j
            }
            let parsed = AmountParser.parse(bytes, at: start)
            switch parsed {
            case _ where BudgetCellParser.startsPeriod(parsed, bytes):
                // `2019-2024`: numbers joined by a dash, without a currency, are one word.
                return nil
            case .amount(let money, let end, let hasCurrency)?:
                tokens.append((.amount(money, hasCurrency: hasCurrency), start..<end))
                numbers += 1
                return end
            case .unreadable(let notation, let end, let hasCurrency)?:
                tokens.append((.unreadable(notation, hasCurrency: hasCurrency), start..<end))
                numbers += 1
                return end
            case .overflow(let end)?:
                tokens.append((.overflow, start..<end))
                return end
            case nil:
                return nil
            }
        }

        /// A word: to the next space or parenthesis, at least one byte.
        private mutating func word(at start: Int) -> Int {
            var i = start
            while i < bytes.count, bytes[i] != Byte.space, bytes[i] != UInt8(ascii: "("), AmountParser.spaceLength(bytes, i) == 0 { i += 1 }
            if i == start { i += 1 }
            tokens.append((.word, start..<i))
            return i
        }

        // MARK: Lines

        /// Whether a number without a currency is an amount: it is the cell's only number and
        /// nothing but parentheses and article codes follow it (`5000`, `5000 (Article 840/731-53 …)`).
        /// A static function of the tokens: a getter of the parse would copy it, buffers and all.
        private static func bareNumberIsAmount(_ tokens: [(Token, Range<Int>)]) -> Bool {
            guard let first = tokens.first else { return false }
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
        }

        /// Reads ``tokens`` into lines: an amount or `??` starts a line, labelled by the words
        /// before it; an article code or a parenthesis goes to the last line.
        private mutating func readTokens() {
            let bareNumberIsAmount = Self.bareNumberIsAmount(tokens)
            var afterArticle = false
            for (token, range) in tokens {
                if case .word = token {} else { afterArticle = false }
                switch token {
                case .amount(let money, let hasCurrency):
                    if hasCurrency || bareNumberIsAmount {
                        list.newLine(.known(money), range, parser, base, bytes)
                    } else {
                        if BudgetCellParser.looksLikeAnAmount(money) {
                            // `CCE 5000 CCCA 3.000 €`: a number without a currency among words is
                            // read as part of a label, and said so.
                            let number = String(decoding: bytes[range], as: UTF8.self)
                            report(.ambiguousAmount, "\"\(number)\" has no currency, so it is read as part of a label, not as an amount; write \(number) € if it is one.")
                        }
                        list.addWord(range)
                    }
                case .unreadable(let notation, let hasCurrency):
                    if hasCurrency || bareNumberIsAmount {
                        report(.ambiguousAmount, AmountParser.message(for: notation, text: String(decoding: bytes[range], as: UTF8.self)))
                        list.newLine(.unknown, range, parser, base, bytes)
                    } else {
                        list.addWord(range)
                    }
                case .unknownMark:
                    list.newLine(.unknown, range, parser, base, bytes)
                case .overflow:
                    let digits = String(decoding: bytes[range], as: UTF8.self)
                    report(.amountTooLarge, "The amount \(digits) is too large to hold in cents; check the cell. It is kept as unknown.")
                    list.newLine(.unknown, range, parser, base, bytes)
                case .article(let article):
                    list.flushWords(range, parser, bytes)
                    let index = list.lastLine(range, parser, base, bytes)
                    list.lines[index].article = articles[article]
                    afterArticle = true
                case .group(let inner):
                    readGroup(inner, range)
                case .word:
                    if afterArticle, list.words.isEmpty, let index = list.lines.indices.last {
                        addArticleLabelWord(range, toLine: index)
                    } else {
                        list.addWord(range)
                    }
                }
            }
        }

        /// A parenthesis: an article, a stated credit, a funding envelope or a note of the last line.
        private mutating func readGroup(_ inner: Range<Int>, _ range: Range<Int>) {
            list.flushWords(range, parser, bytes)
            let index = list.lastLine(range, parser, base, bytes)
            if let (notation, number) = parser.apply(group: bytes[inner], to: &list.lines[index]) {
                report(.ambiguousAmount, AmountParser.message(
                    for: notation, text: String(decoding: bytes[number], as: UTF8.self),
                    outcome: "The article's credit is kept in the note, not read."))
            }
        }

        /// A word right after a bare article code: part of the article's label.
        private mutating func addArticleLabelWord(_ range: Range<Int>, toLine index: Int) {
            if parser.details {
                let offset = parser.offset
                if let label = list.lines[index].articleLabelRange.map({ ($0.lowerBound - offset)..<($0.upperBound - offset) }) {
                    if label.upperBound + 1 == range.lowerBound, label.upperBound >= 0, bytes[label.upperBound] == Byte.space {
                        list.lines[index].setRange(\.articleLabel, parser.shifted(label.lowerBound..<range.upperBound))
                    } else {
                        let word = String(decoding: bytes[range], as: UTF8.self)
                        list.lines[index].setAppended(\.articleLabel, (list.lines[index].articleLabel ?? "") + " " + word)
                    }
                } else {
                    list.lines[index].setRange(\.articleLabel, parser.shifted(range))
                }
            }
            list.ranges[index] = list.ranges[index].lowerBound..<range.upperBound
        }

        /// Words left at the cell's end: the last line's label when it has none, else its note;
        /// with no line at all, one line of unknown amount, and a diagnostic.
        private mutating func readRemainingWords() {
            guard !list.words.isEmpty else { return }
            let end = tokens.last?.1 ?? 0..<bytes.count
            list.flushWords(end, parser, bytes)
            guard !list.words.isEmpty else { return }
            if list.lines.isEmpty {
                report(.unparsedCell, "No amount found in this budget cell; write an amount such as 3.000 €, or ?? when it is unknown. It is kept as one line of unknown amount.")
                list.newLine(.unknown, (list.wordsStart ?? 0)..<end.upperBound, parser, base, bytes)
                list.lines[list.lines.count - 1].setAppended(\.label, nil)
                if parser.details { list.lines[list.lines.count - 1].note = cellText().trimmed }
            } else {
                let index = list.lines.count - 1
                if parser.details {
                    let extra = TextFolding.joinedBySpaces(bytes, list.words)
                    list.lines[index].note = list.lines[index].note.map { $0 + " " + extra } ?? extra
                }
                list.ranges[index] = list.ranges[index].lowerBound..<end.upperBound
            }
        }
    }

    /// The lines a parse reads, with what it keeps of each until the end, and the words not yet
    /// given to a line.
    struct LineList {
        var lines: [BudgetLine] = []
        /// The part of the cell each line was read from.
        var ranges: [Range<Int>] = []
        /// Whether each line has a label, kept apart so that labels need not be written out.
        var labelled: [Bool] = []
        /// The words not yet given to a line, and where the first starts.
        var words: [Range<Int>] = []
        var wordsStart: Int?

        /// Keeps a word for the next line's label, or the last line's.
        mutating func addWord(_ range: Range<Int>) {
            if wordsStart == nil { wordsStart = range.lowerBound }
            words.append(range)
        }

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
}
