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
        discussion: """
            Examples:
              plankit query 'actions where budget.article ~ "840"' Examples/pst-citoyennete.tsv
              plankit query 'budget group by article.function select article.function, sum(amount)' *.tsv --format csv
              plankit query 'budget select action.id, kind, amount, article' Examples/ --format xlsx -o budget.xlsx
            """)

    @Argument(help: "The query, e.g. 'actions where deadline is unknown'.")
    var query: String

    @Argument(help: "Plan files (.tsv, .csv, .txt exports, eComptes .xml or PlanKit .json), or directories of them.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output format: table, csv, json, markdown or xlsx (a workbook: write it with -o FILE or redirect it).")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Where to write; standard output when absent or -. A file is replaced atomically (a symbolic link's target, keeping its mode); a pipe or a device is written through.")
    var output: String?

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
        let writer = try QueryOutput.open(output, format: format, inputs: files)
        // The query is parsed first: a mistake in it is reported before any file is read, and the
        // files are parsed only for the parts of each action the query reads.
        let query: Query
        do {
            query = try Parser.parse(self.query)
        } catch {
            Console.error(error.rendered(source: self.query))
            throw CommandFailure(.usage)
        }
        let planSet: PlanSet
        do {
            planSet = try PlanLoader.load(files, fields: query.fieldsRead)
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        let context = QueryContext(planSet)
        let table: ResultTable
        do {
            table = try Compiler.compile(query, for: context).run(context)
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
