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
            if scalar.isASCII {
                out.append(Byte.asciiLowercased(UInt8(value)))
            } else if value < 0x180, let folded = latin[Int(value)] {
                out.append(contentsOf: folded)
            } else if value == 0x2019 || value == 0x2018 {
                out.append(UInt8(ascii: "'"))
            } else if value == 0x202F {
                out.append(Byte.space)
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
            if b >= Byte.firstNonASCII { return .notASCII }
            if Byte.isASCIICapital(b) { capitals = true }
        }
        guard capitals else { return .unchanged }
        return .folded(String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = Byte.asciiLowercased(b) }
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
            if b < Byte.firstNonASCII {
                buffer[written] = Byte.asciiLowercased(b)
                written += 1
                i += 1
            } else if b >= Byte.latin1Lead && b <= Byte.latinExtendedALastLead, i + 1 < count {
                let value = (Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F)
                guard let folded = latin[value] else { return nil }
                for f in folded { buffer[written] = f; written += 1 }
                i += 2
            } else if b == Byte.punctuationLead, i + 2 < count, bytes[i + 1] == Byte.generalPunctuationSecond, bytes[i + 2] == Byte.rightSingleQuoteLast || bytes[i + 2] == Byte.leftSingleQuoteLast {
                buffer[written] = UInt8(ascii: "'")
                written += 1
                i += 3
            } else if b == Byte.punctuationLead, i + 2 < count {
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

    /// Folded ASCII bytes for U+0080…U+017F (`nil` where Foundation must decide).
    static let latin: [[UInt8]?] = {
        var table = [[UInt8]?](repeating: nil, count: 0x180)
        for value in 0x80..<0x180 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = slowFold(String(Character(scalar)))
            if folded.utf8.allSatisfy({ $0 < Byte.firstNonASCII }) { table[value] = Array(folded.utf8) }
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
