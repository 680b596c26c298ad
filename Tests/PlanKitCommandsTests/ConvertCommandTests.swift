import Foundation
import Testing

@Suite struct ConvertCommandTests {
    @Test func jsonRoundTripThroughTheCommandLine() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let out = dir + "/plan.json"
        let convert = try Executable.run(["convert", Executable.seed, "--to", "json", "-o", out])
        #expect(convert.status == 0)
        let json = try String(contentsOfFile: out, encoding: .utf8)
        #expect(json.hasPrefix("{\n  \"format\" : \"plankit\","))
        // Querying the JSON gives the same answers as the spreadsheet.
        for query in ["budget select action, kind, amount, article, credit", "actions where deadline is unknown", "links"] {
            let a = try Executable.run(["query", query, Executable.seed, "--format", "csv"])
            let b = try Executable.run(["query", query, out, "--format", "csv"])
            #expect(a.stdout == b.stdout)
        }
        // Converting the JSON again gives the same bytes.
        let again = try Executable.run(["convert", out, "--to", "json"])
        #expect(again.stdout == json)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["plan.json"])
    }

    @Test func refusesToOverwriteItsInput() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let input = dir + "/plan.json"
        _ = try Executable.run(["convert", Executable.seed, "--to", "json", "-o", input])
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let result = try Executable.run(["convert", input, "--to", "json", "-o", input])
        #expect(result.status == 2)
        #expect(result.stderr == "\(input): error: this is the input file; writing over it would lose it. Choose another output, or pass --force.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        #expect(try Executable.run(["convert", input, "--to", "json", "-o", input, "--force"]).status == 0)
    }

    @Test func unwritableDestination() throws {
        let result = try Executable.run(["convert", Executable.seed, "--to", "json", "-o", "/nonexistent/dir/out.json"])
        #expect(result.status == 2)
        #expect(result.stderr == "/nonexistent/dir/out.json: error: cannot write here (No such file or directory); check the directory exists and is writable.\n")
    }
}
