import Foundation
import Testing
@testable import PlanKit

/// Inputs built to hurt, and every crasher the fuzzers found: each must give a plan or a clear
/// error, never a crash.
@Suite struct HostileInputTests {
    static func crashers(_ target: String) -> [String] {
        let directory = Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/\(target)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().map { "\(target)/\($0)" }
    }

    static let readerCrashers = crashers("spreadsheet") + crashers("ecomptes") + crashers("json")

    @Test(arguments: readerCrashers)
    func crashersReadOrFailCleanly(_ name: String) throws {
        let path = Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/\(name)").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let plans: [Plan]
        do {
            plans = try PlanReader().read(bytes, file: name)
        } catch {
            #expect(!error.message.isEmpty)
            #expect(error.location.file == name)
            return
        }
        // What was read survives the rest of the pipeline.
        _ = Checker().run(on: PlanSet(plans))
        _ = try PlanKitJSON.encode(plans)
        for plan in plans { _ = EComptesWriter().write(plan) }
    }

    @Test func thereAreCrashersForEveryReader() {
        #expect(!Self.crashers("spreadsheet").isEmpty)
        #expect(!Self.crashers("ecomptes").isEmpty)
        #expect(!Self.crashers("json").isEmpty)
    }

    @Test func entityExpansionIsRefused() throws {
        let path = Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/ecomptes/entities.xml").path
        #expect(throws: PlanReadError.self) { try PlanReader().read(path: path) }
    }

    @Test func reversedPeriodInJSON() throws {
        let bytes = Array("{\"format\":\"plankit\",\"version\":1,\"plans\":[{\"kind\":\"PST\",\"name\":\"x\",\"source\":\"s\",\"preamble\":[],\"legend\":[],\"objectives\":[],\"warnings\":[],\"period\":[2024,2019]}]}".utf8)
        #expect(throws: PlanReadError.self) { try PlanKitJSON.decode(bytes, file: "x.json") }
    }

    /// A location's column is held in 32 bits: a JSON document asking for more is refused.
    @Test(arguments: ["-1", "4294967296", "99999999999999"])
    func columnOutOfRangeInJSON(column: String) throws {
        let plan = try Fixtures.plan("pst-citoyennete.tsv")
        var text = String(decoding: try PlanKitJSON.encode([plan]), as: UTF8.self)
        let range = try #require(text.range(of: "\"column\" : 1,"))
        text.replaceSubrange(range, with: "\"column\" : \(column),")
        let error = #expect(throws: PlanReadError.self) { try PlanKitJSON.decode(Array(text.utf8), file: "x.json") }
        #expect(error?.message == "This PlanKit document does not match the format (at .plans[0].objectives[0].location.column: A column must be between 0 and 4294967295; found \(column).); write it again with `plankit convert FILE --to json`.")
        let written = try #require(text.range(of: "\"column\" : \(column),"))
        let valid = text.replacingCharacters(in: written, with: "\"column\" : 4294967295,")
        let decoded = try PlanKitJSON.decode(Array(valid.utf8), file: "x.json")
        #expect(decoded.count == 1)
    }

    /// A processing instruction with a target and no data (`<?v?>`) stops Foundation's parser;
    /// such instructions are blanked, keeping every other byte where it was.
    @Test func datalessProcessingInstructionsAreBlanked() throws {
        let text = "<?xml version=\"1.0\"?>\n<a><?v?><!-- <?w?> --><![CDATA[<?z?>]]><?p data?>\n<?q\n?></a>"
        let blanked = String(decoding: PlanKit.XMLElement.blankingDatalessInstructions(Array(text.utf8)), as: UTF8.self)
        #expect(blanked == "<?xml version=\"1.0\"?>\n<a>     <!-- <?w?> --><![CDATA[<?z?>]]><?p data?>\n<?q\n?></a>")
        #expect(String(decoding: PlanKit.XMLElement.blankingDatalessInstructions(Array("<?xml?><r/>".utf8)), as: UTF8.self) == "       <r/>")
        for input in ["<?v?>ml$vat>#", "<?xml?><dataroot/>", "<dataroot><?x?></dataroot>"] {
            #expect(throws: PlanReadError.self) { try EComptesReader().read(Array(input.utf8), file: "pi.xml") }
        }
    }

    @Test func hundredThousandColumnsAreRefused() {
        let row = "x" + String(repeating: "\t", count: 100_000) + "\n"
        #expect(throws: PlanReadError(location: SourceLocation(file: "wide.tsv", line: 1, column: 4097), message: "This row has more than 4096 cells; export the sheet alone, without empty columns.")) {
            try SpreadsheetReader().read(Array(row.utf8), file: "wide.tsv")
        }
    }

    @Test func hugeFilesAreRefusedBeforeReading() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).tsv").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 3 << 30) // a sparse 3 GiB file: nothing is written to disk
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PlanReadError(file: path, message: "The file is 3072 MiB, more than the 512 MiB PlanKit reads; split it into one file per plan.")) {
            try PlanReader().read(path: path)
        }
    }

    @Test func truncatedFiles() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("pst-forms.csv"))))
        // Cut anywhere: a plan, a warning or an error with a location, never a crash.
        for cut in stride(from: 0, to: bytes.count, by: 97) {
            do {
                _ = try SpreadsheetReader().read(Array(bytes[..<cut]), file: "cut.csv")
            } catch {
                #expect(error.location.file == "cut.csv")
            }
        }
    }

    @Test(arguments: [
        [UInt8]([0xFF, 0xFE, 0x41]),                    // UTF-16 with an odd byte
        [0xFE, 0xFF, 0xD8, 0x00, 0x00, 0x41],           // UTF-16BE lone surrogate
        [0xEF, 0xBB, 0xBF, 0xC3, 0x28, 0x0A],           // BOM then invalid UTF-8
        [0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x0A],           // bytes Windows-1252 leaves undefined
    ])
    func invalidBytesInEveryEncoding(_ bytes: [UInt8]) {
        do {
            _ = try SpreadsheetReader().read(bytes, file: "bad.tsv")
            Issue.record("a file without a plan table must be refused")
        } catch {
            #expect(error.location.file == "bad.tsv")
        }
    }
}

/// Crashers the fuzzers found, with the error each now gives.
@Suite struct FuzzRegressionTests {
    /// Foundation's XML parser stopped the program on an element name holding invalid UTF-8.
    @Test func invalidUTF8InAnXMLElementName() throws {
        let path = Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/ecomptes/invalid-utf8-element-name.xml").path
        #expect(throws: PlanReadError(location: SourceLocation(file: path, line: 1, column: 168),
                                      message: "This XML is not valid UTF-8 here; save the export as UTF-8, or declare its real encoding (encoding=\"ISO-8859-1\").")) {
            try PlanReader().read(path: path)
        }
    }

    @Test func declaredLatin1IsConverted() throws {
        let path = Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/ecomptes/latin1-declared.xml").path
        #expect(try PlanReader().read(path: path).first?.name == "Créer")
    }
}

/// More crashers of Foundation's XML parser: invalid UTF-8 in a processing instruction, and a
/// declaration naming an encoding that does not exist. Both are refused before parsing.
@Suite struct XMLEncodingTests {
    @Test(arguments: [("fuzz-a4e7a5cf9c8a.xml", 1, 4), ("fuzz-e5ffc00e6dc6.xml", 1, 2)])
    func invalidBytesAreRefusedWithTheirPlace(_ name: String, _ line: Int, _ column: Int) {
        let path = Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/ecomptes/\(name)").path
        #expect(throws: PlanReadError(location: SourceLocation(file: path, line: line, column: column),
                                      message: "This XML is not valid UTF-8 here; save the export as UTF-8, or declare its real encoding (encoding=\"ISO-8859-1\").")) {
            try PlanReader().read(path: path)
        }
    }

    @Test func utf16ExportReadsLikeTheUTF8One() throws {
        let utf8 = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("demo-pst-201805V1.xml")))
        let text = String(decoding: utf8, as: UTF8.self)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let plan = try EComptesReader().read(utf16, file: "utf16.xml")
        #expect(plan.actions.count == 15)
        #expect(plan.actions.flatMap(\.budget).count == 20)
    }

    @Test func unknownDeclaredEncodingIsRefused() {
        #expect(throws: PlanReadError(location: SourceLocation(file: "x.xml", line: 1, column: 1), message: "The encoding \"ebcdic\" is not one PlanKit converts; save the export as UTF-8.")) {
            try EComptesReader().read(Array("<?xml version=\"1.0\" encoding=\"EBCDIC\"?><dataroot/>".utf8), file: "x.xml")
        }
    }
}
