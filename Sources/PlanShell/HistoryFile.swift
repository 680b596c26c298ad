import Foundation

/// The console's history file: `$PLANKIT_HISTORY` or `~/.plankit_history`, one statement a
/// line, bounded, mode 0600, written atomically.
public struct HistoryFile: Sendable {
    /// The most entries kept.
    public static let limit = 1000

    /// The file's path.
    public var path: String

    /// The history file for this environment.
    public static func standard() -> HistoryFile {
        let env = ProcessInfo.processInfo.environment
        if let path = env["PLANKIT_HISTORY"], !path.isEmpty { return HistoryFile(path: path) }
        let home = env["HOME"] ?? NSHomeDirectory()
        return HistoryFile(path: home + "/.plankit_history")
    }

    /// Creates a history file at `path`.
    public init(path: String) { self.path = path }

    /// The saved entries, oldest first; none when the file is absent or unreadable.
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).suffix(Self.limit).map { $0 }
    }

    /// Saves the last ``limit`` entries.
    public func save(_ entries: [String]) throws(AtomicFile.Failure) {
        let text = entries.suffix(Self.limit).map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600)
    }
}
