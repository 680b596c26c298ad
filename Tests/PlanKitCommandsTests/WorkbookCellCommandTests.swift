import Foundation
import Testing

/// `plankit` on workbook cells that do not show what they store: totals stay honest.
@Suite struct WorkbookCellCommandTests {
    static func run(_ arguments: [String]) throws -> Executable.Output {
        try Executable.run(arguments, directory: Executable.fixture("workbooks"))
    }

    /// A total by a formula without its value is unknown, so the sum says it is incomplete;
    /// amounts read as their format shows them, dates to the month or year.
    @Test func amountsDatesAndFormulas() throws {
        let result = try Self.run(["query", "actions select id, deadline, deadline.end, ordinary", "cell-values.xlsx"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            id   deadline  deadline.end  ordinary
            ---  --------  ------------  --------
            1.1  mai 2022  2022-05-31     1493.26
            1.2  2023      2023-12-31    12345.67
            1.3  2024      2024-12-31         0.3
            1.4  2024      2024-12-31          ??
            1.5  2024      2024-12-31          ??
            (5 rows)

            """)
        #expect(result.stderr == """
            cell-values.xlsx#Valeurs!I8: warning: "1493,261" has more than two decimals, a fraction of a cent; write it rounded to the cent (Belgian notation: dot for thousands, comma for decimals). Its amount counts as unknown. [read.ambiguous-amount]
            cell-values.xlsx#Valeurs!I9: warning: This cell holds a formula without its computed value; PlanKit does not compute formulas, so the cell counts as unknown (??), never as blank. Open and save the workbook in a spreadsheet program, or write the value. [read.formula-without-value]

            """)
        let total = try Self.run(["query", "budget select sum(amount)", "cell-values.xlsx", "--format", "csv"])
        #expect(total.stdout == "sum(amount)\r\n13839.23 + ?\r\n")
        // LibreOffice computed the total when it saved the .ods.
        let ods = try Self.run(["query", "budget select sum(amount)", "cell-values.ods", "--format", "csv"])
        #expect(ods.stdout == "sum(amount)\r\n26185.2 + ?\r\n")
    }

    @Test func repeatedRowExitsTwo() throws {
        let result = try Self.run(["query", "actions", "repeated-row.ods"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "repeated-row.ods#Feuille1!A5: error: This row is repeated (or its cells merged down) over more than 1048576 cells in all, far more than a plan holds; the sheet is not read. Delete the repeated rows below the plan's table (or unmerge the cells), and save the workbook again.\n")
    }

    @Test func sharedStringOutOfRangeKeepsThePilotUnknown() throws {
        let result = try Self.run(["query", "actions where id = \"1.1\" select id, pilot", "shared-string-out-of-range.xlsx"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1.1  ??, PCS, Cheffe de projet PCS Service J, Service Enfance"))
        #expect(result.stderr.hasSuffix("[read.unparsed-cell]\n"))
    }
}
