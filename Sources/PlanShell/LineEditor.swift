/// What reading one line gave.
package enum LineInput: Sendable, Equatable {
    /// A line, without its line break.
    case line(String)
    /// Ctrl-C: the line being typed was cancelled.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfFile
}

/// Reads lines for the console: libedit on a terminal, plain reads otherwise.
package protocol LineEditor: AnyObject {
    /// Reads one line, showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput
    /// Adds a statement to the editor's history, for Up and Ctrl-R.
    func addHistory(_ entry: String)
}

/// Reads lines from standard input without a prompt or editing: for pipes and files.
package final class StreamLineReader: LineEditor {
    /// Creates a reader of standard input.
    package init() {}

    /// Reads the next line of standard input; the prompt is not shown.
    package func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfFile }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    /// Does nothing: a stream has no history.
    package func addHistory(_ entry: String) {}
}
