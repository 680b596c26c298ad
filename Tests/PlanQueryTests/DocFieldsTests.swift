import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// Docs/query-language.md names every collection, and every field of each collection in that
/// collection's paragraph: a field added to the schema and left out of the page fails here.
@Suite struct DocFieldsTests {
    static let page: String = (try? String(contentsOf: Fixtures.root.appendingPathComponent("Docs/query-language.md"), encoding: .utf8)) ?? ""

    /// The page's text from `start` to the next `end`.
    static func section(_ start: String, _ end: String) -> String {
        guard let from = page.range(of: start), let to = page.range(of: end, range: from.upperBound..<page.endIndex) else { return "" }
        return String(page[from.lowerBound..<to.lowerBound])
    }

    /// Where each collection's fields are listed; objectives take the follow-up fields too.
    static let sections: [String: String] = [
        "actions": section("### action\n", "### budget\n"),
        "budget": section("### budget\n", "### links, articles"),
        "links": section("- links:", "\n- articles:"),
        "articles": section("- articles:", "\n- objectives:"),
        "objectives": section("- objectives:", "\n- plans:") + section("### Follow-up fields", "### budget\n"),
        "plans": section("- plans:", "\n- findings:"),
        "findings": section("- findings:", "\n### "),
    ]

    @Test func everyCollectionIsInTheTable() {
        let table = Self.section("| collection | a row per |", "\n\n")
        for collection in Schema.collections { #expect(table.contains("| `\(collection.name)` |"), "\(collection.name)") }
        #expect(Set(Self.sections.keys) == Set(Schema.collections.map(\.name)))
    }

    @Test(arguments: Schema.collections.map(\.name))
    func everyFieldIsDocumented(_ collection: String) throws {
        let text = try #require(Self.sections[collection])
        #expect(!text.isEmpty)
        let fields = Schema.fields(after: [], in: collection) ?? []
        #expect(!fields.isEmpty)
        for field in fields { #expect(text.contains("`\(field.name)`"), "\(collection).\(field.name) is not in Docs/query-language.md") }
    }
}
