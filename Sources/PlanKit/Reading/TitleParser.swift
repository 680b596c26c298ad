import Foundation

/// Reads an action's title cell: its number, its title, its links and its open questions.
///
/// `Action 1.2. Analyser … (en lien avec l'action 5.5.02 du PCS III) (cfr PST Aînés - PST Culture)`
/// has id `1.2`, links to PCS III action 5.5.02, PST Aînés and PST Culture, and the title
/// `Analyser …`.
enum TitleParser {
    struct Parsed {
        var id: String
        var title: Substring
        var links: [CrossLink]
        /// Where each link's text is in the cell's text, in UTF-8 bytes: the parenthesis it was read from.
        var linkTexts: [Range<Int>] = []
        var openQuestions: [String]
        var pending: Bool
    }

    /// The dotted number after `word` at the start of `text` (`Action 1.2.` → `1.2`) and the rest.
    ///
    /// `word` is folded ASCII (`action`, `axe`, `objectif operationnel`); the text is matched
    /// ignoring case and accents.
    static func numbered(_ text: String, word: String) -> (number: String, rest: String)? {
        let bytes = Array(text.utf8)
        return numbered(bytes, word: Array(word.utf8)).map { ($0.number, String(decoding: bytes[$0.rest...], as: UTF8.self)) }
    }

    /// ``numbered(_:word:)`` on the UTF-8 bytes of `range` (all of `bytes` by default): the number
    /// and where the rest starts.
    static func numbered(_ bytes: [UInt8], in range: Range<Int>? = nil, word: [UInt8]) -> (number: String, rest: Int)? {
        let end = range.map { Swift.min($0.upperBound, bytes.count) } ?? bytes.count
        var i = range?.lowerBound ?? 0
        func isSpace(_ at: Int) -> Int {
            guard at < end else { return 0 }
            if Byte.isASCIIWhiteSpace(bytes[at]) { return 1 }
            if bytes[at] == Byte.latin1Lead, at + 1 < end, bytes[at + 1] == Byte.noBreakSpaceTrail { return 2 }
            return 0
        }
        while isSpace(i) > 0 { i += isSpace(i) }
        // Match the word ignoring case and accents (`opérationnel` folds to `operationnel`).
        guard let matchedLength = TextFolding.foldedPrefixLength(bytes, from: i, upTo: end, word) else { return nil }
        let matchedEnd = i + matchedLength
        i = matchedEnd
        while isSpace(i) > 0 { i += isSpace(i) }
        let numberStart = i
        func digit(_ at: Int) -> Bool { at < end && Byte.isASCIIDigit(bytes[at]) }
        while digit(i) || (i < end && bytes[i] == UInt8(ascii: ".") && digit(i + 1)) { i += 1 }
        guard i > numberStart else { return nil }
        let number = String(decoding: bytes[numberStart..<i], as: UTF8.self)
        if i < end, bytes[i] == UInt8(ascii: ".") { i += 1 }
        func separator(_ at: Int) -> Int {
            if isSpace(at) > 0 { return isSpace(at) }
            guard at < end else { return 0 }
            if bytes[at] == UInt8(ascii: ":") || bytes[at] == UInt8(ascii: "-") { return 1 }
            if bytes[at] == Byte.punctuationLead, at + 2 < end, bytes[at + 1] == Byte.generalPunctuationSecond, bytes[at + 2] == Byte.enDashLast { return 3 } // –
            return 0
        }
        // A number must be followed by white space, a separator or the end.
        if i < end, separator(i) == 0 { return nil }
        while separator(i) > 0 { i += separator(i) }
        return (number, i)
    }

    /// Parses an action's title cell, whose text starts with `Action N.M.`.
    ///
    /// The title is a slice of `text` when the cell writes it in one piece, already collapsed.
    static func parse(_ text: String, location: SourceLocation) -> Parsed? {
        let bytes = Array(text.utf8)
        guard let (id, restStart) = numbered(bytes, word: PlanBuilder.Words.action) else { return nil }
        guard bytes[restStart...].contains(UInt8(ascii: "(")) else {
            return Parsed(id: id, title: cleanTitle(text, bytes, restStart..<bytes.count), links: [], openQuestions: [], pending: false)
        }
        var links: [CrossLink] = []
        var linkTexts: [Range<Int>] = []
        var questions: [String] = []
        var pending = false
        // The bytes kept, while they are one run of `text`; copied once they are not. White
        // space between parentheses waits for text after it: at the end, trimming drops it.
        var run = restStart..<restStart
        var kept: [UInt8]?
        var waiting: [Range<Int>] = []
        func keep(_ range: Range<Int>) {
            if TextFolding.trimmed(bytes[range]).isEmpty {
                waiting.append(range)
                return
            }
            let pieces = waiting
            waiting = []
            for piece in pieces { append(piece) }
            append(range)
        }
        func append(_ range: Range<Int>) {
            if kept == nil, run.isEmpty || run.upperBound == range.lowerBound {
                run = (run.isEmpty ? range.lowerBound : run.lowerBound)..<range.upperBound
                return
            }
            if kept == nil { kept = Array(bytes[run]) }
            kept? += bytes[range]
        }
        var i = restStart
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "(") else {
                // The text up to the next parenthesis, at once.
                let next = bytes[i...].firstIndex(of: UInt8(ascii: "(")) ?? bytes.count
                keep(i..<next)
                i = next
                continue
            }
            // A parenthesis, balanced.
            var depth = 0
            var j = i
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "(") { depth += 1 }
                if bytes[j] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
                j += 1
            }
            guard j < bytes.count else { keep(i..<bytes.count); break }
            let contentBytes = TextFolding.trimmed(bytes[(i + 1)..<j])
            let content = String(decoding: contentBytes, as: UTF8.self)
            let folded = TextFolding.fold(content.utf8Prefix(32))
            if let found = LinkParser.parse(content, location: location) {
                links += found
                linkTexts += repeatElement(contentBytes.startIndex..<contentBytes.endIndex, count: found.count)
            } else if folded.hasPrefix("en attente") {
                pending = true
            } else if content.containsByte(UInt8(ascii: "?")) || folded.hasPrefix("a preciser") {
                questions.append(content)
            } else {
                keep(i..<(j + 1))
            }
            i = j + 1
        }
        let title: Substring
        if let kept {
            let written = String(decoding: kept, as: UTF8.self)
            title = cleanTitle(written, kept, 0..<kept.count)
        } else {
            title = cleanTitle(text, bytes, run)
        }
        return Parsed(id: id, title: title, links: links, linkTexts: linkTexts, openQuestions: questions, pending: pending)
    }

    /// The title `text` writes in the UTF-8 bytes `range` of `bytes` (which are `text`'s), with
    /// spaces collapsed and trailing separators removed: a slice of `text` when nothing needed
    /// collapsing, so the title shares the cell's storage.
    static func cleanTitle(_ text: String, _ bytes: [UInt8], _ range: Range<Int>) -> Substring {
        let trimmed = TextFolding.trimmed(bytes[range])
        let collapsed = bytes.withUnsafeBufferPointer {
            !TextFolding.needsCollapsing(UnsafeBufferPointer(rebasing: $0[trimmed.startIndex..<trimmed.endIndex]))
        }
        guard collapsed else {
            return Substring(cleanTitle(String(decoding: trimmed, as: UTF8.self)))
        }
        let end = trimmed.startIndex + withoutTrailingSeparators(trimmed)
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: trimmed.startIndex)..<utf8.index(utf8.startIndex, offsetBy: end)]
    }

    /// The title with spaces collapsed and trailing separators removed.
    static func cleanTitle(_ text: String) -> String {
        var title = text.collapsingSpaces
        var end = title.utf8.count
        title.withUTF8 { end = withoutTrailingSeparators($0[...]) }
        guard end < title.utf8.count else { return title }
        return String(title.utf8.prefix(end)) ?? title
    }

    /// The length of `bytes` without its trailing `-`, `–`, `,`, `;`, `:` and spaces.
    static func withoutTrailingSeparators<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int where Bytes.Index == Int {
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let b = bytes[end - 1]
            if b == UInt8(ascii: "-") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == Byte.space {
                end -= 1
            } else if b == Byte.enDashLast, end - bytes.startIndex >= 3, bytes[end - 2] == Byte.generalPunctuationSecond, bytes[end - 3] == Byte.punctuationLead {
                end -= 3
            } else {
                break
            }
        }
        return end - bytes.startIndex
    }
}

/// Reads link parentheses: `en lien avec l'axe 6 du PCS III`, `cfr PST Aînés - PST Culture`.
enum LinkParser {
    /// The links a parenthesis states, or `nil` when it is not a link.
    static func parse(_ content: String, location: SourceLocation) -> [CrossLink]? {
        let head = TextFolding.fold(content.utf8Prefix(32))
        guard head.hasPrefix("en lien avec") || head.hasPrefix("cfr") || head.hasPrefix("cf.") || head.hasPrefix("voir ") else { return nil }
        // The keyword fits in the folded head.
        let relation: CrossLink.Relation
        let keywordWords: Int
        if head.hasPrefix("en lien avec ") { relation = .related; keywordWords = 3 }
        else if head.hasPrefix("cfr ") || head.hasPrefix("cfr.") || head.hasPrefix("cf. ") || head.hasPrefix("voir ") {
            relation = .see; keywordWords = 1
        } else { return nil }
        // Drop the keyword's words from the original text, splitting `avec l'axe` at the apostrophe.
        var rest = content.spaceSeparatedWords.dropFirst(keywordWords).joinedBySpaces
        if relation == .see, rest.isEmpty, let dot = content.firstIndex(of: ".") { rest = String(content[content.index(after: dot)...]) }
        rest = rest.trimmed
        // `du PCS III` (or `de la …`, `des …`, `de l'…`) qualifies the elements before it: the
        // last such marker, found word by word so that folding cannot shift positions.
        let words = rest.spaceSeparatedWords
        let foldedWords = words.map { TextFolding.fold($0) }
        var planPart: String?
        var elementsPart = rest
        for k in stride(from: words.count - 2, through: 1, by: -1) {
            var planWords: ArraySlice<String>?
            if foldedWords[k] == "du" || foldedWords[k] == "des" {
                planWords = words[(k + 1)...]
            } else if foldedWords[k] == "de", foldedWords[k + 1] == "la", k + 2 < words.count {
                planWords = words[(k + 2)...]
            } else if foldedWords[k] == "de", foldedWords[k + 1].hasPrefix("l'"), foldedWords[k + 1].count > 2 {
                planWords = [String(words[k + 1].dropFirst(2))] + words[(k + 2)...]
            }
            if let planWords {
                planPart = planWords.joinedBySpaces.trimmed
                elementsPart = words[..<k].joinedBySpaces
                break
            }
        }
        let plan = planPart.map(PlanName.normalise)
        var links: [CrossLink] = []
        let items = splitItems(elementsPart)
        for item in items {
            var words = item.spaceSeparatedWords
            guard !words.isEmpty else { continue }
            var head = TextFolding.fold(words[0])
            for article in ["l'", "le ", "la "] where head.hasPrefix(article) && head.count > article.count {
                head.removeFirst(article.count)
                words[0] = String(words[0].dropFirst(article.count))
            }
            if ["l'", "le", "la", "les"].contains(head) { words.removeFirst(); head = words.first.map { TextFolding.fold($0) } ?? "" }
            let element: CrossLink.Element? = switch head {
            case "axe": .axis
            case "sous-axe": .subAxis
            case "action", "fiche", "fiche-action": .action
            default: nil
            }
            if let element, words.count >= 2 {
                let ref = words[1].trimmingTrailingPunctuation
                links.append(CrossLink(relation: relation, plan: plan ?? "", element: element, ref: ref, text: content, location: location))
            } else {
                let name = planPart.map { "\(item) \($0)" } ?? item
                links.append(CrossLink(relation: relation, plan: PlanName.normalise(name), element: .plan, ref: nil, text: content, location: location))
            }
        }
        return links.isEmpty ? nil : links
    }

    /// Splits `PST Aînés - PST Culture`, `l'axe 6 et l'axe 7`, `A, B` into items.
    private static func splitItems(_ text: String) -> [String] {
        text.splitting(itemSeparators).map(\.trimmed).filter { !$0.isEmpty }
    }

    /// What separates the items of a link.
    private static let itemSeparators = Separators([" - ", " – ", ", ", " et ", " & "])
}

extension String {
    /// The text without trailing `.`, `,` and `;`.
    var trimmingTrailingPunctuation: String {
        var s = self
        while let last = s.last, ".,;:".contains(last) { s.removeLast() }
        return s
    }
}
