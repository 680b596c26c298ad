import Foundation
import ZIPFoundation

/// Writes Office Open XML workbooks (`.xlsx`): sheets of typed cells, zipped with their parts.
///
/// Texts are inline strings (no shared-string table), numbers are numbers, amounts carry a euro
/// number format and days a date format, so Excel, LibreOffice and openpyxl read each cell with
/// its type. A sheet may freeze its first row and put an autofilter on it.
///
/// ```swift
/// var sheet = XLSXWriter.Sheet(name: "Résultat", header: true)
/// sheet.rows = [[.text("id"), .text("total")], [.text("1.2"), .money(Money(cents: 2_000_000))]]
/// let bytes = try XLSXWriter.workbook([sheet])
/// ```
package enum XLSXWriter {
    /// A cell's content and type.
    package enum Value: Sendable, Hashable {
        /// No content: the cell is not written.
        case empty
        /// Text, written as an inline string.
        case text(String)
        /// A number, written as it is given (`12`, `0.5`).
        case number(String)
        /// An amount of euros, with the number format `#,##0.00 €`.
        case money(Money)
        /// A calendar day, with the number format `dd/mm/yyyy`.
        case day(Day)
        /// `TRUE` or `FALSE`.
        case bool(Bool)
    }

    /// A cell: its value, and its fill colour if it has one.
    package struct Cell: Sendable, Hashable {
        /// The content.
        package var value: Value
        /// The fill colour as `#rrggbb` (a pending action's row and its legend line), or `nil`.
        package var fill: String?

        /// A cell holding `value`, filled with `fill` (`#rrggbb`) when given.
        package init(_ value: Value, fill: String? = nil) {
            self.value = value
            self.fill = fill
        }
    }

    /// One sheet of a workbook.
    package struct Sheet: Sendable {
        /// The tab's name as asked; ``workbook(_:)`` makes it valid and unique.
        package var name: String
        /// The rows, from row 1; a row may be shorter than others.
        package var rows: [[Cell]]
        /// Whether row 1 is a header: bold, frozen, with an autofilter over the table.
        package var header: Bool
        /// The width of each column, in characters; columns beyond get the default.
        package var widths: [Double]

        /// A sheet named `name`.
        package init(name: String, rows: [[Cell]] = [], header: Bool = false, widths: [Double] = []) {
            self.name = name
            self.rows = rows
            self.header = header
            self.widths = widths
        }
    }

    /// Why a workbook could not be made (the zip library failed in memory).
    package struct Failure: Error, Sendable, CustomStringConvertible {
        /// What failed.
        package var description: String
    }

    /// The bytes of a workbook holding `sheets` (at least one; an empty list gives one empty sheet).
    ///
    /// - Throws: ``Failure`` when the archive cannot be made.
    package static func workbook(_ sheets: [Sheet]) throws(Failure) -> [UInt8] {
        let sheets = sheets.isEmpty ? [Sheet(name: "Sheet1")] : sheets
        let names = sheetNames(sheets.map(\.name))
        let fills = fills(sheets)
        var fillNumbers: [String: Int] = [:]
        for (index, fill) in fills.enumerated() { fillNumbers[fill] = index + 1 }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(count: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookPart(sheets, names: names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(count: sheets.count)),
            ("xl/styles.xml", styles(fills: fills)),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, fills: fillNumbers)))
        }
        return try zip(parts)
    }

    // MARK: - Sheet names

    /// Valid, unique tab names: at most 31 characters, none of `[]:*?/\`, not blank, no two
    /// equal ignoring case (a later one gets ` (2)`, ` (3)`…).
    static func sheetNames(_ asked: [String]) -> [String] {
        var used = Set<String>()
        var names: [String] = []
        for (index, name) in asked.enumerated() {
            var base = String(name.map { "[]:*?/\\".contains($0) || $0.isNewline ? "_" : $0 })
            base = base.trimmingCharacters(in: .whitespaces)
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty { base = "Sheet\(index + 1)" }
            var candidate = String(base.prefix(31))
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            names.append(candidate)
        }
        return names
    }

    // MARK: - Parts

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(count: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 1...count {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static let rootRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbookPart(_ sheets: [Sheet], names: [String]) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(escaped(name, attribute: true))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        // Excel keeps an autofilter's range in a hidden name of its sheet as well.
        var defined = ""
        for (index, sheet) in sheets.enumerated() {
            guard let range = filterRange(sheet) else { continue }
            let quoted = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'"
            defined += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                + escaped("\(quoted)!\(absolute(range))", attribute: false) + "</definedName>"
        }
        if !defined.isEmpty { xml += "<definedNames>" + defined + "</definedNames>" }
        return xml + "</workbook>"
    }

    private static func workbookRelationships(count: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...count {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// The fill colours of `sheets`' cells, in order of first use, as `RRGGBB`.
    private static func fills(_ sheets: [Sheet]) -> [String] {
        var seen = Set<String>()
        var fills: [String] = []
        for sheet in sheets {
            for row in sheet.rows {
                for cell in row {
                    guard let fill = cell.fill.flatMap(rgb), seen.insert(fill).inserted else { continue }
                    fills.append(fill)
                }
            }
        }
        return fills
    }

    /// `#ffff00` as `FFFF00`; `nil` unless six hexadecimal digits.
    private static func rgb(_ colour: String) -> String? {
        let digits = colour.hasPrefix("#") ? colour.dropFirst() : Substring(colour)
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        return digits.uppercased()
    }

    /// The kinds of cell a style is made for, by offset among a fill's four styles.
    private enum Kind: Int, CaseIterable {
        case plain, money, day, header
    }

    /// The index in `cellXfs` of a cell of `kind` filled with fill number `fill` (0: none).
    private static func style(_ kind: Kind, fill: Int) -> Int { fill * 4 + kind.rawValue }

    /// The styles: for no fill then each fill, a plain, a euro, a date and a bold header style.
    private static func styles(fills: [String]) -> String {
        var xml = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
            + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"#,##0.00\\ &quot;€&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"\(fills.count + 2)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for fill in fills {
            xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(fill)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        xml += "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\((fills.count + 1) * 4)\">"
        for fill in 0...fills.count {
            let fillId = fill == 0 ? 0 : fill + 1
            let applyFill = fill == 0 ? "" : " applyFill=\"1\""
            for kind in Kind.allCases {
                let (format, font) = switch kind {
                case .plain: (0, 0)
                case .money: (164, 0)
                case .day: (165, 0)
                case .header: (0, 1)
                }
                let applyFormat = format == 0 ? "" : " applyNumberFormat=\"1\""
                let applyFont = font == 0 ? "" : " applyFont=\"1\""
                xml += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fillId)\" borderId=\"0\" xfId=\"0\"\(applyFormat)\(applyFont)\(applyFill)/>"
            }
        }
        return xml + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }

    /// The cells an autofilter covers: the header row to the last row, when the sheet has a header.
    private static func filterRange(_ sheet: Sheet) -> String? {
        guard sheet.header, let first = sheet.rows.first, !first.isEmpty else { return nil }
        let columns = sheet.rows.map(\.count).max() ?? first.count
        return "A1:\(columnName(columns - 1))\(max(1, sheet.rows.count))"
    }

    /// `A1:F10` as `$A$1:$F$10`.
    private static func absolute(_ range: String) -> String {
        range.split(separator: ":").map { reference in
            let letters = reference.prefix { $0.isLetter }
            return "$\(letters)$\(reference.dropFirst(letters.count))"
        }.joined(separator: ":")
    }

    private static func worksheet(_ sheet: Sheet, fills: [String: Int]) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        if sheet.header, !sheet.rows.isEmpty {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        } else {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        if !sheet.widths.isEmpty {
            xml += "<cols>"
            for (index, width) in sheet.widths.enumerated() {
                let clamped = min(max(width, 4), 80)
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(String(format: "%.1f", clamped))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            let number = r + 1
            xml += "<row r=\"\(number)\">"
            for (c, cell) in row.enumerated() {
                let fill = cell.fill.flatMap(rgb).flatMap { fills[$0] } ?? 0
                xml += Self.cell(cell, reference: "\(columnName(c))\(number)", header: sheet.header && r == 0, fill: fill)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if let range = filterRange(sheet) { xml += "<autoFilter ref=\"\(range)\"/>" }
        return xml + "</worksheet>"
    }

    private static func cell(_ cell: Cell, reference: String, header: Bool, fill: Int) -> String {
        func style(_ kind: Kind) -> String {
            let index = self.style(header ? .header : kind, fill: fill)
            return index == 0 ? "" : " s=\"\(index)\""
        }
        switch cell.value {
        case .empty:
            return fill == 0 ? "" : "<c r=\"\(reference)\"\(style(.plain))/>"
        case .text(let text):
            return "<c r=\"\(reference)\"\(style(.plain)) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped(text, attribute: false))</t></is></c>"
        case .number(let number):
            return "<c r=\"\(reference)\"\(style(.plain))><v>\(number)</v></c>"
        case .money(let money):
            return "<c r=\"\(reference)\"\(style(.money))><v>\(money.decimalString)</v></c>"
        case .day(let day):
            return "<c r=\"\(reference)\"\(style(.day))><v>\(serial(day))</v></c>"
        case .bool(let value):
            return "<c r=\"\(reference)\"\(style(.plain)) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
        }
    }

    /// The day's serial number in the 1900 date system: days since 1899-12-30.
    static func serial(_ day: Day) -> Int {
        // Days from 1970-01-01 (civil calendar), then the 25 569 days from 1899-12-30 to 1970-01-01.
        let y = day.month <= 2 ? day.year - 1 : day.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = day.month > 2 ? day.month - 3 : day.month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + 25_569
    }

    /// The letters of a 0-based column: 0 → `A`, 26 → `AA`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// `text` for XML: markup escaped; characters XML 1.0 cannot hold (control characters but tab
    /// and line breaks) written `_xHHHH_`, as Excel writes them, and `_x` itself escaped so that
    /// a text holding `_x0041_` reads back as written.
    static func escaped(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "_x000D_"
            case "_" where scalars.first == "x" && !attribute: out += "_x005F_"
            default:
                let value = scalar.value
                if (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0xFFFE || value == 0xFFFF {
                    let hex = String(value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Zips the parts, deflated, in order (`[Content_Types].xml` first).
    private static func zip(_ parts: [(String, String)]) throws(Failure) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            // A fixed date, so that the same workbook gives the same bytes.
            let date = Date(timeIntervalSince1970: 1_577_836_800)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure(description: "the workbook's zip archive was not made") }
            return Array(data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "the workbook's zip archive was not made (\(error))")
        }
    }
}
