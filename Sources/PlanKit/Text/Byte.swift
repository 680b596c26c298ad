/// Named UTF-8 bytes, for code that reads text byte by byte.
///
/// Printable ASCII characters are written `UInt8(ascii: "(")`; the bytes named here are the
/// invisible ones (white space, control characters) and the lead and trailing bytes of the few
/// non-ASCII characters PlanKit's grammar knows (no-break spaces, quotes, dashes, the euro sign).
package enum Byte {
    /// U+0009 CHARACTER TABULATION, the first of the ASCII white space from tab to carriage return.
    @inlinable package static var tab: UInt8 { 0x09 }
    /// U+000A LINE FEED.
    @inlinable package static var lineFeed: UInt8 { 0x0A }
    /// U+000B LINE TABULATION (vertical tab).
    @inlinable package static var verticalTab: UInt8 { 0x0B }
    /// U+000C FORM FEED.
    @inlinable package static var formFeed: UInt8 { 0x0C }
    /// U+000D CARRIAGE RETURN, the last of the ASCII white space from tab.
    @inlinable package static var carriageReturn: UInt8 { 0x0D }
    /// U+0020 SPACE.
    @inlinable package static var space: UInt8 { 0x20 }
    /// U+007F DELETE, the last ASCII control character.
    @inlinable package static var delete: UInt8 { 0x7F }
    /// The bit that an ASCII capital letter lacks and its small letter has: `A` | 0x20 = `a`.
    @inlinable package static var caseBit: UInt8 { 0x20 }
    /// The first byte that is not ASCII: the lead and trailing bytes of other characters.
    @inlinable package static var firstNonASCII: UInt8 { 0x80 }
    /// The lead byte of U+0080…U+00BF, among them U+00A0 NO-BREAK SPACE (C2 A0) and `«` (C2 AB).
    @inlinable package static var latin1Lead: UInt8 { 0xC2 }
    /// The lead byte of U+0100…U+017F, the last block of Latin letters folded byte by byte (C4, C5).
    @inlinable package static var latinExtendedALastLead: UInt8 { 0xC5 }
    /// The trailing byte of U+00A0 NO-BREAK SPACE (C2 A0).
    @inlinable package static var noBreakSpaceTrail: UInt8 { 0xA0 }
    /// The lead byte of U+2000…U+2FFF: general punctuation (’ ‘ “ ” – and the narrow no-break
    /// space, E2 80 xx) and the euro sign (E2 82 AC).
    @inlinable package static var punctuationLead: UInt8 { 0xE2 }
    /// The second byte of U+2000…U+203F (E2 80 xx): quotes, dashes, the narrow no-break space.
    @inlinable package static var generalPunctuationSecond: UInt8 { 0x80 }
    /// The last byte of U+2013 EN DASH (E2 80 93).
    @inlinable package static var enDashLast: UInt8 { 0x93 }
    /// The last byte of U+2018 LEFT SINGLE QUOTATION MARK (E2 80 98).
    @inlinable package static var leftSingleQuoteLast: UInt8 { 0x98 }
    /// The last byte of U+2019 RIGHT SINGLE QUOTATION MARK, the typographic apostrophe (E2 80 99).
    @inlinable package static var rightSingleQuoteLast: UInt8 { 0x99 }
    /// The last byte of U+202F NARROW NO-BREAK SPACE (E2 80 AF).
    @inlinable package static var narrowNoBreakSpaceLast: UInt8 { 0xAF }
    /// The second byte of U+20AC EURO SIGN (E2 82 AC).
    @inlinable package static var euroSecond: UInt8 { 0x82 }
    /// The last byte of U+20AC EURO SIGN (E2 82 AC).
    @inlinable package static var euroLast: UInt8 { 0xAC }
    /// The bytes of U+FEFF ZERO WIDTH NO-BREAK SPACE, the byte order mark some UTF-8 files start with (EF BB BF).
    @inlinable package static var byteOrderMark: [UInt8] { [0xEF, 0xBB, 0xBF] }

    /// Whether `byte` is ASCII white space: space, or tab to carriage return (tab, line feed,
    /// vertical tab, form feed, carriage return).
    @inlinable package static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= tab && byte <= carriageReturn)
    }

    /// Whether `byte` is a space, a tab, a line feed or a carriage return: the white space of
    /// XML and of delimited text.
    @inlinable package static func isSpaceOrLineBreak(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }

    /// Whether `byte` is an ASCII capital letter, `A` to `Z`.
    @inlinable package static func isASCIICapital(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// Whether `byte` is an ASCII digit, `0` to `9`.
    @inlinable package static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `byte` lower-cased when it is an ASCII capital letter, else as it is.
    @inlinable package static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        isASCIICapital(byte) ? byte + caseBit : byte
    }
}
