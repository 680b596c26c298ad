import Foundation
import Testing
@testable import PlanKit

/// Workbooks (`.xlsx`, `.ods`) written by real office software: `Scripts/generate-workbook-fixtures.sh`.
@Suite struct WorkbookTests {
    static func workbook(_ name: String) -> String { Fixtures.path("workbooks/\(name)") }

    /// A plan's JSON without what says where it was read: locations and sources.
    static func placeless(_ plans: [Plan]) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "location" && !$0.key.hasSuffix("Location") && $0.key != "source" }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let object = try JSONSerialization.jsonObject(with: Data(try PlanKitJSON.encode(plans)))
        let data = try JSONSerialization.data(withJSONObject: strip(object), options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    static let twins: [(String, String)] = [
        ("pst-citoyennete.tsv", "pst-citoyennete"), ("pcs-citoyenneville.tsv", "pcs-citoyenneville"),
        ("pst-cohesion.tsv", "pst-cohesion"), ("pst-faults.tsv", "pst-faults"), ("pst-forms.csv", "pst-forms"),
        ("iapst-export.tsv", "iapst-export"), ("plan-action-template.tsv", "plan-action-template"),
    ]

    /// Every text fixture reads the same from its `.xlsx` and `.ods` twins, written by LibreOffice:
    /// the same plan, warnings and all, but for where things are.
    @Test(arguments: twins, ["xlsx", "ods"])
    func twinReadsAsItsText(_ twin: (String, String), _ format: String) throws {
        let text = try PlanReader().read(path: Fixtures.path(twin.0))
        let book = try PlanReader().read(path: Self.workbook("\(twin.1).\(format)"))
        #expect(book.count == 1)
        #expect(try Self.placeless(book) == Self.placeless(text))
        #expect(book.first?.source == Self.workbook("\(twin.1).\(format)") + "#\(twin.1)")
        #expect(book.first?.warnings.count == text.first?.warnings.count)
    }

    @Test func seedCellsAreLocatedByReference() throws {
        let plan = try #require(try PlanReader().read(path: Self.workbook("pst-citoyennete.xlsx")).first)
        let file = Self.workbook("pst-citoyennete.xlsx")
        #expect(plan.name == "pst-citoyennete")
        #expect(plan.domain == "CITOYENNETE")
        let action = try #require(plan.action("1.1"))
        #expect(action.location.description == "\(file)#pst-citoyennete!C12")
        #expect(action.deadline.location.description == "\(file)#pst-citoyennete!G12")
        #expect(action.deadline.location.cell == "G12")
        #expect(action.deadline.text == "2020")
    }

    static let bookWarnings = [
        "FILE#Couverture!A1: warning: This sheet is skipped: it holds no plan table PlanKit reads (No plan table found: expected a header row (\"Politique en charge\", \"Échéance\", \"Budget ordinaire\"…) and rows starting with \"Objectif stratégique\", \"Objectif opérationnel N.\" or \"Action N.M.\". PlanKit also reads iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), and a commune's own template described in a layout file (--layout).) [read.sheet-skipped]",
    ]

    /// Several sheets: each that holds a plan is one, named after its sheet; fills, merged cells,
    /// dates, formulas, hidden rows and sheets, as LibreOffice saved them.
    @Test(arguments: ["xlsx", "ods"])
    func severalSheets(_ format: String) throws {
        let file = Self.workbook("book.\(format)")
        let plans = try PlanReader().read(path: file)
        #expect(plans.map(\.name) == ["Citoyennete", "Environnement", "Brouillon"])
        #expect(plans.map(\.domain) == ["CITOYENNETE", "ENVIRONNEMENT", "BROUILLON"])
        #expect(plans.map(\.source) == ["\(file)#Citoyennete", "\(file)#Environnement", "\(file)#Brouillon"])
        let citoyennete = plans[0]
        #expect(citoyennete.actions.map(\.id) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"])
        // A number, a date serial with a date style, a deadline merged down two rows, text.
        #expect(citoyennete.actions.map(\.deadline.text) == ["2020", "30/06/2021", "2e sem. 2020", "2e sem. 2020", "Mai 2022", "2023"])
        #expect(citoyennete.action("1.2")?.deadline.value == .known(.day(30, month: 6, year: 2021)))
        #expect(citoyennete.action("1.4")?.deadline.location.description == "\(file)#Citoyennete!G12")
        // The legend's yellow means awaiting the Collège: the yellow row is pending.
        #expect(citoyennete.actions.map(\.pending) == [false, true, false, false, false, false])
        #expect(citoyennete.legend == ["En attente confirmation/précision du Collège communal", "colour #ffff00: En attente confirmation/précision du Collège communal"])
        // A formula, by the value LibreOffice computed; rich text runs joined.
        #expect(citoyennete.action("1.5")?.ordinaryBudget.text == "5000")
        #expect(citoyennete.objectives[0].operationalObjectives[0].title == "Favoriser la participation citoyenne active")
        // A strategic objective merged across the row: read once, the covered cells blank.
        #expect(citoyennete.objectives[0].title == "Etre une commune qui place le citoyen au cœur de ses projets")
        #expect(citoyennete.warnings.map(\.description) == [
            "\(file)#Citoyennete!C14: warning: This row is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan. [read.hidden-content]",
        ] + Self.bookWarnings.map { $0.replacingOccurrences(of: "FILE", with: file) })
        #expect(plans[2].warnings.map(\.description) == [
            "\(file)#Brouillon: warning: This sheet is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan, or load the other sheets by name (book.\(format)#Sheet). [read.hidden-content]",
        ])
        // One sheet, by name (its case and accents aside).
        let one = try PlanReader().read(path: "\(file)#environnement")
        #expect(one.map(\.source) == ["\(file)#Environnement"])
        #expect(try Self.placeless(one) == Self.placeless([plans[1]]))
    }

    @Test func xlsxAndODSOfOneBookReadAlike() throws {
        let xlsx = try PlanReader().read(path: Self.workbook("book.xlsx"))
        let ods = try PlanReader().read(path: Self.workbook("book.ods"))
        // The hidden sheet's warning names each workbook's own extension.
        #expect(try Self.placeless(xlsx) == Self.placeless(ods).replacingOccurrences(of: "book.ods#Sheet", with: "book.xlsx#Sheet"))
    }

    @Test func dates1904AndFormulaWithoutValue() throws {
        let file = Self.workbook("dates-1904.xlsx")
        let plans = try PlanReader().read(path: file)
        let plan = try #require(plans.first)
        #expect(plan.action("1.1")?.deadline.text == "31/12/2020")
        #expect(plan.action("1.2")?.ordinaryBudget.value == .unknown)
        #expect(plan.warnings.map(\.description) == [
            "\(file)#Dates!I6: warning: This cell holds a formula without its computed value; PlanKit does not compute formulas, so the cell counts as unknown (??), never as blank. Open and save the workbook in a spreadsheet program, or write the value. [read.formula-without-value]",
        ])
        #expect(plan.warnings.first?.text == "=SUM(1000,2000)")
    }

    @Test func serialDates() {
        #expect(WorkbookValue.serialDate("44196", date1904: false) == "31/12/2020")
        #expect(WorkbookValue.serialDate("1", date1904: false) == "01/01/1900")
        #expect(WorkbookValue.serialDate("61", date1904: false) == "01/03/1900")
        #expect(WorkbookValue.serialDate("42734", date1904: true) == "31/12/2020")
        #expect(WorkbookValue.serialDate("44196.5", date1904: false) == "31/12/2020 12:00")
        #expect(WorkbookValue.isoDate("2020-12-31T00:00:00") == "31/12/2020")
        #expect(WorkbookValue.number("2020") == "2020")
        #expect(WorkbookValue.number("0.5") == "0,5")
        #expect(WorkbookValue.number("1500.75") == "1500,75")
        #expect(XLSXReader.isDateFormat("DD/MM/YYYY"))
        #expect(XLSXReader.isDateFormat("[$-80C]d mmmm yyyy;@"))
        #expect(!XLSXReader.isDateFormat("#,##0.00\\ \"€\""))
        #expect(!XLSXReader.isDateFormat("0.00;[Red]-0.00"))
        #expect(XLSXReader.unescaped("a_x000D_\nb") == "a\nb")
    }

    @Test func cellLocations() throws {
        #expect(MemoryLayout<PlanKit.SourceLocation>.size == 16)
        let cell = PlanKit.SourceLocation(sheet: "book.xlsx#Citoyennete", row: 12, column: 7)
        #expect(cell.description == "book.xlsx#Citoyennete!G12")
        #expect(PlanKit.SourceLocation(sheet: "book.xlsx#Citoyennete", row: 3, column: 28).description == "book.xlsx#Citoyennete!AB3")
        #expect(PlanKit.SourceLocation(file: "pst.tsv", line: 12, column: 7).description == "pst.tsv:12:7")
        let json = try JSONEncoder().encode(cell)
        #expect(String(decoding: json, as: UTF8.self).contains("\"cell\":\"G12\""))
        #expect(try JSONDecoder().decode(PlanKit.SourceLocation.self, from: json) == cell)
    }

    static let badInputs: [(String, String)] = [
        ("not-a-workbook.xlsx", "FILE: error: This zip archive is not a workbook: it holds neither a spreadsheet's xl/workbook.xml (.xlsx) nor content.xml (.ods). Save the plan as .xlsx or .ods from a spreadsheet program, or export its sheet as tab-separated text."),
        ("zip-bomb.xlsx", "FILE: error: The workbook's part xl/workbook.xml inflates to more than 256 MiB (or the workbook's parts to more than 1 GiB together); it is not read. Split the plan into smaller workbooks, or export its sheet as tab-separated text."),
        ("many-entries.xlsx", "FILE: error: This zip archive lists more than 10000 entries, far more than a workbook holds; it is not read. Save the plan's workbook again from a spreadsheet program."),
        ("old-binary.xls", "FILE: error: This is an old binary Excel workbook (.xls), which PlanKit does not read. Open it in a spreadsheet program and save it as an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods)."),
        ("password.xlsx", "FILE: error: This workbook is protected by a password (encrypted), and PlanKit cannot read it. Open it in a spreadsheet program, remove the password, and save it again (or save a copy without the password)."),
    ]

    @Test(arguments: badInputs)
    func badInput(_ input: (String, String)) {
        let file = Self.workbook(input.0)
        #expect(throws: PlanReadError.self) { try PlanReader().read(path: file) }
        do { _ = try PlanReader().read(path: file) } catch {
            #expect(error.description == input.1.replacingOccurrences(of: "FILE", with: file))
        }
    }

    @Test func badSheetNames() {
        func message(_ path: String) -> String? {
            do { _ = try PlanReader().read(path: path); return nil } catch { return error.description }
        }
        let book = Self.workbook("book.xlsx")
        #expect(message(book + "#Nope") == "\(book): error: This workbook has no sheet named \"Nope\"; its sheets are \"Couverture\", \"Citoyennete\", \"Environnement\", \"Brouillon\", \"Feuil5\". Name one of them after #, as \(book)#Couverture.")
        #expect(message(book + "#Couverture") == "\(book)#Couverture!A1: error: No plan table found: expected a header row (\"Politique en charge\", \"Échéance\", \"Budget ordinaire\"…) and rows starting with \"Objectif stratégique\", \"Objectif opérationnel N.\" or \"Action N.M.\". PlanKit also reads iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), and a commune's own template described in a layout file (--layout).")
        let seed = Fixtures.path("pst-citoyennete.tsv")
        #expect(message(seed + "#X") == "\(seed): error: This file is not a workbook, so it has no sheet \"X\" to read; only .xlsx and .ods workbooks have sheets to name after #.")
        // Named like a workbook, but not a zip archive.
        #expect(throws: PlanReadError.self) { try PlanReader().read(Array("a\tb\n".utf8), file: "plan.xlsx") }
    }

    /// A repeated row that holds something is each of its rows; repeated empty rows and columns
    /// are counted, never expanded.
    @Test func odsRepeatedRowsAndColumns() throws {
        let table = """
            <table:table-row><table:table-cell/><table:table-cell office:value-type="string"><text:p>Politique en charge</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Échéance</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16381"/></table:table-row>
            <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Objectif stratégique : Durer</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Objectif opérationnel 1. Tenir</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="string"><text:p>Action 1.1. Encore</text:p></table:table-cell><table:table-cell/><table:table-cell office:value-type="float" office:value="2024"><text:p>2 024</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16381"/></table:table-row>
            <table:table-row table:number-rows-repeated="48572"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            """
        let plans = try WorkbookReader(fields: .all).read(Self.ods(table), file: "long.ods")
        let plan = try #require(plans.first)
        #expect(plan.actions.map(\.location.description) == ["long.ods#Feuille1!A1000004", "long.ods#Feuille1!A1000005", "long.ods#Feuille1!A1000006"])
        #expect(plan.actions.map(\.deadline.text) == ["2024", "2024", "2024"])
        #expect(plan.warnings.isEmpty)
    }

    /// Numbers a file may hold that no office software writes: errors or plans, never a crash.
    @Test func hostileNumbers() throws {
        let ods = Self.ods("""
            <table:table-row table:number-rows-repeated="9223372036854775807"><table:table-cell table:number-columns-repeated="9223372036854775807" table:number-rows-spanned="9223372036854775807" office:value-type="date" office:date-value="99999999999-99-99T99999999999999999999:00"><text:p>x</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="9223372036854775807"/>
            """)
        #expect(throws: PlanReadError.self) { try WorkbookReader(fields: .all).read(ods, file: "hostile.ods") }
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="9223372036854775807"><c r="ZZZZ9" s="-5" t="d"><v>99999999999-01-01T99:99</v></c><c s="-1" t="s"><v>-3</v></c><c t="n" s="99"><v>1e308</v></c></row><row/>
            </sheetData><mergeCells><mergeCell ref="A1:A9223372036854775807"/></mergeCells></worksheet>
            """
        let xlsx = StoredZip.archive([
            "xl/workbook.xml": Array(#"<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#.utf8),
            "xl/_rels/workbook.xml.rels": Array(#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="s.xml"/></Relationships>"#.utf8),
            "xl/s.xml": Array(sheet.utf8),
        ])
        #expect(throws: PlanReadError.self) { try WorkbookReader(fields: .all).read(xlsx, file: "hostile.xlsx") }
    }

    /// A minimal OpenDocument spreadsheet around the rows of one table, `Feuille1`.
    static func ods(_ rows: String) -> [UInt8] {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Feuille1">\(rows)</table:table></office:spreadsheet></office:body></office:document-content>
            """
        return StoredZip.archive(["mimetype": Array("application/vnd.oasis.opendocument.spreadsheet".utf8), "content.xml": Array(content.utf8)])
    }

    /// A green `Action prioritaire` legend line, then a theme colour's swatch `À valider par le
    /// Collège`: both are the legend's, and the action in the theme colour is pending.
    @Test func aLegendLineStartingWithActionKeepsTheLinesAfterIt() throws {
        let file = Self.workbook("legend-lines.xlsx")
        let plans = try PlanReader().read(path: file)
        let plan = try #require(plans.first)
        #expect(plan.actions.map(\.id) == ["1.1", "1.2", "1.3"])
        #expect(plan.actions.map(\.pending) == [false, true, false])
        #expect(plan.legend == ["Action prioritaire", "À valider par le Collège",
                                "colour #92d050: Action prioritaire", "colour theme 7 tint 0.3999755851924192: À valider par le Collège"])
        #expect(plan.warnings.isEmpty)
    }
}

/// Writes a zip archive of stored (uncompressed) entries, for tests.
enum StoredZip {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func archive(_ entries: KeyValuePairs<String, [UInt8]>) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func le16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: UInt32, _ a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        for (name, data) in entries {
            let offset = out.count, crc = crc32(data), nameBytes = Array(name.utf8)
            le32(0x0403_4B50, &out); le16(20, &out); le16(0, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out); le16(nameBytes.count, &out); le16(0, &out)
            out += nameBytes + data
            le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(0, &central); le16(0, &central); le16(0, &central)
            le16(0x21, &central); le32(crc, &central); le32(UInt32(data.count), &central); le32(UInt32(data.count), &central)
            le16(nameBytes.count, &central); le16(0, &central); le16(0, &central); le16(0, &central); le16(0, &central)
            le32(0, &central); le32(UInt32(offset), &central)
            central += nameBytes
        }
        let centralOffset = out.count
        out += central
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(entries.count, &out); le16(entries.count, &out)
        le32(UInt32(central.count), &out); le32(UInt32(centralOffset), &out); le16(0, &out)
        return out
    }
}
