import Foundation

/// Reads an action's title cell: its number, its title, its links and its open questions.
///
/// `Action 1.2. Analyser … (en lien avec l'action 5.5.02 du PCS III) (cfr PST Aînés - PST Culture)`
/// has id `1.2`, links to PCS III action 5.5.02, PST Aînés and PST Culture, and the title
/// `Analyser …`.
enum TitleParser {
    struct Parsed {
        var id: String
        var title: String
        var links: [CrossLink]
        var openQuestions: [String]
        var pending: Bool
    }

    /// The dotted number after `word` at the start of `text` (`Action 1.2.` → `1.2`) and the rest.
    static func numbered(_ text: String, word: String) -> (number: String, rest: String)? {
        let folded = TextFolding.fold(text.trimmed)
        guard folded.hasPrefix(word) else { return nil }
        let original = text.trimmed
        var chars = Array(original)
        guard chars.count >= word.count else { return nil }
        chars.removeFirst(word.count)
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\u{00A0}" { i += 1 }
        let numberStart = i
        while i < chars.count, chars[i].isASCIIDigit || (chars[i] == "." && i + 1 < chars.count && chars[i + 1].isASCIIDigit) { i += 1 }
        guard i > numberStart else { return nil }
        let number = String(chars[numberStart..<i])
        if i < chars.count, chars[i] == "." { i += 1 }
        // A number must be followed by white space, a separator or the end.
        if i < chars.count, !(chars[i].isWhitespace || ":-–".contains(chars[i])) { return nil }
        while i < chars.count, chars[i].isWhitespace || ":-–".contains(chars[i]) { i += 1 }
        return (number, String(chars[i...]))
    }

    /// Parses an action's title cell, whose text starts with `Action N.M.`.
    static func parse(_ text: String, location: SourceLocation) -> Parsed? {
        guard let (id, rest) = numbered(text, word: "action") else { return nil }
        var links: [CrossLink] = []
        var questions: [String] = []
        var pending = false
        var kept = ""
        var depth = 0
        var group = ""
        for char in rest {
            if char == "(" {
                if depth > 0 { group.append(char) }
                depth += 1
                continue
            }
            if char == ")" && depth > 0 {
                depth -= 1
                if depth > 0 { group.append(char); continue }
                let content = group.trimmed
                group = ""
                let folded = TextFolding.fold(content)
                if let found = LinkParser.parse(content, location: location) {
                    links += found
                } else if folded.hasPrefix("en attente") {
                    pending = true
                } else if content.contains("?") || folded.hasPrefix("a preciser") {
                    questions.append(content)
                } else {
                    kept += "(\(group.isEmpty ? content : group))"
                }
                continue
            }
            if depth > 0 { group.append(char) } else { kept.append(char) }
        }
        if depth > 0 { kept += "(" + group }
        var title = kept.collapsingSpaces
        while let last = title.last, "-–,;:".contains(last) || last == " " { title.removeLast() }
        return Parsed(id: id, title: title.trimmed, links: links, openQuestions: questions, pending: pending)
    }
}

/// Reads link parentheses: `en lien avec l'axe 6 du PCS III`, `cfr PST Aînés - PST Culture`.
enum LinkParser {
    /// The links a parenthesis states, or `nil` when it is not a link.
    static func parse(_ content: String, location: SourceLocation) -> [CrossLink]? {
        let folded = TextFolding.fold(content)
        let relation: CrossLink.Relation
        let keywordWords: Int
        if folded.hasPrefix("en lien avec ") { relation = .related; keywordWords = 3 }
        else if folded.hasPrefix("en lien avec l'") { relation = .related; keywordWords = 3 }
        else if folded.hasPrefix("cfr ") || folded.hasPrefix("cfr.") || folded.hasPrefix("cf. ") || folded.hasPrefix("voir ") {
            relation = .see; keywordWords = 1
        } else { return nil }
        // Drop the keyword's words from the original text, splitting `avec l'axe` at the apostrophe.
        var rest = content.split(separator: " ", omittingEmptySubsequences: true).dropFirst(keywordWords).joined(separator: " ")
        if relation == .see, rest.isEmpty, let dot = content.firstIndex(of: ".") { rest = String(content[content.index(after: dot)...]) }
        rest = rest.trimmed
        // `du PCS III` qualifies the elements before it.
        var planPart: String?
        var elementsPart = rest
        let foldedRest = TextFolding.fold(rest)
        for marker in [" du ", " de la ", " de l'", " des "] {
            if let range = foldedRest.range(of: marker, options: .backwards) {
                let offset = foldedRest.distance(from: foldedRest.startIndex, to: range.lowerBound)
                let markerLength = marker.count
                let chars = Array(rest)
                guard offset + markerLength <= chars.count else { continue }
                elementsPart = String(chars[..<offset])
                planPart = String(chars[(offset + markerLength)...]).trimmed
                break
            }
        }
        let plan = planPart.map(PlanName.normalise)
        var links: [CrossLink] = []
        let items = splitItems(elementsPart)
        for item in items {
            var words = item.split(separator: " ").map(String.init)
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
                let name = plan.map { _ in item } ?? item
                links.append(CrossLink(relation: relation, plan: PlanName.normalise(planPart == nil ? name : "\(name) \(planPart!)"), element: .plan, ref: nil, text: content, location: location))
            }
        }
        return links.isEmpty ? nil : links
    }

    /// Splits `PST Aînés - PST Culture`, `l'axe 6 et l'axe 7`, `A, B` into items.
    private static func splitItems(_ text: String) -> [String] {
        var items = [text]
        for separator in [" - ", " – ", ", ", " et ", " & "] {
            items = items.flatMap { $0.components(separatedBy: separator) }
        }
        return items.map(\.trimmed).filter { !$0.isEmpty }
    }
}

extension String {
    /// The text without trailing `.`, `,` and `;`.
    var trimmingTrailingPunctuation: String {
        var s = self
        while let last = s.last, ".,;:".contains(last) { s.removeLast() }
        return s
    }
}
