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
        try checkEncoding([UInt8](data), file: file)
        let delegate = TreeBuilder(file: file)
        let parser = XMLParser(data: data)
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

    /// Refuses a document that claims UTF-8 (or claims nothing) but is not valid UTF-8.
    ///
    /// Foundation's XML parser stops the program on an element name with invalid UTF-8, so the
    /// bytes are checked first. UTF-16 with a BOM and declared single-byte encodings (ISO-8859-1,
    /// Windows-1252) are left to libxml2, which converts them.
    static func checkEncoding(_ bytes: [UInt8], file: String) throws(PlanReadError) {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
        if let declaration = head.range(of: "encoding=") {
            let value = head[declaration.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
            if value.hasPrefix("iso-8859") || value.hasPrefix("latin") || value.hasPrefix("windows-125") { return }
        }
        var line = 1, column = 1
        var index = 0
        while index < bytes.count {
            let b = bytes[index]
            let length = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF ? 2 : (b >= 0xE0 && b <= 0xEF ? 3 : (b >= 0xF0 && b <= 0xF4 ? 4 : 0)))
            var valid = length > 0 && index + length <= bytes.count
            if valid && length > 1 {
                for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 { valid = false }
                if valid, length >= 3 {
                    // No overlong forms, no surrogates, nothing beyond U+10FFFF.
                    let second = bytes[index + 1]
                    if b == 0xE0 && second < 0xA0 || b == 0xED && second > 0x9F || b == 0xF0 && second < 0x90 || b == 0xF4 && second > 0x8F { valid = false }
                }
            }
            guard valid else {
                throw PlanReadError(
                    location: SourceLocation(file: file, line: line, column: column),
                    message: "This XML is not valid UTF-8 here; save the export as UTF-8, or declare its real encoding (encoding=\"ISO-8859-1\").")
            }
            if b == 10 { line += 1; column = 1 } else { column += 1 }
            index += length
        }
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
