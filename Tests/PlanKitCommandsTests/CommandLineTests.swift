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
}
