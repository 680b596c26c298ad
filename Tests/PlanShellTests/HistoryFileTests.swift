import Foundation
import Testing
@testable import PlanShell

/// The console's history file, shared by consoles running at once.
@Suite struct HistoryFileTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("plankit-history-\(UUID().uuidString)").path
    }

    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func twoSessionsBothKeepTheirStatements() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = HistoryFile(path: path)
        try file.append(["plans"])
        // Both consoles start with the same history; the second leaves first.
        let first = file.load(), second = file.load()
        #expect(first == ["plans"] && second == ["plans"])
        try file.append(["links"])
        try file.append(["actions", "budget\nselect amount"])
        #expect(file.load() == ["plans", "links", "actions", "budget select amount"])
        #expect(try Self.mode(path) == 0o600)
    }

    @Test func concurrentWritersLoseNothing() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = HistoryFile(path: path)
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            for entry in 0..<25 {
                do { try file.append(["writer \(writer) entry \(entry)"]) } catch { failures.withLock { $0 += 1 } }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let loaded = file.load()
        #expect(loaded.count == 200)
        #expect(Set(loaded) == Set((0..<8).flatMap { writer in (0..<25).map { "writer \(writer) entry \($0)" } }))
        #expect(try Self.mode(path) == 0o600)
    }

    @Test func concurrentWritersPastTheLimitKeepTheLastEntries() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = HistoryFile(path: path)
        try file.append((1...990).map { "old \($0)" })
        // Each append past the limit replaces the file; the others must follow it.
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            for entry in 0..<10 { try? file.append(["writer \(writer) entry \(entry)"]) }
        }
        let loaded = file.load()
        #expect(loaded.count == HistoryFile.limit)
        #expect(loaded.filter { $0.hasPrefix("writer ") }.count == 40)
        #expect(loaded.first == "old 31")
        #expect(try Self.mode(path) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("." + (path as NSString).lastPathComponent + ".plankit-") }
        #expect(leftovers == [])
    }

    @Test func aFileWithoutAFinalLineBreakIsContinuedOnANewLine() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "plans".write(toFile: path, atomically: false, encoding: .utf8)
        try HistoryFile(path: path).append(["links"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "plans\nlinks\n")
    }
}
