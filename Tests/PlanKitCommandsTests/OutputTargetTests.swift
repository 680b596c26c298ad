import Foundation
import Testing

/// Where `plankit` writes: failed and closed standard streams, and every kind of `-o` target.
@Suite struct OutputTargetTests {
    /// A finished `plankit` run whose standard streams may be files or devices.
    struct Run {
        var reason: Process.TerminationReason
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `plankit` with `arguments`, standard output and error going to `stdout` and `stderr`
    /// when given (else captured).
    static func run(_ arguments: [String], stdout: FileHandle? = nil, stderr: FileHandle? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executable.path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = stderr ?? err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if stdout == nil { try out.fileHandleForWriting.close() }
        if stderr == nil { try err.fileHandleForWriting.close() }
        let outText = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errText = stderr == nil ? err.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return Run(reason: process.terminationReason, status: process.terminationStatus,
                   stdout: String(decoding: outText, as: UTF8.self), stderr: String(decoding: errText, as: UTF8.self))
    }

    static let seed = Executable.seed
    /// A plan whose reading prints a warning on standard error.
    static let warns = Executable.fixture("pst-forms.csv")

    /// A script of `count` queries, written in `directory`.
    static func script(_ count: Int, in directory: String) throws -> String {
        let path = directory + "/many.pkq"
        try String(repeating: "actions\n", count: count).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The five ways of running a command, each writing results on standard output.
    static func commands(_ plan: String, script: String) -> [[String]] {
        [["query", "actions", plan], ["check", plan, "--fail-on", "never"], ["convert", plan, "--to", "json"],
         ["-c", "actions", plan], ["run", script, plan]]
    }

    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func type(_ path: String) throws -> FileAttributeType {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType)
    }

    // MARK: Standard output and error

    @Test(arguments: ["query", "check", "convert", "-c", "run"])
    func fullStandardOutputExitsTwoWithOneLine(_ command: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let arguments = try #require(Self.commands(Self.seed, script: try Self.script(1, in: dir)).first { $0[0] == command })
        let full = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let result = try Self.run(arguments, stdout: full)
        #expect(result.reason == .exit)
        #expect(result.status == 2)
        #expect(result.stderr == "plankit: error: standard output could not be written (No space left on device); what was written before is incomplete.\n")
    }

    @Test(arguments: ["query", "check", "convert", "-c", "run"])
    func fullStandardErrorExitsTwoAndKeepsTheResults(_ command: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let arguments = try #require(Self.commands(Self.warns, script: try Self.script(1, in: dir)).first { $0[0] == command })
        let normal = try Self.run(arguments)
        #expect(normal.status == 0)
        #expect(normal.stderr.contains("pst-forms.csv:24:6: warning: "))
        let full = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let result = try Self.run(arguments, stderr: full)
        #expect(result.reason == .exit)
        #expect(result.status == 2)
        #expect(result.stdout == normal.stdout)
    }

    @Test func closedStandardOutputExitsTwoWithOneLine() throws {
        // `>&-`: standard output is not open at all.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "exec \"$0\" query actions \"$1\" >&-", Executable.path, Self.seed]
        let err = Pipe()
        shell.standardError = err
        try shell.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationReason == .exit)
        #expect(shell.terminationStatus == 2)
        #expect(message == "plankit: error: standard output could not be written (Bad file descriptor); what was written before is incomplete.\n")
    }

    @Test(arguments: ["-c", "run"])
    func pipeClosedEarlyEndsQuietly(_ command: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        // Far more than a pipe holds, so that plankit is still writing when the reader goes.
        let arguments = command == "run"
            ? ["run", try Self.script(400, in: dir), Self.seed]
            : ["-c", String(repeating: "actions;", count: 400), Self.seed]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executable.path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try out.fileHandleForWriting.close()
        try err.fileHandleForWriting.close()
        // Read the first line, as `head -1` does, and go.
        var first = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { first += byte }
        try out.fileHandleForReading.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("id"))
        #expect(stderr == "")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGPIPE)
    }

    @Test func pipeToHeadLeavesNothingOnStandardError() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell reports plankit's status: 141 is death by SIGPIPE, as for `cat`.
        shell.arguments = ["-c", "exec 3>&1; { \"$0\" run \"$1\" \"$2\"; echo \"status $?\" >&3; } | head -1 >/dev/null", Executable.path, try Self.script(400, in: dir), Self.seed]
        let out = Pipe(), err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        try shell.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(stderr == "")
        #expect(stdout == "status 141\n")
    }

    // MARK: convert -o targets

    @Test func symbolicLinkKeepsTheLinkAndReplacesItsTarget() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        try "old\n".write(toFile: dir + "/target.json", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "target.json")
        let result = try Executable.run(["convert", Self.seed, "--to", "json", "-o", dir + "/link.json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "target.json")
        let expected = try Executable.run(["convert", Self.seed, "--to", "json"]).stdout
        #expect(try String(contentsOfFile: dir + "/target.json", encoding: .utf8) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link.json", "target.json"])
    }

    @Test func danglingSymbolicLinkCreatesItsTarget() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "made.json")
        let result = try Executable.run(["convert", Self.seed, "--to", "json", "-o", dir + "/link.json"])
        #expect(result.status == 0)
        #expect(try Self.type(dir + "/link.json") == .typeSymbolicLink)
        #expect(try String(contentsOfFile: dir + "/made.json", encoding: .utf8).hasPrefix("{"))
    }

    @Test func fifoIsWrittenThrough() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let fifo = dir + "/results.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let copy = dir + "/received"
        #expect(FileManager.default.createFile(atPath: copy, contents: nil))
        reader.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: copy))
        try reader.run()
        let result = try Executable.run(["convert", Self.seed, "--to", "json", "-o", fifo])
        var info = stat()
        let stillAFifo = lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
        // A FIFO replaced by a file would leave the reader waiting for ever.
        if !stillAFifo { reader.terminate() }
        reader.waitUntilExit()
        let received = try String(contentsOfFile: copy, encoding: .utf8)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(received == (try Executable.run(["convert", Self.seed, "--to", "json"]).stdout))
        #expect(stillAFifo)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["received", "results.fifo"])
    }

    @Test func devNullStaysADevice() throws {
        let result = try Executable.run(["convert", Self.seed, "--to", "json", "-o", "/dev/null"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func fullDeviceIsAFailedWrite() throws {
        let result = try Executable.run(["convert", Self.seed, "--to", "json", "-o", "/dev/full"])
        #expect(result.status == 2)
        #expect(result.stderr == "/dev/full: error: the output could not be written (No space left on device).\n")
        var info = stat()
        #expect(lstat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test(arguments: ["-", "/dev/stdout"])
    func standardOutputIsWrittenThrough(_ target: String) throws {
        let result = try Executable.run(["convert", Self.seed, "--to", "json", "-o", target])
        #expect(result.status == 0)
        #expect(result.stdout == (try Executable.run(["convert", Self.seed, "--to", "json"]).stdout))
    }

    @Test func consoleOutputToAStreamSendsEachResultOnce() throws {
        let result = try Executable.run(["-c", ".output /dev/stdout; .format csv; actions select id limit 1; links select ref limit 1", Self.seed])
        #expect(result.status == 0)
        #expect(result.stdout == "id\r\n1.1\r\nref\r\n6\r\n")
    }

    @Test func replacedFileKeepsItsMode() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let path = dir + "/private.json"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(path, 0o600) == 0)
        let result = try Executable.run(["convert", Self.seed, "--to", "json", "-o", path])
        #expect(result.status == 0)
        #expect(try Self.mode(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{"))
    }

    @Test func newFileFollowsTheUmask() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "umask 027 && exec \"$0\" convert \"$1\" --to json -o \"$2\"", Executable.path, Self.seed, dir + "/new.json"]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(try Self.mode(dir + "/new.json") == 0o640)
    }

    @Test func directoryIsRefused() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let result = try Executable.run(["convert", Self.seed, "--to", "json", "-o", dir])
        #expect(result.status == 2)
        #expect(result.stderr == "\(dir): error: this is a directory; give the path of a file to write.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    // MARK: Temporary files

    /// A plan large enough that converting it takes a while.
    static func largePlan(in dir: String) throws -> String {
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        generator.arguments = [Executable.root.appendingPathComponent("Scripts/generate-corpus.py").path, dir + "/corpus",
                               "--communes", "1", "--actions-per-oo", "60"]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        let plans = try FileManager.default.contentsOfDirectory(atPath: dir + "/corpus/plans")
        return dir + "/corpus/plans/" + (try #require(plans.first))
    }

    /// Starts `plankit` with the default action for every signal and none blocked (a test
    /// runner's threads may block some, and a child inherits its mask); output goes nowhere.
    static func spawn(_ arguments: [String], environment: [String: String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0) }
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([Executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, Executable.path, &actions, &attributes, argv, envp)
        try #require(code == 0)
        return pid
    }

    /// Whether `pid` still runs (and is not a zombie).
    static func running(_ pid: pid_t) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return kill(pid, 0) == 0 }
        return !status.contains(") Z ")
    }

    /// Waits until `found` holds or `pid` ends; returns whether `found` held.
    static func wait(for pid: pid_t, until found: () -> Bool) -> Bool {
        while running(pid) {
            if found() { return true }
            usleep(1000)
        }
        return false
    }

    /// Waits for `pid` to end; returns the signal that ended it, or `nil` when it exited.
    static func reap(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? nil : signal
    }

    /// Whether `pid` holds a descriptor on a file of `dir`, named or not.
    static func holdsFile(_ pid: pid_t, in dir: String) -> Bool {
        let fds = "/proc/\(pid)/fd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []
        return entries.contains { ((try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + $0)) ?? "").hasPrefix(dir + "/") }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 makes the large plan"),
          arguments: [SIGTERM, SIGINT, SIGHUP])
    func signalDuringConvertLeavesNoTemporary(_ signal: Int32) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let plan = try Self.largePlan(in: dir)
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        // The named temporary, as where O_TMPFILE is not supported.
        let pid = try Self.spawn(["convert", plan, "--to", "json", "-o", out + "/plan.json"], environment: ["PLANKIT_NO_O_TMPFILE": "1"])
        // The temporary is made before the plan is read, so it is there long before the end.
        let seen = Self.wait(for: pid) { ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).contains { $0.hasPrefix(".plan.json.plankit-") } }
        kill(pid, signal)
        #expect(Self.reap(pid) == signal)
        #expect(seen)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [])
    }

    #if os(Linux)
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 makes the large plan"))
    func killDuringConvertLeavesNoTemporary() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let plan = try Self.largePlan(in: dir)
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let pid = try Self.spawn(["convert", plan, "--to", "json", "-o", out + "/plan.json"], environment: [:])
        // The unnamed temporary shows only among the process's descriptors.
        let seen = Self.wait(for: pid) { Self.holdsFile(pid, in: out) }
        kill(pid, SIGKILL)
        #expect(Self.reap(pid) == SIGKILL)
        #expect(seen)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [])
    }
    #endif

    @Test(arguments: [false, true])
    func staleTemporariesOfEndedProcessesAreRemoved(_ named: Bool) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        // A process that has ended, and one that runs (this one).
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = ".plan.json.plankit-\(ended.processIdentifier)-7.tmp"
        let live = ".plan.json.plankit-\(getpid())-7.tmp"
        let other = ".notes.plankit-x.tmp"
        for name in [stale, live, other] { try "partial".write(toFile: dir + "/" + name, atomically: false, encoding: .utf8) }
        let result = try Self.run(["convert", Self.seed, "--to", "json", "-o", dir + "/plan.json"],
                                  environment: named ? ["PLANKIT_NO_O_TMPFILE": "1"] : [:])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [other, live, "plan.json"].sorted())
    }
}
