import Foundation
import Testing
@testable import PlanKit

/// Workbook cells read as the cell shows them: amounts to the decimals their format shows, dates
/// to the month or year, formulas without values and damaged cells unknown, never blank; repeats
/// held to a limit. Fixtures: `Scripts/workbook-cell-fixtures.py`.
@Suite struct WorkbookCellTests {
    static func workbook(_ name: String) -> String { Fixtures.path("workbooks/\(name)") }

    /// A 0-based column's letters: 0 → `A`, 26 → `AA`.
    static func column(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// A row of 3000 cells repeated a million times is refused at its first cell, at once.
    @Test func repeatedRowIsHeldToALimit() {
        let file = Self.workbook("repeated-row.ods")
        #expect {
            try PlanReader().read(path: file)
        } throws: { error in
            "\(error)" == "\(file)#Feuille1!A5: error: This row is repeated (or its cells merged down) over more than 1048576 cells in all, far more than a plan holds; the sheet is not read. Delete the repeated rows below the plan's table (or unmerge the cells), and save the workbook again."
        }
    }

    /// The same limit holds for values merged down over rows an `.xlsx` lists: 20 columns merged
    /// down 60 000 rows.
    @Test func mergedDownIsHeldToALimit() {
        let cells = (0..<20).map { #"<c r="\#(Self.column($0))1" t="inlineStr"><is><t>x</t></is></c>"# }.joined()
        let merges = (0..<20).map { #"<mergeCell ref="\#(Self.column($0))1:\#(Self.column($0))60000"/>"# }.joined()
        let sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">"#
            + cells + "</row>" + String(repeating: "<row/>", count: 59999) + "</sheetData><mergeCells>" + merges + "</mergeCells></worksheet>"
        let xlsx = StoredZip.archive([
            "xl/workbook.xml": Array(#"<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#.utf8),
            "xl/_rels/workbook.xml.rels": Array(#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="s.xml"/></Relationships>"#.utf8),
            "xl/s.xml": Array(sheet.utf8),
        ])
        #expect {
            try WorkbookReader(fields: .all).read(xlsx, file: "merged.xlsx")
        } throws: { error in
            "\(error)".hasPrefix("merged.xlsx#S!A52430: error: This row is repeated (or its cells merged down) over more than 1048576 cells")
        }
    }

    @Test(arguments: ["xlsx", "ods"])
    func datesAtTheGranularityTheirFormatShows(_ format: String) throws {
        let plan = try #require(try PlanReader().read(path: Self.workbook("cell-values.\(format)")).first)
        #expect(plan.action("1.1")?.deadline.value == .known(.month(5, year: 2022)))
        #expect(plan.action("1.1")?.deadline.text == "Mai 2022")
        #expect(plan.action("1.2")?.deadline.value == .known(.year(2023)))
    }

    @Test func formulaWithoutValueIsUnknown() throws {
        let file = Self.workbook("cell-values.xlsx")
        let plan = try #require(try PlanReader().read(path: file).first)
        #expect(plan.action("1.5")?.ordinaryBudget.value == .unknown)
        let warning = try #require(plan.warnings.first { $0.rule == .formulaWithoutValue })
        #expect(warning.description == "\(file)#Valeurs!I9: warning: This cell holds a formula without its computed value; PlanKit does not compute formulas, so the cell counts as unknown (??), never as blank. Open and save the workbook in a spreadsheet program, or write the value. [read.formula-without-value]")
        #expect(warning.text == "=I6+I7")
        // In an .ods: a formula and no value.
        let ods = WorkbookTests.ods("""
            <table:table-row><table:table-cell office:value-type="string"><text:p>Politique en charge</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Échéance</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Budget ordinaire</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Objectif stratégique : Durer</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Objectif opérationnel 1. Tenir</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Action 1.1. Compter</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2024"><text:p>2024</text:p></table:table-cell><table:table-cell table:formula="of:=[.C9]+[.C10]"/></table:table-row>
            """)
        let odsPlan = try #require(try WorkbookReader(fields: .all).read(ods, file: "f.ods").first)
        #expect(odsPlan.action("1.1")?.ordinaryBudget.value == .unknown)
        #expect(odsPlan.warnings.map(\.description) == [
            "f.ods#Feuille1!C4: warning: This cell holds a formula without its computed value; PlanKit does not compute formulas, so the cell counts as unknown (??), never as blank. Open and save the workbook in a spreadsheet program, or write the value. [read.formula-without-value]",
        ])
    }

    @Test func sharedStringOutOfRangeIsUnknown() throws {
        let file = Self.workbook("shared-string-out-of-range.xlsx")
        let plan = try #require(try PlanReader().read(path: file).first)
        #expect(plan.action("1.1")?.pilots.political.value == .unknown)
        #expect(plan.warnings.map(\.description) == [
            "\(file)#pst-citoyennete!D12: warning: This cell points at shared string 99999, but the workbook holds 53; its text is lost, and it counts as unknown (??). The workbook is damaged: open it in a spreadsheet program, check the cell and save it again. [read.unparsed-cell]",
        ])
    }

    @Test func numbersAsTheirFormatShowsThem() {
        #expect(WorkbookValue.number("12345.670000000002") == "12345,67")
        #expect(WorkbookValue.number("0.30000000000000004") == "0,3")
        #expect(WorkbookValue.number("2.9999999999999996") == "3")
        #expect(WorkbookValue.number("1493.261") == "1493,261")
        #expect(WorkbookValue.number("1493.261", decimals: 2) == "1493,26")
        #expect(WorkbookValue.number("1.005", decimals: 2) == "1,01")
        #expect(WorkbookValue.number("-1493.265", decimals: 2) == "-1493,27")
        #expect(WorkbookValue.number("1493.4", decimals: 0) == "1493")
        #expect(WorkbookValue.number("0.001", decimals: 2) == "0")
        #expect(WorkbookValue.number("1493.261", shown: "1.493,26 €") == "1493,26")
        #expect(WorkbookValue.number("1493.261", shown: "1,493.26 €") == "1493,26")
        #expect(WorkbookValue.number("1493.261", shown: "1493,261") == "1493,261")
        #expect(WorkbookValue.number("1493.261", shown: "1 493,3") == "1493,3")
        #expect(WorkbookValue.number("0.5", shown: "50,00 %") == "0,5")
        #expect(CellFormat(code: #"#,##0.00\ "€""#) == .decimals(2))
        #expect(CellFormat(code: "0.00;[Red]-0.00") == .decimals(2))
        #expect(CellFormat(code: "#,##0") == .decimals(0))
        #expect(CellFormat(code: "0.00%") == .general)
        #expect(CellFormat(code: "0.00E+00") == .general)
        #expect(CellFormat(code: "General") == .general)
        #expect(CellFormat(code: "@") == .general)
        #expect(CellFormat(code: "mmmm yyyy") == .date(.month))
        #expect(CellFormat(code: "[$-80C]mmmm\\ yyyy;@") == .date(.month))
        #expect(CellFormat(code: "yyyy") == .date(.year))
        #expect(CellFormat(code: "dd/mm/yyyy") == .date(.day))
        #expect(CellFormat(code: "h:mm") == .date(.day))
        #expect(CellFormat(builtIn: 4) == .decimals(2))
        #expect(CellFormat(builtIn: 17) == .date(.month))
        #expect(CellFormat(builtIn: 14) == .date(.day))
        #expect(WorkbookValue.date("01/05/2022", granularity: .quarter) == "T2 2022")
    }

    /// An `.ods` cell is read as it shows: float noise dropped, decimals as displayed, dates to the
    /// quarter or year their automatic style shows, the column's default style included.
    @Test func odsCellsAsTheyShow() throws {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"><office:automatic-styles>
            <number:date-style style:name="N1"><number:quarter/><number:text> </number:text><number:year number:style="long"/></number:date-style>
            <number:date-style style:name="N2"><number:year number:style="long"/></number:date-style>
            <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
            <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
            </office:automatic-styles><office:body><office:spreadsheet><table:table table:name="Feuille1"><table:table-column table:default-cell-style-name="Default"/><table:table-column table:default-cell-style-name="ce2"/><table:table-column/>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Politique en charge</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Échéance</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Budget ordinaire</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Objectif stratégique : Durer</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Objectif opérationnel 1. Tenir</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Action 1.1. Un trimestre</text:p></table:table-cell><table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2022-05-01"><text:p>2e trimestre 2022</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="0.30000000000000004"><text:p>0,3</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Action 1.2. Une année</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2023-01-01"><text:p>2023</text:p></table:table-cell><table:table-cell office:value-type="currency" office:currency="EUR" office:value="1493.261"><text:p>1.493,26 €</text:p></table:table-cell></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>
            """
        let ods = StoredZip.archive(["mimetype": Array("application/vnd.oasis.opendocument.spreadsheet".utf8), "content.xml": Array(content.utf8)])
        let plan = try #require(try WorkbookReader(fields: .all).read(ods, file: "cells.ods").first)
        #expect(plan.action("1.1")?.deadline.value == .known(.quarter(2, year: 2022)))
        #expect(plan.action("1.2")?.deadline.value == .known(.year(2023)))
        #expect(plan.action("1.1")?.ordinaryBudget.text == "0,3")
        #expect(plan.action("1.2")?.ordinaryBudget.text == "1493,26")
        #expect(plan.warnings.isEmpty)
    }
}
