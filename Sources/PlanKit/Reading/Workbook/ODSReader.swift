import Foundation

/// Reads the sheets of an OpenDocument spreadsheet (`.ods`), one row at a time, in one pass over
/// `content.xml`. Repeated rows and columns (`number-rows-repeated`) are counted, not expanded,
/// unless they hold something.
struct ODSReader {
    let archive: WorkbookArchive
    let file: String
    let content: [UInt8]
    /// The workbook's sheets, in order, read ahead from the tables' start tags.
    let sheets: [WorkbookSheet]

    init(archive: WorkbookArchive, file: String) throws(PlanReadError) {
        self.archive = archive
        self.file = file
        guard let content = try archive.read("content.xml") else {
            throw PlanReadError(file: file, message: "This OpenDocument file has no content.xml: it is damaged. Open it in a spreadsheet program and save it again.")
        }
        self.content = content
        sheets = Self.tableNames(content).map { WorkbookSheet(name: $0, hidden: false) }
    }

    /// The names of the tables, from their start tags (`<table:table table:name="…"`).
    static func tableNames(_ bytes: [UInt8]) -> [String] {
        var names: [String] = []
        let tag = Array("<table:table ".utf8), key = Array("table:name=\"".utf8)
        var i = 0
        while let found = TextFolding.firstOffset(of: tag, in: bytes, from: i) {
            let tagEnd = bytes[found...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            if let name = TextFolding.firstOffset(of: key, in: Array(bytes[found..<tagEnd]), from: 0) {
                let start = found + name + key.count
                let end = bytes[start..<tagEnd].firstIndex(of: UInt8(ascii: "\"")) ?? tagEnd
                names.append(Self.unescaped(String(decoding: bytes[start..<end], as: UTF8.self)))
            }
            i = tagEnd
        }
        return names
    }

    /// The five XML entities and numeric references, resolved.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let code = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let code, let scalar = Unicode.Scalar(code) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// How finely a date style shows its date, from the parts it shows (`day`, `month`,
    /// `quarter`, `year`, `hours`…): a month and a year are a month, a quarter and a year a
    /// quarter, a year alone a year; anything else the day.
    static func granularity(_ parts: Set<String>) -> CellFormat.DateGranularity {
        let day = parts.contains("day") || parts.contains("hours") || parts.contains("minutes") || parts.contains("seconds")
        guard !day, parts.contains("year") else { return .day }
        return parts.contains("month") ? .month : parts.contains("quarter") ? .quarter : .year
    }

    /// The granularity of the date styles a part defines (`styles.xml`), by name.
    static func dateStyles(_ bytes: [UInt8], file: String) throws(PlanReadError) -> [String: CellFormat.DateGranularity] {
        var styles: [String: CellFormat.DateGranularity] = [:]
        var current: String?, parts: Set<String> = []
        let handler = WorkbookXML.Handler(part: "styles.xml", file: file)
        handler.start = { name, attributes in
            switch name {
            case "date-style":
                current = WorkbookXML.attribute(attributes, "name")
                parts = []
            case "day", "month", "year", "quarter", "hours", "minutes", "seconds":
                if current != nil { parts.insert(String(name)) }
            default: break
            }
        }
        handler.end = { name in
            guard name == "date-style" else { return }
            if let current { styles[current] = granularity(parts) }
            current = nil
        }
        try WorkbookXML.parse(bytes, part: "styles.xml", file: file, handler: handler)
        return styles
    }

    /// Reads the sheets `plans` holds a plan for (by index), handing each its rows.
    func read(into plans: [Int: SheetPlan]) throws(PlanReadError) {
        var hiddenTableStyles: Set<String> = []
        var cellFills: [String: String] = [:]
        var styleName: String?, styleFamily = ""
        // Date formats' granularity (a month, a year), by cell style, through their data styles.
        var dataStyleOfCellStyle: [String: String] = [:]
        var dateStyles = try archive.read("styles.xml").map { bytes throws(PlanReadError) in try Self.dateStyles(bytes, file: file) } ?? [:]
        var dateStyle: String?, dateParts: Set<String> = []
        // The columns' default cell styles, for cells that name none: (first column, style).
        var columnStyles: [(first: Int, style: String)] = [], nextColumn = 0
        var tableIndex = -1
        var sink: SheetPlan?
        var rows = SheetRows()
        var rowNumber = 0, rowRepeat = 1, rowHidden = false
        var column = 0
        // The cell being read.
        var cellRepeat = 1, cellRowsSpanned = 1, cellText = "", cellValue: String?, cellNumber: String?, cellFormula: String?, cellFill: String?
        var paragraphs = 0, inCell = false, ignored = 0
        let handler = WorkbookXML.Handler(part: "content.xml", file: file)
        handler.start = { name, attributes in
            if ignored > 0 { ignored += 1; return }
            switch name {
            case "style":
                styleName = WorkbookXML.attribute(attributes, "name")
                styleFamily = WorkbookXML.attribute(attributes, "family") ?? ""
                if styleFamily == "table-cell", let styleName, let data = WorkbookXML.attribute(attributes, "data-style-name") {
                    dataStyleOfCellStyle[styleName] = data
                }
            case "date-style":
                dateStyle = WorkbookXML.attribute(attributes, "name")
                dateParts = []
            case "day", "month", "year", "quarter", "hours", "minutes", "seconds":
                if dateStyle != nil { dateParts.insert(String(name)) }
            case "table-column":
                if let style = WorkbookXML.attribute(attributes, "default-cell-style-name") { columnStyles.append((nextColumn, style)) }
                nextColumn += min(max(1, Int(WorkbookXML.attribute(attributes, "number-columns-repeated") ?? "1") ?? 1), 1 << 16)            case "table-properties":
                if styleFamily == "table", WorkbookXML.attribute(attributes, "display") == "false", let styleName { hiddenTableStyles.insert(styleName) }
            case "table-cell-properties":
                if styleFamily == "table-cell", let styleName, let colour = WorkbookXML.attribute(attributes, "background-color"), colour != "transparent" {
                    cellFills[styleName] = colour.lowercased()
                }
            case "table":
                tableIndex += 1
                rowNumber = 0
                columnStyles = []
                nextColumn = 0
                rows = SheetRows()
                sink = plans[tableIndex]
                if let sink, let style = WorkbookXML.attribute(attributes, "style-name"), hiddenTableStyles.contains(style) {
                    sink.markHidden()
                }
            case "table-row":
                // Repetitions are held to a sheet's size: no arithmetic overflows.
                rowRepeat = min(max(1, Int(WorkbookXML.attribute(attributes, "number-rows-repeated") ?? "1") ?? 1), 1 << 21)
                let visibility = WorkbookXML.attribute(attributes, "visibility") ?? "visible"
                rowHidden = visibility != "visible"
                column = 0
                rowNumber += 1
            case "table-cell", "covered-table-cell":
                inCell = true
                cellRepeat = min(max(1, Int(WorkbookXML.attribute(attributes, "number-columns-repeated") ?? "1") ?? 1), 1 << 16)
                cellRowsSpanned = name == "table-cell" ? min(max(1, Int(WorkbookXML.attribute(attributes, "number-rows-spanned") ?? "1") ?? 1), 1 << 21) : 1
                cellText = ""
                paragraphs = 0
                cellFormula = WorkbookXML.attribute(attributes, "formula")
                let cellStyle = WorkbookXML.attribute(attributes, "style-name")
                cellFill = cellStyle.flatMap { cellFills[$0] }
                cellNumber = nil
                switch WorkbookXML.attribute(attributes, "value-type") {
                case "float", "percentage", "currency":
                    cellValue = WorkbookXML.attribute(attributes, "value").map { WorkbookValue.number($0) }
                    // Rounded to the decimals the cell shows, once its text is read.
                    if WorkbookXML.attribute(attributes, "value-type") != "percentage" { cellNumber = WorkbookXML.attribute(attributes, "value") }
                case "date":
                    let style = cellStyle ?? columnStyles.last(where: { $0.first <= column })?.style
                    let granularity = style.flatMap { dataStyleOfCellStyle[$0] }.flatMap { dateStyles[$0] } ?? .day
                    cellValue = WorkbookXML.attribute(attributes, "date-value").map { WorkbookValue.isoDate($0).map { WorkbookValue.date($0, granularity: granularity) } ?? $0 }
                case "boolean":
                    cellValue = WorkbookXML.attribute(attributes, "boolean-value").map { $0 == "true" ? "TRUE" : "FALSE" }
                case "string":
                    cellValue = WorkbookXML.attribute(attributes, "string-value")
                case nil: cellValue = nil
                default: cellValue = nil  // time: the text shown
                }
            case "annotation", "note", "tracked-changes", "shapes", "forms", "frame":
                ignored = 1
            case "p", "h":
                if inCell {
                    if paragraphs > 0 { cellText += "\n" }
                    paragraphs += 1
                }
            case "s":
                if inCell { cellText += String(repeating: " ", count: max(1, Int(WorkbookXML.attribute(attributes, "c") ?? "1") ?? 1)) }
            case "tab":
                if inCell { cellText += "\t" }
            case "line-break":
                if inCell { cellText += "\n" }
            default: break
            }
        }
        handler.text = { text in
            if ignored == 0, inCell, paragraphs > 0 { cellText += text }
        }
        handler.end = { name in
            if ignored > 0 { ignored -= 1; return }
            switch name {
            case "style": styleName = nil; styleFamily = ""
            case "date-style":
                if let dateStyle { dateStyles[dateStyle] = Self.granularity(dateParts) }
                dateStyle = nil
            case "table-cell", "covered-table-cell":
                inCell = false
                defer { column += cellRepeat }
                guard let sink else { return }
                if let cellNumber { cellValue = WorkbookValue.number(cellNumber, shown: cellText) }
                var text = cellValue ?? cellText
                var blank = !text.utf8.contains(where: { $0 > Byte.space })
                if let cellFormula, cellValue == nil, blank {
                    // Its value is not known: a total that counted it as blank would look complete.
                    text = "??"
                    blank = false
                    sink.warn(Diagnostic(
                        .formulaWithoutValue, location: sink.location(row: rowNumber, column: column),
                        message: WorkbookValue.formulaWithoutValueMessage,
                        text: cellFormula.hasPrefix("of:") ? String(cellFormula.dropFirst(3)) : cellFormula))
                }
                if blank && cellFill == nil { return }
                if column + (blank ? 1 : cellRepeat) > SheetRows.maximumColumns {
                    if blank { return }
                    sink.fail(PlanReadError(
                        location: sink.location(row: rowNumber, column: min(column, SheetRows.maximumColumns)),
                        message: "This cell lies beyond the \(SheetRows.maximumColumns) columns PlanKit reads; move the plan's table to the left, or delete what lies beyond."))
                    return
                }
                // A fill repeated over blank cells to the sheet's end is one cell's fill.
                for c in column..<(column + (blank ? 1 : cellRepeat)) {
                    rows.add(column: c, text: text, fill: cellFill)
                    if cellRowsSpanned > 1 { rows.mergeDown(column: c, row: rowNumber, lastRow: rowNumber + cellRowsSpanned - 1) }
                }
            case "table-row":
                if rowNumber > 1 << 30 { rowNumber = 1 << 30 }
                let first = rowNumber
                rowNumber += rowRepeat - 1
                guard let sink else { rows.cells.removeAll(); return }
                let hasText = rows.cells.contains { $0.text.utf8.contains { $0 > Byte.space } }
                let mergeEnd = rows.mergedDown.map(\.lastRow).max() ?? 0
                if !hasText && mergeEnd < first {
                    rows.cells.removeAll()
                    return
                }
                // A row that holds something, repeated: each repetition is a row (up to the most a
                // sheet has); blank rows only as far as a value merged down reaches.
                let last = hasText ? min(rowNumber, max(first, 1_048_576)) : min(rowNumber, mergeEnd)
                // Each repetition copies the row's cells: held to a limit before any is made.
                rows.repeatedCells += (last - first) * rows.cells.count
                if rows.repeatedCells > SheetRows.maximumRepeatedCells || sink.error != nil {
                    if sink.error == nil { sink.fail(SheetRows.repeatedCellsError(at: sink.location(row: first, column: rows.cells.map(\.column).min() ?? 0))) }
                    rows.cells.removeAll()
                    return
                }
                for number in first...last {
                    let saved = rows.cells
                    let (row, fills) = rows.finish(number: number)
                    sink.consume(row, fills: fills, hidden: rowHidden)
                    if rows.repeatedCells > SheetRows.maximumRepeatedCells {
                        sink.fail(SheetRows.repeatedCellsError(at: sink.location(row: number, column: 0)))
                        break
                    }
                    if number < last { rows.cells = saved }
                }
                rows.cells.removeAll()
            case "table":
                sink = nil
            default: break
            }
        }
        try WorkbookXML.parse(content, part: "content.xml", file: file, handler: handler)
    }
}
