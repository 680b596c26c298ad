/// A budget article such as `84022/332-01`: function, economic code and sub-code.
///
/// The function's first three digits are its main function (`840`); the economic code and
/// sub-code (`332-01`) are looked up in the official chart, ``EconomicCode/table``.
public struct BudgetArticle: Sendable, Hashable, Codable {
    /// The code as written in a plan: `84022/332-01`, with `.2019` when a year is attached.
    public let code: String
    /// The main function: the function's first three characters (`840`), or the whole function
    /// when it is shorter.
    public var mainFunction: String {
        // Three digits followed by an ASCII byte (or nothing) are three characters.
        var bytes = code.utf8.makeIterator()
        let a = bytes.next() ?? 0, b = bytes.next() ?? 0, c = bytes.next() ?? 0, d = bytes.next() ?? 0
        if functionLength >= 3, a &- UInt8(ascii: "0") < 10, b &- UInt8(ascii: "0") < 10, c &- UInt8(ascii: "0") < 10, functionLength == 3 || d < Byte.firstNonASCII {
            return String(unsafeUninitializedCapacity: 3) { $0[0] = a; $0[1] = b; $0[2] = c; return 3 }
        }
        return String(function.prefix(3))
    }
    /// The UTF-8 lengths of the function, the economic code and the sub-code within ``code``,
    /// which holds them as `FUNCTION/ECONOMIC-SUB[.YEAR]`: the parts are read from it, so an
    /// article is its code and three numbers.
    private let functionLength: UInt32, economicLength: UInt32, subCodeLength: UInt32
    /// Whether ``code`` ends with `.YEAR`.
    private let hasYear: Bool

    /// The function code, e.g. `84022`.
    public var function: String { part(0, Int(functionLength)) }
    /// The economic code, e.g. `332`.
    public var economic: String { part(Int(functionLength) + 1, Int(economicLength)) }
    /// The sub-code, e.g. `01`.
    public var subCode: String { part(Int(functionLength) + Int(economicLength) + 2, Int(subCodeLength)) }
    /// A budget year suffix as eComptes writes it (`.2019`), if any.
    public var year: Int? {
        guard hasYear else { return nil }
        return Int(part(codeWithoutYearLength + 1, code.utf8.count - codeWithoutYearLength - 1))
    }
    /// The code without its year: `FUNCTION/ECONOMIC-SUB`.
    var codeWithoutYear: String { hasYear ? part(0, codeWithoutYearLength) : code }

    private var codeWithoutYearLength: Int { Int(functionLength) + Int(economicLength) + Int(subCodeLength) + 2 }

    /// The `count` UTF-8 bytes of ``code`` from `start`, which always fall on character boundaries.
    private func part(_ start: Int, _ count: Int) -> String {
        // The lengths always fit in the code; clamped all the same, so that nothing reads past it.
        let size = code.utf8.count
        let range = min(max(start, 0), size)..<min(max(start + count, max(start, 0)), size)
        return code.utf8.withContiguousStorageIfAvailable { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        } ?? String(decoding: Array(code.utf8)[range], as: UTF8.self)
    }

    /// Creates an article from its parts.
    public init(function: String, economic: String, subCode: String, year: Int? = nil) {
        self.init(code: "\(function)/\(economic)-\(subCode)" + (year.map { ".\($0)" } ?? ""),
                  function: function.utf8.count, economic: economic.utf8.count, subCode: subCode.utf8.count,
                  hasYear: year != nil)
    }

    /// Creates an article from its code and the UTF-8 lengths of its parts.
    private init(code: String, function: Int, economic: Int, subCode: Int, hasYear: Bool) {
        self.code = code
        // A part is shorter than the string holding it, which is shorter than 4 GiB.
        functionLength = UInt32(truncatingIfNeeded: function)
        economicLength = UInt32(truncatingIfNeeded: economic)
        subCodeLength = UInt32(truncatingIfNeeded: subCode)
        self.hasYear = hasYear
    }

    private enum CodingKeys: String, CodingKey { case function, economic, subCode, year }

    /// Decodes the four parts; the code is derived.
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
            while index < bytes.count, Byte.isASCIIDigit(bytes[index]) { index += 1 }
            return index > start ? start..<index : nil
        }
        func skipSpaces() { while index < bytes.count, bytes[index] == Byte.space { index += 1; spaced = true } }
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
        // The code as `init(function:economic:subCode:year:)` writes it: the bytes themselves
        // when no space sits inside.
        var code: String
        if !spaced || bytes[start..<end].firstIndex(of: Byte.space) == nil {
            code = string(start..<end)
        } else {
            code = string(function) + "/" + string(economic) + "-" + string(sub)
            if let year { code += "." + string(year) }
        }
        self.init(code: code, function: function.count, economic: economic.count, subCode: sub.count, hasYear: year != nil)
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
    public var economicCode: String { part(Int(functionLength) + 1, Int(economicLength) + Int(subCodeLength) + 1) }

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
