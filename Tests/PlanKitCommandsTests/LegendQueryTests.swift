import Foundation
import PlanQuery
import Testing

/// A plan's legend is queried as `legend`: one value per line, and per colour a workbook's legend
/// gives a meaning.
@Suite struct LegendQueryTests {
    @Test func aWorkbooksLegendIsQueried() throws {
        let book = Executable.fixture("workbooks/book.xlsx") + "#Citoyennete"
        let result = try Executable.run(["query", "plans select legend", book, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"En attente confirmation/précision du Collège communal\", \"colour #ffff00: En attente confirmation/précision du Collège communal\"")
                || result.stdout.contains("[\"En attente confirmation/précision du Collège communal\",\"colour #ffff00: En attente confirmation/précision du Collège communal\"]"),
                "\(result.stdout)")
    }

    /// `legend ~ text` finds the plans whose legend says so; a plan without a legend has none.
    @Test func plansAreFoundByTheirLegend() throws {
        let result = try Executable.run(["query", "plans where legend ~ \"valider\" select name, legend", Executable.fixture("workbooks/legend-lines.xlsx"),
                                         Executable.fixture("pst-rh.tsv"), "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("name,legend"))
        #expect(result.stdout.contains("legend-lines,\"Action prioritaire, À valider par le Collège, colour #92d050: Action prioritaire, colour theme 7 tint 0.3999755851924192: À valider par le Collège\""))
        #expect(!result.stdout.contains("pst-rh"))
    }

    /// Completion offers the field after `plans select `.
    @Test func completionOffersTheField() throws {
        let names = try #require(Schema.fields(after: [], in: "plans")).map(\.name)
        #expect(names.contains("legend"))
    }
}
