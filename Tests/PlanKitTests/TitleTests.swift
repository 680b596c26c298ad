import Testing
@testable import PlanKit

/// Action titles: the number, link parentheses and open questions taken out, spaces collapsed,
/// trailing separators removed; a slice of the cell's text when the cell writes the title in one
/// collapsed piece.
@Suite struct TitleTests {
    static let cells: [(String, String, Bool)] = [
        // (cell, title, whether the title is a slice of the cell)
        ("Action 1.2. Analyser la création de lieux", "Analyser la création de lieux", true),
        ("Action 1.2 : Analyser – ", "Analyser", true),
        ("Action 1.2. Analyser (en lien avec l'action 5.5.02 du PCS III) (cfr PST Aînés - PST Culture)", "Analyser", true),
        ("Action 1.2. Analyser (les lieux) et agir", "Analyser (les lieux) et agir", true),
        ("Action 1.2. Analyser (en lien avec l'axe 6 du PCS III) et agir", "Analyser et agir", false),
        ("Action 1.2. Analyser (à préciser! Comment?) et agir -", "Analyser et agir", false),
        ("Action 1.2.  Analyser   la\tcréation ", "Analyser la création", false),
        ("Action 1.2. Analyser\u{A0}tout", "Analyser tout", false),
        ("Action 1.2. Analyser (sans fin", "Analyser (sans fin", true),
        ("Action 1.2. (en attente) Agir", "Agir", true),
        ("Action 1.2. A (cfr PST X) (cfr PST Y) B", "A B", false),
        ("Action 1.2. A (cfr PST X) \t (cfr PST Y)  ", "A", true),
        ("Action 1.2.", "", true),
        ("Action 1.2. é", "é", true),
    ]

    @Test(arguments: cells)
    func titles(_ cell: String, _ title: String, _ slice: Bool) throws {
        let parsed = try #require(TitleParser.parse(cell, location: SourceLocation(file: "t.tsv", line: 1, column: 1)))
        #expect(parsed.id == "1.2")
        #expect(String(parsed.title) == title)
        #expect((parsed.title.base == cell) == slice)
    }

    /// Read from a spreadsheet, an action keeps its title as a range of its row's text: within the
    /// title cell's text when the cell writes it as it is, else after the row's cells.
    @Test(arguments: cells)
    func rowHeldTitles(_ cell: String, _ title: String, _ slice: Bool) throws {
        let tsv = "\tPolitique en charge\tÉchéance\tBudget ordinaire\nObjectif stratégique : S\nObjectif opérationnel 1. O\n"
            + cell.replacingOccurrences(of: "\t", with: " ") + "\tA. Martin\t2020\t1.000 € (article 104/123-48 Frais)\n"
        let plan = try SpreadsheetReader().read(Array(tsv.utf8), file: "titles.tsv")
        let action = try #require(plan.actions.first)
        guard case .row(let row) = action.storage else { Issue.record("not held as its row"); return }
        // A tab in the cell would split it: it is written as a space, which the title collapses all the same.
        let expected = cell.contains("\t") ? title.replacingOccurrences(of: "\t", with: " ") : title
        #expect(action.title == expected)
        #expect(action.titleCell.text == cell.replacingOccurrences(of: "\t", with: " "))
        let cellRange = row.text.range(.title)
        let inCell = cellRange.lowerBound <= Int(row.titleStart) && Int(row.titleEnd) <= cellRange.upperBound
        #expect(inCell == slice)
        // Links are held as ranges of the row's text: the same texts as the cell parsed alone, at the title's place.
        let alone = try #require(TitleParser.parse(cell.replacingOccurrences(of: "\t", with: " "), location: action.location))
        #expect(action.links.map(\.text) == alone.links.map(\.text) && action.links == alone.links)
        #expect((0..<action.linkCount).map { action.link(at: $0) } == action.links)
        #expect(action.budget.map(\.text) == ["1.000 € (article 104/123-48 Frais)"])
        #expect(action.pilots.political.value == .known(["A. Martin"]))
    }

    /// An action made with a title holds it as given, and a title set later replaces it.
    @Test func actionTitleReadsAndWrites() throws {
        var action = try #require(Fixtures.plan("pst-citoyennete.tsv").action("1.2"))
        #expect(action.title == "Analyser la possibilité de création de lieux de convivialité")
        action.title = "Autre"
        #expect(action.title == "Autre")
        #expect(action.titleCell.text.hasPrefix("Action 1.2"))
    }
}
