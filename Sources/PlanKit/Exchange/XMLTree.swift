import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small XML element tree, each element knowing its line and column.
final class XMLElement {
    let name: String
    let attributes: [String: String]
    let location: SourceLocation
    var children: [XMLElement] = []
    var text = ""

    init(name: String, attributes: [String: String], location: SourceLocation) {
        self.name = name
        self.attributes = attributes
        self.location = location
    }

    /// The first child named `name`.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The children named `name`.
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The trimmed text of the child named `name`, or `nil` when absent.
    func value(_ name: String) -> String? { child(name)?.text.trimmed }

    /// Parses `data` into a tree.
    ///
    /// - Throws: ``PlanReadError`` at the line and column where the XML is malformed.
    static func parse(_ data: Data, file: String) throws(PlanReadError) -> XMLElement {
        let utf8 = blankingDatalessInstructions(try normalizedUTF8([UInt8](data), file: file))
        let delegate = TreeBuilder(file: file)
        let parser = XMLParser(data: Data(utf8))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.error { throw error }
        guard ok, let root = delegate.root else {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw PlanReadError(
                location: SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)),
                message: "This XML is malformed (\(message)); check the file is a complete eComptes export.")
        }
        return root
    }

    /// The document with every processing instruction that has a target and no data (`<?v?>`)
    /// replaced by spaces.
    ///
    /// libxml2 hands such an instruction to Foundation's parser with no data, which Foundation
    /// reads as a C string and the program stops. Processing instructions carry nothing PlanKit
    /// reads; blanking keeps every other byte, so lines and columns stay true. Comments and CDATA
    /// sections are left as they are; a declaration (`<?xml version=…?>`) has data and is kept.
    static func blankingDatalessInstructions(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        func starts(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern)
        }
        /// Past the first `end` from `i`, or the end of the document.
        func skip(past end: [UInt8], from i: Int) -> Int {
            TextFolding.firstOffset(of: end, in: bytes, from: i).map { $0 + end.count } ?? bytes.count
        }
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts(Markup.commentStart, at: i) { i = skip(past: Markup.commentEnd, from: i + 4); continue }
            if starts(Markup.cdataStart, at: i) { i = skip(past: Markup.cdataEnd, from: i + 9); continue }
            guard bytes[i + 1] == UInt8(ascii: "?") else { i += 1; continue }
            // The target runs to white space or `?`; with `?>` right after it, there is no data.
            var j = i + 2
            while j < bytes.count, bytes[j] != UInt8(ascii: "?"), bytes[j] != UInt8(ascii: ">"),
                  !Byte.isSpaceOrLineBreak(bytes[j]) { j += 1 }
            if starts(Markup.instructionEnd, at: j) {
                for k in i..<(j + 2) where bytes[k] != Byte.lineFeed { bytes[k] = Byte.space }
                i = j + 2
            } else {
                i += 2
            }
        }
        return bytes
    }

    /// The markers ``blankingDatalessInstructions(_:)`` looks for.
    private enum Markup {
        static let commentStart = Array("<!--".utf8), commentEnd = Array("-->".utf8)
        static let cdataStart = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8)
        static let instructionEnd = Array("?>".utf8)
    }

    /// The document as valid UTF-8 with no encoding declared, ready for Foundation's parser.
    ///
    /// Foundation's XML parser stops the program on element names or processing instructions
    /// holding invalid UTF-8, so every byte is settled here first: UTF-16 (with a BOM) and the
    /// single-byte encodings an XML declaration may name (ISO-8859-1, Windows-1252) are converted,
    /// and anything else must be valid UTF-8.
    ///
    /// - Throws: ``PlanReadError`` at the first byte that is not valid UTF-8, or for an encoding
    ///   PlanKit does not convert.
    static func normalizedUTF8(_ input: [UInt8], file: String) throws(PlanReadError) -> [UInt8] {
        var bytes = input
        var converted = false
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            bytes = TextEncoding.decode(bytes)?.utf8 ?? []
            converted = true
        } else if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        // The XML declaration, when the document starts with one.
        var declarationEnd = 0
        var encoding: String?
        if bytes.starts(with: Array("<?xml".utf8)) {
            var i = 5
            while i + 1 < min(bytes.count, 300), !(bytes[i] == UInt8(ascii: "?") && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
            if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "?") {
                declarationEnd = i + 2
                let declaration = String(decoding: bytes[..<declarationEnd], as: UTF8.self).lowercased()
                if let range = declaration.range(of: "encoding=") {
                    encoding = String(declaration[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" })
                }
            }
        }
        if !converted, let encoding, !["utf-8", "utf8"].contains(encoding) {
            switch encoding {
            case "iso-8859-1", "latin1", "latin-1", "iso_8859-1", "us-ascii", "ascii":
                var scalars = String.UnicodeScalarView()
                for byte in bytes[declarationEnd...] { scalars.append(Unicode.Scalar(byte)) }
                bytes = Array(bytes[..<declarationEnd]) + Array(String(scalars).utf8)
            case "windows-1252", "cp1252", "iso-8859-15":
                bytes = Array(bytes[..<declarationEnd]) + TextEncoding.windows1252(Array(bytes[declarationEnd...]))
            default:
                throw PlanReadError(location: SourceLocation(file: file, line: 1, column: 1),
                                    message: "The encoding \"\(encoding)\" is not one PlanKit converts; save the export as UTF-8.")
            }
            converted = true
        }
        if converted, declarationEnd > 0 {
            // The bytes are UTF-8 now: say nothing of an encoding, keeping the declaration's length.
            let plain = Array("<?xml version=\"1.0\"?>".utf8)
            let end = min(declarationEnd, bytes.count)
            bytes.replaceSubrange(0..<end, with: plain + Array(repeating: Byte.space, count: max(0, end - plain.count)))
        }
        if let bad = TextEncoding.firstInvalidUTF8(bytes) {
            // Line and column of the offending byte, counting characters.
            let before = bytes[..<bad]
            let line = before.reduce(1) { $1 == Byte.lineFeed ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: Byte.lineFeed).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
            throw PlanReadError(
                location: SourceLocation(file: file, line: line, column: column),
                message: "This XML is not valid UTF-8 here; save the export as UTF-8, or declare its real encoding (encoding=\"ISO-8859-1\").")
        }
        return bytes
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        let file: String
        var stack: [XMLElement] = []
        var root: XMLElement?
        var error: PlanReadError?
        static let maximumDepth = 64

        init(file: String) { self.file = file }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = XMLElement(name: name, attributes: attributes,
                                     location: SourceLocation(file: file, line: parser.lineNumber, column: max(1, parser.columnNumber)))
            if stack.count >= Self.maximumDepth {
                error = PlanReadError(location: element.location, message: "The XML nests more than \(Self.maximumDepth) elements deep; an eComptes export needs far fewer.")
                parser.abortParsing()
                return
            }
            stack.last?.children.append(element)
            if stack.isEmpty { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            stack.last?.text += String(decoding: data, as: UTF8.self)
        }
    }
}
