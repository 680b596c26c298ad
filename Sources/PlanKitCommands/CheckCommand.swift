import ArgumentParser
import PlanKit
import PlanQuery
import PlanShell

extension Severity: ExpressibleByArgument {}

/// `plankit check FILES… [--format table|csv|json|markdown|sarif|junit] [--rules ID,…] [--fail-on error|warning|never]`.
package struct CheckCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check plans for consistency (PST ↔ PCS ↔ budget) and print the findings.",
        discussion: """
            Exits 1 when a finding at or above --fail-on exists (error by default), else 0.

            Rules: \(Checker.allRules.map(\.id).joined(separator: ", ")).
            """)

    /// The threshold for a failing exit status.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    @Argument(help: "Plan files (spreadsheet exports, PlanKit JSON, eComptes XML), or directories of them.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output format: \(CheckFormat.allValueStrings.joined(separator: ", ")).")
    var format: CheckFormat = .rows(.table)

    @Option(help: ArgumentHelp("Run only these rules, separated by commas.", valueName: "ids"))
    var rules: String?

    @Option(help: "Exit 1 when a finding at or above this severity exists: error, warning, info or never.")
    var failOn: FailOn = .error

    @OptionGroup var today: TodayOption

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    @OptionGroup var layoutOption: LayoutOption
    /// The layout file `--layout` names, if any.
    var layout: String? { layoutOption.layout }

    /// Checks the rule ids before any file is read.
    package func validate() throws {
        guard let rules else { return }
        for id in rules.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where Checker.rule(id) == nil {
            throw ValidationError("Unknown rule '\(id)'; rules are \(Checker.allRules.map(\.id).joined(separator: ", ")).")
        }
    }

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
        _ = try today.day()
        // A workbook (--format xlsx) goes to standard output only when it is not a terminal.
        var workbook: QueryOutput?
        if case .rows(let rows) = format { workbook = try QueryOutput.open(nil, format: rows, inputs: files) }
        let planSet: PlanSet
        do { planSet = try PlanLoader.load(files, layout: layout) } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        let selected = rules.map { $0.split(separator: ",").compactMap { Checker.rule($0.trimmingCharacters(in: .whitespaces)) } } ?? Checker.allRules
        let findings = Checker(rules: selected).run(on: planSet)
        Retained.keep(planSet)
        let threshold: Severity? = switch failOn {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
        if let document = format.document(findings, rules: selected, files: planSet.plans.map(\.source), failOn: threshold) {
            Console.out(document)
        } else if case .rows(let format) = format {
            if let workbook {
                try workbook.write(format, FindingsTable.table(findings))
            } else {
                Console.out(format.render(FindingsTable.table(findings), options: .init(width: Console.width(), box: Console.decorated)))
            }
        }
        if let threshold, findings.contains(where: { $0.severity >= threshold }) {
            throw CommandFailure(.failure)
        }
    }
}
