import Foundation
import PlanKit
import PlanQuery
import PlanShell

/// Where `plankit query` writes its result: a file given with `-o` (replaced atomically), or
/// standard output, which takes a workbook only when it is not a terminal.
struct QueryOutput {
    private let writer: AtomicFile.Writer
    private let path: String

    /// Checks the destination before any input is read: `nil` for text on standard output;
    /// a writer for a file, a pipe, or a workbook on standard output.
    ///
    /// - Throws: ``CommandFailure`` (usage) after explaining on standard error: a workbook to a
    ///   terminal, an output that is one of the inputs, or a destination that cannot be written.
    static func open(_ output: String?, format: OutputFormat, inputs: [String]) throws -> QueryOutput? {
        guard let output, output != "-" else {
            guard format.isBinary else { return nil }
            guard !Console.isTerminal(STDOUT_FILENO) else {
                Console.error("plankit: error: an \(format.rawValue) workbook is binary and standard output is a terminal; write it to a file with -o FILE.\(format.rawValue), or redirect standard output.")
                throw CommandFailure(.usage)
            }
            return try make("/dev/stdout", shown: "<stdout>")
        }
        if inputs.contains(where: { AtomicFile.sameFile(output, $0) }) {
            Console.error("\(output): error: this is an input file; writing over it would lose it. Choose another output.")
            throw CommandFailure(.usage)
        }
        if format.isBinary, AtomicFile.isStream(output), AtomicFile.isTerminal(output) {
            Console.error("\(output): error: an \(format.rawValue) workbook is binary and this is a terminal; write it to a file.")
            throw CommandFailure(.usage)
        }
        return try make(output, shown: output)
    }

    private static func make(_ path: String, shown: String) throws -> QueryOutput {
        do { return QueryOutput(writer: try AtomicFile.Writer(path: path), path: shown) } catch {
            Console.error(error.message)
            throw CommandFailure(.usage)
        }
    }

    /// Writes `table` in `format` and puts the file in place.
    ///
    /// - Throws: ``CommandFailure`` (usage) after explaining on standard error; a file written
    ///   over is left as it was.
    func write(_ format: OutputFormat, _ table: ResultTable) throws {
        guard let bytes = format.encode(table) else {
            Console.error("\(path): error: the workbook could not be made in memory; nothing was written.")
            throw CommandFailure(.usage)
        }
        do {
            try writer.write(bytes)
            try writer.commit()
        } catch {
            Console.error(error.message)
            throw CommandFailure(.usage)
        }
    }
}
