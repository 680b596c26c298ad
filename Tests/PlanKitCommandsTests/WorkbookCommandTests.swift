import Foundation
import Testing

/// `plankit` on workbooks, as a user runs it: in the fixtures' folder, with names as typed.
@Suite struct WorkbookCommandTests {
    static let directory = Executable.fixture("workbooks")

    static func run(_ arguments: [String]) throws -> Executable.Output {
        try Executable.run(arguments, directory: directory)
    }

    static let hiddenRow = "book.xlsx#Citoyennete!C14: warning: This row is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan. [read.hidden-content]\n"

    @Test func oneSheetByName() throws {
        let result = try Self.run(["query", "actions where pending select id, title", "book.xlsx#Citoyennete"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            id   title
            ---  ---------------------------------------------
            1.2  Analyser la création de lieux de convivialité
            (1 row)

            """)
        #expect(result.stderr == Self.hiddenRow)
    }

    @Test func everySheet() throws {
        let result = try Self.run(["query", "plans select name, domain, file", "book.ods"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            name           domain         file
            -------------  -------------  ----------------------
            Citoyennete    CITOYENNETE    book.ods#Citoyennete
            Environnement  ENVIRONNEMENT  book.ods#Environnement
            Brouillon      BROUILLON      book.ods#Brouillon
            (3 rows)

            """)
        #expect(result.stderr == """
            book.ods#Citoyennete!C14: warning: This row is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan. [read.hidden-content]
            book.ods#Couverture!A1: warning: This sheet is skipped: it holds no plan table PlanKit reads (No plan table found: expected a header row ("Politique en charge", "Échéance", "Budget ordinaire"…) and rows starting with "Objectif stratégique", "Objectif opérationnel N." or "Action N.M.". PlanKit also reads iA.PST Export ("OS Titre", "OO Titre", "ACT Titre"…), French action-plan template ("Axe (x)", "Titre de la fiche action"…), and a commune's own template described in a layout file (--layout).) [read.sheet-skipped]
            book.ods#Brouillon: warning: This sheet is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan, or load the other sheets by name (book.ods#Sheet). [read.hidden-content]

            """)
    }

    @Test func findingsKeepTheirCells() throws {
        let result = try Self.run(["query", "findings where rule ~ \"^read\" select rule, file, line, column", "book.ods", "--format", "csv"])
        #expect(result.status == 0)
        // CSV lines end with CRLF (RFC 4180).
        #expect(result.stdout == [
            "rule,file,line,column", "read.hidden-content,book.ods#Citoyennete,14,3", "read.hidden-content,book.ods#Brouillon,,",
            "read.sheet-skipped,book.ods#Couverture,1,1",
        ].map { $0 + "\r\n" }.joined())
    }

    @Test(arguments: [
        ("not-a-workbook.xlsx", "not-a-workbook.xlsx: error: This zip archive is not a workbook: it holds neither a spreadsheet's xl/workbook.xml (.xlsx) nor content.xml (.ods). Save the plan as .xlsx or .ods from a spreadsheet program, or export its sheet as tab-separated text.\n"),
        ("zip-bomb.xlsx", "zip-bomb.xlsx: error: The workbook's part xl/workbook.xml inflates to more than 256 MiB (or the workbook's parts to more than 1 GiB together); it is not read. Split the plan into smaller workbooks, or export its sheet as tab-separated text.\n"),
        ("many-entries.xlsx", "many-entries.xlsx: error: This zip archive lists more than 10000 entries, far more than a workbook holds; it is not read. Save the plan's workbook again from a spreadsheet program.\n"),
        ("old-binary.xls", "old-binary.xls: error: This is an old binary Excel workbook (.xls), which PlanKit does not read. Open it in a spreadsheet program and save it as an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods).\n"),
        ("password.xlsx", "password.xlsx: error: This workbook is protected by a password (encrypted), and PlanKit cannot read it. Open it in a spreadsheet program, remove the password, and save it again (or save a copy without the password).\n"),
        ("book.xlsx#Nope", "book.xlsx: error: This workbook has no sheet named \"Nope\"; its sheets are \"Couverture\", \"Citoyennete\", \"Environnement\", \"Brouillon\", \"Feuil5\". Name one of them after #, as book.xlsx#Couverture.\n"),
        ("book.xlsx#Couverture", "book.xlsx#Couverture!A1: error: No plan table found: expected a header row (\"Politique en charge\", \"Échéance\", \"Budget ordinaire\"…) and rows starting with \"Objectif stratégique\", \"Objectif opérationnel N.\" or \"Action N.M.\". PlanKit also reads iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), and a commune's own template described in a layout file (--layout).\n"),
    ])
    func badInput(_ input: (String, String)) throws {
        let result = try Self.run(["query", "actions", input.0])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == input.1)
    }

    /// A sheet of a million rows is read row by row, within the machine's memory.
    @Test func millionRows() throws {
        let result = try Self.run(["query", "actions select id, title, deadline", "million-rows.xlsx"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            id   title        deadline
            ---  -----------  --------
            1.1  La dernière  2024
            (1 row)

            """)
        #expect(result.stderr == "")
    }
}
