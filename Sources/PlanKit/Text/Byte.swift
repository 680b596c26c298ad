/// Named UTF-8 bytes, for code that reads text byte by byte.
///
/// ASCII characters that have a printable form are written `UInt8(ascii: "(")`; the bytes here are
/// the invisible ones (white space, control characters) and the lead and continuation bytes of the
/// few non-ASCII characters PlanKit's grammar knows (no-break spaces, quotes, dashes).
package enum Byte {
    /// U+0009 CHARACTER TABULATION.
    package static let tab: UInt8 = 0x09
    /// U+000A LINE FEED.
    package static let lineFeed: UInt8 = 0x0A
    /// U+000D CARRIAGE RETURN (the last of the ASCII white space, from ``tab``).
    package static let carriageReturn: UInt8 = 0x0D
    /// U+0020 SPACE.
    package static let space: UInt8 = 0x20
    /// What makes an ASCII capital letter lower case when added (or or-ed): `A` + 0x20 = `a`.
    package static let caseBit: UInt8 = 0x20
    /// The first byte that is not ASCII: lead and continuation bytes of other characters are from here on.
    package static let firstNonASCII: UInt8 = 0x80
    /// The lead byte of U+0080…U+00BF, among them U+00A0 NO-BREAK SPACE (C2 A0) and `«` (C2 AB).
    package static let latin1Lead: UInt8 = 0xC2
    /// The second byte of U+00A0 NO-BREAK SPACE (C2 A0).
    package static let noBreakSpaceTrail: UInt8 = 0xA0
    /// The lead byte of U+2000…U+2FFF: general punctuation (’ ‘ “ ” – …, E2 80 xx), the narrow
    /// no-break space (E2 80 AF), the euro sign (E2 82 AC).
    package static let punctuationLead: UInt8 = 0xE2

    /// Whether `byte` is ASCII white space: space, or tab to carriage return (tab, line feed,
    /// vertical tab, form feed, carriage return).
    @inline(__always)
    package static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= tab && byte <= carriageReturn)
    }

    /// Whether `byte` is an ASCII capital letter, `A` to `Z`.
    @inline(__always)
    package static func isASCIICapital(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// `byte` lower-cased when it is an ASCII capital letter, else as it is.
    @inline(__always)
    package static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        isASCIICapital(byte) ? byte + caseBit : byte
    }
}
