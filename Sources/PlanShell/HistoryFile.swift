import Foundation

/// The console's history file: `$PLANKIT_HISTORY` or `~/.plankit_history`, one statement a
/// line, bounded, mode 0600.
///
/// Several consoles may share it: each appends only the statements it entered, holding an
/// exclusive `flock(2)` on the file meanwhile, so that no session's statements overwrite another's.
package struct HistoryFile: Sendable {
    /// The most entries kept.
    package static let limit = 1000

    /// The file's path.
    package var path: String

    /// The history file for this environment.
    package static func standard() -> HistoryFile {
        let env = ProcessInfo.processInfo.environment
        if let path = env["PLANKIT_HISTORY"], !path.isEmpty { return HistoryFile(path: path) }
        let home = env["HOME"] ?? NSHomeDirectory()
        return HistoryFile(path: home + "/.plankit_history")
    }

    /// Creates a history file at `path`.
    package init(path: String) { self.path = path }

    /// The saved entries, oldest first; none when the file is absent or unreadable.
    package func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return Self.entries(of: Array(data))
    }

    /// Adds `newEntries` (this session's statements) after the entries the file holds now,
    /// keeping the last ``limit``.
    ///
    /// The file is locked meanwhile, so that two consoles appending at once both keep their
    /// statements. When the file stays within the limit the entries are appended in place;
    /// past it, the kept entries are written to a new file that replaces the old one, and a
    /// session waiting for the lock then finds and locks the new file.
    ///
    /// - Throws: ``AtomicFile/Failure`` with a sentence naming the path.
    package func append(_ newEntries: [String]) throws(AtomicFile.Failure) {
        let added = newEntries.map { $0.replacingOccurrences(of: "\n", with: " ") }
        guard !added.isEmpty else { return }
        let fd = try lock()
        defer { close(fd) }
        let existing: [UInt8]
        do { existing = try Self.readAll(fd) } catch { throw Self.failure(path, error.code) }
        let entries = Self.entries(of: existing)
        if entries.count + added.count > Self.limit {
            let kept = (entries + added).suffix(Self.limit)
            try AtomicFile.write(Array((kept.joined(separator: "\n") + "\n").utf8), to: path, mode: 0o600)
            return
        }
        var text = added.joined(separator: "\n") + "\n"
        if let last = existing.last, last != UInt8(ascii: "\n") { text = "\n" + text }
        let code = text.withUTF8 { bytes in
            lseek(fd, 0, SEEK_END) < 0 ? errno : Descriptor.writeAll(fd, UnsafeRawBufferPointer(bytes))
        }
        guard code == 0, fsync(fd) == 0 else { throw Self.failure(path, code == 0 ? errno : code) }
    }

    /// Opens the file (creating it, mode 0600) and takes an exclusive lock on it; retries when
    /// another session replaced the file while this one waited.
    private func lock() throws(AtomicFile.Failure) -> Int32 {
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw Self.failure(path, errno) }
            var locked = flock(fd, LOCK_EX)
            while locked != 0 && errno == EINTR { locked = flock(fd, LOCK_EX) }
            guard locked == 0 else {
                let code = errno
                close(fd)
                throw Self.failure(path, code)
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                return fd
            }
            close(fd)
        }
    }

    private struct ReadError: Error { var code: Int32 }

    private static func readAll(_ fd: Int32) throws(ReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(code: errno)
            }
            bytes += chunk[..<count]
        }
    }

    private static func entries(of bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).suffix(limit).map { $0 }
    }

    private static func failure(_ path: String, _ code: Int32) -> AtomicFile.Failure {
        AtomicFile.Failure(message: "\(path): error: the history could not be saved (\(String(cString: strerror(code)))).")
    }
}
