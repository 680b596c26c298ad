import PlanQuery
import Testing
@testable import PlanShell

@Suite struct StatementTests {
    @Test func assertions() throws {
        guard case .assertion(let q1, .empty) = try Statement.parse("assert actions where pilot.agent is unknown is empty") else { Issue.record("not empty form"); return }
        #expect(q1.collection == "actions")
        guard case .assertion(_, .notEmpty) = try Statement.parse("assert links is not empty") else { Issue.record("not notEmpty form"); return }
        guard case .assertion(let q3, .compare(.equal, .number("70000"), _)) = try Statement.parse("assert budget select sum(amount) = 70000") else { Issue.record("not compare form"); return }
        #expect(q3.select?.map(\.name) == ["sum(amount)"])
        guard case .assertion(_, .empty) = try Statement.parse("assert (actions where deadline is empty) is empty") else { Issue.record("parenthesised"); return }
    }

    @Test func assertionWithoutExpectation() {
        #expect(throws: QueryError("An assertion ends with 'is empty' or 'is not empty', or compares a one-value select with a value, as in assert budget select sum(amount) = 70000.", at: QueryLocation(offset: 14, line: 1, column: 15))) {
            try Statement.parse("assert actions")
        }
    }

    @Test func checkStatements() throws {
        guard case .check(let all) = try Statement.parse("check") else { Issue.record("no check"); return }
        #expect(all.isEmpty)
        guard case .check(let some) = try Statement.parse("check action.unknown-pilot, action.open-question") else { Issue.record("no check"); return }
        #expect(some == ["action.unknown-pilot", "action.open-question"])
        #expect(throws: QueryError.self) { try Statement.parse("check no.such-rule") }
    }

    @Test(arguments: [
        (".help", MetaCommand.help(nil)), (".help keys", .help("keys")), (".load a.tsv \"b c.tsv\"", .load(["a.tsv", "b c.tsv"])),
        (".plans", .plans), (".schema budget", .schema("budget")), (".format json", .format(.json)), (".output out.txt", .output("out.txt")),
        (".output stdout", .output(nil)), (".timer on", .timer(true)), (".history", .history), (".quit", .quit), (".exit", .quit),
    ])
    func metaCommands(_ text: String, _ expected: MetaCommand) throws {
        #expect(try MetaCommand.parse(text) == expected)
    }

    @Test(arguments: [
        (".lod x", "Unknown meta-command .lod; did you mean .load?"),
        (".frobnicate", "Unknown meta-command .frobnicate; .help lists them."),
        (".format yaml", ".format takes one of table, csv, json, markdown, xlsx."),
        (".timer maybe", ".timer takes on or off."),
        (".load", ".load needs at least one file: .load plan.tsv"),
        (".plans now", ".plans takes no argument."),
    ])
    func metaCommandErrors(_ text: String, _ message: String) {
        #expect(throws: QueryError.self) { try MetaCommand.parse(text) }
        do { _ = try MetaCommand.parse(text) } catch { #expect(error.message == message) }
    }
}
