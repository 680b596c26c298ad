import ArgumentParser
import Foundation
import PlanShell

/// The `plankit` command: read, query and check the strategic plans of Walloon communes.
public struct PlanKitCLI: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plankit",
        abstract: "Read, query and check the strategic plans (PST, PCS) of Walloon communes.",
        discussion: """
            With only files, plankit starts the console on them (or, when standard input is not a
            terminal, runs the statements it reads there). Exit codes: 0 success; 1 a failed
            assertion or check; 2 bad usage, a query error, or an unreadable input.
            """,
        version: "0.1.0",
        subcommands: [QueryCommand.self, RunCommand.self, ConvertCommand.self, ReplCommand.self])

    @Option(name: .customShort("c"), help: ArgumentHelp("Run STATEMENT (statements separated by ;) and exit.", valueName: "statement"))
    var command: String?

    @Flag(help: "With -c or piped statements: stop at the first failed assertion.")
    var bail = false

    @Argument(help: "Plan files to load.")
    var files: [String] = []

    public init() {}

    public func run() throws {
        let session = try SessionFactory.make(files: files)
        if let command {
            try SessionFactory.runScript(session, source: "-c", text: command, bail: bail)
            return
        }
        try SessionFactory.interactive(session, bail: bail)
    }

    /// Parses the arguments, runs the command, and returns the exit status.
    ///
    /// Usage errors exit 2 (not argument-parser's 64), as DESIGN's exit codes say.
    public static func execute(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let failure as CommandFailure {
            return failure.status.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.out(message + "\n") }
                return 0
            }
            if !message.isEmpty { Console.error(message) }
            return code == .failure ? 1 : 2
        }
    }
}
