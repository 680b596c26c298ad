import ArgumentParser
import Foundation
import PlanKit
import PlanQuery
import PlanShell

/// Builds sessions for the console and the script runner.
enum SessionFactory {
    /// A session writing to standard output and error, tables fitted to the terminal.
    static func make(files: [String], options: QueryOptions, layout: String? = nil) throws(CommandFailure) -> Session {
        let session = Session()
        session.environment = try options.environment()
        session.tableOptions = { TableRenderer.Options(width: Console.width(), box: Console.decorated) }
        do {
            let files = try PlanReader.planFiles(files)
            let planSet = try PlanSet(reading: files, layout: try PlanLoader.layout(layout))
            PlanLoader.reportWarnings(planSet)
            session.add(planSet, files: files)
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        // The session lives until the process ends, which reclaims its memory at once: freeing
        // a regional corpus object by object took a third of a short script's run.
        Retained.keep(session)
        return session
    }

    /// Runs a script; returns normally on 0, throws the status otherwise.
    static func runScript(_ session: Session, source: String, text: String?, bail: Bool) throws(CommandFailure) {
        let runner = ScriptRunner(session: session, bail: bail)
        let status = text.map { runner.run(source: source, text: $0) } ?? runner.run(source: source) { Swift.readLine(strippingNewline: true).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 } }
        if status != 0 { throw CommandFailure(ExitStatus(rawValue: status) ?? .usage) }
    }

    /// The REPL on a terminal, or the statements of standard input when it is not one.
    static func interactive(_ session: Session, bail: Bool) throws(CommandFailure) {
        guard Console.isTerminal(0) else {
            try runScript(session, source: "stdin", text: nil, bail: bail)
            return
        }
        let completer = Completer(context: { session.queryContext }, parameters: { Array(session.environment.parameters.keys) })
        let editor = LibEditLineEditor { line, cursor in completer.complete(line, cursor: cursor) }
        let status = Repl(session: session, editor: editor, historyFile: HistoryFile.standard()).run()
        if status != 0 { throw CommandFailure(ExitStatus(rawValue: status) ?? .usage) }
    }
}

/// `plankit repl [FILES…]`.
package struct ReplCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the interactive console (the default when plankit is given only files).")

    @OptionGroup var layoutOption: LayoutOption
    /// The layout file `--layout` names, if any.
    var layout: String? { layoutOption.layout }

    @Argument(help: "Plan files (or directories of them) to load first.")
    var files: [String] = []

    @OptionGroup var options: QueryOptions

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
        try SessionFactory.interactive(try SessionFactory.make(files: files, options: options, layout: layout), bail: false)
    }
}

/// `plankit run SCRIPT|- [FILES…] [--bail]`.
package struct RunCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script of statements and meta-commands, non-interactively.",
        discussion: """
            A failed assertion prints SCRIPT:LINE: assertion failed: … and the script goes on; the run exits 1. Any other error prints SCRIPT:LINE:COLUMN: … and exits 2 there.

            Examples:
              plankit run Scripts/examples/links-to-pcs.pkq Examples/pst-citoyennete.tsv
              plankit run Scripts/examples/due-in-year.pkq Examples/pst-citoyennete.tsv --param year=2021
            """)

    @Argument(help: "The script, or - for standard input.")
    var script: String

    @OptionGroup var layoutOption: LayoutOption
    /// The layout file `--layout` names, if any.
    var layout: String? { layoutOption.layout }

    @Argument(help: "Plan files (or directories of them) to load first.")
    var files: [String] = []

    @Flag(help: "Stop at the first failed assertion.")
    var bail = false

    @OptionGroup var options: QueryOptions

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
        let session = try SessionFactory.make(files: files, options: options, layout: layout)
        if script == "-" {
            try SessionFactory.runScript(session, source: "stdin", text: nil, bail: bail)
            return
        }
        let bytes: [UInt8]
        do { bytes = try PlanReader.load(path: script) } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        try SessionFactory.runScript(session, source: script, text: String(decoding: bytes, as: UTF8.self), bail: bail)
    }
}
