import Foundation

/// White space: spaces, tabs, line breaks and no-break spaces, trimmed and collapsed byte by byte.
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

    /// The UTF-8 length of the white space ``trimmed(_:)`` removes from the start of `text`.
    static func leadingSpaceLength(_ text: String) -> Int {
        let utf8 = text.utf8
        var count = 0
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if Byte.isASCIIWhiteSpace(b) {
                count += 1
                i = utf8.index(after: i)
                continue
            }
            let next = utf8.index(after: i)
            if b == Byte.latin1Lead, next < utf8.endIndex, utf8[next] == Byte.noBreakSpaceTrail {
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
            if Byte.isASCIIWhiteSpace(b) { start += 1; continue }
            if b == Byte.latin1Lead, start + 1 < end, bytes[start + 1] == Byte.noBreakSpaceTrail { start += 2; continue }
            break
        }
        while end > start {
            let b = bytes[end - 1]
            if Byte.isASCIIWhiteSpace(b) { end -= 1; continue }
            if b == Byte.noBreakSpaceTrail, end - 2 >= start, bytes[end - 2] == Byte.latin1Lead { end -= 2; continue }
            break
        }
        return bytes[start..<end]
    }
}

extension String {
    /// The text without leading and trailing white space; the same string when there is none.
    var trimmed: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        let edgeIsSpace = { (b: UInt8) in Byte.isASCIIWhiteSpace(b) || b == Byte.latin1Lead || b == Byte.noBreakSpaceTrail }
        if !edgeIsSpace(first) && !edgeIsSpace(last) { return self }
        return self[...].trimmed
    }
}

extension StringProtocol {
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
