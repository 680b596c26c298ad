import Foundation
import Testing

/// A ```swift block of an article in a DocC catalog (`Sources/*/*.docc/`), and the ```output
/// block that follows it, if any. A block that starts with `// swift-tools-version` is a package
/// manifest: it is shown, not run.
struct ArticleSnippet: CustomTestStringConvertible, Sendable {
    /// The article's path from the repository root.
    var page: String
    /// Its place among all the snippets, which names what it printed.
    var index: Int
    /// The 1-based line of the snippet's first line of code.
    var line: Int
    var code: String
    /// What the snippet prints (CR LF shown as a line break); a snippet without an ```output block
    /// prints nothing.
    var output: String
    var testDescription: String { "\(page):\(line)" }

    /// The articles, in path order: every `.md` file under a `.docc` folder of `Sources/`.
    static func pages() -> [String] {
        let sources = Executable.root.appendingPathComponent("Sources")
        guard let paths = FileManager.default.enumerator(atPath: sources.path)?.compactMap({ $0 as? String }) else { return [] }
        return paths.filter { $0.hasSuffix(".md") && $0.contains(".docc/") }.sorted().map { "Sources/\($0)" }
    }

    static func all() -> [ArticleSnippet] {
        var snippets: [ArticleSnippet] = []
        for page in pages() {
            guard let text = try? String(contentsOf: Executable.root.appendingPathComponent(page), encoding: .utf8) else { continue }
            let lines = text.components(separatedBy: "\n")
            var index = 0
            while index < lines.count {
                guard lines[index] == "```swift" else { index += 1; continue }
                let start = index + 1
                var end = start
                while end < lines.count, lines[end] != "```" { end += 1 }
                let code = lines[start..<min(end, lines.count)].joined(separator: "\n")
                // An ```output block right after it (blank lines aside) is what it prints.
                var next = end + 1
                while next < lines.count, lines[next].isEmpty { next += 1 }
                var output = ""
                if next < lines.count, lines[next] == "```output" {
                    var close = next + 1
                    while close < lines.count, lines[close] != "```" { close += 1 }
                    output = lines[(next + 1)..<min(close, lines.count)].map { $0 + "\n" }.joined()
                    end = close
                }
                // A package manifest is shown, not run.
                if code.hasPrefix("// swift-tools-version") { index = end + 1; continue }
                snippets.append(ArticleSnippet(page: page, index: snippets.count, line: start + 1, code: code, output: output))
                index = end + 1
            }
        }
        return snippets
    }
}

/// Builds every article's snippets into one small executable package that depends on PlanKit
/// by path (in `.build-doctests/`, git-ignored), runs it from the repository root, and splits
/// what it prints at markers written between snippets.
///
/// The snippets of one article run in order in one function, so a later snippet uses what an
/// earlier one declared, as a reader following the article would. Imports are gathered at the
/// top of the file; `#sourceLocation` makes compiler errors point at the article's lines.
enum ArticleProgram {
    static let directory = Executable.root.appendingPathComponent(".build-doctests")
    static let marker = "\u{1E}snippet "

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func source(_ snippets: [ArticleSnippet]) -> String {
        var imports: [String] = []
        var functions = ""
        var calls = ""
        let pages = snippets.reduce(into: [String]()) { if !$0.contains($1.page) { $0.append($1.page) } }
        for (number, page) in pages.enumerated() {
            functions += "func article\(number)() throws {\n"
            for snippet in snippets where snippet.page == page {
                functions += "    print(\"\\u{1E}snippet \(snippet.index)\")\n"
                functions += "#sourceLocation(file: \"\(page)\", line: \(snippet.line))\n"
                for line in snippet.code.components(separatedBy: "\n") {
                    if line.hasPrefix("import ") {
                        if !imports.contains(line) { imports.append(line) }
                        functions += "\n"
                    } else {
                        functions += line + "\n"
                    }
                }
                functions += "#sourceLocation()\n"
            }
            functions += "}\n\n"
            calls += "do { try article\(number)() } catch { print(\"\\(type(of: error)) thrown: \\(error)\") }\n"
        }
        return imports.joined(separator: "\n") + "\n\n" + functions + calls
    }

    static func manifest() -> String {
        let root = Executable.root.standardizedFileURL
        return """
        // swift-tools-version:6.0
        // Written by DocCArticleTests: the snippets of the DocC articles, as one program.
        import PackageDescription

        let package = Package(
            name: "DocCArticles",
            dependencies: [.package(path: "\(root.path)")],
            targets: [
                .executableTarget(
                    name: "Articles",
                    dependencies: [
                        .product(name: "PlanKit", package: "\(root.lastPathComponent)"),
                        .product(name: "PlanQuery", package: "\(root.lastPathComponent)"),
                    ]
                ),
            ]
        )

        """
    }

    /// Runs `command` in `directory`, returning its status and what it printed on standard
    /// output and standard error (through files, so that no pipe fills up).
    static func run(_ command: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plankit-articles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = directory
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return (process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
    }

    /// What each snippet printed, by its index in ``ArticleSnippet/all()``.
    static let outputs: Result<[Int: String], Failure> = {
        let snippets = DocCArticleTests.snippets
        let sources = directory.appendingPathComponent("Sources/Articles")
        do {
            try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
            try write(manifest(), to: directory.appendingPathComponent("Package.swift"))
            try write(source(snippets), to: sources.appendingPathComponent("main.swift"))
            var build = try run(["swift", "build", "--package-path", directory.path], in: Executable.root)
            if build.status != 0 {
                // SwiftPM may keep a build plan from before files were added or moved in the
                // package it depends on by path: build once more from a clean folder.
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(".build"))
                build = try run(["swift", "build", "--package-path", directory.path], in: Executable.root)
            }
            guard build.status == 0 else {
                return .failure(Failure(description: "The articles' snippets do not build:\n\(build.stdout)\(build.stderr)"))
            }
            let binary = directory.appendingPathComponent(".build/debug/Articles").path
            let result = try run([binary], in: Executable.root)
            guard result.status == 0 else {
                return .failure(Failure(description: "The articles' program exited with \(result.status):\n\(result.stdout)\(result.stderr)"))
            }
            var outputs: [Int: String] = [:]
            for part in result.stdout.components(separatedBy: marker).dropFirst() {
                guard let newline = part.firstIndex(of: "\n"), let index = Int(part[..<newline]) else { continue }
                outputs[index] = String(part[part.index(after: newline)...])
            }
            return .success(outputs)
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }()

    /// Writes `text` unless the file already holds it, so an unchanged program is not rebuilt.
    static func write(_ text: String, to url: URL) throws {
        if (try? String(contentsOf: url, encoding: .utf8)) == text { return }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}

@Suite struct DocCArticleTests {
    static let snippets = ArticleSnippet.all()

    @Test func thereAreSnippets() {
        #expect(ArticleSnippet.pages().count >= 4)
        #expect(Self.snippets.count >= 8)
    }

    @Test(arguments: snippets)
    func snippetPrintsWhatTheArticleShows(_ snippet: ArticleSnippet) throws {
        let outputs = try ArticleProgram.outputs.get()
        // The article shows CSV line ends as plain line breaks.
        #expect(outputs[snippet.index]?.replacingOccurrences(of: "\r\n", with: "\n") == snippet.output)
    }
}
