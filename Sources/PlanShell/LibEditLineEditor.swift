@preconcurrency import CLibEdit
import Foundation

/// The interactive line editor: libedit's readline-compatible API, driven through its callback
/// interface so that Ctrl-C cancels the line instead of ending the program.
///
/// libedit's globals and C callbacks cannot carry context, so the completion provider and the
/// line handed back by the callback live in globals of this file; there is one editor per process.
package final class LibEditLineEditor: LineEditor {
    /// Creates the editor and initialises libedit for this process.
    ///
    /// - Parameter complete: Given the whole line and the cursor offset (in bytes), the
    ///   candidates that replace the word under the cursor.
    package init(complete: @escaping (String, Int) -> [String]) {
        setlocale(LC_CTYPE, "")
        completionProvider = complete
        rl_readline_name = UnsafePointer(strdup("plankit"))
        plankit_disable_signal_handling()
        _ = rl_initialize()
        using_history()
        plankit_set_word_breaks(wordBreaks)
        plankit_set_completion(attemptCompletion)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptFlag = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked; the console needs it.
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }

    /// Reads a line with `prompt`; Ctrl-C returns ``LineInput/interrupted``, Ctrl-D on an empty line ``LineInput/endOfFile``.
    package func readLine(prompt: String) -> LineInput {
        deliveredLine = nil
        lineDelivered = false
        interruptFlag = 0
        rl_callback_handler_install(prompt, { line in
            lineDelivered = true
            if let line {
                deliveredLine = String(cString: line)
                free(line)
            } else {
                deliveredLine = nil
            }
        })
        defer { rl_callback_handler_remove() }
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, -1)
            if interruptFlag != 0 {
                interruptFlag = 0
                rl_replace_line("", 0)
                Console.out("^C\n")
                return .interrupted
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfFile
            }
            if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && descriptor.revents & Int16(POLLIN) == 0 {
                return .endOfFile
            }
            rl_callback_read_char()
            if lineDelivered {
                guard let line = deliveredLine else {
                    Console.out("\n")
                    return .endOfFile
                }
                return .line(line)
            }
        }
    }

    /// Adds an entry to libedit's history list.
    package func addHistory(_ entry: String) {
        _ = add_history(entry)
    }
}

/// Characters that end a word for completion: a dotted path stays one word.
nonisolated(unsafe) private let wordBreaks: UnsafePointer<CChar> = UnsafePointer(strdup(" \t\n\"'(),=<>!~;")!)

nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0
nonisolated(unsafe) private var deliveredLine: String?
nonisolated(unsafe) private var lineDelivered = false
nonisolated(unsafe) private var completionProvider: ((String, Int) -> [String])?
nonisolated(unsafe) private var completionCandidates: [String] = []
nonisolated(unsafe) private var completionIndex = 0

/// libedit's completion hook: computes the candidates once, then hands them out one by one.
private let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
    plankit_completion_over()
    let line = rl_line_buffer.map { String(cString: $0) } ?? ""
    completionCandidates = completionProvider?(line, Int(rl_point)) ?? []
    completionIndex = 0
    rl_completion_append_character = completionCandidates.count == 1 && [".", "/", "(", "="].contains(where: completionCandidates[0].hasSuffix) ? 0 : Int32(UInt8(ascii: " "))
    guard let text, !completionCandidates.isEmpty else { return nil }
    return rl_completion_matches(text, { _, state in
        if state == 0 { completionIndex = 0 }
        guard completionIndex < completionCandidates.count else { return nil }
        defer { completionIndex += 1 }
        return strdup(completionCandidates[completionIndex])
    })
}
