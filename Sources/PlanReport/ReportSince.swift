import PlanKit

/// The earlier version a report compares one of its plans with (`plankit report NEW --since OLD`).
package struct ReportSince: Sendable {
    /// The earlier version.
    package var old: Plan
    /// The file it was read from, as named on the command line.
    package var oldFile: String
    /// The loaded plan it is compared with.
    package var new: Plan

    /// Creates the comparison of `new` with `old`, read from `oldFile`.
    package init(old: Plan, oldFile: String, new: Plan) {
        self.old = old
        self.oldFile = oldFile
        self.new = new
    }
}
