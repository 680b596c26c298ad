/// Reads full-time equivalents from a human-resources cell: `0,5 ETP` → 0.5,
/// `1 ETP agent constatateur` → 1 (the words after it stay in the cell's text).
///
/// A reading is taken only when it is the one possible: one number (a decimal comma or point,
/// not followed by three digits, which could be a thousands separator), then the word `ETP`,
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
    public static func value(of text: String) -> CellValue<Double> {
        let trimmed = text.trimmed
        if trimmed.isEmpty { return .missing }
        if trimmed == "??" || trimmed == "?" { return .unknown }
        if trimmed == "/" || trimmed == "-" { return .none }
        return number(in: trimmed).map { .known($0) } ?? .unknown
    }

    /// The cell of a human-resources text at `location`, its value read by ``value(of:)``.
    public static func cell(_ text: String, at location: SourceLocation) -> Cell<Double> {
        Cell(value(of: text), text: text, location: location)
    }

    /// A warning naming `text` when it is neither blank, `??`, `/` nor read as a number of full-time
    /// equivalents; `nil` otherwise.
    static func warning(_ text: String, at location: SourceLocation) -> Diagnostic? {
        let trimmed = text.trimmed
        guard case .unknown = value(of: trimmed), trimmed != "??", trimmed != "?" else { return nil }
        return Diagnostic(
            .unparsedCell, location: location,
            message: "\"\(trimmed)\" is not a number of full-time equivalents PlanKit reads (such as 0,5 ETP); its fte is unknown. Write one number followed by ETP.",
            text: text)
    }

    /// The number before `ETP` at the start of `text`, when nothing else in it is a number.
    static func number(in text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var digits = ""
        while index < scalars.count, scalars[index].properties.numericType != nil || scalars[index] == "," || scalars[index] == "." {
            guard scalars[index].isASCII else { return nil }
            digits.unicodeScalars.append(scalars[index] == "," ? "." : scalars[index])
            index += 1
        }
        // One number: digits, then at most one separator followed by one or two digits.
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, parts.count <= 2, parts.count == 1 || (1...2).contains(parts[1].count),
              let value = Double(digits) else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[index...])).trimmed
        let words = rest.split(whereSeparator: { !$0.isLetter }).map { $0.uppercased() }
        guard words.first == "ETP", !rest.contains(where: \.isNumber) else { return nil }
        return value
    }
}
