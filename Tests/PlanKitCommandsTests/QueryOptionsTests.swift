import Foundation
import Testing

/// `--param`, `--today` and `PLANKIT_TODAY` on every command, and queries that start with `-`.
@Suite struct QueryOptionsTests {
    let seed = Executable.seed

    @Test func aQueryStartingWithADashIsNoOption() throws {
        let commented = try Executable.run(["query", "-- the first action\nactions select id limit 1", seed, "--format", "csv"])
        #expect(commented.stderr == "")
        #expect(commented.stdout == "id\r\n1.1\r\n")
        let terminated = try Executable.run(["query", "--format", "csv", "--", "actions select id limit 1", seed])
        #expect(terminated.stdout == "id\r\n1.1\r\n")
        let statement = try Executable.run(["-c", "-- a comment\nactions select id limit 1", seed])
        #expect(statement.status == 0)
        #expect(statement.stdout.hasPrefix("id\n---\n1.1\n"))
    }

    @Test func anUnknownOptionAfterTheQueryIsNamed() throws {
        let result = try Executable.run(["query", "actions", seed, "--fromat", "csv"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: Unknown option '--fromat'; did you mean '--format'?\n"))
        let noFiles = try Executable.run(["query", "actions"])
        #expect(noFiles.status == 2)
        #expect(noFiles.stderr.hasPrefix("Error: Missing expected argument '<files> ...'; name the plan files after the query, or - for standard input.\n"))
    }

    @Test func parametersAreNumbersOrText() throws {
        let number = try Executable.run(["query", "actions where deadline.year = $year select id", seed, "--param", "year=2020", "--format", "csv"])
        #expect(number.stdout == "id\r\n1.1\r\n1.3\r\n3.1\r\n")
        let text = try Executable.run(["query", "links where plan = $plan select action, ref", seed, "--param", "plan=PCS III", "--format", "csv"])
        #expect(text.stdout == "action,ref\r\n1.1,6\r\n1.2,5.5.02\r\n1.3,6.1.04\r\n")
        let script = try Executable.run(["run", "-", seed, "--param", "year=2020", "--param", "id=3.1"],
                                        input: "assert actions where deadline.year = $year select count() = 3\nassert actions where id = $id is not empty\n")
        #expect(script.status == 0)
        #expect(script.stderr == "")
        let statement = try Executable.run(["-c", "assert actions where deadline.year = $year is empty", seed, "--param", "year=2031"])
        #expect(statement.status == 0)
    }

    @Test func anUnsetParameterIsAnErrorWithACaret() throws {
        let query = try Executable.run(["query", "actions where deadline.year = $year", seed])
        #expect(query.status == 2)
        #expect(query.stderr == """
            query:1:31: error: The parameter $year has no value; give one with --param year=VALUE, as in plankit run script.pkq --param year=2021, or in the console with .param year=VALUE.
            actions where deadline.year = $year
                                          ^^^^^

            """)
        let script = try Executable.run(["run", "-", seed], input: "actions select id\n  where id = $id\n")
        #expect(script.status == 2)
        #expect(script.stderr == """
            stdin:2:14: error: The parameter $id has no value; give one with --param id=VALUE, as in plankit run script.pkq --param id=2021, or in the console with .param id=VALUE.
              where id = $id
                         ^^^

            """)
        let malformed = try Executable.run(["query", "actions", seed, "--param", "year"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "Error: --param 'year' is not NAME=VALUE; write it as --param year=2021 (a name of letters, digits and _, then = and the value).\n")
    }

    /// Every command takes `--today` and reads `PLANKIT_TODAY`, and refuses a date that does not read.
    @Test(arguments: [["query", "actions", "SEED"], ["check", "SEED"], ["convert", "SEED", "--to", "json"], ["-c", "actions", "SEED"], ["run", "-", "SEED"], ["SEED"]])
    func everyCommandRefusesABadToday(_ command: [String]) throws {
        let arguments = command.map { $0 == "SEED" ? seed : $0 }
        let option = try Executable.run(arguments + ["--today", "2021-02-29"], input: "")
        #expect(option.status == 2)
        #expect(option.stderr == "Error: --today '2021-02-29' is not a date; write it as YYYY-MM-DD, such as 2021-07-01.\n")
        let environment = try Executable.run(arguments, input: "", environment: ["PLANKIT_TODAY": "July"])
        #expect(environment.status == 2)
        #expect(environment.stderr == "Error: PLANKIT_TODAY 'July' is not a date; write it as YYYY-MM-DD, such as 2021-07-01.\n")
        let good = try Executable.run(arguments + ["--today", "2021-07-01"], input: "")
        #expect(good.status == 0)
    }

    @Test func todayIsTheGivenDay() throws {
        let option = try Executable.run(["-c", "assert actions where deadline.year = year(today()) select count() = 3", seed, "--today", "2020-05-01"])
        #expect(option.status == 0)
        #expect(option.stderr == "")
        let environment = try Executable.run(["-c", "assert actions where deadline.year = year(today()) is empty", seed], environment: ["PLANKIT_TODAY": "2021-05-01"])
        #expect(environment.status == 0)
        let both = try Executable.run(["query", "actions where deadline.year = year(today()) select id", seed, "--today", "2020-01-01", "--format", "csv"],
                                      environment: ["PLANKIT_TODAY": "2021-05-01"])
        #expect(both.stdout == "id\r\n1.1\r\n1.3\r\n3.1\r\n")
    }
}
