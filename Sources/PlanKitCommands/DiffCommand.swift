import ArgumentParser
import PlanKit
import PlanQuery
import PlanShell

/// `plankit diff OLD NEW [--format table|csv|json|markdown] [--layout FILE.json]`.
package struct DiffCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a plan.",
        discussion: """
            Lists the objectives and actions added, removed, renumbered (same title, new number) and changed, field by field, and the budget totals (per service and per article) that changed. Actions are paired by number and title, then by title, then by titles alike once folded (similarity 0.8 or more); the match column shows how.

            Exits 0 when the plans have no difference, 1 when they have some (as diff does), 2 on bad usage or an unreadable file. With no difference, table and markdown print nothing.

            Example:
              plankit diff pst-2023.xlsx pst-2024.xlsx --format markdown
            """)

    @Argument(help: "The earlier version of the plan (any file PlanKit reads; a workbook's sheet as book.xlsx#Sheet).")
    var old: String

    @Argument(help: "The later version of the plan.")
    var new: String

    @Option(name: .shortAndLong, help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @OptionGroup var layoutOption: LayoutOption

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Runs the command; throws ``CommandFailure`` with the exit status: 1 when the plans differ.
    package func run() throws {
        // A workbook (--format xlsx) goes to standard output only when it is not a terminal.
        let workbook = try QueryOutput.open(nil, format: format, inputs: [old, new])
        let before = try Self.plan(old, layout: layoutOption.layout), after = try Self.plan(new, layout: layoutOption.layout)
        let diff = PlanDiff.diff(old: before, new: after)
        for element in diff.similarityLimitReached {
            Console.error("warning: too many \(Self.plural(element)) are left unpaired by number and title to compare their titles for similarity (over \(PlanDiff.similarityPairLimit) pairs); they are listed as removed and added. Compare smaller plans, such as one sheet or domain at a time.")
        }
        if let workbook {
            try workbook.write(format, DiffTable.table(diff))
        } else if !diff.isEmpty || !(format == .table || format == .markdown) {
            Console.out(format.render(DiffTable.table(diff), options: .init(width: Console.width(), box: Console.decorated)))
        }
        if !diff.isEmpty { throw CommandFailure(.failure) }
    }

    /// The kind of element in the plural, as the warning names it.
    private static func plural(_ element: PlanDiff.Element) -> String {
        switch element {
        case .strategicObjective: "strategic objectives"
        case .operationalObjective: "operational objectives"
        case .action: "actions"
        }
    }

    /// The one plan the file at `path` holds, read with the layout file at `layout` if any; its
    /// reader warnings go to standard error.
    private static func plan(_ path: String, layout: String?) throws(CommandFailure) -> PlanKit.Plan {
        let plans: [PlanKit.Plan]
        do {
            plans = try PlanReader(layout: try PlanLoader.layout(layout)).read(path: path)
            PlanLoader.reportWarnings(plans)
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        guard plans.count == 1, let plan = plans.first else {
            let names = plans.map(\.source)
            Console.error(names.isEmpty
                ? "\(path): error: this file holds no plan; name a file that holds one."
                : "\(path): error: this file holds \(plans.count) plans (\(names.joined(separator: ", "))); name the one to compare, e.g. \(names[0]).")
            throw CommandFailure(.usage)
        }
        return plan
    }
}
