import Testing

/// The command line's own conveniences: several `-c`, and a mistyped command named as such.
@Suite struct CommandLineTests {
    /// Every `-c` runs, in order; the worst status is the command's; `--bail` stops at the first failure.
    @Test func severalStatementOptionsRunInOrder() throws {
        let seed = Executable.seed
        let both = try Executable.run(["-c", ".format csv", "-c", "plans select count()", "-c", "actions select count()", seed])
        #expect(both.status == 0)
        #expect(both.stdout == "count()\r\n1\r\ncount()\r\n9\r\n")
        let failing = try Executable.run(["-c", "assert actions is empty", "-c", ".format csv", "-c", "actions select count()", seed])
        #expect(failing.status == 1)
        #expect(failing.stdout.hasSuffix("count()\r\n9\r\n"))
        let bailed = try Executable.run(["--bail", "-c", "assert actions is empty", "-c", "actions select count()", seed])
        #expect(bailed.status == 1)
        #expect(bailed.stdout == "")
    }

    /// `plankit qurey …` says which command was meant instead of "No such file".
    @Test(arguments: [("qurey", "query"), ("chek", "check"), ("convrt", "convert")])
    func mistypedCommandsAreNamed(_ typed: String, _ meant: String) throws {
        let result = try Executable.run([typed, "actions", Executable.seed])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "Error: Unknown command '\(typed)'; did you mean '\(meant)'? (plankit --help lists the commands; a plan file is named with its extension.)\n")
    }

    /// `-` among the files reads a plan from standard input, beside named files.
    @Test func aDashReadsStandardInput() throws {
        let text = try String(contentsOfFile: Executable.seed, encoding: .utf8)
        let piped = try Executable.run(["query", "actions select count()", "-", "--format", "csv"], input: text)
        #expect(piped.status == 0)
        #expect(piped.stderr == "")
        #expect(piped.stdout == "count()\r\n9\r\n")
        let cohesion = Executable.root.appendingPathComponent("Examples/pst-cohesion.tsv").path
        let both = try Executable.run(["query", "plans select count()", "-", cohesion, "--format", "csv"], input: text)
        #expect(both.stdout == "count()\r\n2\r\n")
    }

    /// With two plans loaded, every collection's rows say which plan they come from, with a
    /// select too (links by their source's plan); findings by their file.
    @Test(arguments: [
        ("actions where id = \"1.1\" select id", "plan,id\r\npst-citoyennete,1.1\r\npst-cohesion,1.1\r\n"),
        ("objectives where level = \"strategic\" select number", "plan,number\r\npst-citoyennete,1\r\npst-cohesion,1\r\n"),
        ("budget where article = \"84021/124-02\" select action, amount", "plan,action,amount\r\npst-citoyennete,3.2,5000\r\npst-cohesion,1.1,22000\r\n"),
        ("links where ref = \"6\" select action, ref", "source.plan,action,ref\r\npst-citoyennete,1.1,6\r\n"),
        ("findings where rule = \"budget.overcommitted\" select message, file",
         "message,file\r\n\"Article 84021/124-02 has 27000 € allocated (actions 3.2 in pst-citoyennete, 1.1 in pst-cohesion), more than its stated credit of 24850 €.\",Examples/pst-cohesion.tsv\r\n"),
    ])
    func rowsOfTwoPlansSayTheirPlan(_ query: String, _ expected: String) throws {
        let result = try Executable.run(["query", query, "Examples/pst-citoyennete.tsv", "Examples/pst-cohesion.tsv", "--format", "csv"],
                                        directory: Executable.root.path)
        #expect(result.status == 0)
        #expect(result.stdout == expected)
    }
}
