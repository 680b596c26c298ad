import Foundation

/// Case and accent folding, as the query language's `~` and the readers' label matching use it.
public enum TextFolding {
    /// Lower-cases `text` and strips its accents: `Aînés` → `aines`, `Œuvre` → `oeuvre`.
    ///
    /// ASCII and Latin-1/Latin Extended-A text (all of French) is folded byte by byte from a
    /// table; only other scripts go through Foundation's decomposition.
    public static func fold(_ text: some StringProtocol) -> String {
        // ASCII text is only lower-cased; when it has no capital it is returned as it is. Other
        // Latin text goes through the table without decoding scalars.
        switch text.utf8.withContiguousStorageIfAvailable({ asciiFold($0) }) {
        case .unchanged?: return String(text)
        case .folded(let folded)?: return folded
        case .notASCII?:
            let latin: String?? = text.utf8.withContiguousStorageIfAvailable { bytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer -> String? in
                    foldLatin(bytes, into: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<$0]), as: UTF8.self) }
                }
            }
            if let latin = latin ?? nil { return latin }
        case nil: break
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(value >= 65 && value <= 90 ? UInt8(value + 32) : UInt8(value))
            } else if value < 0x180, let folded = latin[Int(value)] {
                out.append(contentsOf: folded)
            } else if value == 0x2019 || value == 0x2018 {
                out.append(UInt8(ascii: "'"))
            } else if value == 0x202F {
                out.append(32)
            } else if passesThrough(value) {
                // Punctuation, currency signs, arrows and symbols fold to themselves.
                out.append(contentsOf: String(scalar).utf8)
            } else {
                return slowFold(text)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Punctuation, currency signs, arrows and symbols, which fold to themselves.
    static func passesThrough(_ value: UInt32) -> Bool {
        (0x2000...0x206F).contains(value) && value != 0x202F || (0x20A0...0x20CF).contains(value) || (0x2190...0x2BFF).contains(value)
    }

    private enum ASCIIFold {
        case unchanged, folded(String), notASCII
    }

    /// Lower-cases ASCII bytes; `.notASCII` when a byte is not ASCII.
    private static func asciiFold(_ bytes: UnsafeBufferPointer<UInt8>) -> ASCIIFold {
        var capitals = false
        for b in bytes {
            if b >= 0x80 { return .notASCII }
            if b >= 65 && b <= 90 { capitals = true }
        }
        guard capitals else { return .unchanged }
        return .folded(String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = b >= 65 && b <= 90 ? b + 32 : b }
            return bytes.count
        })
    }

    /// Folds `text` into `buffer` (which must hold at least `text.utf8.count` bytes) without
    /// allocating, when every character is ASCII, Latin-1, Latin Extended-A, or punctuation;
    /// the bytes written are those of ``fold(_:)``.
    ///
    /// - Returns: The number of bytes written, or `nil` when another script needs ``fold(_:)``.
    package static func foldLatin(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { foldLatin($0, into: buffer) } ?? nil
    }

    /// ``foldLatin(_:into:)`` on UTF-8 bytes.
    static func foldLatin(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var written = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                buffer[written] = b >= 65 && b <= 90 ? b + 32 : b
                written += 1
                i += 1
            } else if b >= 0xC2 && b <= 0xC5, i + 1 < count {
                let value = (Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)
                guard let folded = latin[value] else { return nil }
                for f in folded { buffer[written] = f; written += 1 }
                i += 2
            } else if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 {
                buffer[written] = UInt8(ascii: "'")
                written += 1
                i += 3
            } else if b == 0xE2, i + 2 < count {
                // Other punctuation and symbols fold to themselves, as in `fold`.
                let value = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                guard passesThrough(value) else { return nil }
                for k in 0..<3 { buffer[written + k] = bytes[i + k] }
                written += 3
                i += 3
            } else {
                return nil
            }
        }
        return written
    }

    /// The number of bytes of `bytes`, from `start`, that fold to `prefix` (folded ASCII), or
    /// `nil` when they do not; `nil` too when a character on the way is outside Latin-1 and
    /// Latin Extended-A (other than ’ and ‘), which no ASCII prefix of PlanKit's grammar holds.
    /// Bytes from `end` on are not looked at.
    static func foldedPrefixLength(_ bytes: [UInt8], from start: Int, upTo end: Int? = nil, _ prefix: [UInt8]) -> Int? {
        let end = end.map { Swift.min($0, bytes.count) } ?? bytes.count
        var i = start
        var k = 0
        while k < prefix.count {
            guard i < end else { return nil }
            let b = bytes[i]
            if b < 0x80 {
                guard (b >= 65 && b <= 90 ? b + 32 : b) == prefix[k] else { return nil }
                i += 1
                k += 1
            } else if b >= 0xC2 && b <= 0xC5, i + 1 < end {
                guard let folded = latin[(Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)],
                      k + folded.count <= prefix.count, prefix[k..<(k + folded.count)].elementsEqual(folded) else { return nil }
                i += 2
                k += folded.count
            } else if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 {
                guard prefix[k] == UInt8(ascii: "'") else { return nil }
                i += 3
                k += 1
            } else {
                return nil
            }
        }
        return i - start
    }

    /// Where `needle` first occurs in `haystack`, comparing bytes; 0 for an empty needle.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first else { return start }
        guard haystack.count >= needle.count else { return nil }
        var i = Swift.max(0, start)
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The bytes that need collapsing wherever they are: tab to carriage return, and the lead
    /// byte of U+0080-U+00BF (the no-break space among them).
    private static let collapsingBytes: [Int32] = [9, 10, 11, 12, 13, 0xC2]

    /// Whether collapsing would change `bytes`: white space other than single inner spaces.
    static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 32 || last == 32 { return true }
        // Long texts (titles): a `memchr` per byte that needs collapsing, and two spaces in a row
        // looked for eight pairs at a time, instead of a branch per byte.
        if bytes.count >= 64, let base = bytes.baseAddress {
            for byte in collapsingBytes where memchr(base, byte, bytes.count) != nil { return true }
            let raw = UnsafeRawPointer(base)
            /// The high bit of each byte of `word` that is a space, exactly (no carry between bytes).
            func spaces(_ word: UInt64) -> UInt64 {
                let x = word ^ 0x2020_2020_2020_2020
                return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
            }
            var i = 0
            while i + 9 <= bytes.count {
                let here = spaces(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let next = spaces(raw.loadUnaligned(fromByteOffset: i + 1, as: UInt64.self))
                if here & next != 0 { return true }
                i += 8
            }
            while i + 1 < bytes.count {
                if bytes[i] == 32 && bytes[i + 1] == 32 { return true }
                i += 1
            }
            return false
        }
        var previousSpace = false
        for b in bytes {
            if b == 32 {
                if previousSpace { return true }
                previousSpace = true
                continue
            }
            previousSpace = false
            if (b >= 9 && b <= 13) || b == 0xC2 { return true }
        }
        return false
    }

    /// The UTF-8 length of the white space ``trimmed(_:)`` removes from the start of `text`.
    static func leadingSpaceLength(_ text: String) -> Int {
        let utf8 = text.utf8
        var count = 0
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == 32 || (b >= 9 && b <= 13) {
                count += 1
                i = utf8.index(after: i)
                continue
            }
            let next = utf8.index(after: i)
            if b == 0xC2, next < utf8.endIndex, utf8[next] == 0xA0 {
                count += 2
                i = utf8.index(after: next)
                continue
            }
            break
        }
        return count
    }

    /// `bytes` without leading and trailing white space (line breaks and no-break spaces included).
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end {
            let b = bytes[start]
            if b == 32 || (b >= 9 && b <= 13) { start += 1; continue }
            if b == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 { start += 2; continue }
            break
        }
        while end > start {
            let b = bytes[end - 1]
            if b == 32 || (b >= 9 && b <= 13) { end -= 1; continue }
            if b == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 { end -= 2; continue }
            break
        }
        return bytes[start..<end]
    }

    /// Folded ASCII bytes for U+0080…U+017F (`nil` where Foundation must decide).
    private static let latin: [[UInt8]?] = {
        var table = [[UInt8]?](repeating: nil, count: 0x180)
        for value in 0x80..<0x180 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = slowFold(String(Character(scalar)))
            if folded.utf8.allSatisfy({ $0 < 0x80 }) { table[value] = Array(folded.utf8) }
        }
        table[0xA0] = [32]
        return table
    }()

    /// Folding through Foundation's canonical decomposition, for any script.
    static func slowFold(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            switch scalar {
            case "œ", "Œ": scalars.append(contentsOf: "oe".unicodeScalars)
            case "æ", "Æ": scalars.append(contentsOf: "ae".unicodeScalars)
            case "ß": scalars.append(contentsOf: "ss".unicodeScalars)
            case "\u{00A0}", "\u{202F}": scalars.append(" ")
            case "’", "‘": scalars.append("'")
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { scalars.append(lower) }
            }
        }
        return String(scalars)
    }
}

extension String {
    /// The text without leading and trailing white space; the same string when there is none.
    var trimmed: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        let edgeIsSpace = { (b: UInt8) in b == 32 || (b >= 9 && b <= 13) || b == 0xC2 || b == 0xA0 }
        if !edgeIsSpace(first) && !edgeIsSpace(last) { return self }
        return self[...].trimmed
    }
}

extension Collection<String> {
    /// The strings with one space between each: `joined(separator: " ")`, written byte by byte.
    var joinedBySpaces: String {
        var count = 0
        for text in self { count += text.utf8.count + 1 }
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count - 1) { buffer in
            var i = 0
            var first = true
            for text in self {
                if !first { buffer[i] = 32; i += 1 }
                first = false
                for byte in text.utf8 { buffer[i] = byte; i += 1 }
            }
            return i
        }
    }
}

extension TextFolding {
    /// The byte ranges `words` of `bytes` with one space between each, as a string.
    static func joinedBySpaces(_ bytes: [UInt8], _ words: [Range<Int>]) -> String {
        var count = 0
        for word in words { count += word.count + 1 }
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count - 1) { buffer in
            var i = 0
            for (n, word) in words.enumerated() {
                if n > 0 { buffer[i] = 32; i += 1 }
                for index in word { buffer[i] = bytes[index]; i += 1 }
            }
            return i
        }
    }
}

extension String {
    /// The words between spaces (U+0020), without empty ones: `split(separator: " ")` on bytes.
    var spaceSeparatedWords: [String] {
        var text = self
        return text.withUTF8 { bytes in
            var words: [String] = []
            var i = 0
            while i < bytes.count {
                while i < bytes.count, bytes[i] == 32 { i += 1 }
                let start = i
                while i < bytes.count, bytes[i] != 32 { i += 1 }
                if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
            }
            return words
        }
    }

    /// At most the first `count` bytes, cut before a character the limit would split.
    func utf8Prefix(_ count: Int) -> String {
        guard utf8.count > count else { return self }
        var end = utf8.index(utf8.startIndex, offsetBy: count)
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(self[..<end])
    }

    /// Whether the text's UTF-8 holds `byte` (`memchr` on the contiguous storage).
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }

    /// The non-empty pieces between bytes `isSeparator` accepts (ASCII separators only):
    /// `split(whereSeparator:)` on bytes.
    func splitBytes(_ isSeparator: (UInt8) -> Bool) -> [String] {
        var text = self
        return text.withUTF8 { bytes in
            var parts: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || isSeparator(bytes[i]) {
                if i > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            return parts
        }
    }


}

/// Separators for ``StringProtocol/splitting(_:)``, as bytes, with a table of the bytes that start one.
struct Separators: Sendable {
    /// Each separator's UTF-8.
    let bytes: [[UInt8]]
    /// Whether a byte starts a separator, by byte value.
    let starts: [Bool]

    /// Separators from their texts (empty ones are ignored).
    init(_ separators: [String]) {
        bytes = separators.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var starts = [Bool](repeating: false, count: 256)
        for separator in bytes { starts[Int(separator[0])] = true }
        self.starts = starts
    }
}

extension StringProtocol {
    /// Whether the text contains `needle`, comparing bytes (no Foundation, no locale).
    func containsBytes(_ needle: String) -> Bool {
        TextFolding.firstOffset(of: Array(needle.utf8), in: Array(utf8)) != nil
    }


    /// The text split at every occurrence of any of `separators` (UTF-8, compared byte by byte).
    func splitting(_ separators: Separators) -> [String] {
        let whole = String(self)
        var text = whole
        var parts = text.withUTF8 { h in
            var parts: [String] = []
            var start = 0
            var i = 0
            scan: while i < h.count {
                guard separators.starts[Int(h[i])] else {
                    i += 1
                    continue
                }
                for sep in separators.bytes where i + sep.count <= h.count && h[i] == sep[0] {
                    var k = 1
                    while k < sep.count && h[i + k] == sep[k] { k += 1 }
                    guard k == sep.count else { continue }
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: h[start..<i]), as: UTF8.self))
                    i += sep.count
                    start = i
                    continue scan
                }
                i += 1
            }
            if start > 0 { parts.append(String(decoding: UnsafeBufferPointer(rebasing: h[start...]), as: UTF8.self)) }
            return parts
        }
        // Text with no separator is returned as it is, sharing its storage.
        if parts.isEmpty { parts.append(whole) }
        return parts
    }




    /// The text without leading and trailing white space (line breaks and no-break spaces included).
    var trimmed: String {
        String(decoding: TextFolding.trimmed(Array(utf8)[...]), as: UTF8.self)
    }

    /// The text with each run of white space made one space, trimmed.
    var collapsingSpaces: String {
        let whole = String(self)
        var text = whole
        let collapsed: String? = text.withUTF8 { bytes in
            guard TextFolding.needsCollapsing(bytes) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var written = 0
                var pendingSpace = false
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b == 32 || (b >= 9 && b <= 13) {
                        pendingSpace = true
                        i += 1
                        continue
                    }
                    if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
                        pendingSpace = true
                        i += 2
                        continue
                    }
                    if pendingSpace && written > 0 {
                        out[written] = 32
                        written += 1
                    }
                    pendingSpace = false
                    out[written] = b
                    written += 1
                    i += 1
                }
                return written
            }
        }
        // Text already collapsed is returned as it is, sharing its storage.
        return collapsed ?? whole
    }


}
