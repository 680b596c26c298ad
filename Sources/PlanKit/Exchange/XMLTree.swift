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
