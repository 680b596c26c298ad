import Foundation
import Testing

/// `plankit convert --to ecomptes` and `--to ecomptes-export`, end to end through the built
/// executable, checked by xmllint.
@Suite struct EComptesConvertTests {
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The schema each target must validate against.
    static func schema(_ target: String) -> String {
        Executable.root.appendingPathComponent(
            target == "ecomptes" ? "Reference/ecomptes/schema_import_ecomptes_201805V1.xsd" : "Reference/ecomptes/PST_eComptes_Export_201805V1.xsd").path
    }

    /// Runs xmllint; its status, standard output and standard error.
    static func lint(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint ?? "/usr/bin/xmllint")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let messages = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, messages)
    }

    /// The canonical XML of a file, white space between elements aside.
    static func canonical(_ path: String) throws -> String {
        try lint(["--c14n", path]).out.replacingOccurrences(of: ">[ \\t\\r\\n]+<", with: "><", options: .regularExpression)
    }

    @Test(.enabled(if: xmllint != nil, "xmllint is not installed (Scripts/setup.sh installs libxml2-utils)"), arguments: [
        "demo-pst-201805V1.xml", "ecomptes-export-levels.xml", "ecomptes-upload.xml", "ecomptes-missing-elementid.xml", "ecomptes-invalid.xml",
        "pst-citoyennete.tsv", "pst-citoyennete-excel.csv", "pst-citoyennete-utf16.txt", "pst-forms.csv", "pcs-citoyenneville.tsv",
        "pst-faults.tsv", "pst-cohesion.tsv",
    ], ["ecomptes", "ecomptes-export"])
    func everyWrittenFileValidates(_ name: String, _ target: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let out = dir + "/out.xml"
        let result = try Executable.run(["convert", Executable.fixture(name), "--to", target, "-o", out])
        #expect(result.status == 0)
        let lint = try Self.lint(["--noout", "--schema", Self.schema(target), out])
        #expect(lint.err == "\(out) validates\n")
        #expect(lint.status == 0)
    }

    /// The demo export written back as an export, and an upload as an upload, are the files read.
    @Test(.enabled(if: xmllint != nil, "xmllint is not installed (Scripts/setup.sh installs libxml2-utils)"), arguments: [
        ("demo-pst-201805V1.xml", "ecomptes-export"), ("ecomptes-export-levels.xml", "ecomptes-export"), ("ecomptes-upload.xml", "ecomptes"),
    ])
    func roundTripIsTheSameCanonicalXML(_ name: String, _ target: String) throws {
        let result = try Executable.run(["convert", Executable.fixture(name), "--to", target])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        try result.stdout.write(toFile: dir + "/back.xml", atomically: true, encoding: .utf8)
        #expect(try Self.canonical(dir + "/back.xml") == Self.canonical(Executable.fixture(name)))
    }

    @Test func spreadsheetUploadSaysWhatWasInvented() throws {
        let result = try Executable.run(["convert", Executable.seed, "--to", "ecomptes"])
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(Executable.seed): warning: 14 elements have no ElementId, which eComptes requires; PlanKit wrote ids of its own (volet-1, os-1, oo-1-1, …).
            \(Executable.seed): warning: 14 people have no civility, which eComptes requires; PlanKit wrote MONSIEUR.

            """)
        #expect(!result.stdout.contains("<Articles"))
        #expect(!result.stdout.contains("<Projections"))
    }

    @Test func invalidFileIsConvertedWithItsWarnings() throws {
        let path = Executable.fixture("ecomptes-missing-elementid.xml")
        let result = try Executable.run(["convert", path, "--to", "ecomptes"])
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(path):134:60: warning: Element 'Action': The attribute 'ElementId' is required but missing (eComptes upload schema). [read.ecomptes-invalid]
            \(path): warning: 1 element has no ElementId, which eComptes requires; PlanKit wrote one of its own (a-4.5).

            """)
    }

    /// Budget lines of every level answer queries, and EN_ATTENTE is no longer pending.
    @Test func levelsAndFollowUpAreQueried() throws {
        let levels = Executable.fixture("ecomptes-export-levels.xml"), demo = Executable.fixture("demo-pst-201805V1.xml")
        let budget = try Executable.run(["query", "budget select level, owner, action, amount", levels, "--format", "csv"])
        #expect(budget.stdout == "level,owner,action,amount\r\nvolet,VOLET INTERNE,,500\r\nstrategic,OS.1,,1813.5\r\nstrategic,OS.1,,2000\r\noperational,OO.2,,250\r\naction,3,3,15000\r\naction,4,4,1200\r\nsubaction,4.5,4.5,300.5\r\n")
        let sum = try Executable.run(["query", "budget where level = \"strategic\" select sum(amount), count()", levels, "--format", "csv"])
        #expect(sum.stdout == "sum(amount),count()\r\n3813.5,2\r\n")
        let whole = try Executable.run(["query", "budget select count(), sum(amount)", demo, "--format", "csv"])
        #expect(whole.stdout == "count(),sum(amount)\r\n20,19800.55\r\n")
        let pending = try Executable.run(["query", "actions where pending select count()", demo, "--format", "csv"])
        #expect(pending.stdout == "count()\r\n0\r\n")
        let statuses = try Executable.run(["query", "actions group by status select status, count() sort by status", demo, "--format", "csv"])
        #expect(statuses.stdout == "status,count()\r\nin progress,3\r\nwaiting,12\r\n")
        let follow = try Executable.run(["query", "actions select id, parent, status, status.text, progress, start, end, fte, mandataire, plans", levels, "--format", "csv"])
        #expect(follow.stdout == """
            id,parent,status,status.text,progress,start,end,fte,mandataire,plans\r
            3,,done,TERMINE,100,2024-01-15,2024-12-31,0.5,Anne Dupont,PST Aînés\r
            4,,waiting,EN_ATTENTE,12.5,,,1.5,,\r
            4.5,4,problem,PROBLEME,0,,2024-06-30,0,,\r
            4,,cancelled,ANNULE_ABANDONNE,0,,,0,,\r

            """)
        let objectives = try Executable.run(["query", "objectives select number, level, status, responsible, mandataire, plans", levels, "--format", "csv"])
        #expect(objectives.stdout == """
            number,level,status,responsible,mandataire,plans\r
            1,strategic,in progress,,,"Plan de gestion, Plan de formation du personnel"\r
            2,operational,in progress,Paul Martin,Anne Dupont,Plan de gestion\r
            2,operational,not started,,,\r
            8,strategic,not started,,,\r

            """)
    }

    /// An article's allocations count every level's lines, and budget.overcommitted sees them.
    @Test func objectiveLinesCountInArticlesAndChecks() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        // The seed states a credit of 24 850 € for 84021/124-02 and allocates 5 000 € of it to
        // action 3.2; an eComptes strategic objective charging 21 813,50 € to the same article adds to it.
        let xml = try String(contentsOfFile: Executable.fixture("ecomptes-export-levels.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<CodeArticle>104/123-13</CodeArticle>", with: "<CodeArticle>84021/124-02</CodeArticle>")
            .replacingOccurrences(of: "<Montant>1813.50</Montant>", with: "<Montant>21813.50</Montant>")
        try xml.write(toFile: dir + "/os.xml", atomically: true, encoding: .utf8)
        let articles = try Executable.run(["query", "articles where code = \"84021/124-02\" select code, credit, allocated, lines", Executable.seed, dir + "/os.xml", "--format", "csv"])
        #expect(articles.stdout == "code,credit,allocated,lines\r\n84021/124-02,24850,26813.5,2\r\n")
        let check = try Executable.run(["check", Executable.seed, dir + "/os.xml", "--rules", "budget.overcommitted", "--format", "csv"])
        #expect(check.stdout.contains("Article 84021/124-02 has 26813.5 € allocated (elements 3.2 in pst-citoyennete, OS.1 in PST 2024-2030), more than its stated credit of 24850 €."))
    }
}
