#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a workbook's XML part byte by byte, one event at a time, without building a `String`
/// per name, attribute or text: names, attribute values and texts are ranges of the part's bytes,
/// and a text is decoded (its entities resolved) only when a reader asks for it.
///
/// It checks what a reader of office files needs to trust its events: tags are closed in the
/// order they opened, names and attributes are well formed, nesting is at most
/// ``WorkbookXML/maximumDepth``, a document type is refused, and the part ends with its root
/// closed. Anything else is a ``PlanReadError`` naming the part, the line and the column.
struct XMLScanner {
    /// What ``next()`` found.
    enum Event { case start, end, text, finished }

    let bytes: [UInt8]
    let part: String
    let file: String
    private(set) var position = 0
    /// The local name of the element that starts or ends (`x:row` → `row`).
    private(set) var name: Range<Int> = 0..<0
    /// The text found: raw bytes, entities unresolved (CDATA: ``textIsRaw``).
    private(set) var text: Range<Int> = 0..<0
    /// Whether the text is a CDATA section's, whose `&` are not entities.
    private(set) var textIsRaw = false
    /// The attributes of the element that starts: qualified names (`r:id`) and raw values, the
    /// first ``attributeCount`` of each (the arrays keep their room from tag to tag).
    private(set) var attributeNames: [Range<Int>] = []
    private(set) var attributeValues: [Range<Int>] = []
    private(set) var attributeCount = 0
    /// The qualified names of the open elements.
    private var open: [Range<Int>] = []
    /// An element written `<x/>`: its end comes at the next call.
    private var pendingEnd = false
    private var sawRoot = false

    init(_ bytes: [UInt8], part: String, file: String) {
        self.bytes = bytes
        self.part = part
        self.file = file
        open.reserveCapacity(WorkbookXML.maximumDepth)
    }

    /// How deep the scanner is: the number of open elements.
    var depth: Int { open.count }

    /// The next event.
    ///
    /// - Throws: ``PlanReadError`` at the first place the part is not well-formed XML.
    mutating func next() throws(PlanReadError) -> Event {
        if pendingEnd {
            pendingEnd = false
            open.removeLast()
            return .end
        }
        let count = bytes.count
        while position < count {
            if bytes[position] != UInt8(ascii: "<") {
                // A text, up to the next tag.
                let start = position
                var i = position
                while i < count, bytes[i] != UInt8(ascii: "<") { i += 1 }
                position = i
                if open.isEmpty {
                    // Outside the root only white space may stand.
                    for k in start..<i where !Self.isSpace(bytes[k]) { throw malformed(at: k, "text outside the root element") }
                    continue
                }
                text = start..<i
                textIsRaw = false
                return .text
            }
            guard position + 1 < count else { throw malformed(at: position, "the part ends inside a tag") }
            switch bytes[position + 1] {
            case UInt8(ascii: "/"): return try endTag()
            case UInt8(ascii: "?"):
                guard let end = find(Self.instructionEnd, from: position + 2) else { throw malformed(at: position, "a processing instruction is never closed") }
                position = end + 2
            case UInt8(ascii: "!"):
                if starts(Self.commentStart, at: position) {
                    guard let end = find(Self.commentEnd, from: position + 4) else { throw malformed(at: position, "a comment is never closed") }
                    position = end + 3
                } else if starts(Self.cdataStart, at: position) {
                    guard !open.isEmpty else { throw malformed(at: position, "a CDATA section outside the root element") }
                    guard let end = find(Self.cdataEnd, from: position + 9) else { throw malformed(at: position, "a CDATA section is never closed") }
                    text = (position + 9)..<end
                    textIsRaw = true
                    position = end + 3
                    return .text
                } else if starts(Self.doctype, at: position) {
                    throw PlanReadError(file: file, message: "The workbook's part \(part) declares a document type, which office software never writes; it is not read (it could expand entities without end).")
                } else {
                    throw malformed(at: position, "an unknown declaration")
                }
            default: return try startTag()
            }
        }
        if let last = open.last {
            throw malformed(at: count, "the part ends before <\(String(decoding: bytes[last], as: UTF8.self))> is closed: it is truncated")
        }
        guard sawRoot else { throw malformed(at: count, "the part holds no element") }
        return .finished
    }

    /// The start tag at `position`: its name and attributes.
    private mutating func startTag() throws(PlanReadError) -> Event {
        let count = bytes.count
        let nameStart = position + 1
        var i = nameStart
        guard Self.isNameStart(bytes[i]) else { throw malformed(at: i, "a tag's name starts with an unexpected character") }
        var local = i
        while i < count, Self.isNameByte(bytes[i]) {
            if bytes[i] == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        let qualified = nameStart..<i
        name = local..<i
        attributeCount = 0
        while true {
            let beforeSpace = i
            while i < count, Self.isSpace(bytes[i]) { i += 1 }
            guard i < count else { throw malformed(at: count, "the part ends inside a tag: it is truncated") }
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") { i += 1; break }
            if byte == UInt8(ascii: "/") {
                guard i + 1 < count, bytes[i + 1] == UInt8(ascii: ">") else { throw malformed(at: i, "\"/\" not followed by \">\" in a tag") }
                i += 2
                pendingEnd = true
                break
            }
            guard i > beforeSpace, Self.isNameStart(byte) else { throw malformed(at: i, "an unexpected character in a tag") }
            // An attribute: name = "value".
            let attributeStart = i
            while i < count, Self.isNameByte(bytes[i]) { i += 1 }
            let attributeEnd = i
            while i < count, Self.isSpace(bytes[i]) { i += 1 }
            guard i < count, bytes[i] == UInt8(ascii: "=") else { throw malformed(at: min(i, count), "an attribute without a value") }
            i += 1
            while i < count, Self.isSpace(bytes[i]) { i += 1 }
            guard i < count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                throw malformed(at: min(i, count), "an attribute's value is not quoted")
            }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < count, bytes[i] != quote {
                if bytes[i] == UInt8(ascii: "<") { throw malformed(at: i, "\"<\" in an attribute's value") }
                i += 1
            }
            guard i < count else { throw malformed(at: count, "the part ends inside an attribute's value: it is truncated") }
            // `xmlns:x` declarations are kept too; readers look attributes up by local name.
            if attributeCount < attributeNames.count {
                attributeNames[attributeCount] = attributeStart..<attributeEnd
                attributeValues[attributeCount] = valueStart..<i
            } else {
                attributeNames.append(attributeStart..<attributeEnd)
                attributeValues.append(valueStart..<i)
            }
            attributeCount += 1
            i += 1
        }
        if open.isEmpty {
            guard !sawRoot else { throw malformed(at: position, "a second root element") }
            sawRoot = true
        }
        guard open.count < WorkbookXML.maximumDepth else {
            throw PlanReadError(file: file, message: "The workbook's part \(part) nests more than \(WorkbookXML.maximumDepth) elements deep, which no office software writes; the file is not read.")
        }
        open.append(qualified)
        position = i
        return .start
    }

    /// The end tag at `position`, which must close the last element opened.
    private mutating func endTag() throws(PlanReadError) -> Event {
        let count = bytes.count
        let nameStart = position + 2
        var i = nameStart
        var local = i
        while i < count, Self.isNameByte(bytes[i]) {
            if bytes[i] == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        let nameEnd = i
        while i < count, Self.isSpace(bytes[i]) { i += 1 }
        guard i < count, bytes[i] == UInt8(ascii: ">") else {
            throw malformed(at: min(i, count), i < count ? "an unexpected character in an end tag" : "the part ends inside a tag: it is truncated")
        }
        guard let last = open.last else { throw malformed(at: position, "an end tag with no element open") }
        guard bytes[last].elementsEqual(bytes[nameStart..<nameEnd]) else {
            throw malformed(at: position, "</\(String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self))> closes <\(String(decoding: bytes[last], as: UTF8.self))>")
        }
        open.removeLast()
        name = local..<nameEnd
        position = i + 1
        return .end
    }

    // MARK: Reading what an event found

    /// Whether the current element's local name is `expected`.
    func nameIs(_ expected: StaticString) -> Bool {
        Self.equal(bytes, name, expected)
    }

    /// The raw value of the current start tag's attribute with local name `attribute`.
    func attribute(_ attribute: StaticString) -> Range<Int>? {
        let length = attribute.utf8CodeUnitCount
        for k in 0..<attributeCount {
            let name = attributeNames[k]
            if name.count == length {
                if Self.equal(bytes, name, attribute) { return attributeValues[k] }
            } else if name.count > length, bytes[name.upperBound - length - 1] == UInt8(ascii: ":"),
                      Self.equal(bytes, (name.upperBound - length)..<name.upperBound, attribute) {
                return attributeValues[k]
            }
        }
        return nil
    }

    /// The attributes of the element that starts, by qualified name, their values decoded.
    func attributeDictionary() throws(PlanReadError) -> [String: String] {
        var attributes: [String: String] = [:]
        var value: [UInt8] = []
        for k in 0..<attributeCount {
            value.removeAll(keepingCapacity: true)
            try appendDecoded(attributeValues[k], raw: false, attribute: true, to: &value)
            attributes[String(decoding: bytes[attributeNames[k]], as: UTF8.self)] = String(decoding: value, as: UTF8.self)
        }
        return attributes
    }

    /// Appends the current text to `out`, its entities resolved.
    func appendText(to out: inout [UInt8]) throws(PlanReadError) {
        try appendDecoded(text, raw: textIsRaw, to: &out)
    }

    /// Appends `range` of the part to `out`, entities and character references resolved unless
    /// `raw`, and line ends (`\r\n`, `\r`) read as line feeds, as XML reads them.
    /// In an attribute's value (`attribute`), a tab or a line end reads as a space.
    func appendDecoded(_ range: Range<Int>, raw: Bool, attribute: Bool = false, to out: inout [UInt8]) throws(PlanReadError) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            var j = i
            if attribute {
                while j < end, bytes[j] != UInt8(ascii: "&"), bytes[j] != Byte.carriageReturn, bytes[j] != Byte.lineFeed, bytes[j] != Byte.tab { j += 1 }
            } else {
                while j < end, bytes[j] != UInt8(ascii: "&"), bytes[j] != Byte.carriageReturn { j += 1 }
            }
            if j > i { out.append(contentsOf: bytes[i..<j]) }
            guard j < end else { break }
            if bytes[j] != UInt8(ascii: "&") {
                out.append(attribute ? Byte.space : Byte.lineFeed)
                i = bytes[j] == Byte.carriageReturn && j + 1 < end && bytes[j + 1] == Byte.lineFeed ? j + 2 : j + 1
                continue
            }
            if raw {
                out.append(UInt8(ascii: "&"))
                i = j + 1
                continue
            }
            // An entity: up to `;`, within a few bytes.
            var k = j + 1
            while k < end, k - j <= 12, bytes[k] != UInt8(ascii: ";") { k += 1 }
            guard k < end, bytes[k] == UInt8(ascii: ";") else { throw malformed(at: j, "\"&\" that starts no entity") }
            let entity = bytes[(j + 1)..<k]
            let range = (j + 1)..<k
            if Self.equal(bytes, range, "amp") { out.append(UInt8(ascii: "&")) }
            else if Self.equal(bytes, range, "lt") { out.append(UInt8(ascii: "<")) }
            else if Self.equal(bytes, range, "gt") { out.append(UInt8(ascii: ">")) }
            else if Self.equal(bytes, range, "quot") { out.append(UInt8(ascii: "\"")) }
            else if Self.equal(bytes, range, "apos") { out.append(UInt8(ascii: "'")) }
            else if entity.first == UInt8(ascii: "#"), let scalar = Self.characterReference(entity.dropFirst()) {
                out.append(contentsOf: String(Character(scalar)).utf8)
            } else {
                throw malformed(at: j, "an unknown entity &\(String(decoding: entity, as: UTF8.self));")
            }
            i = k + 1
        }
    }

    /// The character `#x41` or `#65` names (the `#` already dropped), if XML allows it.
    private static func characterReference(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var value: UInt32 = 0
        var hex = false
        var rest = digits
        if rest.first == UInt8(ascii: "x") { hex = true; rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 8 else { return nil }
        for byte in rest {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * (hex ? 16 : 10) + digit
        }
        // XML's characters: tab, line feed, carriage return, and from the space on (no surrogates).
        guard value == 9 || value == 10 || value == 13 || value >= 0x20, let scalar = Unicode.Scalar(value),
              !(0xFFFE...0xFFFF).contains(value) else { return nil }
        return scalar
    }

    /// The error at byte `offset`: the part, the line and the column (in characters), and why.
    func malformed(at offset: Int, _ reason: String) -> PlanReadError {
        let at = min(max(0, offset), bytes.count)
        var line = 1, lineStart = 0
        for k in 0..<at where bytes[k] == Byte.lineFeed {
            line += 1
            lineStart = k + 1
        }
        let column = String(decoding: bytes[lineStart..<at], as: UTF8.self).unicodeScalars.count + 1
        return PlanReadError(
            file: file,
            message: "The workbook's part \(part) is malformed XML at line \(line), column \(column) (\(reason)); the file is damaged. Open it in a spreadsheet program and save it again.")
    }

    // MARK: Bytes

    private static let instructionEnd: [UInt8] = Array("?>".utf8)
    private static let commentStart: [UInt8] = Array("<!--".utf8)
    private static let commentEnd: [UInt8] = Array("-->".utf8)
    private static let cdataStart: [UInt8] = Array("<![CDATA[".utf8)
    private static let cdataEnd: [UInt8] = Array("]]>".utf8)
    private static let doctype: [UInt8] = Array("<!DOCTYPE".utf8)

    private func starts(_ pattern: [UInt8], at i: Int) -> Bool {
        i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern)
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        Self.find(pattern, in: bytes, from: start)
    }

    /// The offset of the first `pattern` in `bytes` at or after `start`: its first byte found
    /// with `memchr`, the rest compared with `memcmp`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start >= 0, !pattern.isEmpty, start + pattern.count <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack -> Int? in
            pattern.withUnsafeBufferPointer { needle -> Int? in
                guard let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return nil }
                let last = haystack.count - needle.count
                var i = start
                while i <= last {
                    guard let found = memchr(base + i, Int32(needleBase[0]), last - i + 1) else { return nil }
                    let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, needleBase, needle.count) == 0 { return offset }
                    i = offset + 1
                }
                return nil
            }
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == Byte.space || byte == Byte.tab || byte == Byte.lineFeed || byte == Byte.carriageReturn
    }

    /// Whether `byte` may start a name: a letter, `_`, `:`, or any byte of a multi-byte character.
    static func isNameStart(_ byte: UInt8) -> Bool {
        ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    /// Whether `byte` may continue a name: also digits, `-` and `.`.
    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Whether `range` of `bytes` holds the ASCII text `expected`.
    static func equal(_ bytes: [UInt8], _ range: Range<Int>, _ expected: StaticString) -> Bool {
        guard range.count == expected.utf8CodeUnitCount else { return false }
        let pointer = expected.utf8Start
        var k = 0
        for i in range {
            if bytes[i] != pointer[k] { return false }
            k += 1
        }
        return true
    }
}
