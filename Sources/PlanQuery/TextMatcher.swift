import Foundation
import PlanKit

/// A compiled `~` pattern: matches text ignoring case and accents.
///
/// A pattern without regular-expression syntax is a plain substring search on folded bytes; any
/// other is compiled once into an `NSRegularExpression` over folded text.
struct TextMatcher: @unchecked Sendable {
    /// Where the pattern is in the query, for a time-out error.
    let location: QueryLocation
    /// The time this pattern may take over one run of the query.
    let budget = MatchBudget()
    /// The folded column the matcher scans instead of each row's text, if any.
    var column: FoldedColumn.Key?
    /// That column over the context of the current run.
    private let scanned = ScannedColumn()
    /// What each value of a field numbered by a ``DenseKey`` gave during the current run.
    private let denseResults = DenseResults()
    private let needle: [UInt8]?
    private let anchoredStart: Bool
    private let anchoredEnd: Bool
    private let regex: NSRegularExpression?

    /// The characters that make a pattern a regular expression rather than a substring.
    static let metacharacters = Set("\\^$.|?*+()[]{}")

    /// Compiles `pattern`.
    ///
    /// - Throws: ``QueryError`` at `location` when the regular expression is invalid.
    init(_ pattern: String, at location: QueryLocation) throws(QueryError) {
        self.location = location
        let folded = TextFolding.fold(pattern)
        // `^literal`, `literal$`, `^literal$` and plain literals need no regular-expression engine.
        var literal = Substring(folded)
        let start = literal.hasPrefix("^")
        if start { literal = literal.dropFirst() }
        let end = literal.hasSuffix("$") && !literal.hasSuffix("\\$")
        if end { literal = literal.dropLast() }
        anchoredStart = start
        anchoredEnd = end
        if !literal.contains(where: { Self.metacharacters.contains($0) }) {
            needle = Array(literal.utf8)
            regex = nil
            return
        }
        needle = nil
        try Self.refuseCatastrophic(folded, at: location)
        do {
            regex = try NSRegularExpression(pattern: folded, options: [.caseInsensitive])
        } catch {
            throw QueryError("This is not a valid regular expression; escape special characters with \\\\ (e.g. \"84021/124\\\\-02\").", at: location)
        }
    }

    /// The longest regular expression accepted, in characters.
    static let maximumPatternLength = 1000

    /// Refuses patterns whose matching time can explode: nested repetition such as `(a+)+` or
    /// `(a|aa)*`, back-references, and very long patterns. A query must answer in bounded time.
    static func refuseCatastrophic(_ pattern: String, at location: QueryLocation) throws(QueryError) {
        if pattern.count > maximumPatternLength {
            throw QueryError("This regular expression is longer than \(maximumPatternLength) characters; shorten it.", at: location)
        }
        let chars = Array(pattern)
        // For each open group: whether it holds a repetition or an alternation.
        var groups: [Bool] = []
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                if i + 1 < chars.count, chars[i + 1].isNumber, chars[i + 1] != "0" {
                    throw QueryError("Back-references (\\\(chars[i + 1])) can take exponential time; match the text without them.", at: location)
                }
                i += 2
                continue
            }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            switch c {
            case "[": inClass = true
            case "(": groups.append(false)
            case ")":
                let repeatedInside = groups.popLast() ?? false
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if repeatedInside && (next == "*" || next == "+" || next == "{") {
                    throw QueryError("Nested repetition such as (a+)+ can take exponential time; repeat the group or its content, not both.", at: location)
                }
                if repeatedInside, !groups.isEmpty { groups[groups.count - 1] = true }
            case "*", "+", "{", "|":
                if !groups.isEmpty { groups[groups.count - 1] = true }
            default: break
            }
            i += 1
        }
    }

    /// Whether the pattern is a literal (possibly anchored), not a regular expression.
    var isLiteral: Bool { needle != nil }

    /// Fetches the folded column of `context` for the run about to start, and forgets what the
    /// values of a numbered field gave in the run before.
    func prepare(_ context: QueryContext) {
        scanned.column = column.map { context.foldedColumn($0) }
        denseResults.results = []
    }

    /// Whether value `number` of `count` matches, `match` telling it the first time the run meets
    /// the number: a field whose value depends on a small number (an article's) is matched once a
    /// value, not once a row.
    func matches(number: Int, of count: Int, _ match: () -> Bool) -> Bool {
        guard number >= 0, number < count else { return match() }
        if denseResults.results.count != count { denseResults.results = [UInt8](repeating: 0, count: count) }
        switch denseResults.results[number] {
        case 1: return true
        case 2: return false
        default:
            let matched = match()
            denseResults.results[number] = matched ? 1 : 2
            return matched
        }
    }

    /// The results of one run, by number: 0 not met yet, 1 matches, 2 does not.
    final class DenseResults: @unchecked Sendable {
        var results: [UInt8] = []
    }

    /// Whether row `index` of the folded column matches (the run must have been prepared).
    func matchesColumnRow(_ index: Int) -> Bool {
        guard let column = scanned.column, let needle, !column.isMissing(index) else { return false }
        let range = column.range(index)
        return column.bytes.withUnsafeBufferPointer { all in
            let row = UnsafeBufferPointer(rebasing: all[range])
            if anchoredStart || anchoredEnd { return Self.anchoredMatch(row, needle, anchoredStart, anchoredEnd) }
            return Self.containsBytes(row, needle)
        }
    }

    /// Whether `haystack` contains `needle`, both folded: `memchr` finds each candidate first byte.
    static func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, needle.count <= haystack.count else { return false }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return false }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let equal = needle.withUnsafeBufferPointer { pattern in
                pattern.baseAddress.map { memcmp(base + i, $0, pattern.count) == 0 } ?? true
            }
            if equal { return true }
            i += 1
        }
        return false
    }

    /// The column a matcher scans during one run.
    final class ScannedColumn: @unchecked Sendable {
        var column: FoldedColumn?
    }

    /// Whether `text` matches; non-ASCII text is folded through `context`'s cache.
    func matches(_ text: String, in context: QueryContext) -> Bool {
        if let needle, anchoredStart || anchoredEnd {
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return Self.anchoredMatch(text.utf8, needle, anchoredStart, anchoredEnd) }
            if let result = Self.withLatinFold(text, { Self.anchoredMatch($0[...], needle, anchoredStart, anchoredEnd) }) { return result }
            return Self.anchoredMatch(context.folded(text).utf8, needle, anchoredStart, anchoredEnd)
        }
        if let needle {
            if needle.isEmpty { return true }
            var ascii = true
            let matched: Bool? = text.utf8.withContiguousStorageIfAvailable { haystack -> Bool in
                for b in haystack where b >= 0x80 { ascii = false; return false }
                return Self.containsFolded(haystack, needle)
            }
            if ascii, let matched { return matched }
            if let result = Self.withLatinFold(text, { Self.containsFolded($0, needle) }) { return result }
            let folded = context.folded(text)
            return folded.utf8.withContiguousStorageIfAvailable { Self.containsFolded($0, needle) }
                ?? Array(folded.utf8).withUnsafeBufferPointer { Self.containsFolded($0, needle) }
        }
        guard let regex, !budget.exceeded else { return false }
        let folded = context.folded(text)
        // Matching reports progress, so a pattern that runs past its budget is stopped.
        var found = false
        regex.enumerateMatches(in: folded, options: [.reportProgress], range: NSRange(folded.startIndex..., in: folded)) { match, _, stop in
            if match != nil {
                found = true
                stop.pointee = true
            } else if budget.isOver() {
                stop.pointee = true
            }
        }
        return found
    }

    /// How long a regular expression may run during one evaluation of a query.
    final class MatchBudget: @unchecked Sendable {
        private var deadline: UInt64 = .max
        /// Whether the pattern ran out of time during the current run.
        private(set) var exceeded = false

        /// Starts a run allowing `seconds`.
        func start(seconds: Double) {
            exceeded = false
            deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, seconds) * 1_000_000_000)
        }

        /// Whether the time is up; remembers it.
        func isOver() -> Bool {
            if DispatchTime.now().uptimeNanoseconds > deadline { exceeded = true }
            return exceeded
        }
    }

    /// Runs `body` on `text` folded into a stack buffer, or returns `nil` when the text needs
    /// Foundation's folding (scripts beyond Latin).
    static func withLatinFold<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let capacity = max(1, text.utf8.count)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer -> R? in
            guard let length = TextFolding.foldLatin(text, into: buffer) else { return nil }
            return body(UnsafeBufferPointer(rebasing: buffer[..<length]))
        }
    }

    /// Whether `bytes`, ASCII-lower-cased on the fly, start with, end with, or equal `needle`.
    static func anchoredMatch<C: Swift.Collection>(_ bytes: C, _ needle: [UInt8], _ start: Bool, _ end: Bool) -> Bool where C.Element == UInt8 {
        let count = bytes.count
        guard count >= needle.count, !(start && end && count != needle.count) else { return false }
        let offset = start ? 0 : count - needle.count
        var index = bytes.index(bytes.startIndex, offsetBy: offset)
        for expected in needle {
            var b = bytes[index]
            if b >= 65 && b <= 90 { b += 32 }
            if b != expected { return false }
            index = bytes.index(after: index)
        }
        return true
    }

    /// Whether `haystack`, ASCII-lower-cased on the fly, contains `needle` (already folded).
    static func containsFolded(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = haystack.count
        guard n <= h else { return false }
        let first = needle[0]
        var i = 0
        while i <= h - n {
            var b = haystack[i]
            if b >= 65 && b <= 90 { b += 32 }
            if b == first {
                var j = 1
                while j < n {
                    var c = haystack[i + j]
                    if c >= 65 && c <= 90 { c += 32 }
                    if c != needle[j] { break }
                    j += 1
                }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
