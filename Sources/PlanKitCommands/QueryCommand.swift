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
            """)

    @Argument(help: "The query, e.g. 'actions where deadline is unknown'.")
    var query: String

    @Argument(help: "Plan files (.tsv, .csv, .txt exports, eComptes .xml or PlanKit .json), or directories of them.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("A layout file describing the plans' own template (JSON; Docs/formats.md, \"Layout files\").", valueName: "file.json"))
    var layout: String?

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
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
            planSet = try PlanLoader.load(files, fields: query.fieldsRead, layout: layout)
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        do {
            let context = QueryContext(planSet)
            let compiled = try Compiler.compile(query, for: context)
            let table = try compiled.run(context)
            Console.out(format.render(table, options: .init(width: Console.width(), box: Console.decorated)))
            // The process ends right after: freeing a large corpus object by object would cost
            // a tenth of the run, so the plans are left for the system to reclaim.
            Retained.keep(context)
        } catch {
            Console.error(error.rendered(source: self.query))
            throw CommandFailure(.usage)
        }
    }
}
