import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanKit
import PlanQuery
import Testing

/// Runs the built `plankit`, and reads the reports it writes.
enum Plankit {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable: `$PLANKIT_BIN`, else beside the test bundle, else `.build/debug`.
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["PLANKIT_BIN"] { return path }
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var url = URL(fileURLWithPath: first)
            for _ in 0..<4 {
                url = url.deletingLastPathComponent()
                candidates.append(url.appendingPathComponent("plankit"))
            }
        }
        let fallback = root.appendingPathComponent(".build/debug/plankit")
        return (candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? fallback).path
    }()

    static func file(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` (plankit by default) with `arguments` in the repository's root.
    static func run(_ arguments: [String], executable: String = path, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PLANKIT_TODAY"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes at once so that neither fills up.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plankit-report-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// The inputs the tests report on.
struct ReportInput: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String]
    var testDescription: String { name }
    /// The files as absolute paths, so that the report and the tests' queries name them alike.
    var paths: [String] { files.map { $0.hasPrefix("/") ? $0 : Plankit.file($0) + ($0.hasSuffix("/") ? "/" : "") } }

    static let seed = ReportInput(name: "seed", files: ["Examples/pst-citoyennete.tsv"])
    static let examples = ReportInput(name: "Examples/", files: ["Examples/"])
    static let ecomptes = ReportInput(name: "eComptes with statuses", files: ["Tests/Fixtures/demo-pst-201805V1.xml"])
    static let all = [seed, examples, ecomptes]
}

/// A report written by `plankit report`, parsed as XML.
struct WrittenReport {
    var html: String
    var document: XMLDocument
    var input: ReportInput

    static let today = "2021-07-01"

    /// Writes the report of `input` in `language` on the day `today` to a temporary file and reads it back.
    static func make(_ input: ReportInput, language: String = "fr", today: String = today, extra: [String] = []) throws -> WrittenReport {
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/report.html"
        let result = try Plankit.run(["report"] + input.paths + ["--today", today, "--lang", language, "-o", target] + extra)
        guard result.status == 0 else { throw Failure(message: "plankit report exited \(result.status): \(result.stderr)") }
        let html = try String(contentsOfFile: target, encoding: .utf8)
        let document = try XMLDocument(xmlString: html, options: [])
        return WrittenReport(html: html, document: document, input: input)
    }

    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// The answer PlanQuery gives to `query` over the input's plans.
    func answer(_ query: String) throws -> ResultTable {
        let context = QueryContext(try PlanSet(reading: try PlanReader.planFiles(input.paths)))
        return try context.run(query)
    }

    func nodes(_ xpath: String, in node: XMLNode? = nil) throws -> [XMLElement] {
        try (node ?? document).nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }
}

extension XMLElement {
    func value(_ name: String) -> String? { attribute(forName: name)?.stringValue }
}

/// A data table of a report: its query, its columns, its cells' raw values.
struct DataTable {
    var query: String?
    var derived: Bool
    var columns: [String]
    var computed: Set<String>
    var rows: [[String]]
    var marked: [Bool]

    init(_ table: XMLElement, in report: WrittenReport) throws {
        query = table.value("data-query")
        derived = table.value("data-derived") == "true"
        let headings = try report.nodes("./thead/tr/th", in: table)
        columns = headings.map { $0.value("data-column") ?? "" }
        computed = Set(headings.filter { $0.value("data-computed") == "true" }.map { $0.value("data-column") ?? "" })
        let rowElements = try report.nodes("./tbody/tr", in: table)
        // A cell's raw value is its data-value, or its text where the two are the same.
        rows = try rowElements.map { row in try report.nodes("./td", in: row).map { $0.value("data-value") ?? $0.stringValue ?? "" } }
        marked = rowElements.map { $0.value("class") == "marked" }
    }
}
