import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// One ```pkq example of a page under Docs/ and the ```output shown after it.
struct DocExample: CustomTestStringConvertible, Sendable {
    var page: String
    var query: String
    var output: String
    var testDescription: String { "\(page): \(query)" }

    static func all() -> [DocExample] {
        let docs = Fixtures.root.appendingPathComponent("Docs")
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()) ?? []
        var examples: [DocExample] = []
        for page in pages {
            guard let text = try? String(contentsOf: docs.appendingPathComponent(page), encoding: .utf8) else { continue }
            let blocks = text.components(separatedBy: "```pkq\n").dropFirst()
            for block in blocks {
                let parts = block.components(separatedBy: "\n```\n\n```output\n")
                guard parts.count >= 2, let end = parts[1].range(of: "```") else { continue }
                examples.append(DocExample(page: page, query: parts[0], output: String(parts[1][..<end.lowerBound])))
            }
        }
        return examples
    }
}

@Suite struct DocExamplesTests {
    static let examples = DocExample.all()

    @Test func thereAreExamples() {
        #expect(Self.examples.count >= 8)
    }

    @Test(arguments: examples)
    func exampleOutputMatches(_ example: DocExample) throws {
        let path = Fixtures.root.appendingPathComponent("Examples/pst-citoyennete.tsv").path
        let plans = try PlanReader().read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: "Examples/pst-citoyennete.tsv")
        let context = QueryContext(PlanSet(plans))
        // The page's examples take 1 July 2021 as today.
        let environment = QueryEnvironment(today: Day(iso: "2021-07-01"))
        let table = try Compiler.compile(try Parser.parse(example.query, environment: environment), planCount: plans.count).run(context)
        #expect(OutputFormat.table.render(table) == example.output)
    }
}
