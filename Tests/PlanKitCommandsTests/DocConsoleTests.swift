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
