import Foundation
import Testing

/// Scripts, -c and piped statements, through the built executable.
@Suite struct BatchTests {
    static func script(_ text: String) throws -> String {
        let path = try Executable.temporaryDirectory() + "/check.pkq"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["budget-by-function.pkq", "actions-without-pilots.pkq", "links-to-pcs.pkq", "due-in-year.pkq"])
    func exampleScriptsRunOnTheSeed(_ name: String) throws {
        let result = try Executable.run(["run", "Scripts/examples/\(name)", "Examples/pst-citoyennete.tsv", "--param", "year=2020"], directory: Executable.root.path)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("rows)") || result.stdout.contains("(1 row)"))
    }

    @Test func exampleScriptAnswers() throws {
        let links = try Executable.run(["run", "Scripts/examples/links-to-pcs.pkq", "Examples/pst-citoyennete.tsv"], directory: Executable.root.path)
        #expect(links.stdout.contains("1.2     action  5.5.02  Analyser la possibilité de création de lieux de convivialité\n"))
        #expect(links.stdout.contains("1.2     PST Culture\n"))
        let budget = try Executable.run(["run", "Scripts/examples/budget-by-function.pkq", "Examples/pst-citoyennete.tsv"], directory: Executable.root.path)
        #expect(budget.stdout.hasPrefix("""
            function  kind           known  lines
            --------  -------------  -----  -----
            104       ordinary       20000      1
            832       ordinary          ??      1
            840       extraordinary  20000      1
            840       ordinary       35000      2
            (4 rows)

            """))
    }

    @Test func failedAssertionExitsOneAndGoesOn() throws {
        let path = try Self.script("""
            assert actions where deadline is unknown select id is empty
            actions where id = "3.1" select id
            """)
        defer { Executable.remove((path as NSString).deletingLastPathComponent) }
        let result = try Executable.run(["run", path, Executable.seed, "--format", "csv"].filter { $0 != "--format" && $0 != "csv" })
        #expect(result.status == 1)
        #expect(result.stdout == "id\n---\n3.1\n(1 row)\n")
        #expect(result.stderr.hasPrefix("\(path):1: assertion failed: assert actions where deadline is unknown select id is empty: expected no rows, found 6.\nid\n---\n1.2\n"))
    }

    @Test func bailStopsAtTheFirstFailedAssertion() throws {
        let path = try Self.script("assert links is empty\nactions select id limit 1\n")
        defer { Executable.remove((path as NSString).deletingLastPathComponent) }
        let result = try Executable.run(["run", path, Executable.seed, "--bail"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
    }

    @Test func errorStopsWithScriptLineColumn() throws {
        let path = try Self.script("actions select id limit 1\n\nbudget where amount ~ \"3\"\nlinks\n")
        defer { Executable.remove((path as NSString).deletingLastPathComponent) }
        let result = try Executable.run(["run", path, Executable.seed])
        #expect(result.status == 2)
        #expect(result.stdout == "id\n---\n1.1\n(1 row)\n")
        #expect(result.stderr == "\(path):3:14: error: ~ matches text, and 'amount' is an amount; compare it with =, <, >.\nbudget where amount ~ \"3\"\n             ^^^^^^\n")
    }

    @Test func scriptFromStandardInput() throws {
        let result = try Executable.run(["run", "-", Executable.seed], input: "assert actions select count() = 9\nplans select domain\n")
        #expect(result.status == 0)
        #expect(result.stdout == "domain\n-----------\nCITOYENNETE\n(1 row)\n")
    }

    @Test func dashC() throws {
        let result = try Executable.run(["-c", ".format json; links where kind = \"axis\" select action, ref", Executable.seed])
        #expect(result.status == 0)
        #expect(result.stdout == "[\n  {\"action\": \"1.1\", \"ref\": \"6\"}\n]\n")
        let failing = try Executable.run(["-c", "assert links is empty", Executable.seed])
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("-c:1: assertion failed: assert links is empty: expected no rows, found 5."))
    }

    @Test func pipedInputIsAScriptWithoutPrompt() throws {
        let result = try Executable.run([Executable.seed], input: "actions where id = \"1.1\" select id\n.quit\nlinks\n")
        #expect(result.status == 0)
        #expect(result.stdout == "id\n---\n1.1\n(1 row)\n")
        #expect(!result.stdout.contains("plankit>"))
        let failing = try Executable.run([Executable.seed], input: "actions where nope\n")
        #expect(failing.status == 2)
        #expect(failing.stderr.hasPrefix("stdin:1:15: error: Unknown field 'nope' on action"))
    }

    @Test func missingScript() throws {
        let result = try Executable.run(["run", "/nonexistent.pkq", Executable.seed])
        #expect(result.status == 2)
        #expect(result.stderr == "/nonexistent.pkq: error: No such file; check the path.\n")
    }
}
