import Foundation

/// Standard output and error, and what the terminal is like.
public enum Console {
    /// Writes `text` to standard output as it is.
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` and a line break to standard error, with `error:` in red and `warning:` in
    /// yellow when standard error is a terminal and `NO_COLOR` is not set.
    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((colourized(text, enabled: colourOnStandardError) + "\n").utf8))
    }

    /// Whether messages on standard error may use colour.
    static let colourOnStandardError: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return isTerminal(2) && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }()

    /// `text` with its severity words coloured (ANSI escapes) when `enabled`.
    public static func colourized(_ text: String, enabled: Bool) -> String {
        guard enabled else { return text }
        var out = text
        for (word, code) in [(": error: ", "31"), (": warning: ", "33"), (": assertion failed: ", "31")] {
            if let range = out.range(of: word) {
                let label = word.dropFirst(2).dropLast(2)
                out.replaceSubrange(range, with: ": \u{1B}[1;\(code)m\(label)\u{1B}[0m: ")
            }
        }
        return out
    }

    /// Whether the file descriptor is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The terminal's width in columns, from `COLUMNS` or the terminal; `nil` when not a terminal.
    public static func width(_ fd: Int32 = 1) -> Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(columns), n > 0 { return n }
        guard isTerminal(fd) else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether colour and box drawing may be used on standard output.
    public static var decorated: Bool {
        isTerminal(1) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
