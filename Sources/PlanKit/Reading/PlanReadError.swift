/// An input PlanKit cannot read: where, and what to do about it.
public struct PlanReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is; line 0 when it concerns the whole file.
    public var location: SourceLocation
    /// One sentence on what is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// Creates an error about a whole file.
    public init(file: String, message: String) {
        self.init(location: SourceLocation(file: file, line: 0, column: 0), message: message)
    }

    /// `file:line:column: error: message`, or `file: error: message` for a whole file.
    public var description: String {
        location.line == 0
            ? "\(location.file): error: \(message)"
            : "\(location): error: \(message)"
    }
}
