import Foundation
import Testing

/// Drives the console in a real terminal (tmux), as a person would.
final class TmuxSession {
    static let available: Bool = {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let socket = "plankit-test-\(UUID().uuidString.prefix(8))"
    let name = "console"

    /// Runs a tmux command on this test's own server, with `posix_spawn` and `waitpid`: the
    /// server tmux forks keeps what it inherits, which stalls Foundation's `Process`.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-u", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Starts `command` in a detached session, 120×40 unless told.
    init(_ command: String, width: Int = 120, height: Int = 40) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command])
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    func screen() throws -> String { try tmux(["capture-pane", "-t", name, "-p"]) }

    /// Waits (at most 5 s) until the screen satisfies `condition`.
    func wait(_ what: String, _ condition: (String) -> Bool) throws -> String {
        for _ in 0..<100 {
            let text = try screen()
            if condition(text) { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(try screen())")
        return try screen()
    }

    func kill() { _ = try? tmux(["kill-server"]) }

    /// The last non-empty line of the screen.
    static func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux is not installed: the console's terminal tests are skipped (Scripts/setup.sh installs it)"))
struct TmuxConsoleTests {
    func start(history: String) throws -> TmuxSession {
        let command = "cd '\(Executable.root.path)' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm PLANKIT_HISTORY='\(history)' '\(Executable.path)' Examples/pst-citoyennete.tsv"
        let session = try TmuxSession(command)
        _ = try session.wait("the prompt") { $0.contains("plankit>") }
        return session
    }

    @Test func completeRunRecallAndQuit() throws {
        let base = try Executable.temporaryDirectory()
        defer { Executable.remove(base) }
        let history = base + "/history"
        let console = try start(history: history)
        defer { console.kill() }
        try console.type("act")
        try console.send("Tab")
        _ = try console.wait("completion of actions") { TmuxSession.lastLine($0) == "plankit> actions" }
        try console.type("where budget.art")
        try console.send("Tab")
        _ = try console.wait("completion of article") { TmuxSession.lastLine($0) == "plankit> actions where budget.article" }
        try console.type(" ~ \"840\" select id")
        try console.send("Enter")
        let result = try console.wait("the result") { $0.contains("(3 rows)") }
        #expect(result.contains("1.2\n3.1\n3.2\n(3 rows)"))
        // Up recalls the statement.
        try console.send("Up")
        _ = try console.wait("the recalled line") { TmuxSession.lastLine($0) == "plankit> actions where budget.article ~ \"840\" select id" }
        // Ctrl-C cancels it.
        try console.send("C-c")
        _ = try console.wait("a fresh prompt") { TmuxSession.lastLine($0) == "plankit>" }
        // An error does not end the session.
        try console.type("actions where nope")
        try console.send("Enter")
        _ = try console.wait("the error") { $0.contains("repl:1:15: error: Unknown field 'nope' on action") }
        // Accented values complete and match.
        try console.type("links where plan = \"PST A")
        try console.send("Tab")
        _ = try console.wait("the accented value") { TmuxSession.lastLine($0) == "plankit> links where plan = \"PST Aînés\"" }
        try console.send("Enter")
        _ = try console.wait("one link") { $0.contains("(1 row)") }
        // Ctrl-D leaves and saves the history, private to its owner.
        try console.send("C-d")
        let expected = "actions where budget.article ~ \"840\" select id\nactions where nope\nlinks where plan = \"PST Aînés\"\n"
        // The file is created, then written under its lock: wait for its content, not its name.
        for _ in 0..<100 where (try? String(contentsOfFile: history, encoding: .utf8)) != expected { Thread.sleep(forTimeInterval: 0.05) }
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved == expected)
        let attributes = try FileManager.default.attributesOfItem(atPath: history)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// On an 80-column terminal nothing is cut: `.plans` shows whole file names, `check` whole rules and files.
    @Test func eightyColumnsCutNothing() throws {
        let base = try Executable.temporaryDirectory()
        defer { Executable.remove(base) }
        let command = "cd '\(Executable.root.path)' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm PLANKIT_HISTORY='\(base)/history' '\(Executable.path)' Examples/pst-citoyennete.tsv Examples/pst-cohesion.tsv"
        let console = try TmuxSession(command, width: 80, height: 60)
        defer { console.kill() }
        _ = try console.wait("the prompt") { $0.contains("plankit>") }
        try console.type(".plans")
        try console.send("Enter")
        let plans = try console.wait("the plans") { $0.contains("(2 rows)") }
        #expect(plans.contains("Examples/pst-citoyennete.tsv") && plans.contains("Examples/pst-cohesion.tsv"))
        #expect(!plans.contains("…"))
        try console.type("check budget.overcommitted")
        try console.send("Enter")
        let check = try console.wait("the finding") { $0.contains("(1 row)") }
        #expect(check.contains("budget.overcommitted") && check.contains("Examples/pst-cohesion.tsv"))
        #expect(!check.contains("…"))
    }

    /// `.param` sets a parameter, Tab completes `$NAME`, `.param` alone lists the parameters,
    /// `.param -NAME` unsets one; Tab after `sort` offers `by`, after `is` the states.
    @Test func parametersAndCompletion() throws {
        let base = try Executable.temporaryDirectory()
        defer { Executable.remove(base) }
        let console = try start(history: base + "/history")
        defer { console.kill() }
        try console.type(".param year=2020 plan=\"PCS III\"")
        try console.send("Enter")
        try console.type("actions where deadline.year = $y")
        try console.send("Tab")
        _ = try console.wait("the completed parameter") { TmuxSession.lastLine($0) == "plankit> actions where deadline.year = $year" }
        try console.type("sor")
        try console.send("Tab")
        _ = try console.wait("sort by") { TmuxSession.lastLine($0) == "plankit> actions where deadline.year = $year sort by" }
        try console.type("id desc select id")
        try console.send("Enter")
        let result = try console.wait("the result") { $0.contains("(3 rows)") }
        #expect(result.contains("3.1\n1.3\n1.1\n(3 rows)"))
        try console.type(".param")
        try console.send("Enter")
        _ = try console.wait("the parameters") { $0.contains("$plan = \"PCS III\"\n$year = 2020\nplankit>") }
        try console.type(".param -year")
        try console.send("Enter")
        try console.type("actions where total is inc")
        try console.send("Tab")
        _ = try console.wait("is incomplete") { TmuxSession.lastLine($0) == "plankit> actions where total is incomplete" }
        // A completion that opens a parenthesis is not followed by a space.
        try console.send("C-u")
        try console.type("budget select su")
        try console.send("Tab")
        _ = try console.wait("sum(") { TmuxSession.lastLine($0) == "plankit> budget select sum(" }
        try console.send("C-u")
        try console.type("actions where total is incomplete ")
        try console.type("and deadline.year = $year")
        try console.send("Enter")
        _ = try console.wait("the error") { $0.contains("repl:1:55: error: The parameter $year has no value;") }
    }

    @Test func multiLineStatementIsOneHistoryEntry() throws {
        let base = try Executable.temporaryDirectory()
        defer { Executable.remove(base) }
        let history = base + "/history"
        let console = try start(history: history)
        defer { console.kill() }
        try console.type("actions where")
        try console.send("Enter")
        _ = try console.wait("the continuation prompt") { TmuxSession.lastLine($0) == "    ...>" }
        try console.type("id = \"2.2\" select id")
        try console.send("Enter")
        _ = try console.wait("the result") { $0.contains("(1 row)") }
        try console.type(".quit")
        try console.send("Enter")
        let expected = "actions where id = \"2.2\" select id\n.quit\n"
        for _ in 0..<100 where (try? String(contentsOfFile: history, encoding: .utf8)) != expected { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try String(contentsOfFile: history, encoding: .utf8) == expected)
    }
}
