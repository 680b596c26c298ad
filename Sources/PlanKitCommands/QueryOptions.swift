import ArgumentParser
import Foundation
import PlanKit
import PlanQuery
import PlanShell

/// `--today YYYY-MM-DD`: the day `today()` is, given to every command so that scripts and tests
/// answer the same whatever the calendar says.
struct TodayOption: ParsableArguments {
    @Option(help: ArgumentHelp("The day today() is in queries, as YYYY-MM-DD; else $PLANKIT_TODAY, else the clock's date.", valueName: "date"))
    var today: String?

    /// The day `--today` or `PLANKIT_TODAY` gives; `nil` when neither does, for the clock to be
    /// read only by a query that asks for `today()`. A date that does not read is explained on
    /// standard error and exits 2.
    func day() throws(CommandFailure) -> Day? {
        let environment = ProcessInfo.processInfo.environment
        guard today != nil || !(environment["PLANKIT_TODAY"] ?? "").isEmpty else { return nil }
        do {
            return try Day.today(option: today, environment: environment)
        } catch {
            Console.error("Error: \(error.description)")
            throw CommandFailure(.usage)
        }
    }
}

/// `--today` and `--param NAME=VALUE…`: what the statements of `query`, `run` and the console
/// may name beyond the plans.
struct QueryOptions: ParsableArguments {
    @OptionGroup var today: TodayOption

    @Option(name: .customLong("param"), help: ArgumentHelp("A value for $NAME in the statements (repeat for several): a number when it reads as one, else text.", valueName: "name=value"))
    var parameters: [String] = []

    /// The environment the statements are parsed in; a malformed `--param` or date is explained
    /// on standard error and exits 2.
    func environment() throws(CommandFailure) -> QueryEnvironment {
        var values: [String: String] = [:]
        for assignment in parameters {
            guard let (name, value) = QueryEnvironment.parameter(assignment) else {
                Console.error("Error: --param '\(assignment)' is not NAME=VALUE; write it as --param year=2021 (a name of letters, digits and _, then = and the value).")
                throw CommandFailure(.usage)
            }
            values[name] = value
        }
        return QueryEnvironment(parameters: values, today: try today.day())
    }
}

/// `--layout FILE.json`: the plans' own template (``LayoutFile``), for every command that reads
/// plans.
struct LayoutOption: ParsableArguments {
    @Option(help: ArgumentHelp("A layout file describing the plans' own template (JSON; Docs/formats.md, \"Layout files\").", valueName: "file.json"))
    var layout: String?
}
