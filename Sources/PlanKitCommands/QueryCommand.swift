import ArgumentParser
import PlanKit
import PlanShell
import PlanQuery

extension OutputFormat: ExpressibleByArgument {}

/// `plankit query QUERY FILES… [--format …]`.
package struct QueryCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run one query over plan files and print the result.",
        usage: "plankit query <query> <files> ... [--format <format>] [--param <name=value> ...] [--today <date>]",
        discussion: """
            The query comes first, then the plan files (.tsv, .csv, .txt exports, eComptes .xml or PlanKit .json, directories of them, or - for standard input). A query may start with - (a -- comment), and -- before the query ends the options.

            Examples:
              plankit query 'actions where budget.article ~ "840"' Examples/pst-citoyennete.tsv
              plankit query 'budget group by article.function select article.function, sum(amount)' *.tsv --format csv
              plankit query 'budget select action.id, kind, amount, article' Examples/ --format xlsx -o budget.xlsx
              plankit query 'actions where deadline.year = $year' Examples/pst-citoyennete.tsv --param year=2021
            """)

    /// The query, then the files: captured as they come, so that a query starting with `-` (a
    /// `--` comment) is not taken for an option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The query, then plan files.", valueName: "query> <files"))
    var arguments: [String] = []

    @Option(name: .shortAndLong, help: "Output format: table, csv, json, markdown or xlsx (a workbook: write it with -o FILE or redirect it).")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Where to write; standard output when absent or -. A file is replaced atomically (a symbolic link's target, keeping its mode); a pipe or a device is written through.")
    var output: String?

    @OptionGroup var layoutOption: LayoutOption
    /// The layout file `--layout` names, if any.
    var layout: String? { layoutOption.layout }

    @OptionGroup var options: QueryOptions

    /// The query: the first argument (after a leading `--`).
    var query: String { positional.first ?? "" }
    /// The plan files: the arguments after the query.
    var files: [String] { Array(positional.dropFirst()) }

    private var positional: [String] { arguments.first == "--" ? Array(arguments.dropFirst()) : arguments }

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Refuses a missing query or file, and an unknown option among the files.
    package func validate() throws {
        guard !positional.isEmpty else { throw ValidationError("Missing expected argument '<query>'.") }
        guard !files.isEmpty else { throw ValidationError("Missing expected argument '<files> ...'; name the plan files after the query, or - for standard input.") }
        if arguments.first != "--", let option = files.first(where: { $0.hasPrefix("-") && $0 != "-" && !$0.contains(where: \.isWhitespace) }) {
            let names = ["--format", "--output", "--layout", "--param", "--today", "--help"]
            let hint = Suggestions.closest(to: String(option.prefix { $0 != "=" }), in: names).map { "did you mean '\($0)'?" } ?? "options are \(names.joined(separator: ", "))."
            throw ValidationError("Unknown option '\(option)'; \(hint)")
        }
    }

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
        let environment = try options.environment()
        let writer = try QueryOutput.open(output, format: format, inputs: files)
        // The query is parsed first: a mistake in it is reported before any file is read, and the
        // files are parsed only for the parts of each action the query reads.
        let query: Query
        do {
            query = try Parser.parse(self.query, environment: environment)
        } catch {
            Console.error(error.rendered(source: self.query))
            throw CommandFailure(.usage)
        }
        let planSet: PlanSet
        do {
            planSet = try PlanLoader.load(files, fields: query.fieldsRead, layout: layout)
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        let context = QueryContext(planSet)
        let table: ResultTable
        do {
            let compiled = try Compiler.compile(query, for: context)
            for warning in Compiler.warnings(query, in: context) { Console.error(warning.rendered(source: self.query)) }
            table = try compiled.run(context)
        } catch {
            Console.error(error.rendered(source: self.query))
            throw CommandFailure(.usage)
        }
        if let writer {
            try writer.write(format, table)
        } else {
            Console.out(format.render(table, options: .init(width: Console.width(), box: Console.decorated)))
        }
        // The process ends right after: freeing a large corpus object by object would cost
        // a tenth of the run, so the plans are left for the system to reclaim.
        Retained.keep(context)
    }
}
