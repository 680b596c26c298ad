import Foundation
import Testing
@testable import PlanKit

/// Files whose bytes are not all valid in one encoding: a stray Windows-1252 byte in UTF-8,
/// UTF-16 without a BOM, binary files.
@Suite struct EncodingTrustTests {
    static let seed = Array(try! Data(contentsOf: URL(fileURLWithPath: Fixtures.path("pst-citoyennete.tsv"))))
    static let name = "pst-citoyennete.tsv"

    /// The seed with the "é" (C3 A9) that starts at `offset` written as the Windows-1252 byte E9:
    /// the text the file means is the same.
    static func seed(withLatinAt offset: Int) -> [UInt8] {
        precondition(seed[offset] == 0xC3 && seed[offset + 1] == 0xA9)
        return Array(seed[..<offset]) + [0xE9] + Array(seed[(offset + 2)...])
    }

    /// The cell at `line` and `column` (1-based) of the clean seed, as the file writes it.
    static func seedCell(line: Int, column: Int) -> String {
        let lines = String(decoding: seed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return String(lines[line - 1].split(separator: "\t", omittingEmptySubsequences: false)[column - 1])
    }

    @Test(arguments: [
        (112, 8, 7),     // the header "Échéance"
        (278, 10, 1),    // "Objectif stratégique"
        (775, 13, 3),    // an action's title
        (1254, 14, 6),   // an agent cell
        (1942, 17, 9),   // a budget cell
        (2948, 24, 1),   // the legend
    ])
    func oneLatinByteInUTF8ChangesNothingElse(_ offset: Int, _ line: Int, _ column: Int) throws {
        let clean = try SpreadsheetReader().read(Self.seed, file: Self.name)
        let mixed = try SpreadsheetReader().read(Self.seed(withLatinAt: offset), file: Self.name)

        #expect(mixed.warnings.filter { $0.rule == .invalidEncoding } == [Diagnostic(
            .invalidEncoding, location: SourceLocation(file: Self.name, line: line, column: column),
            message: "Byte 0xE9 at offset \(offset) is not UTF-8; it is read as the Windows-1252 character \"é\". Save the file as UTF-8.",
            text: Self.seedCell(line: line, column: column))])
        #expect(mixed.objectives.map(\.title) == clean.objectives.map(\.title))
        #expect(mixed.actions.map(\.id) == clean.actions.map(\.id))
        #expect(mixed.actions.map(\.title) == clean.actions.map(\.title))
        #expect(mixed.actions.map(\.deadline) == clean.actions.map(\.deadline))
        #expect(mixed.actions.count == 9)
        var rest = mixed
        rest.warnings.removeAll { $0.rule == .invalidEncoding }
        #expect(rest == clean)
    }

    @Test func theWarningIsAFindingOfCheck() throws {
        let plan = try SpreadsheetReader().read(Self.seed(withLatinAt: 112), file: Self.name)
        let findings = plan.warnings.map(\.finding).filter { $0.rule == "read.invalid-encoding" }
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.map(\.location) == [SourceLocation(file: Self.name, line: 8, column: 7)])
    }

    /// In a quoted cell over several lines the warning names the row's first line, as other
    /// spreadsheet warnings do; a cell with several invalid bytes gets one warning; CRLF counts
    /// as one line end.
    @Test func locationsInQuotedCellsAndCRLF() throws {
        let bytes: [UInt8] = Array("déjà\t\"deux\r\nlignes ".utf8) + [0xE9] + Array("\"\tà\r\nnoël\t".utf8)
            + [0x92, 0x80] + Array(" fin\n".utf8)
        let text = try #require(TextEncoding.decodeText(bytes))
        #expect(text.encoding == .utf8)
        #expect(String(decoding: text.utf8, as: UTF8.self) == "déjà\t\"deux\r\nlignes é\"\tà\r\nnoël\t’€ fin\n")
        #expect(text.warnings(separator: 9, file: "q.tsv") == [
            Diagnostic(.invalidEncoding, location: SourceLocation(file: "q.tsv", line: 1, column: 2),
                       message: "Byte 0xE9 at offset 21 is not UTF-8; it is read as the Windows-1252 character \"é\". Save the file as UTF-8.",
                       text: "\"deux\r\nlignes é\""),
            Diagnostic(.invalidEncoding, location: SourceLocation(file: "q.tsv", line: 3, column: 2),
                       message: "Byte 0x92 at offset 34 is not UTF-8; it is read as the Windows-1252 character \"’\", and 1 more in this cell likewise. Save the file as UTF-8.",
                       text: "’€ fin"),
        ])
    }

    /// Many invalid bytes: one warning for each of the first 20 cells, then one that counts the rest.
    @Test func warningsAreCapped() throws {
        var bytes: [UInt8] = []
        for _ in 0..<30 { bytes += Array("Caf".utf8) + [0xE9] + Array(" noël\tdéjà\n".utf8) }
        let text = try #require(TextEncoding.decodeText(bytes))
        #expect(text.encoding == .utf8)
        let warnings = text.warnings(separator: 9, file: "many.tsv")
        #expect(warnings.count == 21)
        #expect(warnings.prefix(20).map(\.location.line) == Array(1...20))
        #expect(warnings.last == Diagnostic(
            .invalidEncoding, location: SourceLocation(file: "many.tsv", line: 21, column: 1),
            message: "This cell and later ones hold 10 more bytes that are not UTF-8, not named one by one; each is read as its Windows-1252 character, or U+FFFD. Save the file as UTF-8.",
            text: "Café noël"))
    }

    /// Windows-1252 stays Windows-1252: the Excel export, and a file where one pair of its
    /// characters happens to be valid UTF-8 (`É` then a no-break space).
    @Test func windows1252FilesDoNotWarn() throws {
        let excel = try Fixtures.plan("pst-citoyennete-excel.csv")
        #expect(!excel.warnings.contains { $0.rule == .invalidEncoding })
        #expect(excel.actions.map(\.title) == (try SpreadsheetReader().read(Self.seed, file: Self.name)).actions.map(\.title))
        let bytes: [UInt8] = Array("R".utf8) + [0xC9] + Array("ALIS".utf8) + [0xC9, 0xA0] + Array(": d".utf8) + [0xE9, 0x6A, 0xE0, 0x0A]
        let text = try #require(TextEncoding.decodeText(bytes))
        #expect(text.encoding == .windows1252)
        #expect(String(decoding: text.utf8, as: UTF8.self) == "RÉALISÉ\u{A0}: déjà\n")
        #expect(text.invalid.isEmpty)
    }

    /// A byte after a UTF-8 BOM that is not UTF-8 is read and warned like one without a BOM.
    @Test func invalidByteAfterABOM() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Self.seed(withLatinAt: 112)
        let plan = try SpreadsheetReader().read(bytes, file: Self.name)
        #expect(plan.warnings.filter { $0.rule == .invalidEncoding }.map(\.message)
            == ["Byte 0xE9 at offset 115 is not UTF-8; it is read as the Windows-1252 character \"é\". Save the file as UTF-8."])
        #expect(plan.actions.map(\.deadline) == (try SpreadsheetReader().read(Self.seed, file: Self.name)).actions.map(\.deadline))
    }

    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    }

    @Test(arguments: [true, false])
    func utf16WithoutABOMReadsLikeUTF8(_ littleEndian: Bool) throws {
        let clean = try SpreadsheetReader().read(Self.seed, file: Self.name)
        let bytes = Self.utf16(String(decoding: Self.seed, as: UTF8.self), littleEndian: littleEndian)
        #expect(TextEncoding.decode(bytes)?.encoding == (littleEndian ? .utf16LittleEndian : .utf16BigEndian))
        #expect(try SpreadsheetReader().read(bytes, file: Self.name) == clean)
        #expect(try PlanReader().read(bytes, file: Self.name) == [clean])
    }

    @Test func utf16WithABOMStillReads() throws {
        let clean = try SpreadsheetReader().read(Self.seed, file: Self.name)
        let utf16 = try Fixtures.plan("pst-citoyennete-utf16.txt")
        #expect(utf16.actions.map(\.title) == clean.actions.map(\.title))
        #expect(utf16.actions.map(\.deadline.value) == clean.actions.map(\.deadline.value))
        #expect(utf16.actions.map(\.deadline.text) == clean.actions.map(\.deadline.text))
        #expect(!utf16.warnings.contains { $0.rule == .invalidEncoding })
    }

    @Test func loneSurrogateInUTF16IsWarned() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Self.utf16("a\tb", littleEndian: true) + [0x00, 0xD8] + Self.utf16("c\n", littleEndian: true)
        let text = try #require(TextEncoding.decodeText(bytes))
        #expect(String(decoding: text.utf8, as: UTF8.self) == "a\tb\u{FFFD}c\n")
        #expect(text.warnings(separator: 9, file: "s.txt") == [Diagnostic(
            .invalidEncoding, location: SourceLocation(file: "s.txt", line: 1, column: 2),
            message: "The UTF-16 code unit 0xD800 at offset 8 is half a surrogate pair; it is read as U+FFFD. Export the sheet again; check that the file is whole.",
            text: "b\u{FFFD}c")])
    }

    @Test(arguments: [
        [UInt8]([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]),
        // The start of an .xlsx (a zip archive).
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x62, 0xEE, 0x9D, 0x68, 0x5E, 0x01, 0x00, 0x00],
        // The start of an ELF executable.
        [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00],
        // Text with one NUL byte.
        Array("Action 1.1.\tx\n".utf8) + [0x00] + Array("y\n".utf8),
    ])
    func binaryFilesAreStillRefused(_ bytes: [UInt8]) {
        #expect(throws: PlanReadError(file: "in.tsv", message: "The file looks binary (it holds NUL bytes) and is no workbook PlanKit reads; save the plan as .xlsx or .ods, or export its sheet as text (tab-separated or CSV).")) {
            try SpreadsheetReader().read(bytes, file: "in.tsv")
        }
    }
}
