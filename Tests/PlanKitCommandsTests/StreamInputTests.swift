import Foundation
import Testing

/// Plans read from streams through the built executable: `-` (standard input), `/dev/stdin`, a
/// named pipe, and a shell's process substitution (`<(…)`, a pipe at `/dev/fd/N`). Each reads like
/// the file itself, and gives up once it has given more than 512 MiB.
///
/// Serialized: the limit is tested with 512 MiB and one byte, one stream at a time.
@Suite(.serialized) struct StreamInputTests {
    static let queries = [
        "actions select id, title, deadline, pilot.agent",
        "budget select action, kind, amount, article",
        "links select action, plan, kind, ref",
    ]

    /// How a stream reaches `plankit`.
    enum Stream: String, CaseIterable, CustomTestStringConvertible {
        case dash, devStdin, namedPipe, processSubstitution
        var testDescription: String { rawValue }
    }

    /// Runs `plankit query QUERY STREAM` through a shell, the stream filled by `producer` (a shell
    /// command writing to its standard output); `fifo` is the named pipe's path.
    static func run(_ stream: Stream, query: String, producer: String, fifo: String) throws -> Executable.Output {
        let script: String
        switch stream {
        case .dash: script = "\(producer) | exec \"$0\" query \"$1\" -"
        case .devStdin: script = "\(producer) | exec \"$0\" query \"$1\" /dev/stdin"
        // The writer waits for the reader to open the pipe; it is stopped if the reader never does.
        case .namedPipe: script = "\(producer) > \"$2\" 2>/dev/null & \"$0\" query \"$1\" \"$2\"; status=$?; kill $! 2>/dev/null; exit $status"
        case .processSubstitution: script = "exec \"$0\" query \"$1\" <(\(producer))"
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", script, Executable.path, query, fifo]
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        shell.environment = environment
        let out = Pipe(), err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        shell.standardInput = FileHandle.nullDevice
        try shell.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        return Executable.Output(status: shell.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                 stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The name locations give each stream.
    static func name(_ stream: Stream, fifo: String) -> String? {
        switch stream {
        case .dash: "<stdin>"
        case .devStdin: "/dev/stdin"
        case .namedPipe: fifo
        case .processSubstitution: nil // /dev/fd/N, N chosen by the shell
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")), arguments: Stream.allCases)
    func streamReadsLikeTheFileUpToTheLimit(_ stream: Stream) throws {
        let directory = try Executable.temporaryDirectory()
        defer { Executable.remove(directory) }
        // Named as the seed, so that the plan's name (its file's name) is the same.
        let fifo = directory + "/pst-citoyennete.tsv"
        #expect(mkfifo(fifo, 0o600) == 0)

        for query in Self.queries {
            let direct = try Executable.run(["query", query, Executable.seed])
            let streamed = try Self.run(stream, query: query, producer: "cat \"\(Executable.seed)\"", fifo: fifo)
            #expect(direct.status == 0)
            #expect(streamed.status == direct.status, "\(query)")
            #expect(streamed.stdout == direct.stdout, "\(query)")
            #expect(streamed.stderr == direct.stderr, "\(query)")
        }

        let limit = 512 << 20
        let refusal = ": error: This stream gives more than the 512 MiB PlanKit reads; split it into one file per plan.\n"
        let tooLong = try Self.run(stream, query: "actions", producer: "head -c \(limit + 1) /dev/zero", fifo: fifo)
        #expect(tooLong.status == 2)
        #expect(tooLong.stdout == "")
        if let name = Self.name(stream, fifo: fifo) {
            #expect(tooLong.stderr == name + refusal)
        } else {
            #expect(tooLong.stderr.hasPrefix("/dev/fd/") && tooLong.stderr.hasSuffix(refusal), "\(tooLong.stderr)")
        }
    }

    /// `check` on standard input: the same findings, located in `<stdin>`.
    @Test func checkOnStandardInput() throws {
        let direct = try Executable.run(["check", Executable.seed, "--format", "csv"])
        let piped = try Executable.run(["check", "-", "--format", "csv"], input: String(decoding: Self.seed, as: UTF8.self))
        #expect(piped.status == direct.status)
        #expect(piped.stdout == direct.stdout.replacingOccurrences(of: Executable.seed, with: "<stdin>"))
        #expect(piped.stdout.contains(",<stdin>,"))
        #expect(piped.stderr == "")
    }

    static var seed: Data { try! Data(contentsOf: URL(fileURLWithPath: Executable.seed)) }

    /// A warning on a byte of standard input is located in `<stdin>`.
    @Test func warningsOnStandardInputAreLocated() throws {
        let directory = try Executable.temporaryDirectory()
        defer { Executable.remove(directory) }
        var bytes = Self.seed
        let offset = 112 // the second "é" of the header "Échéance", written as the Windows-1252 byte
        #expect(bytes[offset] == 0xC3 && bytes[offset + 1] == 0xA9)
        bytes.replaceSubrange(offset..<(offset + 2), with: [0xE9])
        let mixed = directory + "/mixed.tsv"
        try bytes.write(to: URL(fileURLWithPath: mixed))
        let result = try Self.run(.dash, query: "actions select id, deadline", producer: "cat \"\(mixed)\"", fifo: "")
        #expect(result.status == 0)
        #expect(result.stdout == (try Executable.run(["query", "actions select id, deadline", Executable.seed])).stdout)
        #expect(result.stderr == "<stdin>:8:7: warning: Byte 0xE9 at offset 112 is not UTF-8; it is read as the Windows-1252 character \"é\". Save the file as UTF-8. [read.invalid-encoding]\n")
    }
}
