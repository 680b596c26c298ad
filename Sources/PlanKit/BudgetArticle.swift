/// A budget article such as `84022/332-01`: function, economic code and sub-code.
///
/// The function's first three digits are its main function (`840`); the economic code and
/// sub-code (`332-01`) are looked up in the official chart, ``EconomicCode/table``.
public struct BudgetArticle: Sendable, Hashable, Codable {
    /// The function code, e.g. `84022`.
    public let function: String
    /// The economic code, e.g. `332`.
    public let economic: String
    /// The sub-code, e.g. `01`.
    public let subCode: String
    /// A budget year suffix as eComptes writes it (`.2019`), if any.
    public let year: Int?
    /// The code as written in a plan: `84022/332-01`, with `.2019` when a year is attached.
    public let code: String
    /// The main function: the function's first three digits.
    public let mainFunction: String

    /// Creates an article from its parts.
    public init(function: String, economic: String, subCode: String, year: Int? = nil) {
        self.function = function
        self.economic = economic
        self.subCode = subCode
        self.year = year
        code = "\(function)/\(economic)-\(subCode)" + (year.map { ".\($0)" } ?? "")
        mainFunction = String(function.prefix(3))
    }

    /// Creates an article whose code and main function are already made.
    private init(function: String, economic: String, subCode: String, year: Int?, code: String, mainFunction: String) {
        self.function = function
        self.economic = economic
        self.subCode = subCode
        self.year = year
        self.code = code
        self.mainFunction = mainFunction
    }

    private enum CodingKeys: String, CodingKey { case function, economic, subCode, year }

    /// Decodes the four parts; the code and main function are derived.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(function: try c.decode(String.self, forKey: .function), economic: try c.decode(String.self, forKey: .economic),
                  subCode: try c.decode(String.self, forKey: .subCode), year: try c.decodeIfPresent(Int.self, forKey: .year))
    }

    /// Encodes the four parts.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(function, forKey: .function)
        try c.encode(economic, forKey: .economic)
        try c.encode(subCode, forKey: .subCode)
        try c.encodeIfPresent(year, forKey: .year)
    }

    /// Parses `FUNCTION/ECONOMIC-SUB` with an optional `.YEAR`, spaces around `/` allowed.
    ///
    /// Returns `nil` when `text` is not exactly an article code.
    public init?(parsing text: some StringProtocol) {
        var text = String(text)
        guard let article = text.withUTF8({ BudgetArticle(utf8: $0) }) else { return nil }
        self = article
    }

    /// ``init(parsing:)`` on UTF-8 bytes.
    init?(utf8 bytes: ArraySlice<UInt8>) {
        guard let article = bytes.withUnsafeBufferPointer({ BudgetArticle(utf8: $0) }) else { return nil }
        self = article
    }

    /// ``init(parsing:)`` on UTF-8 bytes.
    private init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var spaced = false
        func digits() -> Range<Int>? {
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            return index > start ? start..<index : nil
        }
        func skipSpaces() { while index < bytes.count, bytes[index] == 32 { index += 1; spaced = true } }
        skipSpaces()
        let start = index
        guard let function = digits() else { return nil }
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "/") else { return nil }
        index += 1
        skipSpaces()
        guard let economic = digits(), economic.count == 3,
              index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return nil }
        index += 1
        guard let sub = digits(), sub.count == 2 else { return nil }
        var year: Range<Int>?
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard let y = digits(), y.count == 4 else { return nil }
            year = y
        }
        let end = index
        skipSpaces()
        guard index == bytes.count else { return nil }
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        let functionText = string(function), economicText = string(economic), subText = string(sub)
        // The code as `init(function:economic:subCode:year:)` writes it: the bytes themselves
        // when no space sits inside.
        var code: String
        if !spaced || bytes[start..<end].firstIndex(of: 32) == nil {
            code = string(start..<end)
        } else {
            code = functionText + "/" + economicText + "-" + subText
            if let year { code += "." + string(year) }
        }
        // Four digits: the year cannot overflow.
        let yearValue = year.map { range in range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) } }
        self.init(
            function: functionText, economic: economicText, subCode: subText, year: yearValue, code: code,
            mainFunction: string(function.lowerBound..<min(function.upperBound, function.lowerBound + 3)))
    }

    /// Reads an article code leniently, as eComptes exports may write it (`xxx/wal-13.2019`):
    /// `FUNCTION/ECONOMIC-SUB[.YEAR]` with any characters but `/` and `-` in each part.
    ///
    /// Returns `nil` when the code lacks the `/` or the `-`.
    public init?(lenient text: some StringProtocol) {
        if let strict = BudgetArticle(parsing: text) { self = strict; return }
        let code = text.trimmed
        guard let slash = code.firstIndex(of: "/"), let dash = code[slash...].firstIndex(of: "-") else { return nil }
        let function = String(code[..<slash]).trimmed
        let economic = String(code[code.index(after: slash)..<dash]).trimmed
        var sub = String(code[code.index(after: dash)...]).trimmed
        var year: Int?
        if let dot = sub.lastIndex(of: "."), let y = Int(sub[sub.index(after: dot)...]), sub.distance(from: dot, to: sub.endIndex) == 5 {
            year = y
            sub = String(sub[..<dot])
        }
        guard !function.isEmpty, !economic.isEmpty, !sub.isEmpty else { return nil }
        self.init(function: function, economic: economic, subCode: sub, year: year)
    }

    /// The economic code with its sub-code, e.g. `332-01`.
    public var economicCode: String { "\(economic)-\(subCode)" }

    /// The official entry for the economic code, if the chart lists it.
    public var official: EconomicCode? { EconomicCode.lookup(economicCode) }

    /// The service the article belongs to: the official chart's, else by sub-code
    /// (01-50 ordinary, 51-60 and above extraordinary).
    public var service: BudgetKind {
        if let official { return official.service }
        return (Int(subCode) ?? 0) > 50 ? .extraordinary : .ordinary
    }

}

extension BudgetArticle: CustomStringConvertible {
    /// The article's code.
    public var description: String { code }
}
