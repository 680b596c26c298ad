import Foundation
import Testing

/// The benchmark's corpus generator, checked at a small size: PlanKit's answers on the generated
/// plans must equal the answers the generator computed while writing them.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 is not installed: the corpus generator is not tested"))
struct CorpusTests {
    struct Answers: Decodable {
        struct Total: Decodable { var count: Int; var sum_cents: Int64 }
        struct Group: Decodable, Equatable { var count: Int; var sum_cents: Int64 }
        var actions: Int
        var lines: Int
        var files: Int
        var filter: Total
        var regex: Total
        var group: [String: Group]
    }

    static func cents(_ euros: String) -> Int64 {
        // A sum with unknown parts reads `15000 + ?`; the generator's answers are its known part.
        let known = euros.hasSuffix(" + ?") ? String(euros.dropLast(4)) : euros
        let parts = known.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts[0]) ?? 0
        let fraction = parts.count > 1 ? Int64((parts[1] + "00").prefix(2)) ?? 0 : 0
        return whole * 100 + fraction
    }

    @Test(arguments: [(5, 3, 7), (12, 2, 2024)])
    func plankitAgreesWithTheGenerator(_ communes: Int, _ actionsPerObjective: Int, _ seed: Int) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        generator.arguments = [Executable.root.appendingPathComponent("Scripts/generate-corpus.py").path, dir,
                               "--communes", String(communes), "--actions-per-oo", String(actionsPerObjective), "--seed", String(seed)]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        #expect(generator.terminationStatus == 0)
        let answers = try JSONDecoder().decode(Answers.self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/answers.json")))
        let files = try String(contentsOfFile: dir + "/files.txt", encoding: .utf8).split(separator: "\n").map { dir + "/" + $0 }
        #expect(files.count == communes)

        func csv(_ query: String) throws -> [[String]] {
            let result = try Executable.run(["query", query] + files + ["--format", "csv"])
            #expect(result.status == 0)
            #expect(result.stderr == "", "the generated plans read without warnings")
            return result.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        #expect(try csv("actions select count()") == [[String(answers.actions)]])
        #expect(try csv("budget select count()") == [[String(answers.lines)]])
        let filter = try csv("budget where amount > 20000 select count(amount), sum(amount)")[0]
        #expect(Int(filter[0]) == answers.filter.count)
        #expect(Self.cents(filter[1]) == answers.filter.sum_cents)
        let regex = try csv("budget where article ~ \"^84\" select count(amount), sum(amount)")[0]
        #expect(Int(regex[0]) == answers.regex.count)
        #expect(Self.cents(regex[1]) == answers.regex.sum_cents)
        let groups = try csv("budget where article is not missing group by article.main select article.main, sum(amount), count()")
        var got: [String: Answers.Group] = [:]
        for row in groups { got[row[0]] = Answers.Group(count: Int(row[2]) ?? -1, sum_cents: Self.cents(row[1])) }
        #expect(got == answers.group)
    }
}
