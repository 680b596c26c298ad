import Foundation

/// The text encodings a spreadsheet export arrives in.
package enum TextEncoding: String, Sendable, Hashable, Codable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-16 little-endian, with a byte-order mark (Excel's "Unicode text") or without.
    case utf16LittleEndian = "UTF-16LE"
    /// UTF-16 big-endian, with a byte-order mark or without.
    case utf16BigEndian = "UTF-16BE"
    /// Windows-1252 (Excel's CSV on a Belgian Windows).
    case windows1252 = "Windows-1252"

    /// Detects the encoding of `bytes` and returns their content as UTF-8, without a BOM.
    ///
    /// See ``decodeText(_:)`` for the rule; this form leaves out the invalid bytes it found.
    /// - Returns: `nil` when the bytes look binary (NUL bytes that are not UTF-16 text).
    package static func decode(_ bytes: [UInt8]) -> (encoding: TextEncoding, utf8: [UInt8])? {
        decodeText(bytes).map { ($0.encoding, $0.utf8) }
    }

    /// Detects the encoding of `bytes` and returns their content as UTF-8, without a BOM, with
    /// every byte sequence that is not valid in that encoding.
    ///
    /// - A BOM decides: UTF-8, UTF-16LE or UTF-16BE.
    /// - Without one, NUL bytes mean UTF-16 when they fall in the pattern of UTF-16 text
    ///   (``utf16WithoutBOM(_:)``), and binary otherwise.
    /// - Valid UTF-8 is UTF-8.
    /// - Bytes that are not valid UTF-8 are UTF-8 with invalid bytes when the valid multi-byte
    ///   UTF-8 sequences outnumber the bytes that start no valid sequence; else Windows-1252,
    ///   which maps every byte. One stray byte in a UTF-8 file, or one pair of Windows-1252
    ///   characters that happens to form UTF-8 (`É` then a no-break space), does not decide the
    ///   encoding of the whole file.
    /// - In UTF-8 (with or without BOM), each byte that starts no valid sequence is read as its
    ///   Windows-1252 character (U+FFFD for the five bytes Windows-1252 leaves undefined) and is
    ///   listed in ``DecodedText/invalid``. In UTF-16, a lone surrogate or a last odd byte is read
    ///   as U+FFFD and listed.
    /// - Returns: `nil` when the bytes look binary.
    static func decodeText(_ bytes: [UInt8]) -> DecodedText? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = Array(bytes[3...])
            if containsNUL(body) { return nil }
            if validUTF8(body) { return DecodedText(encoding: .utf8, utf8: body) }
            return utf8WithInvalidBytes(body, offset: 3)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return utf16(bytes, from: 2, littleEndian: true)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return utf16(bytes, from: 2, littleEndian: false)
        }
        if containsNUL(bytes) {
            guard let littleEndian = utf16WithoutBOM(bytes) else { return nil }
            return utf16(bytes, from: 0, littleEndian: littleEndian)
        }
        guard let firstInvalid = firstInvalidUTF8(bytes) else { return DecodedText(encoding: .utf8, utf8: bytes) }
        let (sequences, invalid) = utf8Census(bytes, from: firstInvalid)
        if sequences > invalid { return utf8WithInvalidBytes(bytes, offset: 0) }
        return DecodedText(encoding: .windows1252, utf8: windows1252(bytes))
    }

    /// Whether bytes holding NUL bytes are UTF-16 text without a BOM: `true` little-endian,
    /// `false` big-endian, `nil` neither.
    ///
    /// In UTF-16 text that is mostly Latin (as plans are), the high byte of most code units is 0:
    /// every odd byte in little-endian, every even byte in big-endian. The bytes are UTF-16 when
    /// at least half of the code units have a zero byte on one side, the other side's zero bytes
    /// are fewer than a quarter as many, and no code unit is U+0000 (binary files are full of
    /// them).
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let units = bytes.count / 2
        guard units > 0 else { return nil }
        var zerosEven = 0, zerosOdd = 0
        var index = 0
        while index + 1 < bytes.count {
            let a = bytes[index], b = bytes[index + 1]
            if a == 0 {
                if b == 0 { return nil }
                zerosEven += 1
            } else if b == 0 {
                zerosOdd += 1
            }
            index += 2
        }
        if zerosOdd * 2 >= units, zerosEven * 4 < zerosOdd { return true }
        if zerosEven * 2 >= units, zerosOdd * 4 < zerosEven { return false }
        return nil
    }

    /// The number of valid multi-byte sequences and of bytes that start no valid sequence, from
    /// `start` (the first invalid byte; all before it are valid).
    static func utf8Census(_ bytes: [UInt8], from start: Int) -> (sequences: Int, invalid: Int) {
        var sequences = 0, invalid = 0
        // The valid bytes before `start`: each lead byte (0xC2 and above) starts a sequence.
        for byte in bytes[..<start] where byte >= 0xC0 { sequences += 1 }
        var index = start
        bytes.withUnsafeBytes { raw in
            // The first 64 events tell a stray byte in UTF-8 from Windows-1252 text: counting to
            // the end of a Windows-1252 file would read it once more for nothing.
            while index < raw.count, sequences + invalid < 64 {
                let rest = UnsafeRawBufferPointer(rebasing: raw[index...])
                let valid = firstInvalidUTF8(rest) ?? rest.count
                for byte in rest[..<valid] where byte >= 0xC0 { sequences += 1 }
                index += valid
                if index < raw.count {
                    invalid += 1
                    index += 1
                }
            }
        }
        return (sequences, invalid)
    }

    /// UTF-8 with each byte that starts no valid sequence read as its Windows-1252 character;
    /// `offset` is where `bytes` start in the file.
    static func utf8WithInvalidBytes(_ bytes: [UInt8], offset: Int) -> DecodedText {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var decoded = DecodedText(encoding: .utf8, utf8: [])
        var index = 0
        bytes.withUnsafeBytes { raw in
            while index < raw.count {
                let rest = UnsafeRawBufferPointer(rebasing: raw[index...])
                let valid = firstInvalidUTF8(rest) ?? rest.count
                out.append(contentsOf: rest[..<valid])
                index += valid
                guard index < raw.count else { break }
                let byte = raw[index]
                let scalar = windows1252Scalar(byte) ?? Unicode.Scalar(0xFFFD)!
                decoded.record(InvalidSequence(offset: offset + index, value: UInt16(byte), kind: .utf8Byte,
                                               decodedOffset: out.count, replacement: scalar))
                appendUTF8(scalar.value, to: &out)
                index += 1
            }
        }
        decoded.utf8 = out
        return decoded
    }

    /// UTF-16 from `start` (past the BOM, if any): each lone surrogate, and a last odd byte, read
    /// as U+FFFD and listed.
    static func utf16(_ bytes: [UInt8], from start: Int, littleEndian: Bool) -> DecodedText {
        var decoded = DecodedText(encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian, utf8: [])
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2 + bytes.count / 8)
        func unit(_ index: Int) -> UInt32 {
            let a = UInt32(bytes[index]), b = UInt32(bytes[index + 1])
            return littleEndian ? a | b << 8 : a << 8 | b
        }
        func invalid(_ index: Int, _ value: UInt32, _ kind: InvalidSequence.Kind) {
            decoded.record(InvalidSequence(offset: index, value: UInt16(value), kind: kind, decodedOffset: out.count,
                                           replacement: Unicode.Scalar(0xFFFD)!))
            appendUTF8(0xFFFD, to: &out)
        }
        var index = start
        while index + 1 < bytes.count {
            let first = unit(index)
            if first < 0xD800 || first > 0xDFFF {
                appendUTF8(first, to: &out)
                index += 2
                continue
            }
            if first <= 0xDBFF, index + 3 < bytes.count {
                let second = unit(index + 2)
                if second >= 0xDC00 && second <= 0xDFFF {
                    appendUTF8(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), to: &out)
                    index += 4
                    continue
                }
            }
            invalid(index, first, .loneSurrogate)
            index += 2
        }
        if index < bytes.count { invalid(index, UInt32(bytes[index]), .oddByte) }
        decoded.utf8 = out
        return decoded
    }

    /// Appends the UTF-8 form of a code point.
    private static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        if value < 0x80 {
            out.append(UInt8(value))
        } else if value < 0x800 {
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (value >> 18)))
            out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    static func validUTF8(_ bytes: [UInt8]) -> Bool { firstInvalidUTF8(bytes) == nil }

    /// Whether `bytes` hold a NUL byte (`memchr`).
    static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, buffer.count) != nil
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
    /// surrogates and code points beyond U+10FFFF included), or `nil` when all are valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw in firstInvalidUTF8(raw) }
    }

    private static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                // The ASCII bytes before the first that is not, at once (byte 0 is the lowest).
                let high = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & 0x8080_8080_8080_8080
                if high == 0 { index += 8; continue }
                index += high.trailingZeroBitCount / 8
            }
            let b = bytes[index]
            if b < Byte.firstNonASCII { index += 1; continue }
            let length = b >= 0xC2 && b <= 0xDF ? 2 : (b >= 0xE0 && b <= 0xEF ? 3 : (b >= 0xF0 && b <= 0xF4 ? 4 : 0))
            guard length > 0, index + length <= bytes.count else { return index }
            for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 { return index }
            let second = bytes[index + 1]
            if b == 0xE0 && second < 0xA0 || b == 0xED && second > 0x9F || b == 0xF0 && second < 0x90 || b == 0xF4 && second > 0x8F {
                return index
            }
            index += length
        }
        return nil
    }

    /// Code points of bytes 0x80-0x9F in Windows-1252 (0 where undefined: kept as C1 controls).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The Windows-1252 character of `byte`, `nil` for the five bytes it leaves undefined.
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard byte >= Byte.firstNonASCII, byte <= 0x9F else { return Unicode.Scalar(byte) }
        let value = cp1252High[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Windows-1252 bytes as UTF-8; the five bytes it leaves undefined are kept as C1 controls.
    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            // The ASCII bytes up to the next that is not, copied at once: most of a plan's text.
            var end = index
            while end < bytes.count, bytes[end] < Byte.firstNonASCII { end += 1 }
            out.append(contentsOf: bytes[index..<end])
            guard end < bytes.count else { break }
            let byte = bytes[end]
            index = end + 1
            var value = UInt32(byte)
            if byte <= 0x9F, cp1252High[Int(byte - 0x80)] != 0 { value = cp1252High[Int(byte - 0x80)] }
            // UTF-8 of a code point below U+10000, written here: the loop runs on every byte.
            if value < 0x800 {
                out.append(UInt8(0xC0 | (value >> 6)))
                out.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (value >> 12)))
                out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        return out
    }
}

/// A byte sequence that is not valid in the encoding a file is read in, and what it is read as.
struct InvalidSequence: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A byte that starts no valid UTF-8 sequence.
        case utf8Byte
        /// A UTF-16 code unit that is a surrogate without its other half.
        case loneSurrogate
        /// The last byte of a UTF-16 file of odd length.
        case oddByte
    }

    /// Where the sequence starts in the file's bytes (a BOM counts), from 0.
    var offset: Int
    /// The byte, or the UTF-16 code unit.
    var value: UInt16
    var kind: Kind
    /// Where its character starts in the decoded UTF-8.
    var decodedOffset: Int
    /// The character it is read as.
    var replacement: Unicode.Scalar

    /// One sentence on what the sequence is and how it is read.
    var description: String {
        let hex = String(value, radix: 16, uppercase: true)
        switch kind {
        case .utf8Byte:
            let byte = "Byte 0x\(hex.count < 2 ? "0" + hex : hex) at offset \(offset)"
            return replacement == "\u{FFFD}"
                ? "\(byte) is not UTF-8, nor a Windows-1252 character; it is read as U+FFFD"
                : "\(byte) is not UTF-8; it is read as the Windows-1252 character \"\(Character(replacement))\""
        case .loneSurrogate:
            return "The UTF-16 code unit 0x\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) at offset \(offset) is half a surrogate pair; it is read as U+FFFD"
        case .oddByte:
            return "The file ends in the middle of a UTF-16 code unit (byte at offset \(offset)); it is read as U+FFFD"
        }
    }
}

/// A file's text as UTF-8, and the byte sequences that were not valid in its encoding.
struct DecodedText: Sendable {
    /// The most invalid sequences listed one by one; beyond, they are only counted.
    static let listedInvalid = 100_000
    /// The most cells named by a warning each; the rest are named by one more warning.
    static let warnedCells = 20

    var encoding: TextEncoding
    var utf8: [UInt8]
    /// The invalid sequences, in order (the first ``listedInvalid``).
    var invalid: [InvalidSequence] = []
    /// The number of invalid sequences, listed or not.
    var invalidCount = 0

    init(encoding: TextEncoding, utf8: [UInt8]) {
        self.encoding = encoding
        self.utf8 = utf8
    }

    mutating func record(_ sequence: InvalidSequence) {
        invalidCount += 1
        if invalid.count < Self.listedInvalid { invalid.append(sequence) }
    }

    /// A `read.invalid-encoding` warning for each cell that holds invalid sequences, located at
    /// the cell's row and column as other spreadsheet warnings are, naming the first sequence's
    /// byte and offset and counting the others in the cell. Past ``warnedCells`` cells, one
    /// warning at the next cell counts the invalid sequences left.
    func warnings(separator: UInt8, file: String) -> [Diagnostic] {
        guard invalidCount > 0 else { return [] }
        let cells = DelimitedTable.cells(holding: invalid.map(\.decodedOffset), in: utf8, separator: separator)
        var warnings: [Diagnostic] = []
        var warned = 0
        for cell in cells {
            let location = SourceLocation(file: file, line: cell.line, column: cell.column)
            let text = String(decoding: utf8[cell.range], as: UTF8.self)
            if warnings.count == Self.warnedCells {
                let left = invalidCount - warned
                let what = encoding == .utf8 ? "bytes that are not UTF-8" : "invalid UTF-16 code units"
                let how = encoding == .utf8 ? "each is read as its Windows-1252 character, or U+FFFD" : "each is read as U+FFFD"
                let message = "This cell and later ones hold \(left) more \(what), not named one by one; \(how). \(advice)"
                warnings.append(Diagnostic(.invalidEncoding, location: location, message: message, text: text))
                break
            }
            let first = invalid[cell.sequences.lowerBound]
            let others = cell.sequences.count - 1
            let message = others == 0
                ? "\(first.description). \(advice)"
                : "\(first.description), and \(others) more in this cell likewise. \(advice)"
            warnings.append(Diagnostic(.invalidEncoding, location: location, message: message, text: text))
            warned += cell.sequences.count
        }
        return warnings
    }

    /// What to do about invalid sequences.
    private var advice: String {
        encoding == .utf8 ? "Save the file as UTF-8." : "Export the sheet again; check that the file is whole."
    }

    /// `warnings` merged into `existing` by place (line, then column), each list keeping its order.
    static func merge(_ warnings: [Diagnostic], into existing: [Diagnostic]) -> [Diagnostic] {
        guard !warnings.isEmpty else { return existing }
        var merged: [Diagnostic] = []
        merged.reserveCapacity(existing.count + warnings.count)
        var next = warnings.makeIterator()
        var pending = next.next()
        for warning in existing {
            while let p = pending, (p.location.line, p.location.column) < (warning.location.line, warning.location.column) {
                merged.append(p)
                pending = next.next()
            }
            merged.append(warning)
        }
        while let p = pending {
            merged.append(p)
            pending = next.next()
        }
        return merged
    }
}
