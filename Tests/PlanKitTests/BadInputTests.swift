import Foundation
import Testing
@testable import PlanKit

@Suite struct BadInputTests {
    func error(_ bytes: [UInt8], file: String = "in.tsv") -> String? {
        do {
            _ = try PlanReader().read(bytes, file: file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func emptyFile() {
        #expect(error([]) == "in.tsv: error: The file is empty; export the plan's sheet as tab-separated text or CSV.")
        #expect(error(Array(" \n\r\n".utf8)) == "in.tsv: error: The file is empty; export the plan's sheet as tab-separated text or CSV.")
    }

    @Test func binaryFile() {
        #expect(error([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]) == "in.tsv: error: The file looks binary (it holds NUL bytes) and is no workbook PlanKit reads; save the plan as .xlsx or .ods, or export its sheet as text (tab-separated or CSV).")
        // A zip archive is read as a workbook, whatever its name.
        #expect(error([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]) == "in.tsv: error: This file starts like a zip archive (the container of .xlsx and .ods workbooks) but cannot be opened as one: it may be truncated or damaged. Open it in a spreadsheet program and save it again.")
    }

    @Test func noHeader() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("no-header.tsv"))))
        #expect(error(bytes) == "in.tsv:2:1: error: The plan's table has no header row before its first objective; add the row of column labels (\"Politique en charge\", \"Service en charge\", \"Agent en charge\", \"Échéance\", \"Budget ordinaire\", \"Budget extra\"). PlanKit also reads iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), and a commune's own template described in a layout file (--layout).")
    }

    @Test func noTable() {
        #expect(error(Array("hello\tworld\n1\t2\n".utf8)) == "in.tsv:1:1: error: No plan table found: expected a header row (\"Politique en charge\", \"Échéance\", \"Budget ordinaire\"…) and rows starting with \"Objectif stratégique\", \"Objectif opérationnel N.\" or \"Action N.M.\". PlanKit also reads iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), and a commune's own template described in a layout file (--layout).")
    }

    @Test func unclosedQuote() {
        #expect(error(Array("a\tb\n\t\"open\n".utf8)) == "in.tsv:2:2: error: A quoted cell is never closed; check that every opening \" has its closing \".")
    }

    @Test func tooManyColumns() {
        let row = String(repeating: "\t", count: 5000)
        #expect(error(Array("x\(row)\n".utf8)) == "in.tsv:1:4097: error: This row has more than 4096 cells; export the sheet alone, without empty columns.")
    }

    @Test func missingFileAndDirectory() {
        #expect(throws: PlanReadError(file: "/nonexistent/plan.tsv", message: "No such file; check the path.")) {
            try PlanReader().read(path: "/nonexistent/plan.tsv")
        }
        #expect(throws: PlanReadError(file: "/tmp", message: "This is a directory; name the plan files inside it.")) {
            try PlanReader().read(path: "/tmp")
        }
    }

    @Test func notPlanKitJSON() {
        #expect(error(Array("{\"a\": 1}".utf8), file: "x.json") == "x.json: error: This JSON is not a PlanKit document: it needs \"format\": \"plankit\"; write one with `plankit convert FILE --to json`.")
        #expect(error(Array("{\"format\": \"plankit\", \"version\": 9, \"plans\": []}".utf8), file: "x.json") == "x.json: error: PlanKit JSON version 9 is not supported; this PlanKit reads version 1.")
    }

    /// Random bytes never crash the reader: they parse or throw.
    @Test(arguments: 0..<50)
    func randomBytesNeverCrash(_ seed: Int) {
        var state = UInt64(seed) &* 0x9E3779B97F4A7C15 &+ 1
        var bytes: [UInt8] = Array("\t\tPolitique en charge\tÉchéance\tBudget ordinaire\n".utf8)
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let pick = Int(state >> 59)
            let alphabet = Array("\t;,\"\n\r ?/€().0123Action 1.Objectif opérationnel".utf8)
            bytes.append(pick < 28 ? alphabet[Int(state >> 32) % alphabet.count] : UInt8(truncatingIfNeeded: state >> 40))
        }
        bytes.removeAll { $0 == 0 }
        _ = try? PlanReader().read(bytes, file: "random.tsv")
    }
}
