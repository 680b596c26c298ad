import Foundation
import Testing

@Suite struct QueryCommandTests {
    @Test func jsonRowsOfTheSeed() throws {
        let result = try Executable.run(["query", "actions where budget.article ~ \"840\"", Executable.seed, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["1.2", "3.1", "3.2"])
        #expect(rows[1]["title"] as? String == "Définir la procédure d'attribution du budget participatif destiné à soutenir des projets citoyens")
        #expect(rows[1]["objective"] as? String == "3")
        #expect(rows[1]["deadline"] as? String == "2e sem. 2020")
        #expect(rows[0]["deadline"] is NSNull)
    }

    @Test func budgetRowsInJSON() throws {
        let result = try Executable.run(["query", "budget", Executable.seed, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 11)
        let line32 = try #require(rows.first { $0["action"] as? String == "3.2" })
        #expect(line32["kind"] as? String == "ordinary")
        #expect(line32["amount"] as? Double == 5000)
        #expect(line32["article"] as? String == "84021/124-02")
        let line23 = try #require(rows.first { $0["action"] as? String == "2.3" })
        #expect(line23["amount"] is NSNull)
        let line11 = try #require(rows.first { $0["action"] as? String == "1.1" })
        #expect(line11["article"] is NSNull)
    }

    /// The Excel CSV variant answers exactly as the original.
    @Test(arguments: ["pst-citoyennete-excel.csv", "pst-citoyennete-utf16.txt"])
    func variantsAnswerTheSame(_ name: String) throws {
        for query in ["actions where budget.article ~ \"840\"", "budget select kind, amount, article, credit", "links", "actions where deadline is unknown"] {
            let a = try Executable.run(["query", query, Executable.seed, "--format", "csv"])
            let b = try Executable.run(["query", query, Executable.fixture(name), "--format", "csv"])
            #expect(a.stdout == b.stdout)
            #expect(b.status == 0)
        }
    }

    @Test func queryErrorExitsTwoWithCaret() throws {
        let result = try Executable.run(["query", "actions where budgte.amount > 3", Executable.seed])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "query:1:15: error: Unknown field 'budgte' on action; did you mean 'budget'?\nactions where budgte.amount > 3\n              ^^^^^^\n")
    }

    @Test func warningsGoToStandardErrorWithLocations() throws {
        let path = Executable.fixture("pst-forms.csv")
        let result = try Executable.run(["query", "actions where id = \"2.5\" select id, deadline, total", path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "id,deadline,total\r\n2.5,??,??\r\n")
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "\(path):23:8: warning: No amount found in this budget cell; write an amount such as 3.000 €, or ?? when it is unknown. It is kept as one line of unknown amount. [read.unparsed-cell]",
            "\(path):24:6: warning: \"Bientôt\" is not a deadline PlanKit reads; it counts as unknown. Write a day (31/12/2021), a year, \"2e sem. 2020\", \"T3 2021\", \"Mai 2022\", \"fin 2022\", \"2019-2024\" or \"En continu\". [read.unparsed-cell]",
            "\(path):24:8: warning: The amount 99999999999999999999 € is too large to hold in cents; check the cell. It is kept as unknown. [read.amount-too-large]",
        ])
    }

    /// A query parses only the columns it reads, and reports only their warnings.
    @Test(arguments: [
        ("actions where id = \"2.5\" select id", [Int]()),
        ("budget where amount is unknown select count()", [23, 24]),
        ("actions where deadline is unknown select count()", [24]),
    ])
    func warningsComeFromTheColumnsRead(query: String, lines: [Int]) throws {
        let path = Executable.fixture("pst-forms.csv")
        let result = try Executable.run(["query", query, path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr.split(separator: "\n").map { Int($0.split(separator: ":")[1]) ?? 0 } == lines)
    }

    @Test func badInputsExitTwo() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let empty = dir + "/empty.tsv"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let binary = dir + "/plan.tsv"
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 1]))
        let nothing = dir + "/nothing"
        try FileManager.default.createDirectory(atPath: nothing, withIntermediateDirectories: false)
        _ = FileManager.default.createFile(atPath: nothing + "/notes.md", contents: Data("# notes".utf8))
        let cases: [(String, String)] = [
            (dir + "/missing.tsv", "\(dir)/missing.tsv: error: No such file; check the path.\n"),
            (nothing, "\(nothing): error: This directory holds no plan file (.tsv, .csv, .txt, .xlsx, .ods, .xml or .json); name the plan files, or a directory that holds them.\n"),
            (empty, "\(empty): error: The file is empty; export the plan's sheet as tab-separated text or CSV.\n"),
            (binary, "\(binary): error: The file looks binary (it holds NUL bytes) and is no workbook PlanKit reads; save the plan as .xlsx or .ods, or export its sheet as text (tab-separated or CSV).\n"),
            (Executable.fixture("no-header.tsv"), "\(Executable.fixture("no-header.tsv")):2:1: error: The plan's table has no header row before its first objective; add the row of column labels (\"Politique en charge\", \"Service en charge\", \"Agent en charge\", \"Échéance\", \"Budget ordinaire\", \"Budget extra\"). PlanKit also reads iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), and a commune's own template described in a layout file (--layout).\n"),
        ]
        for (path, message) in cases {
            let result = try Executable.run(["query", "actions", path])
            #expect(result.status == 2)
            #expect(result.stderr == message)
            #expect(result.stdout == "")
        }
    }

    /// A directory stands for the plan files directly in it, sorted by name, in every command
    /// that loads plans and in `.load`.
    @Test func directoryStandsForItsPlanFiles() throws {
        let base = try Executable.temporaryDirectory()
        defer { Executable.remove(base) }
        let dir = base + "/plans"
        try FileManager.default.createDirectory(atPath: dir + "/old.tsv", withIntermediateDirectories: true)
        for (name, fixture) in [("b-cohesion.TSV", "pst-cohesion.tsv"), ("a-citoyennete.tsv", "pst-citoyennete.tsv"), ("c-pcs.txt", "pcs-citoyenneville.tsv")] {
            try FileManager.default.copyItem(atPath: Executable.fixture(fixture), toPath: dir + "/" + name)
        }
        _ = FileManager.default.createFile(atPath: dir + "/README.md", contents: Data("not a plan".utf8))
        let listed = ["a-citoyennete.tsv", "b-cohesion.TSV", "c-pcs.txt"].map { dir + "/" + $0 }
        let query = "plans select name, file, actions"
        let byFiles = try Executable.run(["query", query] + listed + ["--format", "csv"])
        #expect(byFiles.status == 0)
        #expect(byFiles.stdout.split(whereSeparator: \.isNewline).count == 4)
        for arguments in [["query", query, dir], ["query", query, dir + "/"]] {
            let result = try Executable.run(arguments + ["--format", "csv"])
            #expect(result.status == 0)
            #expect(result.stdout == byFiles.stdout)
        }
        let check = try Executable.run(["check", dir, "--format", "csv", "--fail-on", "never"])
        #expect(check.stdout == (try Executable.run(["check"] + listed + ["--format", "csv", "--fail-on", "never"])).stdout)
        let console = try Executable.run(["-c", "plans select count()", dir])
        #expect(console.stdout.contains("3"))
        let loaded = try Executable.run(["run", "-"], input: ".load \(dir)\n.format csv\nplans select name, file\n")
        #expect(loaded.status == 0)
        #expect(loaded.stdout == (try Executable.run(["query", "plans select name, file", dir, "--format", "csv"])).stdout)
        let convert = try Executable.run(["convert", dir, "--to", "json"])
        #expect(convert.status == 2)
        #expect(convert.stderr == "\(dir): error: This is a directory; name the plan files inside it.\n")
    }

    /// A pipe has no size to read ahead of: the reader grows its buffer to the end.
    @Test func aPlanReadFromAPipe() throws {
        let text = try String(contentsOfFile: Executable.seed, encoding: .utf8)
        let piped = try Executable.run(["query", "budget select count(), sum(amount)", "/dev/stdin", "--format", "csv"], input: text)
        let file = try Executable.run(["query", "budget select count(), sum(amount)", Executable.seed, "--format", "csv"])
        #expect(piped.status == 0)
        #expect(piped.stdout == file.stdout)
    }

    @Test func badUsageExitsTwo() throws {
        let result = try Executable.run(["query", "actions", Executable.seed, "--format", "yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format"))
        #expect(try Executable.run(["frobnicate"]).status == 2)
        let help = try Executable.run(["query", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: plankit query <query> <files> ... [--format <format>] [--param <name=value> ...] [--today <date>]"))
        let noFiles = try Executable.run(["query", "actions"])
        #expect(noFiles.status == 2)
        #expect(noFiles.stderr.contains("Missing expected argument '<files> ...'; name the plan files"))
    }
}

@Suite struct CheckCommandTests {
    let seed = Executable.seed
    let cohesion = Executable.fixture("pst-cohesion.tsv")

    @Test func exitCodesFollowFailOn() throws {
        // The seed alone has warnings and infos, no errors.
        #expect(try Executable.run(["check", seed]).status == 0)
        #expect(try Executable.run(["check", seed, "--fail-on", "warning"]).status == 1)
        #expect(try Executable.run(["check", seed, Executable.fixture("pst-cohesion.tsv")]).status == 1)
        #expect(try Executable.run(["check", seed, cohesion, "--fail-on", "never"]).status == 0)
    }

    @Test func jsonFindings() throws {
        let result = try Executable.run(["check", seed, cohesion, "--rules", "budget.overcommitted", "--format", "json"])
        #expect(result.status == 1)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["rule"] as? String == "budget.overcommitted")
        #expect(rows[0]["severity"] as? String == "error")
        #expect(rows[0]["subject"] as? String == "84021/124-02")
        #expect(rows[0]["file"] as? String == cohesion)
        #expect(rows[0]["line"] as? Int == 8)
        #expect((rows[0]["message"] as? String)?.hasPrefix("Article 84021/124-02 has 27000 € allocated") == true)
    }

    @Test func unknownRuleIsBadUsage() throws {
        let result = try Executable.run(["check", seed, "--rules", "budget.overcomitted"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: Unknown rule 'budget.overcomitted'; rules are read.ambiguous-amount,"))
    }

    @Test func findingsCollectionAndCheckStatement() throws {
        let query = try Executable.run(["query", "findings where severity = \"error\" select rule, subject", seed, cohesion, "--format", "csv"])
        // Two plans loaded: the findings say their file.
        #expect(query.stdout == "file,rule,subject\r\n\(cohesion),budget.overcommitted,84021/124-02\r\n")
        let script = try Executable.run(["-c", "check budget.overcommitted", seed, cohesion])
        #expect(script.status == 1)
        #expect(script.stderr == "-c:1: check found 1 error.\n")
        #expect(try Executable.run(["-c", "check budget.overcommitted", seed]).status == 0)
    }

    @Test func convertToEComptes() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let result = try Executable.run(["convert", seed, "--to", "ecomptes-export", "-o", dir + "/pst.xml"])
        #expect(result.status == 0)
        let back = try Executable.run(["query", "budget select action, amount, article", dir + "/pst.xml", "--format", "csv"])
        #expect(back.status == 0)
        #expect(back.stdout.contains("3.2,5000,84021/124-02\r\n"))
        #expect(back.stdout.contains("1.2,20000,840/731-53\r\n"))
    }
}
