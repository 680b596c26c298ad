import Foundation
import Testing

/// A ```console example of a page under Docs/ or the README: `$ plankit …` and what it prints.
struct ConsoleExample: CustomTestStringConvertible, Sendable {
    var page: String
    var arguments: [String]
    /// `NAME=value` words before `plankit`: the command's environment.
    var environment: [String: String] = [:]
    var output: String
    var testDescription: String { "\(page): plankit \(arguments.joined(separator: " "))" }

    /// Splits a command line on spaces, honouring single and double quotes.
    static func split(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?
        var inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; inWord = true
            } else if c == " " {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    static func all() -> [ConsoleExample] {
        let root = Executable.root
        var files = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Docs").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "Docs/\($0)" }
        files.append("README.md")
        var examples: [ConsoleExample] = []
        for file in files {
            guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { continue }
            for block in text.components(separatedBy: "```console\n").dropFirst() {
                guard let end = block.range(of: "```") else { continue }
                let body = block[..<end.lowerBound]
                guard let newline = body.firstIndex(of: "\n") else { continue }
                let command = String(body[..<newline])
                guard command.hasPrefix("$ ") else { continue }
                var words = split(String(command.dropFirst(2)))[...]
                var environment: [String: String] = [:]
                while let word = words.first, word != "plankit", let equal = word.firstIndex(of: "=") {
                    environment[String(word[..<equal])] = String(word[word.index(after: equal)...])
                    words.removeFirst()
                }
                guard words.first == "plankit" else { continue }
                examples.append(ConsoleExample(page: file, arguments: Array(words.dropFirst()), environment: environment,
                                               output: String(body[body.index(after: newline)...])))
            }
        }
        return examples
    }
}

@Suite struct DocConsoleTests {
    static let examples = ConsoleExample.all()

    @Test func thereAreExamples() { #expect(Self.examples.count >= 3) }

    @Test(arguments: examples)
    func printsWhatTheDocsShow(_ example: ConsoleExample) throws {
        let result = try Executable.run(example.arguments, environment: example.environment, directory: Executable.root.path)
        // The page shows CSV line ends as plain line breaks.
        #expect((result.stdout + result.stderr).replacingOccurrences(of: "\r\n", with: "\n") == example.output)
    }
}

/// A console session shown in the README or a page under Docs/: ``` blocks whose lines start
/// with `plankit> `, on the sample plan (`plankit Examples/pst-citoyennete.tsv`), each statement
/// followed by what it prints.
struct ConsoleTranscript: CustomTestStringConvertible, Sendable {
    var page: String
    var statements: [String]
    var output: String
    var testDescription: String { "\(page): \(statements.first ?? "")" }

    static func all() -> [ConsoleTranscript] {
        let root = Executable.root
        var files = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Docs").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "Docs/\($0)" }
        files.append("README.md")
        var transcripts: [ConsoleTranscript] = []
        for file in files {
            guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { continue }
            for block in text.components(separatedBy: "```\nplankit> ").dropFirst() {
                guard let end = block.range(of: "\n```") else { continue }
                var statements: [String] = [], output = ""
                for line in ("plankit> " + block[..<end.lowerBound]).split(separator: "\n", omittingEmptySubsequences: false) {
                    if line.hasPrefix("plankit> ") { statements.append(String(line.dropFirst(9))) } else { output += line + "\n" }
                }
                transcripts.append(ConsoleTranscript(page: file, statements: statements, output: output))
            }
        }
        return transcripts
    }
}

@Suite struct ConsoleTranscriptTests {
    static let transcripts = ConsoleTranscript.all()

    @Test func thereIsOne() { #expect(!Self.transcripts.isEmpty) }

    /// The statements, typed into the console on the sample plan, print what the page shows.
    @Test(arguments: transcripts)
    func printsWhatThePageShows(_ transcript: ConsoleTranscript) throws {
        let result = try Executable.run(["Examples/pst-citoyennete.tsv"], input: transcript.statements.joined(separator: "\n") + "\n",
                                        directory: Executable.root.path)
        #expect(result.status == 0)
        #expect((result.stdout + result.stderr).replacingOccurrences(of: "\r\n", with: "\n") == transcript.output)
    }
}

/// The blocks of statements a page shows without their output (``` blocks starting with a
/// collection, `assert` or `check`): each runs as a script on the sample plan, its assertions
/// holding, with no error.
@Suite struct DocStatementBlockTests {
    static let starts: Set<String> = ["plans", "objectives", "actions", "budget", "links", "articles", "findings", "assert", "check"]

    static let blocks: [ConsoleExample] = {
        let root = Executable.root
        var files = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Docs").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "Docs/\($0)" }
        files.append("README.md")
        var blocks: [ConsoleExample] = []
        for file in files {
            guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { continue }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
            while let line = lines.popFirst() {
                guard line.hasPrefix("```") else { continue }
                let body = lines.prefix { !$0.hasPrefix("```") }
                lines = lines.dropFirst(body.count + 1)
                guard line == "```", let first = body.first?.split(separator: " ").first, starts.contains(String(first)) else { continue }
                blocks.append(ConsoleExample(page: file, arguments: [body.joined(separator: "\n")], output: ""))
            }
        }
        return blocks
    }()

    @Test func thereAreBlocks() { #expect(Self.blocks.count >= 3) }

    @Test(arguments: blocks)
    func runsWithoutError(_ block: ConsoleExample) throws {
        let result = try Executable.run(["run", "-", "Examples/pst-citoyennete.tsv", "--today", "2021-07-01"], input: block.arguments[0] + "\n",
                                        directory: Executable.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("error"), "\(result.stderr)")
    }
}
