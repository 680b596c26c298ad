import Foundation
import Testing

/// `Docs/public-api.md` lists the public symbols of the modules as built: `Scripts/public-api.sh`
/// regenerates it, and this test fails when a public symbol was added or removed without it.
@Suite struct PublicAPITests {
    /// The build directory holding the modules this test was built with.
    static let binPath: String? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let candidates = [beside, beside.deletingLastPathComponent(), ClientTools.root.appendingPathComponent(".build/debug")]
        return candidates.map(\.path).first { FileManager.default.fileExists(atPath: $0 + "/Modules/PlanKit.swiftmodule") }
    }()

    static let runnable = binPath != nil && ClientTools.swift != nil
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    @Test(.enabled(if: runnable, "no built modules, swift or python3: the public API list is not checked"))
    func listIsCurrent() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["Scripts/public-api.sh", "--check"]
        process.currentDirectoryURL = ClientTools.root
        var environment = ProcessInfo.processInfo.environment
        environment["PLANKIT_BIN_PATH"] = Self.binPath
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Docs/public-api.md is stale; run Scripts/public-api.sh:\n\(output)")
    }
}
