/// Exit statuses of `plankit`, as scripts rely on them.
package enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// A failed assertion, or a check that found findings at or above the threshold.
    case failure = 1
    /// Bad usage, a query error, or an unreadable or malformed input.
    case usage = 2
}

/// An error already explained on standard error; `plankit` exits with its status.
package struct CommandFailure: Error, Sendable {
    /// The status to exit with.
    package var status: ExitStatus

    /// Creates a failure.
    package init(_ status: ExitStatus) { self.status = status }
}

/// Keeps values alive until the process exits, so that they are not freed one by one just
/// before the system reclaims the whole address space.
enum Retained {
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` until exit.
    static func keep(_ value: Any) { values.append(value) }
}
