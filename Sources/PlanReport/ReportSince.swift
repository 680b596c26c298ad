import PlanKit

/// The earlier version a report compares one of its plans with (`plankit report NEW --since OLD`).
package struct ReportSince: Sendable {
    /// The earlier version.
    package var old: Plan
    /// The file it was read from, as named on the command line.
    package var oldFile: String
    /// The loaded plan it is compared with.
    package var new: Plan
    /// The file `new` was read from, as `plankit diff` is to be given it: its source, or the
    /// file named on the command line that holds it under another source (PlanKit JSON keeps
    /// the source of the plan it was made from).
    package var newFile: String

    /// Creates the comparison of `new`, read from `newFile` (its source by default), with
    /// `old`, read from `oldFile`.
    package init(old: Plan, oldFile: String, new: Plan, newFile: String? = nil) {
        self.old = old
        self.oldFile = oldFile
        self.new = new
        self.newFile = newFile ?? new.source
    }
}
