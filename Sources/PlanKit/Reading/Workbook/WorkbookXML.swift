/// Parses a workbook's XML part event by event, without building a tree of it, with
/// ``XMLScanner``: external entities are never resolved, a document type declaration is refused
/// (office software writes none) and nesting is limited.
enum WorkbookXML {
    /// The deepest nesting a workbook part may have (a sheet nests 6 deep, an ODS cell's text a few more).
    static let maximumDepth = 64

    /// The events of a part, by local name (`table:table-cell` → `table-cell`), its attributes
    /// by qualified name, its texts decoded.
    final class Handler {
        var start: (_ name: Substring, _ attributes: [String: String]) -> Void = { _, _ in }
        var end: (_ name: Substring) -> Void = { _ in }
        var text: (_ text: String) -> Void = { _ in }
        /// An error a callback met; parsing stops at it.
        var error: PlanReadError?
        let part: String
        let file: String

        init(part: String, file: String) {
            self.part = part
            self.file = file
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
        var scanner = XMLScanner(try settledUTF8(bytes, part: part, file: file), part: part, file: file)
        var text: [UInt8] = []
        while true {
            switch try scanner.next() {
            case .start:
                handler.start(Substring(String(decoding: scanner.bytes[scanner.name], as: UTF8.self)), try scanner.attributeDictionary())
            case .end:
                handler.end(Substring(String(decoding: scanner.bytes[scanner.name], as: UTF8.self)))
            case .text:
                text.removeAll(keepingCapacity: true)
                try scanner.appendText(to: &text)
                handler.text(String(decoding: text, as: UTF8.self))
            case .finished:
                return
            }
            if let error = handler.error { throw error }
        }
    }
}
