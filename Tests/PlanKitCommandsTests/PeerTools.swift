import Foundation

/// The peer tools the output tests compare PlanKit with: sqlite3, DuckDB, python3 (openpyxl),
/// LibreOffice. Each is found on the `PATH`, as a user's shell would find it.
enum PeerTools {
    /// The path of the executable `name` on the `PATH`, if any.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let directories = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", home + "/.local/bin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let sqlite3 = find("sqlite3")
    static let duckdb = find("duckdb")
    static let python3 = find("python3")

    /// Whether python3 can import openpyxl.
    static let openpyxl: Bool = {
        guard let python3, let result = try? run(python3, ["-c", "import openpyxl"]) else { return false }
        return result.status == 0
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`; standard input is empty.
    static func run(_ executable: String, _ arguments: [String], directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Standard error is read on another thread, so that neither pipe fills while the other is read.
        let errorData = Locked<Data>(Data())
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.done { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// A value set once from another thread.
    final class Locked<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value
        private var isSet = false
        init(_ value: Value) { stored = value }
        func set(_ value: Value) { lock.lock(); stored = value; isSet = true; lock.unlock() }
        var done: Bool { lock.lock(); defer { lock.unlock() }; return isSet }
        var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    }

    /// Parses RFC 4180 CSV (the header row included) into rows of fields.
    static func csv(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// A field as the comparisons see it: a number in a canonical form (`15000.0` and `15000`
    /// are one number, rounded to the cent), other text as it is.
    static func normalized(_ field: String) -> String {
        guard let number = Decimal(string: field, locale: Locale(identifier: "en_US_POSIX")),
              field.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" }),
              field.first?.isNumber == true || field.first == "-" else { return field }
        var value = number, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return "\(rounded)"
    }
}
