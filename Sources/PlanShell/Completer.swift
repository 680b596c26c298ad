import Foundation
import PlanKit
import PlanQuery

/// Tab completion by position: collections first, then the clauses that may come next, field
/// paths, aggregates in `select` and `having`, the states after `is`, values of a field (and
/// `today()`, `date(`, `year(` where a date or a year fits) after a comparison, parameters after
/// `$`, meta-commands after `.`, file names after `.load`.
package struct Completer {
    /// Characters that end the word being completed.
    package static let wordBreaks: Set<Character> = [" ", "\t", "\n", "\"", "'", "(", ")", ",", "=", "<", ">", "!", "~", ";"]

    /// Words that introduce a field path.
    static let fieldIntroducers: Set<String> = ["where", "and", "or", "not", "select", "by", ",", "(", "having", "distinct"]
    static let comparison: Set<String> = ["=", "!=", "<", "<=", ">", ">=", "~", "!~", "<>"]
    /// The clauses, in the order they are offered; each comes at most once.
    static let clauses = ["where", "select", "group by", "having", "sort by", "limit"]
    /// The states `is` and `is not` test.
    static let states = ["known", "unknown", "none", "missing", "empty", "incomplete"]
    /// The aggregates, offered with their parenthesis.
    static let aggregates = ["count(", "sum(", "avg(", "min(", "max("]

    /// The session whose plans give values and whose collections give fields.
    let context: () -> QueryContext
    /// The names of the parameters set, for `$NAME` and `.param`.
    let parameters: () -> [String]

    /// Creates a completer over a session's plans and parameters.
    package init(context: @escaping () -> QueryContext, parameters: @escaping () -> [String] = { [] }) {
        self.context = context
        self.parameters = parameters
    }

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
        if word.hasPrefix("$") { return Self.matching(parameters().sorted().map { "$" + $0 }, word) }
        if word.contains(".") {
            var components = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let last = components.removeLast()
            guard let fields = Schema.fields(after: components, in: collection) else { return [] }
            let prefix = components.joined(separator: ".") + "."
            return Self.matching(fields.flatMap { Self.completions(for: $0).map { prefix + $0 } }, prefix + last)
        }
        let fields = Schema.fields(after: [], in: collection)?.flatMap(Self.completions(for:)) ?? []
        if tokens.count == 1 { return Self.matching(Self.nextClauses(tokens), word) }
        let previous = tokens[tokens.count - 1]
        let beforePrevious = tokens[tokens.count - 2]
        let clause = Self.clause(tokens)
        // `sort` and `group` are followed by `by`, nothing else.
        if previous == "sort" || previous == "group" { return Self.matching(["by"], word) }
        if previous == "is" || (previous == "not" && beforePrevious == "is") {
            return Self.matching(Self.states + (previous == "is" ? ["not"] : []), word)
        }
        if previous == "limit" { return [] }
        if previous == "(" {
            switch beforePrevious {
            // year() takes a date: today(), date(…) or, once a letter is typed, a field; date() a string.
            case "year": return Self.matching(["today()", "date("] + (word.isEmpty ? [] : fields), word)
            case "date", "today": return []
            case "count": return Self.matching(["distinct"] + fields, word)
            case "sum", "avg", "min", "max": return Self.matching(fields, word)
            case "percent": return Self.matching(Self.aggregates + fields, word)
            default: break
            }
        }
        if Self.comparison.contains(previous) || Self.inValueList(tokens) {
            guard let path = Self.pathBeforeOperator(tokens) else { return [] }
            let type = Schema.valueType(of: path, in: collection)
            var candidates = Schema.distinctValues(of: path, in: collection, context: context()).map { "\"\($0)\"" }
            switch type {
            case .date?, .deadline?: candidates += ["today()", "date("]
            case .integer?: candidates += ["year("]
            default: break
            }
            // Another field of the same type compares too, row by row (not in a list of values).
            if Self.comparison.contains(previous), let type, type != .text, type != .id {
                candidates += Schema.fields(after: [], in: collection)?.filter { Schema.valueType(of: $0.name, in: collection) == type }.map(\.name) ?? []
            }
            return Self.matching(candidates, word)
        }
        if Self.fieldIntroducers.contains(previous) {
            switch clause {
            case "select":
                if previous == "select" { return Self.matching(["distinct"] + fields + Self.aggregates + ["percent("], word) }
                if previous == "distinct" { return Self.matching(fields, word) }
                return Self.matching(fields + Self.aggregates + ["percent("], word)
            case "having":
                return Self.matching(Self.aggregates + fields, word)
            default:
                return Self.matching(fields, word)
            }
        }
        // After a field, a value or an alias: what may follow it in its clause, then the next clauses.
        let value = previous == ")" || previous == "\"…\"" || previous.first?.isNumber == true
        let within: [String]
        switch clause {
        case "where", "having": within = value ? ["and", "or"] : ["and", "or", "is", "in", "not"]
        case "select": within = beforePrevious == "as" ? [] : ["as"]
        case "sort": within = ["asc", "desc"]
        default: within = []
        }
        return Self.matching(within + Self.nextClauses(tokens), word)
    }

    /// The clause the last tokens belong to: `where`, `select`, `group`, `having`, `sort`,
    /// `limit`, or `nil` right after the collection.
    static func clause(_ tokens: [String]) -> String? {
        tokens.last { ["where", "select", "group", "having", "sort", "order", "limit"].contains($0) }.map { $0 == "order" ? "sort" : $0 }
    }

    /// The clauses not yet written; `having` once there is a `group by`.
    static func nextClauses(_ tokens: [String]) -> [String] {
        let used = Set(tokens.map { $0 == "order" ? "sort" : $0 })
        return clauses.filter { candidate in
            let keyword = String(candidate.prefix { $0 != " " })
            if used.contains(keyword) { return false }
            return keyword != "having" || used.contains("group")
        }
    }

    /// Whether the tokens end inside an `in (` list, after its `(` or a `,`.
    static func inValueList(_ tokens: [String]) -> Bool {
        guard let last = tokens.last, last == "(" || last == "," else { return false }
        var index = tokens.count - 1
        while index > 0 {
            if tokens[index] == ")" { return false }
            if tokens[index] == "(" { return tokens[index - 1] == "in" }
            index -= 1
        }
        return false
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
        case ".param", ".parameter", ".params":
            let names = parameters().sorted()
            return Self.matching(word.hasPrefix("-") ? names.map { "-" + $0 } : names.map { $0 + "=" }, word)
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
