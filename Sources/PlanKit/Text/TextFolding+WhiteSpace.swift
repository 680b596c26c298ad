import Foundation

/// White space, trimmed and collapsed byte by byte.
extension TextFolding {
    /// The bytes that need collapsing wherever they are: tab to carriage return, and the lead
    /// byte of U+0080-U+00BF (the no-break space among them).
    private static let collapsingBytes: [Int32] = [Byte.tab, Byte.lineFeed, Byte.verticalTab, Byte.formFeed, Byte.carriageReturn, Byte.latin1Lead].map(Int32.init)

    /// Whether collapsing would change `bytes`: white space other than single inner spaces.
    static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == Byte.space || last == Byte.space { return true }
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
                if bytes[i] == Byte.space && bytes[i + 1] == Byte.space { return true }
                i += 1
            }
            return false
        }
        var previousSpace = false
        for b in bytes {
            if b == Byte.space {
                if previousSpace { return true }
                previousSpace = true
                continue
            }
            previousSpace = false
            if Byte.isASCIIWhiteSpace(b) || b == Byte.latin1Lead { return true }
        }
        return false
    }

    /// The UTF-8 length of the white-space character that starts at `i` of `bytes`, or 0.
    ///
    /// White space is Unicode's (the White_Space property, as `Character.isWhitespace` and
    /// ``CellAccounting`` take it): space, tab to carriage return, U+0085, the no-break space
    /// U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, the narrow no-break space U+202F, U+205F, U+3000.
    @inline(__always)
    static func whiteSpaceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int) -> Int where Bytes.Index == Int {
        let b = bytes[i]
        if b < Byte.firstNonASCII { return Byte.isASCIIWhiteSpace(b) ? 1 : 0 }
        let end = bytes.endIndex
        guard i + 1 < end else { return 0 }
        let second = bytes[i + 1]
        switch b {
        case Byte.latin1Lead:
            // U+0085, U+00A0.
            return second == 0x85 || second == Byte.noBreakSpaceTrail ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard i + 2 < end else { return 0 }
            let third = bytes[i + 2]
            switch (b, second) {
            case (0xE1, 0x9A): return third == 0x80 ? 3 : 0                       // U+1680
            case (0xE2, 0x80):                                                     // U+2000-U+200A, U+2028, U+2029, U+202F
                return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == Byte.narrowNoBreakSpaceLast ? 3 : 0
            case (0xE2, 0x81): return third == 0x9F ? 3 : 0                       // U+205F
            case (0xE3, 0x80): return third == 0x80 ? 3 : 0                       // U+3000
            default: return 0
            }
        default:
            return 0
        }
    }

    /// The UTF-8 length of the white-space character that ends just before `end` of `bytes`,
    /// not before `start`, or 0.
    @inline(__always)
    static func whiteSpaceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, endingAt end: Int, from start: Int) -> Int where Bytes.Index == Int {
        let last = bytes[end - 1]
        if last < Byte.firstNonASCII { return Byte.isASCIIWhiteSpace(last) ? 1 : 0 }
        if end - 2 >= start, bytes[end - 2] == Byte.latin1Lead { return last == 0x85 || last == Byte.noBreakSpaceTrail ? 2 : 0 }
        if end - 3 >= start, whiteSpaceLength(bytes, at: end - 3) == 3 { return 3 }
        return 0
    }

    /// Whether a text whose UTF-8 starts with `first` and ends with `last` may have white space
    /// to trim: a quick test that most texts fail.
    @inline(__always)
    static func mayHaveWhiteSpaceAtEdges(_ first: UInt8, _ last: UInt8) -> Bool {
        if first < Byte.firstNonASCII ? Byte.isASCIIWhiteSpace(first) : first == Byte.latin1Lead || (first >= 0xE1 && first <= 0xE3) { return true }
        // The last bytes of the white space above: 0x80-0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF.
        if last < Byte.firstNonASCII { return Byte.isASCIIWhiteSpace(last) }
        return last <= 0x8A || last == 0x9F || last == Byte.noBreakSpaceTrail || last == 0xA8 || last == 0xA9 || last == Byte.narrowNoBreakSpaceLast
    }

    /// The range of `bytes` without leading and trailing white space (see ``whiteSpaceLength(_:at:)``).
    @inline(__always)
    static func trimmedRange<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Range<Int> where Bytes.Index == Int {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end {
            let length = whiteSpaceLength(bytes, at: start)
            if length == 0 { break }
            start += length
        }
        while end > start {
            let length = whiteSpaceLength(bytes, endingAt: end, from: start)
            if length == 0 { break }
            end -= length
        }
        return start..<end
    }

    /// `bytes` without leading and trailing white space (see ``whiteSpaceLength(_:at:)``).
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes[trimmedRange(bytes)]
    }
}

extension String {
    /// The text without leading and trailing white space; the same string when there is none.
    ///
    /// White space is Unicode's, as `Character.isWhitespace` takes it: space, tab to carriage
    /// return, U+0085, the no-break spaces U+00A0 and U+202F, U+1680, U+2000-U+200A, U+2028,
    /// U+2029, U+205F, U+3000 (see ``TextFolding/whiteSpaceLength(_:at:)``).
    package var trimmed: String {
        guard let first = utf8.first, let last = utf8.last, TextFolding.mayHaveWhiteSpaceAtEdges(first, last) else { return self }
        var text = self
        return text.withUTF8 { bytes in
            let range = TextFolding.trimmedRange(bytes)
            return range.count == bytes.count ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space, Unicode's (see ``Swift/String/trimmed``).
    package var trimmed: String {
        String(self).trimmed
    }

    /// The text with each run of white space made one space, trimmed; white space here is a
    /// reader's between words: space, tab to carriage return and the no-break space U+00A0 (a
    /// wider space, such as U+2003, stays as it is).
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
                    if Byte.isASCIIWhiteSpace(b) {
                        pendingSpace = true
                        i += 1
                        continue
                    }
                    if b == Byte.latin1Lead, i + 1 < bytes.count, bytes[i + 1] == Byte.noBreakSpaceTrail {
                        pendingSpace = true
                        i += 2
                        continue
                    }
                    if pendingSpace && written > 0 {
                        out[written] = Byte.space
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
