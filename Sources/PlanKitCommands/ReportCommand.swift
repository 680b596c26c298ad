import ArgumentParser
import Foundation
import PlanKit
import PlanQuery
import PlanReport
import PlanShell

extension ReportLanguage: ExpressibleByArgument {}

/// `plankit report FILES… [-o report.html] [--format html|markdown] [--lang fr|en] [--today DATE]`.
package struct ReportCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report on plans: one self-contained HTML file with charts, or Markdown.",
        discussion: """
            The HTML file needs nothing else to open (its styles and SVG charts are inside it). Every chart is followed by its data table and the query that computes it.

            Examples:
              plankit report Examples/pst-citoyennete.tsv -o report.html
              plankit report Examples/ --lang en --today 2021-07-01 -o report.html
              plankit report plans/ --format markdown > report.md
            """)

    /// The formats a report is written in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, markdown
    }

    @Argument(help: "Plan files (spreadsheet exports, PlanKit JSON, eComptes XML), or directories of them.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Where to write; standard output when absent or -. A file is replaced atomically (a symbolic link's target, keeping its mode); a pipe or a device is written through.")
    var output: String?

    @Option(name: .shortAndLong, help: "html (the default) or markdown.")
    var format: Format = .html

    @Option(help: "The report's language: fr (the default) or en.")
    var lang: ReportLanguage = .fr

    @Option(help: ArgumentHelp("The day overdue actions are measured against (YYYY-MM-DD); else PLANKIT_TODAY, else the clock.", valueName: "date"))
    var today: String?

    @OptionGroup var layoutOption: LayoutOption

    @Flag(help: "Allow writing over one of the input files.")
    var force = false

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Checks the date before any file is read.
    package func validate() throws {
        do { _ = try Day.today(option: today, environment: ProcessInfo.processInfo.environment) } catch {
            throw ValidationError(error.description)
        }
    }

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
        let day: Day
        do { day = try Day.today(option: today, environment: ProcessInfo.processInfo.environment) } catch {
            Console.error("Error: \(error.description)")
            throw CommandFailure(.usage)
        }
        // The output is checked, and its temporary file made, before the plans are read.
        var writer: AtomicFile.Writer?
        if let output, output != "-" {
            if !force, let input = files.first(where: { AtomicFile.sameFile(output, $0) }) {
                Console.error("\(output): error: this is the input file \(input); writing over it would lose it. Choose another output, or pass --force.")
                throw CommandFailure(.usage)
            }
            do { writer = try AtomicFile.Writer(path: output) } catch {
                Console.error(error.message)
                throw CommandFailure(.usage)
            }
        }
        let planSet: PlanSet
        do { planSet = try PlanLoader.load(files, layout: layoutOption.layout) } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        let context = QueryContext(planSet)
        let report = ReportBuilder(context: context, files: files, language: lang, today: day).build()
        let text = format == .html ? HTMLReport(report: report).html : MarkdownReport(report: report).markdown
        Retained.keep(context)
        guard let writer else {
            Console.out(text)
            return
        }
        do {
            try writer.write(Array(text.utf8))
            try writer.commit()
        } catch {
            Console.error(error.message)
            throw CommandFailure(.usage)
        }
    }
}
