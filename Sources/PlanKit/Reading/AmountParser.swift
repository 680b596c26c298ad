/// Reads amounts of euros at the byte level: `3.000 €`, `1.500,50 €`, `€ 2.000`, `3000 EUR`,
/// `12.500€`, `45 000 €` (space or no-break space as thousands separator).
enum AmountParser {
    /// The result of reading an amount.
    enum Result: Equatable {
        /// The amount and the index just past it (and past its currency).
        case amount(Money, end: Int, hasCurrency: Bool)
        /// Digits that do not fit in 64-bit cents.
        case overflow(end: Int)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Length of a space-like separator at `i`: ASCII space, U+00A0 or U+202F.
    static func spaceLength(_ bytes: [UInt8], _ i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        if bytes[i] == 32 { return 1 }
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF { return 3 }
        return 0
    }

    /// Whether the euro sign starts at `i`.
    static func isEuro(_ bytes: [UInt8], _ i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x82 && bytes[i + 2] == 0xAC
    }

    /// The currency words, longest first, as bytes.
    private static let currencyWords: [[UInt8]] = ["euros", "euro", "eur"].map { Array($0.utf8) }

    /// Index past a currency (`€`, `EUR`, `euros`, `euro`) at `i` after optional spaces, or `nil`.
    static func currencyEnd(_ bytes: [UInt8], _ i: Int) -> Int? {
        var j = i
        while spaceLength(bytes, j) > 0 { j += spaceLength(bytes, j) }
        if isEuro(bytes, j) { return j + 3 }
        for w in currencyWords {
            if j + w.count <= bytes.count,
               (0..<w.count).allSatisfy({ bytes[j + $0] | 0x20 == w[$0] }),
               j + w.count == bytes.count || !isLetter(bytes[j + w.count]) {
                return j + w.count
            }
        }
        return nil
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 || b >= 0x80 }

    /// Reads an amount starting at `start` (a digit or a leading `€`).
    ///
    /// - Returns: `nil` when no number starts there.
    static func parse(_ bytes: [UInt8], at start: Int) -> Result? {
        var i = start
        var leadingCurrency = false
        if isEuro(bytes, i) {
            leadingCurrency = true
            i += 3
            while spaceLength(bytes, i) > 0 { i += spaceLength(bytes, i) }
        }
        guard i < bytes.count, isDigit(bytes[i]) else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var overflow = false
        func addDigit(_ b: UInt8) {
            let (m, o1) = whole.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(b - 48))
            if o1 || o2 { overflow = true } else { whole = s }
        }
        while i < bytes.count, isDigit(bytes[i]) { addDigit(bytes[i]); i += 1 }
        func digitsRun(_ j: Int) -> Int {
            var k = j
            while k < bytes.count, isDigit(bytes[k]) { k += 1 }
            return k - j
        }
        // Groups of three after a dot or a space; then decimals after a comma or a dot.
        while true {
            let sep = i < bytes.count && bytes[i] == UInt8(ascii: ".") ? 1 : spaceLength(bytes, i)
            guard sep > 0, digitsRun(i + sep) == 3 else { break }
            i += sep
            for _ in 0..<3 { addDigit(bytes[i]); i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: "."),
           case let run = digitsRun(i + 1), run == 1 || run == 2 {
            fraction = Int64(bytes[i + 1] - 48) * 10
            if run == 2 { fraction += Int64(bytes[i + 2] - 48) }
            i += 1 + run
        }
        var hasCurrency = leadingCurrency
        if !leadingCurrency, let end = currencyEnd(bytes, i) {
            hasCurrency = true
            i = end
        }
        if overflow { return .overflow(end: i) }
        let (cents, o1) = whole.multipliedReportingOverflow(by: 100)
        let (total, o2) = cents.addingReportingOverflow(fraction)
        if o1 || o2 { return .overflow(end: i) }
        return .amount(Money(cents: total), end: i, hasCurrency: hasCurrency)
    }

    /// Reads a whole text as one amount (`3.000 €`, `5000`), or `nil`.
    static func parseWhole(_ text: some StringProtocol) -> Money? {
        let bytes = Array(text.trimmed.utf8)
        guard case .amount(let money, let end, _)? = parse(bytes, at: 0), end == bytes.count else { return nil }
        return money
    }
}
