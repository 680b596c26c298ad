/// Reads amounts of euros at the byte level: `3.000 €`, `1.500,50 €`, `€ 2.000`, `EUR 3.000`,
/// `3000 EUR`, `12.500€`, `45 000 €` (space or no-break space as thousands separator),
/// `12.000,- €`, `3 k€`, `-500 €`, and English notation when it cannot be misread
/// (`1,234.56 €`, `1,000,000 €`).
///
/// A number whose notation allows two readings (`250,000 €`: 250 € or 250 000 €) or none in
/// cents (`0,005 €`, `,50 €`, `5  000 €`) is not read: ``Result/unreadable(_:end:hasCurrency:)``
/// says why, and ``message(for:text:)`` gives the warning.
enum AmountParser {
    /// The result of reading an amount.
    enum Result: Equatable {
        /// The amount and the index just past it (and past its currency).
        case amount(Money, end: Int, hasCurrency: Bool)
        /// Digits that do not fit in 64-bit cents.
        case overflow(end: Int)
        /// A number that is not read, because its notation has two readings or none in cents.
        case unreadable(Notation, end: Int, hasCurrency: Bool)
    }

    /// Why a number is not read.
    enum Notation: Equatable {
        /// One comma before three digits (`250,000`, `1,500`): a decimal comma or an English
        /// thousands separator. `decimal` is the first reading when it is whole cents.
        /// `digits` are the number's digits as one integer, signed (`1,5000` → 15000): the text of
        /// its decimal reading is made from them for a message only, so that a token stays a
        /// plain value, copied without reference counting.
        case twoReadings(thousands: Money, decimal: Money?, digits: Int64)
        /// Three or more digits after the only decimal mark (`0,005`, `1,5000`, `12345,678`).
        case tooManyDecimals
        /// A comma or dot before the first digit (`,50`).
        case leadingSeparator
        /// Digit groups apart by more than one space (`5  000`); the reading with one space, if any.
        case spacedDigits(Money?)
        /// Separators that make no notation: mixed thousands separators, groups other than three
        /// digits, a decimal mark that also groups thousands (`1.500.50`, `1.50.000`).
        case mixedSeparators
        /// A negative amount among other amounts (`-3.000 € -2.000 €`): a minus sign or a list's
        /// dash; the amount without the sign.
        case signOrDash(Money)
    }

    static func isDigit(_ b: UInt8) -> Bool { Byte.isASCIIDigit(b) }

    /// Length of a space-like separator at `i`: ASCII space, U+00A0 or U+202F.
    static func spaceLength(_ bytes: [UInt8], _ i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        if bytes[i] == Byte.space { return 1 }
        if bytes[i] == Byte.latin1Lead, i + 1 < bytes.count, bytes[i + 1] == Byte.noBreakSpaceTrail { return 2 }
        if bytes[i] == Byte.punctuationLead, i + 2 < bytes.count, bytes[i + 1] == Byte.generalPunctuationSecond, bytes[i + 2] == Byte.narrowNoBreakSpaceLast { return 3 }
        return 0
    }

    /// Whether the euro sign starts at `i`.
    static func isEuro(_ bytes: [UInt8], _ i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == Byte.punctuationLead && bytes[i + 1] == Byte.euroSecond && bytes[i + 2] == Byte.euroLast
    }

    /// The currency words, longest first, as bytes.
    private static let currencyWords: [[UInt8]] = ["euros", "euro", "eur"].map { Array($0.utf8) }

    /// Index past a currency word (`EUR`, `euros`, `euro`, any case) starting exactly at `j`, or `nil`.
    static func currencyWordEnd(_ bytes: [UInt8], _ j: Int) -> Int? {
        for w in currencyWords {
            if j + w.count <= bytes.count,
               (0..<w.count).allSatisfy({ bytes[j + $0] | Byte.caseBit == w[$0] }),
               j + w.count == bytes.count || !isLetter(bytes[j + w.count]) {
                return j + w.count
            }
        }
        return nil
    }

    /// Index past a currency (`€`, `EUR`, `euros`, `euro`) at `i` after optional spaces, or `nil`.
    static func currencyEnd(_ bytes: [UInt8], _ i: Int) -> Int? {
        var j = i
        while spaceLength(bytes, j) > 0 { j += spaceLength(bytes, j) }
        if isEuro(bytes, j) { return j + 3 }
        return currencyWordEnd(bytes, j)
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | Byte.caseBit) >= UInt8(ascii: "a") && (b | Byte.caseBit) <= UInt8(ascii: "z") || b >= Byte.firstNonASCII }

    private static let dot = UInt8(ascii: "."), comma = UInt8(ascii: ","), dash = UInt8(ascii: "-")
    /// The kinds of separator, as bits of a set.
    private static let dotBit: UInt8 = 1, commaBit: UInt8 = 2, spaceBit: UInt8 = 4

    /// Reads an amount starting at `start`: a digit, a leading `€` or `EUR`, a minus sign before
    /// a digit, or a comma or dot before a digit (which is reported, not read).
    ///
    /// A dot or a space before three digits groups thousands; a comma or a dot before one or two
    /// digits starts the cents; `,-` after the euros means no cents. English notation is read
    /// when it has one reading: commas grouping thousands twice or more (`1,000,000`), or before a
    /// decimal dot (`1,234.56`). A lone comma before three digits (`1,500`) has two readings.
    ///
    /// - Returns: `nil` when no number starts there.
    static func parse(_ bytes: [UInt8], at start: Int) -> Result? {
        let count = bytes.count
        guard start < count else { return nil }
        var i = start
        var leadingCurrency = false
        var negative = false
        if bytes[i] == dash, i + 1 < count, isDigit(bytes[i + 1]) {
            negative = true
            i += 1
        } else if isEuro(bytes, i) {
            leadingCurrency = true
            i += 3
        } else if bytes[i] | Byte.caseBit == UInt8(ascii: "e"), let end = currencyWordEnd(bytes, i) {
            leadingCurrency = true
            i = end
        }
        if leadingCurrency {
            while spaceLength(bytes, i) > 0 { i += spaceLength(bytes, i) }
        }
        var leadingSeparator = false
        if i + 1 < count, bytes[i] == comma || bytes[i] == dot, isDigit(bytes[i + 1]) {
            leadingSeparator = true
            i += 1
        }
        guard i < count, isDigit(bytes[i]) else { return nil }

        // All the digits, as one integer; the separators are looked at on the way.
        var all: Int64 = 0
        var overflow = false
        @inline(__always) func addDigit(_ b: UInt8) {
            let (m, o1) = all.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(b - UInt8(ascii: "0")))
            if o1 || o2 { overflow = true } else { all = s }
        }
        func digitsRun(_ j: Int) -> Int {
            var k = j
            while k < count, isDigit(bytes[k]) { k += 1 }
            return k - j
        }
        let firstStart = i
        while i < count, isDigit(bytes[i]) { addDigit(bytes[i]); i += 1 }
        let firstLength = i - firstStart
        let firstIsZero = bytes[firstStart] == UInt8(ascii: "0")
        var separators = 0, commas = 0
        var lastKind: UInt8 = 0, lastLength = 0
        var kindsBefore: UInt8 = 0
        var irregular = false, spaced = false
        while i < count {
            var kind: UInt8 = 0
            var next = i
            if bytes[i] == dot || bytes[i] == comma {
                if i + 1 < count, isDigit(bytes[i + 1]) {
                    kind = bytes[i] == dot ? dotBit : commaBit
                    next = i + 1
                }
            } else if spaceLength(bytes, i) > 0 {
                // A space groups thousands before exactly three digits; several spaces are reported.
                var j = i, spaces = 0
                while spaceLength(bytes, j) > 0 { j += spaceLength(bytes, j); spaces += 1 }
                if digitsRun(j) == 3 {
                    kind = spaceBit
                    next = j
                    if spaces > 1 { spaced = true }
                }
            }
            guard kind != 0 else { break }
            if lastKind != 0 {
                kindsBefore |= lastKind
                if lastLength != 3 { irregular = true }
            }
            separators += 1
            if kind == commaBit { commas += 1 }
            i = next
            let run = digitsRun(i)
            for _ in 0..<run { addDigit(bytes[i]); i += 1 }
            lastKind = kind
            lastLength = run
        }
        // `12.000,- €`, `1500.-`: no cents.
        var noCents = false
        if i + 1 < count, bytes[i] == comma || bytes[i] == dot, bytes[i + 1] == dash {
            noCents = true
            i += 2
            if i < count, bytes[i] == dash { i += 1 }
        }
        var hasCurrency = leadingCurrency || noCents
        var multiplier: Int64 = 1
        if !leadingCurrency {
            var j = i
            while spaceLength(bytes, j) > 0 { j += spaceLength(bytes, j) }
            if j < count, bytes[j] == UInt8(ascii: "k") || bytes[j] == UInt8(ascii: "K"), let end = currencyEnd(bytes, j + 1) {
                (multiplier, hasCurrency, i) = (1000, true, end)
            } else if j < count, bytes[j] == UInt8(ascii: "M"), let end = currencyEnd(bytes, j + 1) {
                (multiplier, hasCurrency, i) = (1_000_000, true, end)
            } else if let end = currencyEnd(bytes, i) {
                (hasCurrency, i) = (true, end)
            }
        }
        let end = i
        if overflow { return .overflow(end: end) }
        func money(_ factor: Int64) -> Money? {
            let (a, o1) = all.multipliedReportingOverflow(by: factor)
            let (b, o2) = a.multipliedReportingOverflow(by: multiplier)
            return o1 || o2 ? nil : Money(cents: negative ? -b : b)
        }
        func unreadable(_ notation: Notation) -> Result { .unreadable(notation, end: end, hasCurrency: hasCurrency) }
        if leadingSeparator { return unreadable(.leadingSeparator) }

        // The factor from all the digits to cents, when the notation has one reading.
        var factor: Int64?
        let thousandsStart = firstLength <= 3 && !firstIsZero
        if noCents, (kindsBefore | lastKind) & commaBit != 0 {
            // `1,500,-`: a comma grouping thousands before Belgian "no cents".
            factor = nil
        } else if separators == 0 {
            factor = 100
        } else if lastKind != spaceBit, lastLength <= 2 {
            // A decimal mark; what comes before it groups thousands with another separator.
            let groupsThousands = kindsBefore == 0
                || (!irregular && thousandsStart && kindsBefore & lastKind == 0 && kindsBefore.nonzeroBitCount == 1)
            if groupsThousands, !noCents { factor = lastLength == 1 ? 10 : 1 }
        } else {
            let kinds = kindsBefore | lastKind
            if !irregular, lastLength == 3, thousandsStart, kinds.nonzeroBitCount == 1 {
                if lastKind == commaBit, commas == 1 {
                    if spaced { return unreadable(.spacedDigits(nil)) }
                    let thousands = money(100)
                    let decimalCents = all * multiplier / 10
                    let exact = (all * multiplier) % 10 == 0
                    guard let thousands else { return .overflow(end: end) }
                    return unreadable(.twoReadings(
                        thousands: thousands, decimal: exact ? Money(cents: negative ? -decimalCents : decimalCents) : nil,
                        digits: negative ? -all : all))
                }
                factor = 100
            } else if separators == 1, lastKind != spaceBit, lastLength >= 3 {
                return unreadable(spaced ? .spacedDigits(nil) : .tooManyDecimals)
            }
        }
        guard let factor else { return unreadable(spaced ? .spacedDigits(nil) : .mixedSeparators) }
        guard let value = money(factor) else { return .overflow(end: end) }
        if spaced { return unreadable(.spacedDigits(value)) }
        return .amount(value, end: end, hasCurrency: hasCurrency)
    }

    /// Reads a whole text as one amount (`3.000 €`, `5000`), or `nil`.
    static func parseWhole(_ text: some StringProtocol) -> Money? {
        let bytes = Array(text.trimmed.utf8)
        guard case .amount(let money, let end, _)? = parse(bytes, at: 0), end == bytes.count else { return nil }
        return money
    }

    /// The warning for a number `text` (as the cell writes it) that is not read: one sentence on
    /// what is wrong and what to write, then `outcome`, what becomes of the value.
    static func message(for notation: Notation, text: String, outcome: String = "Its amount counts as unknown.") -> String {
        let unknown = " " + outcome
        let belgian = "(Belgian notation: dot for thousands, comma for decimals)"
        switch notation {
        case .twoReadings(let thousands, let decimal?, _):
            return "\"\(text)\" could be \(spoken(decimal)) or \(spoken(thousands)); write \(thousands.formatted) or \(decimal.formatted) \(belgian)." + unknown
        case .twoReadings(let thousands, nil, let digits):
            let fraction = String(digits.magnitude % 1000)
            let decimalText = (digits < 0 ? "-" : "") + String(digits.magnitude / 1000) + "," + String(repeating: "0", count: 3 - fraction.count) + fraction
            return "\"\(text)\" could be \(spoken(thousands)) or \(decimalText) €, which is not a number of cents; write \(thousands.formatted) \(belgian)." + unknown
        case .tooManyDecimals:
            return "\"\(text)\" has more than two decimals, a fraction of a cent; write it rounded to the cent \(belgian)." + unknown
        case .leadingSeparator:
            return "\"\(text)\" starts with a separator, not a digit; write 0\(text) if that is the amount." + unknown
        case .spacedDigits(let joined?):
            return "\"\(text)\" has more than one space between its digits; write \(joined.formatted) if it is one amount." + unknown
        case .spacedDigits(nil):
            return "\"\(text)\" has more than one space between its digits; write it as one amount \(belgian)." + unknown
        case .mixedSeparators:
            return "\"\(text)\" mixes separators in a way that is not one notation; write it with dots for thousands and a comma before the cents, as in 1.500,50 €." + unknown
        case .signOrDash(let magnitude):
            return "\"\(text)\" could be \(spoken(Money(cents: -magnitude.cents))) or \(spoken(magnitude)) after a list's dash; write \(magnitude.formatted) without the dash, or give a negative amount a cell of its own." + unknown
        }
    }

    /// An amount as a sentence says it: `250 000 €`, `1 234,56 €`, `-500 €`.
    static func spoken(_ money: Money) -> String {
        String(money.formatted.map { $0 == "." ? " " : $0 })
    }
}
