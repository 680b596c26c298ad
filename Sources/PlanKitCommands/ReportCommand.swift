import ArgumentParser
import Foundation
import PlanKit
import PlanQuery
import PlanReport
import PlanShell

extension ReportLanguage: ExpressibleByArgument {}

/// `plankit report FILES… [--since OLD] [-o report.html] [--format html|markdown] [--lang fr|en] [--today DATE]`.
package struct ReportCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report on plans: one self-contained HTML file with charts, or Markdown.",
        discussion: """
            The HTML file needs nothing else to open (its styles and SVG charts are inside it). Every chart is followed by its data table and the query that computes it.

            With --since OLD, the report has a section on what changed since that earlier version: the rows of 'plankit diff OLD NEW', with NEW the plan of FILES that OLD is compared with (the only plan they hold, or the one of the same name).

            Examples:
              plankit report Examples/pst-citoyennete.tsv -o report.html
              plankit report pst-2024.xlsx --since pst-2023.xlsx -o report.html
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

    @Option(help: ArgumentHelp("An earlier version of one plan of FILES (a file holding one plan, or book.xlsx#Sheet): the report says what changed since. It is compared with the only plan FILES hold, or with their plan of the same name.", valueName: "old"))
    var since: String?

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

    /// The file of `files` that `plan` was read from: its source when a file or folder of
    /// `files` names it, else the only file given (a PlanKit JSON file keeps the source of the
    /// plan it was made from), else its source.
    static func newFile(of plan: PlanKit.Plan, among files: [String]) -> String {
        let source = plan.source.split(separator: "#", maxSplits: 1).first.map(String.init) ?? plan.source
        let named = files.contains { file in
            file == source || file == plan.source || (file.hasSuffix("/") ? source.hasPrefix(file) : source.hasPrefix(file + "/"))
        }
        if named || files.count != 1 { return plan.source }
        return files[0]
    }

    /// The earlier version read from `path`, and the loaded plan it is compared with: the only
    /// plan loaded, else the only one that differs from it, else the one of the same name; exit 2 when `path` holds no plan or several,
    /// or when no loaded plan, or several, are its new version.
    static func since(_ path: String, planSet: PlanSet, files: [String]) throws(CommandFailure) -> ReportSince {
        let plans: [PlanKit.Plan]
        do {
            plans = try PlanReader().read(path: path)
            PlanLoader.reportWarnings(plans)
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        guard plans.count == 1, let old = plans.first else {
            let names = plans.map(\.source)
            Console.error(names.isEmpty
                ? "\(path): error: --since names a file that holds no plan; name the earlier version of a plan."
                : "\(path): error: --since names a file that holds \(plans.count) plans (\(names.joined(separator: ", "))); name the one to compare with, e.g. \(names[0]).")
            throw CommandFailure(.usage)
        }
        let loaded = Array(planSet.plans)
        var candidates = loaded
        // Among several, a plan that says the same as the earlier version (its own file, loaded
        // too) is not its new version; then the one of the same name is.
        if candidates.count > 1 { candidates = candidates.filter { !PlanDiff.diff(old: old, new: $0).isEmpty } }
        if candidates.count > 1 { candidates = candidates.filter { $0.name == old.name } }
        guard candidates.count == 1, let new = candidates.first else {
            let what = candidates.isEmpty ? "none is named \"\(old.name)\" as the earlier version is" : "\(candidates.count) are named \"\(old.name)\""
            Console.error("\(path): error: the files hold \(loaded.count) plans and \(what), so which one --since compares with is not clear. Give the new version's file alone, or one sheet of a workbook (book.xlsx#Sheet).")
            throw CommandFailure(.usage)
        }
        return ReportSince(old: old, oldFile: path, new: new, newFile: newFile(of: new, among: files))
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
            if !force, let input = (files + [since].compactMap { $0 }).first(where: { AtomicFile.sameFile(output, $0) }) {
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
        var builder = ReportBuilder(context: context, files: files, language: lang, today: day)
        if let since { builder.since = try Self.since(since, planSet: planSet, files: files) }
        let report = builder.build()
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
