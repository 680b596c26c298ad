import Foundation

extension TextFolding {
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
            if b < Byte.firstNonASCII {
                guard Byte.asciiLowercased(b) == prefix[k] else { return nil }
                i += 1
                k += 1
            } else if b >= Byte.latin1Lead && b <= Byte.latinExtendedALastLead, i + 1 < end {
                guard let folded = latin[(Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)],
                      k + folded.count <= prefix.count, prefix[k..<(k + folded.count)].elementsEqual(folded) else { return nil }
                i += 2
                k += folded.count
            } else if b == Byte.punctuationLead, i + 2 < end, bytes[i + 1] == Byte.generalPunctuationSecond, bytes[i + 2] == Byte.rightSingleQuoteLast || bytes[i + 2] == Byte.leftSingleQuoteLast {
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
}

extension StringProtocol {
    /// Whether the text contains `needle`, comparing bytes (no Foundation, no locale).
    func containsBytes(_ needle: String) -> Bool {
        TextFolding.firstOffset(of: Array(needle.utf8), in: Array(utf8)) != nil
    }
}
