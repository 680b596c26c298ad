/// Reads full-time equivalents from a human-resources cell: `0,5 ETP` → 0.5,
/// `1 ETP agent constatateur` → 1 (the words after it stay in the cell's text).
///
/// A reading is taken only when it is the one possible: one number (a decimal comma or point
/// followed by one or two digits; three could be a thousands separator), then the word `ETP`,
/// then words without another number. Anything else (`2 agents`, `0,5 ou 1 ETP`,
/// `1 ETP + 0,5 ETP`, `1.000 ETP`) is unknown and named by a ``ReadRule/unparsedCell`` warning.
///
/// ```swift
/// FTEReader.value(of: "0,5 ETP")                    // .known(0.5)
/// FTEReader.value(of: "1 ETP agent constatateur")   // .known(1.0)
/// FTEReader.value(of: "0,5 ou 1 ETP")               // .unknown
/// ```
public enum FTEReader {
    /// The full-time equivalents `text` states: known when read unambiguously; unknown for `??`
    /// and for any text read otherwise; none for `/`; missing when blank.
    public static func value(of text: String) -> CellValue<Double> { read(text.utf8).value }

    /// The cell of a human-resources text at `location`, its value read by ``value(of:)``.
    public static func cell(_ text: String, at location: SourceLocation) -> Cell<Double> {
        Cell(value(of: text), text: text, location: location)
    }

    /// A warning naming the cell `text` (its UTF-8 bytes `bytes`) at `location` when it is
    /// neither blank, `??`, `/` nor one number of full-time equivalents; `nil` otherwise.
    static func warning(_ bytes: some Collection<UInt8>, text: @autoclosure () -> String, at location: SourceLocation) -> Diagnostic? {
        guard read(bytes).unreadable else { return nil }
        let text = text()
        return Diagnostic(
            .unparsedCell, location: location,
            message: "\"\(text.trimmed)\" is not a number of full-time equivalents PlanKit reads (such as 0,5 ETP); its fte is unknown. Write one number followed by ETP.",
            text: text)
    }

    /// The value of the cell whose UTF-8 bytes are `bytes`, and whether it is a text PlanKit
    /// could not read (rather than `??`, `/`, a blank or a number of full-time equivalents).
    ///
    /// Reads the bytes once, without allocating: every RH cell of a spreadsheet goes through it.
    static func read(_ bytes: some Collection<UInt8>) -> (value: CellValue<Double>, unreadable: Bool) {
        var index = bytes.startIndex
        func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }
        func skipSpaces() {
            while let byte = peek() {
                if byte == FTEByte.space || byte == FTEByte.tab || byte == FTEByte.lineFeed || byte == FTEByte.carriageReturn {
                    bytes.formIndex(after: &index)
                    continue
                }
                // A no-break space, C2 A0.
                var next = index
                bytes.formIndex(after: &next)
                guard byte == 0xC2, next < bytes.endIndex, bytes[next] == 0xA0 else { return }
                index = bytes.index(after: next)
            }
        }
        skipSpaces()
        guard let first = peek() else { return (.missing, false) }
        // `??`, `?`, `/` and `-` alone.
        if first == FTEByte.questionMark || first == FTEByte.slash || first == FTEByte.hyphen {
            while let byte = peek(), byte == first { bytes.formIndex(after: &index) }
            skipSpaces()
            guard index == bytes.endIndex else { return (.unknown, true) }
            return (first == FTEByte.questionMark ? .unknown : .none, false)
        }
        // One number: digits, then at most one separator followed by one or two digits.
        var whole = 0, fraction = 0, fractionDigits = 0, wholeDigits = 0
        while let byte = peek(), FTEByte.isDigit(byte), wholeDigits < 6 {
            whole = whole * 10 + Int(byte - FTEByte.zero)
            wholeDigits += 1
            bytes.formIndex(after: &index)
        }
        guard wholeDigits > 0 else { return (.unknown, true) }
        if let byte = peek(), byte == FTEByte.comma || byte == FTEByte.period {
            bytes.formIndex(after: &index)
            while let byte = peek(), FTEByte.isDigit(byte) {
                fraction = fraction * 10 + Int(byte - FTEByte.zero)
                fractionDigits += 1
                bytes.formIndex(after: &index)
                guard fractionDigits <= 2 else { return (.unknown, true) }
            }
            guard fractionDigits > 0 else { return (.unknown, true) }
        }
        if let byte = peek(), FTEByte.isDigit(byte) { return (.unknown, true) }
        skipSpaces()
        // The word ETP, in any case, as a word of its own.
        func letter(_ upper: UInt8) -> Bool {
            guard let byte = peek(), byte & 0xDF == upper else { return false }
            bytes.formIndex(after: &index)
            return true
        }
        guard letter(UInt8(ascii: "E")), letter(UInt8(ascii: "T")), letter(UInt8(ascii: "P")) else { return (.unknown, true) }
        if let byte = peek(), byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) {
            return (.unknown, true)
        }
        // Words after it, but no other number (`1 ETP + 0,5 ETP`, `½`).
        var previous: UInt8 = 0
        while let byte = peek() {
            if FTEByte.isDigit(byte) || (previous == 0xC2 && (0xBC...0xBE).contains(byte)) { return (.unknown, true) }
            previous = byte
            bytes.formIndex(after: &index)
        }
        // One division, correctly rounded: 105 / 100 is the Double nearest 1.05, as `Double("1.05")` is.
        let value = Double(whole * 100 + fraction * (fractionDigits == 1 ? 10 : 1)) / 100
        return (.known(value), false)
    }
}

/// The bytes the reader names.
private enum FTEByte {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    static let questionMark = UInt8(ascii: "?"), slash = UInt8(ascii: "/"), hyphen = UInt8(ascii: "-")
    static let comma = UInt8(ascii: ","), period = UInt8(ascii: "."), zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")

    /// Whether `byte` is an ASCII digit, 0 to 9.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
}
