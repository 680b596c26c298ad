/// Runs a script of statements and meta-commands, as `plankit run` and piped input do.
///
/// A failed assertion is reported and the script goes on (unless `bail`); the run then exits 1.
/// Any other error stops the script and the run exits 2.
public struct ScriptRunner {
    /// The session the statements run in.
    public let session: Session
    /// Whether to stop at the first failed assertion.
    public var bail: Bool

    /// Creates a runner.
    public init(session: Session, bail: Bool = false) {
        self.session = session
        self.bail = bail
    }

    /// Runs every line of `lines` (a line source), naming `source` in messages.
    ///
    /// - Returns: The exit status: 0, 1 (an assertion failed) or 2 (an error).
    public func run(source: String, next: () -> String?) -> Int32 {
        var splitter = StatementSplitter(indentedLinesContinue: true)
        var failedAssertions = false
        func execute(_ statement: StatementText) -> Int32? {
            switch session.run(statement, source: source) {
            case .success: return nil
            case .assertionFailed:
                failedAssertions = true
                return bail ? 1 : nil
            case .failed: return 2
            case .quit: return failedAssertions ? 1 : 0
            }
        }
        while let line = next() {
            for statement in splitter.feed(line) {
                if let status = execute(statement) { return status }
            }
        }
        for statement in splitter.finish() {
            if let status = execute(statement) { return status }
        }
        return failedAssertions ? 1 : 0
    }

    /// Runs a whole script text.
    public func run(source: String, text: String) -> Int32 {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }[...]
        if lines.last == "" { lines.removeLast() }
        return run(source: source) { lines.popFirst() }
    }
}
