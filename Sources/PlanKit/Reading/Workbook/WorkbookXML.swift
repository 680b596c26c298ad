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

    /// The size of the pieces a long sheet is parsed in (``parse(_:part:file:handler:splittingAt:)``).
    static let pieceSize = 4 << 20

    /// Runs `handler` over `bytes`, the part named `part` of the workbook `file`.
    ///
    /// With `splittingAt` (`row`), a part longer than ``pieceSize`` is parsed in pieces cut before
    /// such elements, each wrapped in the part's own start (declaration, root and the element that
    /// holds the rows) and closed: the XML parser never holds more than a piece, and none meets
    /// libxml2's limits on one input.
    ///
    /// - Throws: ``PlanReadError`` when the part is malformed, declares a document type, nests too
    ///   deep, or when a callback set ``Handler/error``.
    static func parse(_ bytes: [UInt8], part: String, file: String, handler: Handler, splittingAt element: String) throws(PlanReadError) {
        let tag = Array("<\(element)".utf8)
        func isTag(at i: Int) -> Bool {
            let next = i + tag.count
            return next < bytes.count && (bytes[next] == Byte.space || bytes[next] == UInt8(ascii: ">") || bytes[next] == UInt8(ascii: "/")
                || bytes[next] == Byte.tab || bytes[next] == Byte.lineFeed || bytes[next] == Byte.carriageReturn)
        }
        func nextTag(from start: Int) -> Int? {
            var i = start
            while let found = TextFolding.firstOffset(of: tag, in: bytes, from: i) {
                if isTag(at: found) { return found }
                i = found + 1
            }
            return nil
        }
        guard bytes.count > pieceSize, let first = nextTag(from: 0) else {
            return try parse(bytes, part: part, file: file, handler: handler)
        }
        // The names of the root and of the element holding the rows, for closing each piece.
        let head = Array(bytes[..<first])
        func startTagNames() -> [String] {
            var names: [String] = []
            var i = 0
            while i < head.count {
                guard head[i] == UInt8(ascii: "<"), i + 1 < head.count else { i += 1; continue }
                let c = head[i + 1]
                if c == UInt8(ascii: "?") || c == UInt8(ascii: "!") || c == UInt8(ascii: "/") { i += 2; continue }
                var j = i + 1
                while j < head.count, !(head[j] == Byte.space || head[j] == UInt8(ascii: ">") || head[j] == UInt8(ascii: "/") || head[j] == Byte.tab || head[j] == Byte.lineFeed || head[j] == Byte.carriageReturn) { j += 1 }
                let end = head[j...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
                if end > 0, head[end - 1] != UInt8(ascii: "/") { names.append(String(decoding: head[(i + 1)..<j], as: UTF8.self)) }
                i = end
            }
            return names
        }
        let names = startTagNames()
        guard names.count >= 2 else { return try parse(bytes, part: part, file: file, handler: handler) }
        let tail = Array("</\(names[names.count - 1])></\(names[0])>".utf8)
        var start = first
        var piece = 0
        while start < bytes.count {
            let cut = start + pieceSize < bytes.count ? nextTag(from: start + pieceSize) ?? bytes.count : bytes.count
            var document = piece == 0 ? Array(bytes[..<cut]) : head + bytes[start..<cut]
            if cut < bytes.count { document += tail }
            try parse(document, part: part, file: file, handler: handler)
            start = cut
            piece += 1
        }
    }

    /// The bytes of the part named `part` as UTF-8 (converted when its declaration names
    /// another encoding, or it starts with a UTF-16 byte order mark); the same array when they
    /// already are.
    ///
    /// - Throws: ``PlanReadError`` when the part is not valid UTF-8 or names an unknown encoding.
    static func settledUTF8(_ bytes: [UInt8], part: String, file: String) throws(PlanReadError) -> [UInt8] {
        do { return try XMLElement.normalizedUTF8(bytes, file: file) } catch {
            throw PlanReadError(file: file, message: "The workbook's part \(part) is not valid UTF-8 (\(error.message)); the file is damaged. Open it in a spreadsheet program and save it again.")
        }
    }

    /// Runs `handler` over `bytes`, the part named `part` of the workbook `file`.
    ///
    /// - Throws: ``PlanReadError`` when the part is malformed, declares a document type, nests too
    ///   deep, or when a callback set ``Handler/error``.
    static func parse(_ bytes: [UInt8], part: String, file: String, handler: Handler) throws(PlanReadError) {
        let utf8 = XMLElement.blankingDatalessInstructions(try settledUTF8(bytes, part: part, file: file))
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
            if utf8.count > pieceSize, parser.lineNumber <= 1 || parser.columnNumber >= utf8.count / 2 {
                // Foundation's parser gives up at the end of a long input that it read whole.
                throw PlanReadError(file: file, message: "The workbook's part \(part) is \(utf8.count >> 20) MiB, more than the XML parser reads in one piece; save the workbook as .xlsx (whose sheets PlanKit reads in pieces), or split it into smaller workbooks.")
            }
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw PlanReadError(
                file: file,
                message: "The workbook's part \(part) is malformed XML at line \(parser.lineNumber), column \(parser.columnNumber) (\(message)); the file is damaged. Open it in a spreadsheet program and save it again.")
        }
    }
}
