import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a workbook's XML part event by event, without building a tree of it.
///
/// The defences of ``XMLElement/parse(_:file:)``: the bytes are settled to UTF-8 first, external
/// entities are never resolved, a document type declaration is refused (office software writes
/// none) and nesting is limited.
enum WorkbookXML {
    /// The deepest nesting a workbook part may have (a sheet nests 6 deep, an ODS cell's text a few more).
    static let maximumDepth = 64

    /// The events of a part, by local name (`table:table-cell` → `table-cell`).
    final class Handler: NSObject, XMLParserDelegate {
        var start: (_ name: Substring, _ attributes: [String: String]) -> Void = { _, _ in }
        var end: (_ name: Substring) -> Void = { _ in }
        var text: (_ text: String) -> Void = { _ in }
        /// An error a callback met; parsing stops at it.
        var error: PlanReadError?
        var depth = 0
        let part: String
        let file: String

        init(part: String, file: String) {
            self.part = part
            self.file = file
        }

        static func local(_ name: String) -> Substring {
            name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
        }

        func fail(_ parser: XMLParser, _ error: PlanReadError) {
            if self.error == nil { self.error = error }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            guard error == nil else { return }
            depth += 1
            if depth > WorkbookXML.maximumDepth {
                fail(parser, PlanReadError(file: file, message: "The workbook's part \(part) nests more than \(WorkbookXML.maximumDepth) elements deep, which no office software writes; the file is not read."))
                return
            }
            start(Self.local(name), attributes)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard error == nil else { return }
            depth -= 1
            end(Self.local(name))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard error == nil else { return }
            text(string)
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            guard error == nil else { return }
            text(String(decoding: data, as: UTF8.self))
        }
    }

    /// An attribute by its local name (`table:name` is found as `name`, `r:id` as `id`).
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes where key.hasSuffix(name) {
            if let colon = key.lastIndex(of: ":"), key[key.index(after: colon)...] == name { return value }
        }
        return nil
    }

    /// Runs `handler` over `bytes`, the part named `part` of the workbook `file`.
    ///
    /// - Throws: ``PlanReadError`` when the part is malformed, declares a document type, nests too
    ///   deep, or when a callback set ``Handler/error``.
    static func parse(_ bytes: [UInt8], part: String, file: String, handler: Handler) throws(PlanReadError) {
        let utf8: [UInt8]
        do { utf8 = XMLElement.blankingDatalessInstructions(try XMLElement.normalizedUTF8(bytes, file: file)) } catch {
            throw PlanReadError(file: file, message: "The workbook's part \(part) is not valid UTF-8 (\(error.message)); the file is damaged. Open it in a spreadsheet program and save it again.")
        }
        if TextFolding.firstOffset(of: Array("<!DOCTYPE".utf8), in: Array(utf8.prefix(4096))) != nil {
            throw PlanReadError(file: file, message: "The workbook's part \(part) declares a document type, which office software never writes; it is not read (it could expand entities without end).")
        }
        let parser = XMLParser(data: Data(utf8))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        let ok = parser.parse()
        if let error = handler.error { throw error }
        guard ok else {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw PlanReadError(
                file: file,
                message: "The workbook's part \(part) is malformed XML at line \(parser.lineNumber), column \(parser.columnNumber) (\(message)); the file is damaged. Open it in a spreadsheet program and save it again.")
        }
    }
}
