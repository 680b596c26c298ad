import Foundation
import Testing

/// Builds and runs `Tests/ClientPackage`, a package that depends on PlanKit by path and uses it
/// as the README shows, with `import Foundation` beside `import PlanQuery`. It builds in its own
/// scratch directory, `.build-client`, so it does not wait on this build's lock.
@Suite(.enabled(if: ClientTools.swift != nil, "no swift executable on PATH: the client package is not built"))
struct ClientPackageTests {
    @Test(.timeLimit(.minutes(15))) func buildsAndRuns() throws {
        let root = ClientTools.root
        let scratch = root.appendingPathComponent(".build-client").path
        let arguments = ["build", "--package-path", "Tests/ClientPackage", "--scratch-path", scratch]
        var build = try ClientTools.run(try #require(ClientTools.swift), arguments)
        if build.status != 0 {
            // SwiftPM may keep a build plan from before files were added or moved in the package
            // it depends on by path: build once more from a clean folder.
            try? FileManager.default.removeItem(atPath: scratch)
            build = try ClientTools.run(try #require(ClientTools.swift), arguments)
        }
        try #require(build.status == 0, "swift build of Tests/ClientPackage failed:\n\(build.output)")
        let client = try ClientTools.run(scratch + "/debug/PlanKitClient", [root.appendingPathComponent("Tests/Fixtures/pst-citoyennete.tsv").path])
        #expect(client.status == 0, "\(client.output)")
        let lines = client.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "modules: 2")
        #expect(lines.contains("ordinary 70000") && lines.contains("extraordinary 20000"))
        #expect(lines.contains("total: 90000"))
        #expect(lines.contains("| id | title | objective | deadline |"))
    }
}

/// The package's root, the `swift` executable, and a way to run a program.
enum ClientTools {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let swift: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/swift" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `executable` with `arguments` from the package's root; standard error joins standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
