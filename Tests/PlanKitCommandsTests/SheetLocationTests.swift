import Foundation
import Testing

/// A finding on a whole sheet (a hidden sheet) is located at the sheet, `book.xlsx#Brouillon`,
/// with no line nor column, wherever it is written; its message names the workbook's own kind.
@Suite struct SheetLocationTests {
    static let books = ["xlsx", "ods"]

    @Test(arguments: books)
    func standardErrorNamesTheSheet(_ ext: String) throws {
        let result = try Executable.run(["check", "book.\(ext)", "--format", "csv"], directory: Executable.fixture("workbooks"))
        #expect(result.stderr.contains("book.\(ext)#Brouillon: warning: This sheet is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan, or load the other sheets by name (book.\(ext)#Sheet). [read.hidden-content]\n"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("#Brouillon:0"))
        // The findings table: the sheet as file, no line, no column.
        #expect(result.stdout.contains("This sheet is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan, or load the other sheets by name (book.\(ext)#Sheet).\",book.\(ext)#Brouillon,,\n")
                || result.stdout.contains("(book.\(ext)#Sheet).\",book.\(ext)#Brouillon,,\r\n"), "\(result.stdout)")
    }

    @Test func theFindingsCollectionHasNoLine() throws {
        let result = try Executable.run(["query", "findings where message ~ \"sheet is hidden\" select file, line, column", "book.xlsx", "--format", "json"],
                                        directory: Executable.fixture("workbooks"))
        #expect(result.stdout == "[\n  {\"file\": \"book.xlsx#Brouillon\", \"line\": null, \"column\": null}\n]\n")
    }

    @Test func theReportPrintsTheSheet() throws {
        let result = try Executable.run(["report", "book.xlsx", "--format", "markdown", "--today", "2026-01-01"], directory: Executable.fixture("workbooks"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("book.xlsx\\#Brouillon |") || result.stdout.contains("book.xlsx#Brouillon |"), "\(result.stdout)")
        #expect(!result.stdout.contains("Brouillon:0"))
    }

    @Test func sarifLocatesTheSheet() throws {
        let result = try Executable.run(["check", "book.xlsx", "--format", "sarif"], directory: Executable.fixture("workbooks"))
        #expect(result.stdout.contains("\"fullyQualifiedName\" : \"Brouillon\"") || result.stdout.contains("\"fullyQualifiedName\":\"Brouillon\""), "\(result.stdout.prefix(3000))")
    }
}
