import Foundation

/// Reads the sheets of an Office Open XML workbook (`.xlsx`), one row at a time.
struct XLSXReader {
    let archive: WorkbookArchive
    let file: String
    /// The workbook's sheets, in order.
    private(set) var sheets: [WorkbookSheet] = []
    private var parts: [String] = []
    private var date1904 = false
    private var sharedStrings: [String] = []
    /// What each cell format (`s="3"`) shows of a number, and its fill's key.
    private var formatShows: [CellFormat] = []
    private var formatFill: [String?] = []

    init(archive: WorkbookArchive, file: String) throws(PlanReadError) {
        self.archive = archive
        self.file = file
        let workbookPart = try officeDocument()
        let directory = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relations = try relationships(of: workbookPart)
        guard let workbook = try archive.read(workbookPart) else {
            throw PlanReadError(file: file, message: "This workbook has no \(workbookPart): it is damaged. Open it in a spreadsheet program and save it again.")
        }
        let handler = WorkbookXML.Handler(part: workbookPart, file: file)
        var found: [(WorkbookSheet, String)] = []
        var date1904 = false
        handler.start = { name, attributes in
            if name == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
            guard name == "sheet" else { return }
            let state = attributes["state"] ?? "visible"
            let id = WorkbookXML.attribute(attributes, "id") ?? ""
            let relation = relations[id]
            let isChart = relation?.type.hasSuffix("/chartsheet") ?? false
            found.append((WorkbookSheet(name: attributes["name"] ?? "", hidden: state != "visible", chart: isChart),
                          relation.map { Self.resolve($0.target, in: directory) } ?? ""))
        }
        try WorkbookXML.parse(workbook, part: workbookPart, file: file, handler: handler)
        self.date1904 = date1904
        sheets = found.map(\.0)
        parts = found.map(\.1)
        if let shared = relations.values.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            try readSharedStrings(Self.resolve(shared.target, in: directory))
        }
        if let styles = relations.values.first(where: { $0.type.hasSuffix("/styles") }) {
            try readStyles(Self.resolve(styles.target, in: directory))
        }
    }

    /// A relationship's target as a path in the archive: relative to `directory`, or absolute.
    static func resolve(_ target: String, in directory: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = directory.isEmpty ? [] : directory.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// The workbook part `_rels/.rels` names, else `xl/workbook.xml`.
    private func officeDocument() throws(PlanReadError) -> String {
        let relations = try relationships(of: "")
        return relations.values.first { $0.type.hasSuffix("/officeDocument") }.map { Self.resolve($0.target, in: "") } ?? "xl/workbook.xml"
    }

    /// The relationships of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`) by id.
    private func relationships(of part: String) throws(PlanReadError) -> [String: (type: String, target: String)] {
        var components = part.split(separator: "/").map(String.init)
        let name = components.popLast() ?? ""
        let path = (components + ["_rels", name + ".rels"]).joined(separator: "/")
        guard let bytes = try archive.read(path) else { return [:] }
        var relations: [String: (type: String, target: String)] = [:]
        let handler = WorkbookXML.Handler(part: path, file: file)
        handler.start = { name, attributes in
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            relations[id] = (attributes["Type"] ?? "", target)
        }
        try WorkbookXML.parse(bytes, part: path, file: file, handler: handler)
        return relations
    }

    /// Reads the shared strings: each `si`'s text, its runs (`r`) joined, phonetic runs (`rPh`) left out.
    private mutating func readSharedStrings(_ path: String) throws(PlanReadError) {
        guard let bytes = try archive.read(path) else { return }
        var scanner = XMLScanner(try WorkbookXML.settledUTF8(bytes, part: path, file: file), part: path, file: file)
        var strings: [String] = []
        var current: [UInt8] = []
        var inText = false, phonetic = 0
        loop: while true {
            switch try scanner.next() {
            case .start:
                if scanner.nameIs("si") { current.removeAll(keepingCapacity: true) }
                else if scanner.nameIs("t") { inText = phonetic == 0 }
                else if scanner.nameIs("rPh") { phonetic += 1 }
            case .end:
                if scanner.nameIs("si") { strings.append(Self.text(current)) }
                else if scanner.nameIs("t") { inText = false }
                else if scanner.nameIs("rPh") { phonetic -= 1 }
            case .text:
                if inText { try scanner.appendText(to: &current) }
            case .finished: break loop
            }
        }
        sharedStrings = strings
    }

    /// Reads which cell formats show dates (built-in formats 14-22, 27-36, 45-47, 50-58, and
    /// custom ones whose code has day, month or year letters) and each format's fill.
    private mutating func readStyles(_ path: String) throws(PlanReadError) {
        guard let bytes = try archive.read(path) else { return }
        var custom: [Int: CellFormat] = [:]
        var fills: [String?] = []
        var formats: [(numFmt: Int, fill: Int)] = []
        var section = ""
        var inFill = false, solid = false
        var fillColor: String?
        let handler = WorkbookXML.Handler(part: path, file: file)
        handler.start = { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }) {
                    custom[id] = CellFormat(code: attributes["formatCode"] ?? "")
                }
            case "fills", "cellXfs", "cellStyleXfs", "dxfs": section = String(name)
            case "fill" where section == "fills":
                inFill = true
                solid = false
                fillColor = nil
            case "patternFill" where inFill:
                solid = (attributes["patternType"] ?? "none") != "none"
            case "fgColor" where inFill && fillColor == nil:
                if let rgb = attributes["rgb"] {
                    fillColor = "#" + String(rgb.suffix(6)).lowercased()
                } else if let theme = attributes["theme"] {
                    fillColor = "theme \(theme)" + (attributes["tint"].map { " tint \($0)" } ?? "")
                } else if let indexed = attributes["indexed"] {
                    fillColor = "indexed \(indexed)"
                }
            case "xf" where section == "cellXfs":
                formats.append((Int(attributes["numFmtId"] ?? "0") ?? 0, Int(attributes["fillId"] ?? "0") ?? 0))
            default: break
            }
        }
        handler.end = { name in
            switch name {
            case "fills", "cellXfs", "cellStyleXfs", "dxfs": section = ""
            case "fill" where inFill:
                inFill = false
                // `indexed 64` is the system's foreground: no colour of the workbook's own.
                fills.append(solid && fillColor != "indexed 64" ? fillColor : nil)
            default: break
            }
        }
        try WorkbookXML.parse(bytes, part: path, file: file, handler: handler)
        formatShows = formats.map { custom[$0.numFmt] ?? CellFormat(builtIn: $0.numFmt) }
        formatFill = formats.map { $0.fill < fills.count ? fills[$0.fill] : nil }
    }

    /// Whether a number format code shows a date or a time: it has `d`, `m`, `y`, `h` or `s`
    /// outside quoted text, escapes and brackets (`[Red]`, `[$-80C]`), in its first section.
    static func isDateFormat(_ code: String) -> Bool {
        CellFormat(code: code).isDate
    }

    /// The text of a cell's bytes (entities resolved), with Excel's escapes resolved
    /// (``unescaped(_:)``) when it holds any.
    static func text(_ bytes: [UInt8]) -> String {
        var plain = true
        if let first = bytes.firstIndex(where: { $0 == UInt8(ascii: "_") || $0 == Byte.carriageReturn }) {
            for i in first..<bytes.count where bytes[i] == Byte.carriageReturn || (bytes[i] == UInt8(ascii: "_") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "x")) {
                plain = false
                break
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return plain ? text : unescaped(text)
    }

    /// Excel's escapes of characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_x000D_`
    /// the text `_x000D_`. Line ends become line feeds, as in text exports.
    static func unescaped(_ text: String) -> String {
        var result = text
        if result.contains("_x") {
            var out = ""
            var rest = Substring(result)
            while let range = rest.range(of: "_x") {
                out += rest[..<range.lowerBound]
                let after = rest[range.upperBound...]
                let hex = after.prefix(4)
                if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                    rest = after.dropFirst(5)
                } else {
                    out += "_x"
                    rest = after
                }
            }
            out += rest
            result = out
        }
        if result.contains("\r") {
            result = result.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return result
    }

    /// The merged ranges a sheet lists after its rows: (first column, first row, last column, last row).
    static func mergedRanges(_ bytes: [UInt8]) -> [(Int, Int, Int, Int)] {
        // They follow the rows: looked for backwards from the end, up to the rows' end.
        let merge = Array("<mergeCells".utf8), rowsEnd = Array("</sheetData>".utf8)
        var start: Int?
        var k = bytes.count - merge.count
        while k >= 0 {
            if bytes[k] == UInt8(ascii: "<") {
                if bytes[k..<(k + merge.count)].elementsEqual(merge) { start = k; break }
                if k + rowsEnd.count <= bytes.count, bytes[k..<(k + rowsEnd.count)].elementsEqual(rowsEnd) { break }
            }
            k -= 1
        }
        // A sheet without `</sheetData>` (written `<sheetData/>`, or damaged) is searched whole.
        if start == nil, k < 0 { start = XMLScanner.find(merge, in: bytes, from: 0) }
        guard let start else { return [] }
        var ranges: [(Int, Int, Int, Int)] = []
        let key = Array("ref=\"".utf8)
        var i = start
        while let found = XMLScanner.find(key, in: bytes, from: i) {
            let valueStart = found + key.count
            guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let parts = String(decoding: bytes[valueStart..<end], as: UTF8.self).split(separator: ":")
            if parts.count == 2, let a = SheetRows.reference(String(parts[0])), let b = SheetRows.reference(String(parts[1])) {
                ranges.append((a.column, a.row, b.column, b.row))
            }
            i = end
        }
        return ranges
    }

    /// Reads the sheet at `index`, handing each row to `sink`.
    func read(sheet index: Int, into sink: SheetPlan) throws(PlanReadError) {
        let path = parts[index]
        guard !path.isEmpty, let bytes = try archive.read(path) else {
            throw PlanReadError(file: sink.file, message: "This sheet's part is missing from the workbook: it is damaged. Open it in a spreadsheet program and save it again.")
        }
        var scanner = XMLScanner(try WorkbookXML.settledUTF8(bytes, part: path, file: file), part: path, file: file)
        // Values merged down several rows belong to each; merged across, to the first column only.
        var mergedDown: [Int: [(column: Int, lastRow: Int)]] = [:]
        for (firstColumn, firstRow, _, lastRow) in Self.mergedRanges(scanner.bytes) where lastRow > firstRow {
            mergedDown[firstRow, default: []].append((firstColumn, lastRow))
        }
        var rows = SheetRows()
        var rowNumber = 0, rowHidden = false
        var cell = CellReading()
        var capture: Capture = .none, phonetic = 0
        loop: while true {
            switch try scanner.next() {
            case .start:
                if scanner.nameIs("c") {
                    cell.column = scanner.attribute("r").flatMap { SheetRows.reference(utf8: scanner.bytes[$0])?.column } ?? cell.column + 1
                    cell.type = scanner.attribute("t").map { CellType(scanner.bytes, $0) } ?? .number
                    cell.style = scanner.attribute("s").flatMap { Self.integer(scanner.bytes[$0]) } ?? 0
                    cell.hasFormula = false
                    cell.hasValue = false
                    cell.formula.removeAll(keepingCapacity: true)
                    cell.value.removeAll(keepingCapacity: true)
                    cell.inline.removeAll(keepingCapacity: true)
                } else if scanner.nameIs("v") {
                    capture = .value
                    cell.hasValue = true
                } else if scanner.nameIs("f") {
                    capture = .formula
                    cell.hasFormula = true
                } else if scanner.nameIs("t") {
                    capture = phonetic == 0 ? .inline : .none
                } else if scanner.nameIs("row") {
                    // Row numbers past a sheet's last (1 048 576) are held there: no arithmetic overflows.
                    rowNumber = min(scanner.attribute("r").flatMap { Self.integer(scanner.bytes[$0]) }.map { max(1, $0) } ?? rowNumber + 1, 1 << 30)
                    rowHidden = scanner.attribute("hidden").map { Self.isTrue(scanner.bytes[$0]) } ?? false
                    cell.column = -1
                } else if scanner.nameIs("rPh") {
                    phonetic += 1
                }
            case .text:
                switch capture {
                case .value: try scanner.appendText(to: &cell.value)
                case .inline: try scanner.appendText(to: &cell.inline)
                case .formula: try scanner.appendText(to: &cell.formula)
                case .none: break
                }
            case .end:
                if scanner.nameIs("c") {
                    readCell(cell, row: rowNumber, into: &rows, sink: sink)
                    if let merges = mergedDown[rowNumber] {
                        for merge in merges where merge.column == cell.column { rows.mergeDown(column: cell.column, row: rowNumber, lastRow: merge.lastRow) }
                    }
                } else if scanner.nameIs("v") || scanner.nameIs("t") || scanner.nameIs("f") {
                    capture = .none
                } else if scanner.nameIs("row") {
                    let (row, fills) = rows.finish(number: rowNumber)
                    sink.consume(row, fills: fills, hidden: rowHidden)
                    if rows.repeatedCells > SheetRows.maximumRepeatedCells {
                        throw SheetRows.repeatedCellsError(at: sink.location(row: rowNumber, column: 0))
                    }
                } else if scanner.nameIs("rPh") {
                    phonetic -= 1
                }
            case .finished: break loop
            }
        }
    }

    /// Adds the cell just read to `rows`, its value rendered as a text export shows it.
    private func readCell(_ cell: CellReading, row rowNumber: Int, into rows: inout SheetRows, sink: SheetPlan) {
        let fill = cell.style < formatFill.count ? formatFill[cell.style] : nil
        let format = cell.style < formatShows.count ? formatShows[cell.style] : .general
        var text = ""
        switch cell.type {
        case .shared:
            if let index = Self.integer(Self.trimmed(cell.value)), index < sharedStrings.count {
                text = sharedStrings[index]
            } else if !cell.value.isEmpty {
                // A damaged workbook: the cell says something, but not what. Unknown, never blank.
                text = "??"
                sink.warn(Diagnostic(
                    .unparsedCell, location: sink.location(row: rowNumber, column: cell.column),
                    message: "This cell points at shared string \(String(decoding: Self.trimmed(cell.value), as: UTF8.self)), but the workbook holds \(sharedStrings.count); its text is lost, and it counts as unknown (??). The workbook is damaged: open it in a spreadsheet program, check the cell and save it again.",
                    text: String(decoding: cell.value, as: UTF8.self)))
            }
        case .inline: text = Self.text(cell.inline)
        case .string: text = Self.text(cell.value)
        case .boolean: text = cell.hasValue ? (Self.trimmed(cell.value).elementsEqual(CollectionOfOne(UInt8(ascii: "1"))) ? "TRUE" : "FALSE") : ""
        case .date:
            let value = String(decoding: cell.value, as: UTF8.self)
            text = cell.hasValue ? WorkbookValue.isoDate(value.trimmed).map { WorkbookValue.date($0, granularity: format.granularity) } ?? value : ""
        case .number:
            if !cell.value.isEmpty {
                if !format.isDate, Self.isPlainInteger(cell.value) {
                    text = String(decoding: cell.value, as: UTF8.self)
                } else {
                    let value = String(decoding: cell.value, as: UTF8.self)
                    text = format.isDate
                        ? WorkbookValue.serialDate(value, date1904: date1904).map { WorkbookValue.date($0, granularity: format.granularity) } ?? value
                        : WorkbookValue.number(value, decimals: format.decimals)
                }
            }
        }
        if cell.hasFormula, cell.value.isEmpty, cell.type != .inline {
            // Its value is not known: a total that counted it as blank would look complete.
            text = "??"
            sink.warn(Diagnostic(
                .formulaWithoutValue, location: sink.location(row: rowNumber, column: cell.column),
                message: WorkbookValue.formulaWithoutValueMessage,
                text: "=" + String(decoding: cell.formula, as: UTF8.self)))
        }
        if cell.column >= SheetRows.maximumColumns {
            // A blank cell out there (a format applied to whole rows) holds nothing.
            guard text.utf8.contains(where: { $0 > Byte.space }) else { return }
            sink.fail(PlanReadError(
                location: sink.location(row: rowNumber, column: cell.column),
                message: "This cell lies beyond the \(SheetRows.maximumColumns) columns PlanKit reads; move the plan's table to the left, or delete what lies beyond."))
            return
        }
        rows.add(column: cell.column, text: text, fill: fill)
    }

    /// A non-negative decimal integer written in `bytes` (at most 18 digits), else `nil`.
    static func integer<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether `bytes` write an integer as ``WorkbookValue/number(_:)`` renders it: an optional
    /// `-`, then 1 to 15 digits without a leading zero (`0` alone), not `-0`.
    static func isPlainInteger(_ bytes: [UInt8]) -> Bool {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first, digits.count <= 15, first != UInt8(ascii: "0") || (digits.count == 1 && bytes.count == 1) else { return false }
        return digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `bytes` without the white space around them.
    static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while let first = slice.first, XMLScanner.isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, XMLScanner.isSpace(last) { slice = slice.dropLast() }
        return slice
    }

    /// Whether an attribute's bytes say true (`1` or `true`).
    static func isTrue(_ bytes: ArraySlice<UInt8>) -> Bool {
        (bytes.count == 1 && bytes.first == UInt8(ascii: "1")) || bytes.elementsEqual([0x74, 0x72, 0x75, 0x65])  // "true"
    }

    /// A cell's type, from its `t` attribute.
    enum CellType {
        case number, shared, inline, string, boolean, date

        init(_ bytes: [UInt8], _ range: Range<Int>) {
            switch range.count {
            case 1 where bytes[range.lowerBound] == UInt8(ascii: "s"): self = .shared
            case 1 where bytes[range.lowerBound] == UInt8(ascii: "b"): self = .boolean
            case 1 where bytes[range.lowerBound] == UInt8(ascii: "d"): self = .date
            case 1 where bytes[range.lowerBound] == UInt8(ascii: "e"): self = .string
            case 3 where XMLScanner.equal(bytes, range, "str"): self = .string
            case 9 where XMLScanner.equal(bytes, range, "inlineStr"): self = .inline
            default: self = .number
            }
        }
    }

    /// The cell being read: its place, type and style, and its formula, value and inline text as bytes.
    struct CellReading {
        var column = -1
        var type = CellType.number
        var style = 0
        var hasFormula = false
        var hasValue = false
        var formula: [UInt8] = []
        var value: [UInt8] = []
        var inline: [UInt8] = []
    }

    private enum Capture { case none, formula, value, inline }
}

/// A sheet of a workbook: its name, and whether it is hidden or a chart.
struct WorkbookSheet {
    var name: String
    var hidden: Bool
    var chart = false
}
