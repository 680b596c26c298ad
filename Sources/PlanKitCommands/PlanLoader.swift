import PlanKit
import PlanShell

/// Loads plan files for the commands, in parallel, reporting warnings on standard error.
package enum PlanLoader {
    /// Reads every file (and the plan files of every directory), parsing `fields` of each action;
    /// warnings go to standard error.
    ///
    /// - Throws: ``PlanReadError`` for the first file (in argument order) that cannot be read.
    package static func load(_ paths: [String], fields: PlanFields = .all, layout: String? = nil, warnings report: Bool = true) throws(PlanReadError) -> PlanSet {
        let planSet = try PlanSet(reading: try PlanReader.planFiles(paths), fields: fields, layout: try self.layout(layout))
        if report { reportWarnings(planSet) }
        return planSet
    }

    /// The layout the file at `path` describes (``LayoutFile``); `nil` without a path.
    package static func layout(_ path: String?) throws(PlanReadError) -> TableLayout? {
        try path.map { path throws(PlanReadError) in try LayoutFile.read(path: path) }
    }

    /// Writes every reader warning of `plans` to standard error, `file:line:column: warning: …`.
    package static func reportWarnings(_ plans: some Sequence<Plan>) {
        for plan in plans { for warning in plan.warnings { Console.error(warning.description) } }
    }

    /// Writes every reader warning of the set's plans, then the set's own (plans loaded twice).
    package static func reportWarnings(_ set: PlanSet) {
        reportWarnings(set.plans)
        for warning in set.warnings { Console.error(warning.description) }
    }
}
