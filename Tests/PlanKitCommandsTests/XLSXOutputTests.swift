import Foundation
import Testing

/// Workbooks PlanKit writes: query results (`--format xlsx`, the console's `.format xlsx`) and
/// whole plans in PlanKit's layout (`convert --to xlsx`), read back by PlanKit and by openpyxl.
@Suite struct XLSXOutputTests {
    static let values = Executable.root.appendingPathComponent("Scripts/xlsx-values.py").path
    static let openpyxl = PeerTools.openpyxl

    /// openpyxl's reading of a workbook's first sheet, as PlanKit's CSV writes a result.
    static func openpyxlCSV(_ workbook: String, describe: Bool = false) throws -> String {
        let result = try PeerTools.run(PeerTools.python3 ?? "python3", [values, workbook] + (describe ? ["--describe"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static let queries = [
        "actions select id, title, deadline, total, pending, pilot.agent, questions",
        "budget select action, kind, label, amount, article, credit, action.deadline",
        "budget group by article.main select article.main, sum(amount), count()",
        "actions where deadline is unknown select id, deadline, deadline.year",
    ]

    @Test(.enabled(if: openpyxl, "openpyxl is not installed (Scripts/setup.sh installs it with pip)"), arguments: queries)
    func openpyxlReadsWhatCSVSays(_ query: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let book = dir + "/result.xlsx"
        let written = try Executable.run(["query", query, Executable.seed, "--format", "xlsx", "-o", book])
        #expect(written.status == 0 && written.stdout.isEmpty && written.stderr.isEmpty)
        let csv = try Executable.run(["query", query, Executable.seed, "--format", "csv"])
        #expect(try Self.openpyxlCSV(book) == csv.stdout)
    }

    @Test(.enabled(if: openpyxl, "openpyxl is not installed (Scripts/setup.sh installs it with pip)"))
    func cellsHaveTheirTypesAndTheHeaderIsFrozenAndFiltered() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let book = dir + "/result.xlsx"
        _ = try Executable.run(["query", "actions select id, total, pending, deadline, progress limit 2", Executable.fixture("demo-pst-201805V1.xml"),
                                "--format", "xlsx", "-o", book])
        // An id stays text (1.10 is not 1.1), an amount is a number in euros, a day is a date.
        #expect(try Self.openpyxlCSV(book, describe: true)
            == "Résultat\tfrozen=A2\tfilter=A1:E3\tstr:General NoneType:General bool:General datetime:dd/mm/yyyy float:General\n")
        _ = try Executable.run(["query", "budget select amount limit 1", Executable.seed, "--format", "xlsx", "-o", book])
        #expect(try Self.openpyxlCSV(book, describe: true) == "Résultat\tfrozen=A2\tfilter=A1:A2\tint:#,##0.00\\ \"€\"\n")
    }

    /// The follow-up fields' days are dates in a workbook, as deadlines' days are, and compare
    /// with a date written as text.
    @Test(.enabled(if: openpyxl, "openpyxl is not installed (Scripts/setup.sh installs it with pip)"))
    func followUpDaysAreDates() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let book = dir + "/result.xlsx"
        let query = "actions where id = \"1.1\" select start, end.effective, deadline.end"
        let written = try Executable.run(["query", query, Executable.fixture("follow-up.json"), "--format", "xlsx", "-o", book])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try Self.openpyxlCSV(book, describe: true)
            == "Résultat\tfrozen=A2\tfilter=A1:C2\tdatetime:dd/mm/yyyy datetime:dd/mm/yyyy datetime:dd/mm/yyyy\n")
        // (The script prints a date cell as dd/mm/yyyy; CSV writes 2024-02-01, 2024-11-30, 2024-12-31.)
        #expect(try Self.openpyxlCSV(book) == "start,end.effective,deadline.end\r\n01/02/2024,30/11/2024,31/12/2024\r\n")
        let later = try Executable.run(["query", "actions where start >= \"2020-01-01\" select id", Executable.fixture("follow-up.json")])
        #expect(later.status == 0 && later.stderr.isEmpty && later.stdout.contains("1.1"), "\(later.stderr)")
    }

    @Test func aWorkbookIsWrittenThroughAPipe() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        // Standard output is a pipe here: the workbook goes through it.
        let piped = try Executable.run(["query", "actions select id", Executable.seed, "--format", "xlsx"])
        #expect(piped.status == 0)
        #expect(piped.stdout.utf8.starts(with: Array("PK\u{3}\u{4}".utf8)))
        #expect(piped.stderr.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) is not installed: no terminal to refuse"))
    func aWorkbookIsRefusedOnATerminal() throws {
        let refusals = [
            ("query actions \(Executable.seed) --format xlsx",
             "plankit: error: an xlsx workbook is binary and standard output is a terminal; write it to a file with -o FILE.xlsx, or redirect standard output."),
            ("check \(Executable.seed) --format xlsx",
             "plankit: error: an xlsx workbook is binary and standard output is a terminal; write it to a file with -o FILE.xlsx, or redirect standard output."),
            ("convert \(Executable.seed) --to xlsx",
             "plankit convert: error: --to xlsx writes a binary file and standard output is a terminal; write it to a file with -o FILE.xlsx, or redirect standard output."),
            ("convert \(Executable.seed) --to sqlite",
             "plankit convert: error: --to sqlite writes a binary file and standard output is a terminal; write it to a file with -o FILE.db, or redirect standard output."),
        ]
        for (arguments, message) in refusals {
            let result = try PeerTools.run("/usr/bin/script", ["-qec", "\(Executable.path) \(arguments); echo status=$?", "/dev/null"])
            let output = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
            // Standard error is coloured on a terminal: the message is compared without its colours.
            let plain = output.replacingOccurrences(of: "\u{1B}[1;31m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
            #expect(plain.contains(message + "\nstatus=2"), "\(arguments): \(plain)")
            #expect(!output.contains("PK"))
        }
    }

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let plan = dir + "/plan.tsv"
        try FileManager.default.copyItem(atPath: Executable.seed, toPath: plan)
        let result = try Executable.run(["query", "actions", plan, "--format", "xlsx", "-o", plan])
        #expect(result.status == 2)
        #expect(result.stderr == "\(plan): error: this is an input file; writing over it would lose it. Choose another output.\n")
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == String(contentsOfFile: Executable.seed, encoding: .utf8))
        let nowhere = try Executable.run(["query", "actions", plan, "--format", "xlsx", "-o", "/nonexistent/r.xlsx"])
        #expect(nowhere.stderr == "/nonexistent/r.xlsx: error: cannot write here (No such file or directory); check the directory exists and is writable.\n")
    }

    @Test(.enabled(if: openpyxl, "openpyxl is not installed (Scripts/setup.sh installs it with pip)"))
    func theConsoleWritesASheetPerResult() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let refused = try Executable.run(["-c", ".format xlsx", "-c", "actions", Executable.seed])
        #expect(refused.status == 2)
        #expect(refused.stderr == "-c:1: error: an xlsx workbook is binary and is not shown here; name its file first with .output FILE.xlsx.\n")
        let book = dir + "/session.xlsx"
        let run = try Executable.run(["-c", ".format xlsx; .output \(book); actions select id, total; budget select sum(amount); .plans", Executable.seed])
        #expect(run.status == 0, "\(run.stderr)")
        let sheets = try Self.openpyxlCSV(book, describe: true).split(separator: "\n").map { $0.split(separator: "\t")[0] }
        #expect(sheets == ["Résultat 1", "Résultat 2", "Résultat 3"])
        #expect(try Self.openpyxlCSV(book) == Executable.run(["query", "actions select id, total", Executable.seed, "--format", "csv"]).stdout)
    }

    // MARK: - Whole plans

    /// Every fixture PlanKit reads as plans in the communes' layouts (the workbook of a million
    /// rows aside: it is a reader's limit, slow to read in a debug build). The tables of one row
    /// per action path (iA.PST's Export, the French template, a layout file's template in
    /// Examples/layout) are other layouts: their sub-actions and follow-up cells are what the
    /// communes' layout cannot hold, and `convert` names them in warnings.
    static let otherLayouts: Set<String> = ["iapst-export.tsv", "plan-action-template.tsv"]
    static let layoutFixtures: [String] = {
        let fm = FileManager.default
        let examples = ((try? fm.contentsOfDirectory(atPath: Executable.root.appendingPathComponent("Examples").path)) ?? [])
            .filter { $0.contains(".") }.map { "Examples/" + $0 }
        let text = ((try? fm.contentsOfDirectory(atPath: Executable.fixture(""))) ?? [])
            .filter { [".tsv", ".csv", ".txt"].contains(where: $0.hasSuffix) && $0 != "no-header.tsv" && !otherLayouts.contains($0) }
            .map { "Tests/Fixtures/" + $0 }
        let books = ["book.xlsx", "book.ods", "dates-1904.xlsx", "pcs-citoyenneville.xlsx", "pcs-citoyenneville.ods", "pst-citoyennete.xlsx",
                     "pst-citoyennete.ods", "pst-cohesion.xlsx", "pst-cohesion.ods", "pst-faults.xlsx", "pst-faults.ods", "pst-forms.xlsx",
                     "pst-forms.ods"].map { "Tests/Fixtures/workbooks/" + $0 }
        return (examples + text).sorted() + books
    }()

    /// Warnings about the source workbook's form, which a workbook PlanKit writes does not have.
    static let formRules: Set<String> = ["read.hidden-content", "read.formula-without-value", "read.sheet-skipped"]

    /// PlanKit JSON of `file`'s plans, locations, sources and warnings on the workbook's form aside.
    static func model(_ file: String) throws -> NSObject {
        let result = try Executable.run(["convert", file, "--to", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                var kept: [String: Any] = [:]
                for (key, value) in object where key != "location" && key != "source" { kept[key] = strip(value) }
                return kept
            }
            if let array = value as? [Any] {
                return array.filter { element in
                    guard let rule = (element as? [String: Any])?["rule"] as? String else { return true }
                    return !formRules.contains(rule)
                }.map(strip)
            }
            return value
        }
        return strip(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? NSObject ?? NSNull()
    }

    @Test(arguments: layoutFixtures)
    func aPlanWrittenInPlanKitsLayoutReadsBackTheSame(_ fixture: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let original = Executable.root.appendingPathComponent(fixture).path
        // Named after the original, as a workbook of one sheet names its plan after the file.
        let name = URL(fileURLWithPath: fixture).deletingPathExtension().lastPathComponent
        let book = dir + "/\(name).xlsx"
        let written = try Executable.run(["convert", original, "--to", "xlsx", "-o", book])
        #expect(written.status == 0)
        #expect(try Self.model(book) == Self.model(original))
    }

    /// A table of one row per action path (iA.PST's Export, the French template, a layout file's
    /// template) written in the communes' layout: each action row starts with its number
    /// (`Action 3.`, `Action 1.1.1.1.`), so reading the workbook back gives the same actions, ids,
    /// titles, pilots, deadlines and budgets, and the same objectives where each action has one.
    @Test(arguments: [
        (["Tests/Fixtures/iapst-export.tsv"], true),
        (["Tests/Fixtures/plan-action-template.tsv"], false),
        (["Examples/layout/pst-modave.tsv", "--layout", "Examples/layout/modave.layout.json"], true),
    ])
    func aTableOfOneRowPerActionReadsBackTheSameActions(_ input: [String], _ sameObjectives: Bool) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let book = dir + "/plan.xlsx"
        let written = try Executable.run(["convert"] + input + ["--to", "xlsx", "-o", book], directory: Executable.root.path)
        #expect(written.status == 0, "\(written.stderr)")
        var queries = ["actions select id, title, pilot.political, pilot.service, pilot.agent, deadline, ordinary, extraordinary, hr, pending"]
        if sameObjectives { queries.append("objectives select level, number, title, actions") }
        for query in queries {
            let a = try Executable.run(["query", query] + input + ["--format", "csv"], directory: Executable.root.path)
            let b = try Executable.run(["query", query, book, "--format", "csv"])
            #expect(b.status == 0, "\(b.stderr)")
            #expect(a.stdout.split(whereSeparator: \.isNewline).count > 2)
            #expect(a.stdout == b.stdout, "\(query)")
        }
    }

    @Test(arguments: ["demo-pst-201805V1.xml", "ecomptes-upload.xml"])
    func anEComptesPlanKeepsWhatTheLayoutHolds(_ fixture: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let original = Executable.fixture(fixture)
        let book = dir + "/plan.xlsx"
        let written = try Executable.run(["convert", original, "--to", "xlsx", "-o", book])
        #expect(written.status == 0)
        #expect(written.stderr.contains("\(original): warning: "))
        #expect(written.stderr.contains("the PST layout has no columns for eComptes' fields (status, progress, dates, responsible, ids…)"))
        for query in ["plans select name, period, kind", "objectives select level, number, title, actions",
                      "actions select id, title, code, pilot.political, pilot.service, pilot.agent, deadline, ordinary, extraordinary",
                      // eComptes' ETP is written as the cell reads it, `0,5 ETP`; 0, eComptes' "none", leaves it blank.
                      "actions where fte > 0 select id, fte", "actions where hr = missing select id"] {
            let a = try Executable.run(["query", query, original, "--format", "csv"])
            let b = try Executable.run(["query", query, book, "--format", "csv"])
            #expect(a.stdout == b.stdout, "\(query)")
            #expect(!b.stderr.contains("read.unparsed-cell"), "\(b.stderr)")
        }
    }

    /// The warning Docs/formats.md shows for an eComptes plan written in the PST layout.
    @Test func theDocumentedWarningOfAnEComptesPlan() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let doc = try String(contentsOf: Executable.root.appendingPathComponent("Docs/formats.md"), encoding: .utf8)
        let command = "plankit convert Tests/Fixtures/ecomptes-upload.xml --to xlsx -o pst.xlsx\n"
        let start = try #require(doc.range(of: "```\n" + command))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        let result = try Executable.run(["convert", "Tests/Fixtures/ecomptes-upload.xml", "--to", "xlsx", "-o", dir + "/pst.xlsx"], directory: Executable.root.path)
        #expect(result.status == 0)
        #expect(result.stderr == doc[start.upperBound..<end.lowerBound] + "\n")
    }

    @Test(.enabled(if: openpyxl, "openpyxl is not installed (Scripts/setup.sh installs it with pip)"))
    func openpyxlReadsThePlansCells() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let book = dir + "/pst-citoyennete.xlsx"
        _ = try Executable.run(["convert", Executable.seed, "--to", "xlsx", "-o", book])
        let rows = PeerTools.csv(try Self.openpyxlCSV(book))
        #expect(rows[3] == ["", "Politique en charge", "Service en charge", "Agent en charge", "Échéance", "OO", "Budget ordinaire +ref", "Budget extra + ref.", "RH"])
        let titles = rows.compactMap { $0.first }.filter { $0.hasPrefix("Action ") }
        let texts = PeerTools.csv(try Executable.run(["query", "actions select text", Executable.seed, "--format", "csv"]).stdout).dropFirst().map { $0[0] }
        #expect(titles == Array(texts))
    }
}
