import Foundation
import PlanKit
import PlanQuery

/// Tab completion by position: collections first, then clause keywords, field paths, values of
/// a field after a comparison, meta-commands after `.`, file names after `.load`.
package struct Completer {
    /// Characters that end the word being completed.
    package static let wordBreaks: Set<Character> = [" ", "\t", "\n", "\"", "'", "(", ")", ",", "=", "<", ">", "!", "~", ";"]

    /// Words that introduce a field path.
    static let fieldIntroducers: Set<String> = ["where", "and", "or", "not", "select", "by", ",", "("]
    static let comparison: Set<String> = ["=", "!=", "<", "<=", ">", ">=", "~", "!~", "<>"]
    static let clauseWords = ["where", "select", "group by", "sort by", "limit", "and", "or", "is", "in", "not", "as", "asc", "desc"]

    /// The session whose plans give values and whose collections give fields.
    let context: () -> QueryContext

    /// Creates a completer over a session's plans.
    package init(context: @escaping () -> QueryContext) { self.context = context }

    /// The candidates replacing the word that ends at `cursor` (a UTF-8 offset) in `line`.
    package func complete(_ line: String, cursor: Int) -> [String] {
        let bytes = Array(line.utf8)
        let before = String(decoding: bytes[..<min(max(0, cursor), bytes.count)], as: UTF8.self)
        var wordStart = before.endIndex
        while wordStart > before.startIndex, !Self.wordBreaks.contains(before[before.index(before: wordStart)]) {
            wordStart = before.index(before: wordStart)
        }
        let word = String(before[wordStart...])
        let head = String(before[..<wordStart])
        let trimmedHead = head.trimmingCharacters(in: .whitespaces)
        if trimmedHead.isEmpty && word.hasPrefix(".") { return Self.matching(MetaCommand.names, word) }
        if trimmedHead.hasPrefix(".") { return metaArgument(trimmedHead, word) }
        var tokens = Self.tokens(head)
        if tokens.isEmpty { return Self.matching(Schema.collections.map(\.name) + ["assert", "check"], word) }
        if tokens.first == "check" { return Self.matching(Checker.allRules.map(\.id), word) }
        if tokens.first == "assert" {
            tokens.removeFirst()
            if tokens.first == "(" { tokens.removeFirst() }
            if tokens.isEmpty { return Self.matching(Schema.collections.map(\.name), word) }
        }
        let collection = tokens[0]
        guard Schema.collection(collection) != nil else { return [] }
        if let (quote, typed) = Self.openString(before) {
            // A value being typed inside quotes: complete the rest of the value, and close the quote.
            let beforeString = String(before.dropLast(typed.count + 1))
            guard let path = Self.pathBeforeOperator(Self.tokens(beforeString)) else { return [] }
            let lower = typed.lowercased()
            return Schema.distinctValues(of: path, in: collection, context: context())
                .filter { $0.lowercased().hasPrefix(lower) && $0.count >= typed.count - word.count }
                .map { String($0.dropFirst(typed.count - word.count)) + String(quote) }
        }
        if word.contains(".") {
            var components = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let last = components.removeLast()
            guard let fields = Schema.fields(after: components, in: collection) else { return [] }
            let prefix = components.joined(separator: ".") + "."
            return Self.matching(fields.flatMap { Self.completions(for: $0).map { prefix + $0 } }, prefix + last)
        }
        if tokens.count == 1 { return Self.matching(Self.clauseWords, word) }
        let previous = tokens[tokens.count - 1]
        // `sort` and `group` are followed by `by`, nothing else.
        if previous == "sort" || previous == "group" { return Self.matching(["by"], word) }
        if previous == "is" || (previous == "not" && tokens[tokens.count - 2] == "is") {
            return Self.matching(["unknown", "none", "missing", "empty"] + (previous == "is" ? ["not"] : []), word)
        }
        if Self.comparison.contains(previous) || (previous == "(" && tokens[tokens.count - 2] == "in") {
            guard let path = Self.pathBeforeOperator(tokens) else { return [] }
            return Self.matching(Schema.distinctValues(of: path, in: collection, context: context()).map { "\"\($0)\"" }, word)
        }
        if Self.fieldIntroducers.contains(previous) {
            return Self.matching(Schema.fields(after: [], in: collection)?.flatMap(Self.completions(for:)) ?? [], word)
        }
        return Self.matching(Self.clauseWords, word)
    }

    /// A field as completed: a record field is offered alone (its own value) and with `.`, to go
    /// on to its fields; Tab then stops at the common part.
    static func completions(for field: Field) -> [String] {
        field.recordTypeName == nil ? [field.name] : [field.name, field.name + "."]
    }

    /// The quote character and the text typed after it, when `text` ends inside a string.
    static func openString(_ text: String) -> (Character, String)? {
        var quote: Character?
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        guard let quote else { return nil }
        return (quote, String(text[start...]))
    }

    /// The path before the last comparison operator (and an `in (`), if any.
    static func pathBeforeOperator(_ tokens: [String]) -> String? {
        var index = tokens.count - 1
        while index > 0, !comparison.contains(tokens[index]), tokens[index] != "in" { index -= 1 }
        if index > 0, tokens[index] == "in" { return tokens[index - 1] }
        guard index > 0 else { return nil }
        if tokens[index - 1] == "not", index > 1 { return tokens[index - 2] }
        return tokens[index - 1]
    }

    /// Words, operators and parentheses of the text before the word; strings are skipped.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        var quote: Character?
        var previous: Character?
        func flush() { if !word.isEmpty { tokens.append(word.lowercased() == word ? word : word.lowercased()); word = "" } }
        for c in text {
            defer { previous = c }
            if let q = quote { if c == q { quote = nil; tokens.append("\"…\"") }; continue }
            if c == "\"" || c == "'" { flush(); quote = c; continue }
            if c.isLetter || c.isNumber || c == "_" || c == "." || c == "-" { word.append(c); continue }
            flush()
            if "=<>!~".contains(c) {
                if let last = tokens.last, "<>!".contains(where: { last == String($0) }), previous.map({ "=<>!~".contains($0) }) == true {
                    tokens[tokens.count - 1] = last + String(c)
                } else {
                    tokens.append(String(c))
                }
            } else if "(),".contains(c) {
                tokens.append(String(c))
            }
        }
        flush()
        return tokens
    }

    func metaArgument(_ head: String, _ word: String) -> [String] {
        let command = head.split(separator: " ").first.map { String($0).lowercased() } ?? ""
        switch command {
        case ".load", ".unload", ".output": return Self.files(word) + (command == ".output" ? Self.matching(["stdout"], word) : [])
        case ".format", ".mode": return Self.matching(OutputFormat.allCases.map(\.rawValue), word)
        case ".schema": return Self.matching(Schema.collections.map(\.name), word)
        case ".timer": return Self.matching(["on", "off"], word)
        case ".help": return Self.matching(Help.topics, word)
        default: return []
        }
    }

    /// File and directory names starting with `prefix` (directories end with `/`).
    static func files(_ prefix: String) -> [String] {
        let expanded = prefix.hasPrefix("~/") ? NSHomeDirectory() + prefix.dropFirst() : prefix
        let directory: String, namePrefix: String, shownDirectory: String
        if let slash = prefix.lastIndex(of: "/") {
            shownDirectory = String(prefix[...slash])
            let expandedSlash = expanded.lastIndex(of: "/") ?? expanded.startIndex
            directory = String(expanded[...expandedSlash])
            namePrefix = String(prefix[prefix.index(after: slash)...])
        } else {
            shownDirectory = ""
            directory = "./"
            namePrefix = prefix
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
            return shownDirectory + name + (isDirectory.boolValue ? "/" : "")
        }
    }

    /// The candidates starting with `prefix`, ignoring case.
    static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        let lower = prefix.lowercased()
        return candidates.filter { $0.lowercased().hasPrefix(lower) }
    }
}
