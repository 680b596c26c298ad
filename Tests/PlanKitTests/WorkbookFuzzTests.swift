import Foundation
import Testing
@testable import PlanKit

/// The workbooks the fuzzers (`Scripts/fuzz/workbook-mutate.py`, `Scripts/fuzz/fuzz.sh workbook`)
/// found crashing or hanging PlanKit, each kept in `Tests/Fixtures/crashers/workbook/`, and the
/// XML scanner's answers to malformed parts: each gives plans or a clear error, never a crash.
@Suite struct WorkbookFuzzTests {
    static let crashers = HostileInputTests.crashers("workbook")

    @Test(arguments: crashers)
    func crashersReadOrFailCleanly(_ name: String) throws {
        let path = Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/\(name)").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let plans: [Plan]
        do {
            plans = try PlanReader().read(bytes, file: name)
        } catch {
            #expect(!error.message.isEmpty)
            #expect(error.location.file.hasPrefix(name))
            return
        }
        _ = Checker().run(on: PlanSet(plans))
        _ = try PlanKitJSON.encode(plans)
    }

    @Test func thereAreWorkbookCrashers() {
        #expect(!Self.crashers.isEmpty)
    }

    /// A central directory whose entry points past the archive's end trapped inside ZIPFoundation;
    /// it is refused before the archive is walked.
    @Test func directoryPointingOutsideTheArchive() throws {
        let name = "workbook/directory-outside.xlsx"
        let bytes = Array(try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/\(name)")))
        #expect(!ZipDirectory.isSound(bytes))
        #expect(throws: PlanReadError(file: name, message: "This file starts like a zip archive (the container of .xlsx and .ods workbooks) but cannot be opened as one: it may be truncated or damaged. Open it in a spreadsheet program and save it again.")) {
            try PlanReader().read(bytes, file: name)
        }
    }

    @Test(arguments: ["book.xlsx", "book.ods", "pst-citoyennete.xlsx", "pst-citoyennete.ods", "dates-1904.xlsx", "million-rows.xlsx", "iapst-export.xlsx"])
    func fixturesHaveSoundDirectories(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: WorkbookTests.workbook(name))))
        #expect(ZipDirectory.isSound(bytes))
    }

    /// The scanner's error names the part, the line and the column, and why.
    @Test(arguments: [
        ("<a><b></a>", "</a> closes <b>", 1, 7),
        ("<a>\n  <b x=\"1\"></b>\n", "the part ends before <a> is closed: it is truncated", 3, 1),
        ("<a x=1/>", "an attribute's value is not quoted", 1, 6),
        ("<a>&bogus;</a>", "an unknown entity &bogus;", 1, 4),
        ("<a>&#0;</a>", "an unknown entity &#0;", 1, 4),
        ("<a/><b/>", "a second root element", 1, 5),
        ("x<a/>", "text outside the root element", 1, 1),
        ("<a><![CDATA[x</a>", "a CDATA section is never closed", 1, 4),
        ("<é", "the part ends inside a tag: it is truncated", 1, 3),
    ])
    func malformedParts(_ input: (String, String, Int, Int)) throws {
        var scanner = XMLScanner(Array(input.0.utf8), part: "xl/worksheets/sheet1.xml", file: "book.xlsx")
        let expected = PlanReadError(
            file: "book.xlsx",
            message: "The workbook's part xl/worksheets/sheet1.xml is malformed XML at line \(input.2), column \(input.3) (\(input.1)); the file is damaged. Open it in a spreadsheet program and save it again.")
        #expect(throws: expected) {
            var text: [UInt8] = []
            while case let event = try scanner.next(), event != .finished {
                if event == .text { try scanner.appendText(to: &text) }
            }
        }
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000)
        var scanner = XMLScanner(Array(deep.utf8), part: "content.xml", file: "book.ods")
        #expect(throws: PlanReadError(file: "book.ods", message: "The workbook's part content.xml nests more than 64 elements deep, which no office software writes; the file is not read.")) {
            while try scanner.next() != .finished {}
        }
    }

    /// Texts: entities and character references resolved, CDATA kept as written, line ends read as line feeds.
    @Test func textsAreDecoded() throws {
        var scanner = XMLScanner(Array("<a x=\"1&amp;2\t3\"><![CDATA[<&>]]>&lt;&#x41;&#66;\r\nz</a>".utf8), part: "p", file: "f")
        var text: [UInt8] = []
        #expect(try scanner.next() == .start)
        #expect(try scanner.attributeDictionary() == ["x": "1&2 3"])
        while case .text = try scanner.next() { try scanner.appendText(to: &text) }
        #expect(String(decoding: text, as: UTF8.self) == "<&><AB\nz")
    }
}
