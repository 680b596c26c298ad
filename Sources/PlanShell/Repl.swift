/// The interactive console: prompts, multi-line statements, history, Ctrl-C and Ctrl-D.
package struct Repl {
    /// The primary prompt.
    package static let prompt = "plankit> "
    /// The prompt while a statement goes on over several lines.
    package static let continuationPrompt = "    ...> "

    /// The session statements run in.
    package let session: Session
    /// Where lines come from.
    package let editor: LineEditor
    /// Where history is kept; `nil` not to keep it. The statements of this run are appended to it
    /// at the end, after those other consoles may have added meanwhile.
    package let historyFile: HistoryFile?

    /// Creates a console.
    package init(session: Session, editor: LineEditor, historyFile: HistoryFile?) {
        self.session = session
        self.editor = editor
        self.historyFile = historyFile
    }

    /// Runs until `.quit` or Ctrl-D; errors never end it. Returns the exit status (0).
    package func run() -> Int32 {
        if let historyFile {
            session.history = historyFile.load()
            for entry in session.history { editor.addHistory(entry) }
        }
        let loaded = session.history.count
        var splitter = StatementSplitter()
        var lines: [String] = []
        defer { saveHistory(since: loaded) }
        while true {
            switch editor.readLine(prompt: splitter.isPending ? Self.continuationPrompt : Self.prompt) {
            case .interrupted:
                splitter.reset()
                lines = []
            case .endOfFile:
                return 0
            case .line(let line):
                lines.append(line)
                let statements = splitter.feed(line)
                if splitter.isPending { continue }
                let entry = lines.map { $0.trimmingTrailingWhitespace }.joined(separator: " ")
                lines = []
                // Each statement's messages count its lines from 1.
                splitter = StatementSplitter()
                if !entry.allSatisfy(\.isWhitespace) {
                    editor.addHistory(entry)
                    session.history.append(entry)
                }
                for statement in statements where session.run(statement, source: "repl") == .quit {
                    return 0
                }
            }
        }
    }

    /// Appends the statements entered after the first `loaded` of ``Session/history``.
    private func saveHistory(since loaded: Int) {
        guard let historyFile, session.history.count > loaded else { return }
        do { try historyFile.append(Array(session.history[loaded...])) } catch { Console.error(error.message) }
    }
}
