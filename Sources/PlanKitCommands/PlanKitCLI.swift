import ArgumentParser
import Foundation
import PlanQuery
import PlanShell

/// The `plankit` command: read, query and check the strategic plans of Walloon communes.
package struct PlanKitCLI: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "plankit",
        abstract: "Read, query and check the strategic plans (PST, PCS) of Walloon communes.",
        usage: """
            plankit [FILES…] [-c STATEMENT] [--bail] [--param NAME=VALUE] [--today YYYY-MM-DD]
            plankit <subcommand>
            """,
        discussion: """
            With only files, plankit starts the console on them (or, when standard input is not a terminal, runs the statements it reads there); -c runs STATEMENT and exits.

            Exit codes: 0 success; 1 a failed assertion or check; 2 bad usage, a query error, an unreadable input, or a failed write. A pipe closed early (plankit … | head -1) ends plankit quietly, by SIGPIPE, as it ends cat.
            """,
        version: "0.1.0",
        subcommands: [QueryCommand.self, RunCommand.self, CheckCommand.self, ConvertCommand.self, ReportCommand.self, DiffCommand.self, ReplCommand.self])

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Parses the arguments, runs the command, and returns the exit status.
    ///
    /// A first argument naming a subcommand (or asking for help) goes to the subcommands; anything
    /// else is the console's `[FILES…] [-c STATEMENT]`. Usage errors exit 2 (not argument-parser's
    /// 64), as the exit codes above say; so does a failed write to standard output or error,
    /// after one line on standard error (``Console/WriteFailure/message``).
    /// It first prepares the standard streams (``Console/prepareStandardStreams()``).
    package static func execute(_ arguments: [String]) -> Int32 {
        Console.prepareStandardStreams()
        let status = dispatch(arguments)
        guard let failure = Console.writeFailure else { return status }
        if failure.descriptor != STDERR_FILENO { Console.error(failure.message) }
        return ExitStatus.usage.rawValue
    }

    private static func dispatch(_ arguments: [String]) -> Int32 {
        let subcommands = configuration.subcommands.map { $0._commandName } + ["help"]
        if let first = arguments.first, subcommands.contains(first) || ["-h", "--help", "--version"].contains(first) {
            return run { () throws -> Void in
                var command = try parseAsRoot(arguments)
                try command.run()
            } messages: { error in (exitCode(for: error), fullMessage(for: error)) }
        }
        // `plankit qurey …`: a first word that is no file but close to a subcommand's name.
        if let first = arguments.first, !first.hasPrefix("-"), !first.contains("/"), !first.contains("."),
           !FileManager.default.fileExists(atPath: first),
           let close = Suggestions.closest(to: first, in: configuration.subcommands.map { $0._commandName }) {
            Console.error("Error: Unknown command '\(first)'; did you mean '\(close)'? (plankit --help lists the commands; a plan file is named with its extension.)")
            return ExitStatus.usage.rawValue
        }
        return run { () throws -> Void in
            let command = try ConsoleCommand.parse(arguments)
            try command.run()
        } messages: { error in (ConsoleCommand.exitCode(for: error), ConsoleCommand.fullMessage(for: error)) }
    }

    private static func run(_ body: () throws -> Void, messages: (any Error) -> (ExitCode, String)) -> Int32 {
        do {
            try body()
            return 0
        } catch let failure as CommandFailure {
            return failure.status.rawValue
        } catch {
            let (code, message) = messages(error)
            if code == .success {
                if !message.isEmpty { Console.out(message + "\n") }
                return 0
            }
            if !message.isEmpty { Console.error(message) }
            return code == .failure ? 1 : 2
        }
    }
}

/// `plankit [FILES…] [-c STATEMENT] [--bail]`: the console, or statements from `-c` or a pipe.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plankit",
        abstract: "The console on plan files; -c runs a statement and exits.",
        discussion: "Subcommands: query, run, check, convert, report, diff, repl (plankit --help lists them).")

    @Option(name: .customShort("c"), parsing: .unconditionalSingleValue, help: ArgumentHelp("Run STATEMENT (statements separated by ;) and exit; several -c run in order.", valueName: "statement"))
    var commands: [String] = []

    @Flag(help: "With -c or piped statements: stop at the first failed assertion.")
    var bail = false

    @OptionGroup var layoutOption: LayoutOption
    /// The layout file `--layout` names, if any.
    var layout: String? { layoutOption.layout }

    @Argument(help: "Plan files (or directories of them) to load.")
    var files: [String] = []

    @OptionGroup var options: QueryOptions

    func run() throws {
        let session = try SessionFactory.make(files: files, options: options, layout: layout)
        if !commands.isEmpty {
            // Each -c in order; the worst status is the command's, and --bail stops at the first failure.
            var worst: CommandFailure?
            for command in commands {
                do throws(CommandFailure) {
                    try SessionFactory.runScript(session, source: "-c", text: command, bail: bail)
                } catch {
                    if worst.map({ $0.status.rawValue < error.status.rawValue }) ?? true { worst = error }
                    if bail { break }
                }
            }
            if let worst { throw worst }
            return
        }
        try SessionFactory.interactive(session, bail: bail)
    }
}
