import Foundation

/// Standard output and error, and what the terminal is like.
///
/// Everything `plankit` prints goes through ``out(_:)`` and ``error(_:)``, which write with
/// `write(2)`, retrying interrupted and partial writes. A write that fails does not stop the
/// program: the first failure is kept in ``writeFailure``, later writes to that stream are
/// dropped, and the command's top level turns it into exit status 2 with one line on standard
/// error (see ``WriteFailure/message``). A closed pipe (`EPIPE`, as when `head` has read enough)
/// ends the process at once, quietly, as `cat` does: by `SIGPIPE`, without a message.
package enum Console {
    /// Writes `text` to standard output as it is.
    package static func out(_ text: String) {
        send(text, to: STDOUT_FILENO)
    }

    /// Writes `text` and a line break to standard error, with `error:` in red and `warning:` in
    /// yellow when standard error is a terminal and `NO_COLOR` is not set.
    package static func error(_ text: String) {
        send(colourized(text, enabled: colourOnStandardError) + "\n", to: STDERR_FILENO)
    }

    /// A write to standard output or standard error that failed.
    package struct WriteFailure: Sendable, Equatable {
        /// The descriptor: 1 (standard output) or 2 (standard error).
        package var descriptor: Int32
        /// The `errno` the write gave.
        package var code: Int32

        /// The line `plankit` prints on standard error for it.
        package var message: String {
            let stream = descriptor == STDERR_FILENO ? "standard error" : "standard output"
            return "plankit: error: \(stream) could not be written (\(String(cString: strerror(code)))); what was written before is incomplete."
        }
    }

    /// The first failed write to standard output or error, if any; the top level exits 2 on it.
    package static var writeFailure: WriteFailure? {
        state.withLock { $0.first }
    }

    /// Prepares the process's standard streams; `plankit` calls it first thing.
    ///
    /// `SIGPIPE` is ignored, so that a closed pipe comes back from `write(2)` as `EPIPE` and ends
    /// the process through ``out(_:)``, with no file left half-made. A standard stream that is
    /// closed (`>&-`) is held open on `/dev/null` in the wrong direction, so that writing it fails
    /// with `EBADF` (and is reported) and no file opened later takes its number.
    package static func prepareStandardStreams() {
        signal(SIGPIPE, SIG_IGN)
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if placeholder >= 0, placeholder != fd {
                dup2(placeholder, fd)
                close(placeholder)
            }
        }
    }

    private struct State {
        var first: WriteFailure?
        var failed: Set<Int32> = []
    }

    private static let state = Locked(State())

    /// Writes `text` to `fd` unless an earlier write to it failed; records a failure, and ends
    /// the process quietly on a closed pipe.
    private static func send(_ text: String, to fd: Int32) {
        if state.withLock({ $0.failed.contains(fd) }) { return }
        var text = text
        let code = text.withUTF8 { Descriptor.writeAll(fd, UnsafeRawBufferPointer($0)) }
        guard code != 0 else { return }
        if code == EPIPE { endByClosedPipe() }
        state.withLock { state in
            state.failed.insert(fd)
            if state.first == nil { state.first = WriteFailure(descriptor: fd, code: code) }
        }
    }

    /// Ends the process as a closed pipe ends `cat`: by `SIGPIPE`, silently (status 141 in a
    /// shell). Temporary files being written are removed first.
    static func endByClosedPipe() -> Never {
        AtomicFile.removeRegisteredTemporaries()
        signal(SIGPIPE, SIG_DFL)
        var pending = sigset_t()
        sigemptyset(&pending)
        sigaddset(&pending, SIGPIPE)
        pthread_sigmask(SIG_UNBLOCK, &pending, nil)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }

    /// Whether messages on standard error may use colour.
    static let colourOnStandardError: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return isTerminal(2) && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }()

    /// `text` with its severity words coloured (ANSI escapes) when `enabled`.
    package static func colourized(_ text: String, enabled: Bool) -> String {
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
    package static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The terminal's width in columns, from `COLUMNS` or the terminal; `nil` when not a terminal.
    package static func width(_ fd: Int32 = 1) -> Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(columns), n > 0 { return n }
        guard isTerminal(fd) else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether colour and box drawing may be used on standard output.
    package static var decorated: Bool {
        isTerminal(1) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// Writing to file descriptors with `write(2)`.
enum Descriptor {
    /// Writes all of `bytes` to `fd`, retrying interrupted and partial writes (and waiting on a
    /// non-blocking descriptor that is full).
    ///
    /// - Returns: 0, or the `errno` of the write that failed.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(fd, next, left)
            if written > 0 {
                next += written
                left -= written
                continue
            }
            guard written < 0 else { return EIO }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            case let code:
                return code
            }
        }
        return 0
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Creates the lock around `value`.
    init(_ value: Value) { self.value = value }

    /// Runs `body` on the value while holding the lock.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
