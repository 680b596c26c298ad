import Foundation
import PlanKit

/// A compiled `~` pattern: matches text ignoring case and accents.
///
/// A pattern without regular-expression syntax is a plain substring search on folded bytes; any
/// other is compiled once into an `NSRegularExpression` over folded text.
///
/// A matcher holds nothing that changes: what one run of its query keeps (the time budget, the
/// folded column scanned, what each article's value gave) is in a ``Run`` made for that run, so
/// one compiled query runs on any number of threads at once.
struct TextMatcher: Sendable {
    /// Where the pattern is in the query, for a time-out error.
    let location: QueryLocation
    /// The folded column the matcher scans instead of each row's text, if any.
    var column: FoldedColumn.Key?
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

    /// What a matcher keeps during one run of its query. Each run makes its own (``start(_:seconds:)``)
    /// and only the thread running the query uses it, so it needs no lock and is not `Sendable`.
    final class Run {
        /// When the pattern's time is up, in `DispatchTime` nanoseconds.
        private let deadline: UInt64
        /// Whether the pattern ran out of time during the run.
        private(set) var exceeded = false
        /// The folded column the matcher scans, over the run's context.
        let column: FoldedColumn?
        /// What each value of a field numbered by a ``DenseKey`` gave, by number: 0 not met yet,
        /// 1 matches, 2 does not.
        var results: [UInt8] = []

        init(deadline: UInt64, column: FoldedColumn?) {
            self.deadline = deadline
            self.column = column
        }

        /// Whether the time is up; remembers it.
        func isOver() -> Bool {
            if DispatchTime.now().uptimeNanoseconds > deadline { exceeded = true }
            return exceeded
        }
    }

    /// Starts a run over `context` allowing regular expressions `seconds`: fetches the folded
    /// column the matcher scans, if any (the context builds it on first use).
    func start(_ context: QueryContext, seconds: Double) -> Run {
        Run(deadline: DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, seconds) * 1_000_000_000),
            column: column.map { context.foldedColumn($0) })
    }

    /// Whether value `number` of `count` matches (true, false, or unknown for a value that is
    /// not text), `match` telling it the first time `run` meets the number: a field whose value
    /// depends on a small number (an article's) is matched once a value, not once a row.
    func matches(number: Int, of count: Int, in run: Run, _ match: () -> Truth) -> Truth {
        guard number >= 0, number < count else { return match() }
        if run.results.count != count { run.results = [UInt8](repeating: 0, count: count) }
        // 0: not met yet; else the truth's raw value plus one.
        let known = run.results[number]
        if known != 0 { return Truth(rawValue: known - 1) ?? .unknown }
        let matched = match()
        run.results[number] = matched.rawValue + 1
        return matched
    }

    /// Whether row `index` of `run`'s folded column matches.
    func matchesColumnRow(_ index: Int, in run: Run) -> Bool {
        guard let column = run.column, let needle, !column.isMissing(index) else { return false }
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

    /// Whether `text` matches; non-ASCII text is folded through `context`'s cache. A regular
    /// expression stops when `run`'s time is up (then and afterwards, nothing matches); without a
    /// run it has no time limit.
    func matches(_ text: String, in context: QueryContext, _ run: Run? = nil) -> Bool {
        if let needle, anchoredStart || anchoredEnd {
            if text.utf8.allSatisfy({ $0 < Byte.firstNonASCII }) { return Self.anchoredMatch(text.utf8, needle, anchoredStart, anchoredEnd) }
            if let result = Self.withLatinFold(text, { Self.anchoredMatch($0[...], needle, anchoredStart, anchoredEnd) }) { return result }
            return Self.anchoredMatch(context.folded(text).utf8, needle, anchoredStart, anchoredEnd)
        }
        if let needle {
            if needle.isEmpty { return true }
            var ascii = true
            let matched: Bool? = text.utf8.withContiguousStorageIfAvailable { haystack -> Bool in
                for b in haystack where b >= Byte.firstNonASCII { ascii = false; return false }
                return Self.containsFolded(haystack, needle)
            }
            if ascii, let matched { return matched }
            if let result = Self.withLatinFold(text, { Self.containsFolded($0, needle) }) { return result }
            let folded = context.folded(text)
            return folded.utf8.withContiguousStorageIfAvailable { Self.containsFolded($0, needle) }
                ?? Array(folded.utf8).withUnsafeBufferPointer { Self.containsFolded($0, needle) }
        }
        guard let regex, !(run?.exceeded ?? false) else { return false }
        let folded = context.folded(text)
        // Matching reports progress, so a pattern that runs past its budget is stopped.
        var found = false
        regex.enumerateMatches(in: folded, options: [.reportProgress], range: NSRange(folded.startIndex..., in: folded)) { match, _, stop in
            if match != nil {
                found = true
                stop.pointee = true
            } else if run?.isOver() ?? false {
                stop.pointee = true
            }
        }
        return found
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
            if Byte.isASCIICapital(b) { b += Byte.caseBit }
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
            if Byte.isASCIICapital(b) { b += Byte.caseBit }
            if b == first {
                var j = 1
                while j < n {
                    var c = haystack[i + j]
                    if Byte.isASCIICapital(c) { c += Byte.caseBit }
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
