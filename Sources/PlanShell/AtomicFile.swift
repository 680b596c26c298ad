import Foundation

/// Writes output files without clobbering anything: a regular file is replaced at once, by a
/// rename, and a pipe or a device is written through.
///
/// What each kind of target gets:
/// - a regular file: a temporary file beside it, written, given the file's mode, owner and group,
///   flushed, then renamed over it; a crash or a full disk leaves the old file whole;
/// - a new file: the same, created with mode `0o666 & ~umask` (or the mode asked for);
/// - a symbolic link: followed; its target is replaced as above and the link stays;
/// - a FIFO or a character device (`/dev/null`, a terminal): opened and written directly, never
///   replaced;
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`: written to the process's descriptor itself;
/// - a directory, a block device or a socket: refused with a message.
///
/// On Linux the temporary file has no name while it is written (`O_TMPFILE`), so even `kill -9`
/// leaves nothing behind; it is named `.NAME.plankit-PID-N.tmp` only for the instant between
/// linking it and the rename. Where `O_TMPFILE` is not supported (and on other systems), the
/// temporary is named from the start: it is removed on `SIGINT`, `SIGTERM` and `SIGHUP`, and
/// temporaries left by processes that no longer run are removed on the next write to the folder.
package enum AtomicFile {
    /// Writes `bytes` to `path`, never leaving a file half-written.
    ///
    /// - Parameter mode: The mode of a file created (the umask applies); a file replaced keeps its own.
    /// - Throws: ``AtomicFile/Failure`` with a sentence naming the path.
    package static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o666) throws(Failure) {
        let writer = try Writer(path: path, mode: mode)
        try writer.write(bytes)
        try writer.commit()
    }

    /// Whether writing to `path` goes straight through to a pipe, a device or a standard stream
    /// (so that each write adds to what was written) rather than replacing a file.
    package static func isStream(_ path: String) -> Bool {
        switch try? Target.resolve(path) {
        case .descriptor, .stream: return true
        case .file, nil: return false
        }
    }

    /// A write that failed; the target is untouched.
    package struct Failure: Error, Sendable {
        /// A full sentence naming the path.
        package var message: String
    }

    /// Whether two paths name the same existing file.
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Removes the named temporary files being written now; safe in a signal handler.
    static func removeRegisteredTemporaries() {
        TemporaryRegistry.unlinkAll()
    }

    /// An output being written: opened (and checked) first, written, then committed.
    ///
    /// A writer that is never committed leaves the target as it was, and no temporary file.
    package final class Writer {
        private let path: String
        private let target: Target
        private var fd: Int32
        private var temporary: String?
        private var done = false

        /// Opens `path` for writing: checks the target, and makes the temporary file of a regular one.
        ///
        /// - Parameter mode: The mode of a file created (the umask applies).
        /// - Throws: ``AtomicFile/Failure`` when the target is a directory or cannot be written.
        package init(path: String, mode: mode_t = 0o666) throws(Failure) {
            self.path = path
            target = try Target.resolve(path)
            switch target {
            case .descriptor(let descriptor):
                fd = descriptor
            case .stream(let resolved):
                fd = open(resolved, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard fd >= 0 else { throw Failure.cannotWrite(path, errno) }
            case .file(let resolved, let existing):
                (fd, temporary) = try Self.makeTemporary(for: resolved, existing: existing, mode: mode, path: path)
            }
        }

        deinit { discard() }

        /// Writes `bytes`: to the temporary file, or straight to a pipe or device.
        ///
        /// A pipe whose reader has gone ends the process quietly, as it ends `cat`.
        package func write(_ bytes: [UInt8]) throws(Failure) {
            let code = bytes.withUnsafeBytes { Descriptor.writeAll(fd, $0) }
            guard code != 0 else { return }
            if code == EPIPE { Console.endByClosedPipe() }
            discard()
            throw Failure.notWritten(path, code, replacing: temporary != nil)
        }

        /// Puts what was written in place: gives the temporary file the mode, owner and group of
        /// the file it replaces, flushes it, and renames it over the target.
        package func commit() throws(Failure) {
            guard !done else { return }
            guard case .file(let resolved, let existing) = target else {
                done = true
                if case .stream = target, close(fd) != 0 { throw Failure.notWritten(path, errno, replacing: false) }
                return
            }
            if let existing {
                // The owner first: changing it clears the set-user-ID bits the mode may then restore.
                if fchown(fd, existing.st_uid, existing.st_gid) != 0 { _ = fchown(fd, uid_t.max, existing.st_gid) }
                _ = fchmod(fd, existing.st_mode & 0o7777)
            }
            guard fsync(fd) == 0 else { try fail(errno) }
            let named: String
            if let temporary {
                named = temporary
            } else {
                named = Self.temporaryName(for: resolved)
                TemporaryRegistry.register(named)
                guard Self.link(fd, to: named) else {
                    let code = errno
                    TemporaryRegistry.unregister(named)
                    try fail(code)
                }
                temporary = named
            }
            let closed = close(fd)
            fd = -1
            guard closed == 0 else { try fail(errno) }
            guard rename(named, resolved) == 0 else { try fail(errno) }
            TemporaryRegistry.unregister(named)
            temporary = nil
            done = true
            Self.flushDirectory(of: resolved)
        }

        private func fail(_ code: Int32) throws(Failure) -> Never {
            discard()
            throw Failure.notWritten(path, code, replacing: true)
        }

        /// Closes the temporary file and removes it, leaving the target as it was.
        private func discard() {
            guard !done else { return }
            done = true
            if case .descriptor = target { return }
            if fd >= 0 { close(fd) }
            fd = -1
            if let temporary {
                unlink(temporary)
                TemporaryRegistry.unregister(temporary)
            }
        }

        /// Opens the temporary file for `resolved`: unnamed where the system allows it, named otherwise.
        private static func makeTemporary(for resolved: String, existing: stat?, mode: mode_t, path: String) throws(Failure) -> (Int32, String?) {
            let directory = Self.directory(of: resolved)
            // A file replaced gets its own mode at the end; until then only its owner may read.
            let initialMode = existing == nil ? mode : 0o600
            StaleTemporaries.remove(in: directory)
            #if os(Linux)
            if ProcessInfo.processInfo.environment["PLANKIT_NO_O_TMPFILE"] == nil {
                let fd = open(directory, Linux.O_TMPFILE | O_WRONLY | O_CLOEXEC, initialMode)
                if fd >= 0 { return (fd, nil) }
                guard [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) else { throw Failure.cannotWrite(path, errno) }
            }
            #endif
            let name = temporaryName(for: resolved)
            TemporaryRegistry.register(name)
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, initialMode)
            guard fd >= 0 else {
                let code = errno
                TemporaryRegistry.unregister(name)
                throw Failure.cannotWrite(path, code)
            }
            return (fd, name)
        }

        /// Gives the unnamed temporary file `fd` the name `name`.
        private static func link(_ fd: Int32, to name: String) -> Bool {
            #if os(Linux)
            if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 { return true }
            return linkat(fd, "", AT_FDCWD, name, Linux.AT_EMPTY_PATH) == 0
            #else
            errno = ENOTSUP
            return false
            #endif
        }

        /// `.NAME.plankit-PID-N.tmp` beside `resolved`.
        static func temporaryName(for resolved: String) -> String {
            let base = resolved.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? resolved
            return directory(of: resolved) + "/." + base + ".plankit-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        }

        /// The folder holding `path`.
        static func directory(of path: String) -> String {
            guard let slash = path.lastIndex(of: "/") else { return "." }
            return slash == path.startIndex ? "/" : String(path[..<slash])
        }

        /// Flushes the folder of `path`, so that the rename survives a power cut.
        private static func flushDirectory(of path: String) {
            let fd = open(directory(of: path), O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return }
            _ = fsync(fd)
            close(fd)
        }
    }
}

extension AtomicFile.Failure {
    static func cannotWrite(_ path: String, _ code: Int32) -> Self {
        Self(message: "\(path): error: cannot write here (\(String(cString: strerror(code)))); check the directory exists and is writable.")
    }

    static func notWritten(_ path: String, _ code: Int32, replacing: Bool) -> Self {
        let reason = String(cString: strerror(code))
        return Self(message: replacing
            ? "\(path): error: the file could not be written (\(reason)); it was left as it was."
            : "\(path): error: the output could not be written (\(reason)).")
    }
}

#if os(Linux)
/// Linux flags Glibc declares only for `_GNU_SOURCE`, with the values of x86 and ARM.
private enum Linux {
    /// `open(2)`: an unnamed file in the directory given.
    static let O_TMPFILE: Int32 = 0o20000000 | O_DIRECTORY
    /// `linkat(2)`: link the descriptor itself (needs `CAP_DAC_READ_SEARCH`).
    static let AT_EMPTY_PATH: Int32 = 0x1000
}
#endif

/// What a path to write names, once symbolic links are followed.
enum Target {
    /// A descriptor the process already has: `/dev/stdout`, `/dev/fd/N`.
    case descriptor(Int32)
    /// A FIFO or a character device, written through.
    case stream(String)
    /// A regular file, existing or not, replaced by a rename.
    case file(String, existing: stat?)

    /// Follows symbolic links from `path` and says what it names.
    static func resolve(_ path: String) throws(AtomicFile.Failure) -> Target {
        var current = path
        for _ in 0..<40 {
            if let fd = descriptor(named: current) {
                var info = stat()
                guard fstat(fd, &info) == 0 else { throw .cannotWrite(path, errno) }
                if info.st_mode & S_IFMT == S_IFDIR { throw .directory(path) }
                return .descriptor(fd)
            }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return .file(current, existing: nil) }
                throw .cannotWrite(path, errno)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlink(current, &buffer, buffer.count - 1)
                guard count > 0 else { throw .cannotWrite(path, errno) }
                let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                current = destination.hasPrefix("/") ? destination : AtomicFile.Writer.directory(of: current) + "/" + destination
            case S_IFREG:
                return .file(current, existing: info)
            case S_IFDIR:
                throw .directory(path)
            case S_IFIFO, S_IFCHR:
                return .stream(current)
            default:
                throw AtomicFile.Failure(message: "\(path): error: this is neither a file, a pipe nor a character device; give the path of a file to write.")
            }
        }
        throw .cannotWrite(path, ELOOP)
    }

    /// The descriptor `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` stands for.
    private static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }
}

extension AtomicFile.Failure {
    static func directory(_ path: String) -> Self {
        Self(message: "\(path): error: this is a directory; give the path of a file to write.")
    }
}

/// Temporaries left by processes that no longer run: `.NAME.plankit-PID-N.tmp`.
enum StaleTemporaries {
    private static let cleaned = Locked(Set<String>())

    /// Removes the stale temporaries of `directory`, once per folder and process.
    static func remove(in directory: String) {
        guard cleaned.withLock({ $0.insert(directory).inserted }) else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            guard let pid = owner(of: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            var info = stat()
            let path = directory + "/" + name
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            unlink(path)
        }
    }

    /// The process that made the temporary `name`, or `nil` when `name` is not one.
    static func owner(of name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".plankit-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].dropLast(4).split(separator: "-")
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }
}

/// The named temporary files being written, removed by a handler of `SIGINT`, `SIGTERM` and
/// `SIGHUP` when one ends the process.
///
/// The handler may only call async-signal-safe functions, so paths are kept as C strings in a
/// fixed block of memory allocated once. A slot is trusted only when its recorded length matches
/// its string's: a slot caught while being filled or cleared is skipped, never misread.
/// The handler is installed only for signals whose action is the default, and only while a
/// temporary exists; it then restores the default action and raises the signal again.
enum TemporaryRegistry {
    private static let slotCount = 32
    private static let slotSize = Int(PATH_MAX) + 1
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    private nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
        let block = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        block.initialize(repeating: 0, count: slotCount * slotSize)
        return block
    }()

    private nonisolated(unsafe) static let lengths: UnsafeMutablePointer<Int> = {
        let block = UnsafeMutablePointer<Int>.allocate(capacity: slotCount)
        block.initialize(repeating: 0, count: slotCount)
        return block
    }()

    private struct State {
        var used = Set<Int>()
        var slotOf: [String: Int] = [:]
        var installed: [Int32] = []
    }

    private static let state = Locked(State())

    /// Records `path` for removal if a signal ends the process.
    static func register(_ path: String) {
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize, !bytes.contains(0) else { return }
        _ = paths
        _ = lengths
        state.withLock { state in
            guard let slot = (0..<slotCount).first(where: { !state.used.contains($0) }) else { return }
            state.used.insert(slot)
            state.slotOf[path] = slot
            let start = paths + slot * slotSize
            for (index, byte) in bytes.enumerated() { start[index] = CChar(bitPattern: byte) }
            start[bytes.count] = 0
            lengths[slot] = bytes.count
            if state.installed.isEmpty { state.installed = install() }
        }
    }

    /// Forgets `path`: it was renamed or removed.
    static func unregister(_ path: String) {
        state.withLock { state in
            guard let slot = state.slotOf.removeValue(forKey: path) else { return }
            lengths[slot] = 0
            (paths + slot * slotSize).update(repeating: 0, count: slotSize)
            state.used.remove(slot)
            if state.used.isEmpty {
                restore(state.installed)
                state.installed = []
            }
        }
    }

    /// Unlinks every recorded path; async-signal-safe.
    static func unlinkAll() {
        for slot in 0..<slotCount {
            let length = lengths[slot]
            let start = paths + slot * slotSize
            guard length > 0, strlen(start) == length else { continue }
            unlink(start)
        }
    }

    /// Installs the handler for the signals whose action is the default; returns them.
    private static func install() -> [Int32] {
        var installed: [Int32] = []
        for signal in signals {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, isDefault(current) else { continue }
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            if sigaction(signal, &action, nil) == 0 { installed.append(signal) }
        }
        return installed
    }

    /// Puts back the default action of `installed`.
    private static func restore(_ installed: [Int32]) {
        for signal in installed { Foundation.signal(signal, SIG_DFL) }
    }

    private static func isDefault(_ action: sigaction) -> Bool {
        guard action.sa_flags & SA_SIGINFO == 0 else { return false }
        #if os(Linux)
        return action.__sigaction_handler.sa_handler == nil
        #else
        return action.__sigaction_u.__sa_handler == nil
        #endif
    }

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        TemporaryRegistry.unlinkAll()
        Foundation.signal(signal, SIG_DFL)
        raise(signal)
    }
}
