import Foundation

/// The text encodings a spreadsheet export arrives in.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode text").
    case utf16LittleEndian = "UTF-16LE"
    /// UTF-16 big-endian with a byte-order mark.
    case utf16BigEndian = "UTF-16BE"
    /// Windows-1252 (Excel's CSV on a Belgian Windows).
    case windows1252 = "Windows-1252"

    /// Detects the encoding of `bytes` and returns their content as UTF-8, without a BOM.
    ///
    /// A BOM decides; else valid UTF-8 is UTF-8; else Windows-1252, which maps every byte.
    /// - Returns: `nil` when the bytes look binary (a NUL byte outside UTF-16).
    public static func decode(_ bytes: [UInt8]) -> (encoding: TextEncoding, utf8: [UInt8])? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = Array(bytes[3...])
            if containsNUL(body) { return nil }
            return (.utf8, validUTF8(body) ? body : Array(String(decoding: body, as: UTF8.self).utf8))
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return (.utf16LittleEndian, utf16(bytes.dropFirst(2), littleEndian: true))
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return (.utf16BigEndian, utf16(bytes.dropFirst(2), littleEndian: false))
        }
        if containsNUL(bytes) { return nil }
        if validUTF8(bytes) { return (.utf8, bytes) }
        return (.windows1252, windows1252(bytes))
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
            if b < 0x80 { index += 1; continue }
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

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Code points of bytes 0x80-0x9F in Windows-1252 (0 where undefined: kept as C1 controls).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 { out.append(byte); continue }
            var value = UInt32(byte)
            if byte <= 0x9F, cp1252High[Int(byte - 0x80)] != 0 { value = cp1252High[Int(byte - 0x80)] }
            // UTF-8 of a code point below U+10000.
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
