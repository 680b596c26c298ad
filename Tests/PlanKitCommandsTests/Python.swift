import Foundation

/// Runs Python 3 scripts with the modules `Scripts/setup.sh` installs (jsonschema, junitparser),
/// the peer tools that read what `plankit` writes.
enum Python {
    /// Whether `python3` can import `module`.
    static func has(_ module: String) -> Bool {
        (try? run("import \(module)", [])).map { $0.status == 0 } ?? false
    }

    /// Runs `script` with `arguments` (`sys.argv[1:]`); its status, standard output and error.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try python(["-c", script] + arguments)
    }

    /// Runs the script file at `file` with `arguments`; its status, standard output and error.
    static func run(file: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try python([file] + arguments)
    }

    private static func python(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let messages = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, messages)
    }
}
