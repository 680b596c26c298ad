import Testing
@testable import PlanKit

/// A budget line read from a cell keeps its text, label and article label as ranges of the
/// cell's text when the cell writes them as they are; otherwise as texts of their own. Either
/// way they read, compare and hash as texts.
@Suite struct BudgetLineTextTests {
    static let here = PlanKit.SourceLocation(file: "cells.tsv", line: 4, column: 9)

    static func parse(_ cell: String) -> [BudgetLine] {
        var diagnostics: [Diagnostic] = []
        return BudgetCellParser(kind: .ordinary, location: here).parse(cell, diagnostics: &diagnostics)
    }

    /// Each cell's lines as (text, label, article label, whether the three are ranges of the cell).
    @Test(arguments: [
        ("CCE 3.000 € CCCA 3.000 € ??", [
            ("CCE 3.000 €", "CCE", nil, true), ("CCCA 3.000 €", "CCCA", nil, true), ("??", nil, nil, true),
        ]),
        ("5.000 € (24.850 € à l'article 84021/124-02 Frais animation Cohésion sociale)", [
            ("5.000 € (24.850 € à l'article 84021/124-02 Frais animation Cohésion sociale)", nil, "Frais animation Cohésion sociale", true),
        ]),
        ("5.000 € (24.850 € à l'article 84021/124-02   Frais   animation)", [
            ("5.000 € (24.850 € à l'article 84021/124-02   Frais   animation)", nil, "Frais animation", false),
        ]),
        ("Frais  de réception 1.500 €", [("Frais  de réception 1.500 €", "Frais de réception", nil, false)]),
        ("2.000 € (article 722/123-03 \"Fournitures\")", [
            ("2.000 € (article 722/123-03 \"Fournitures\")", nil, "Fournitures", true),
        ]),
        ("1.000 € 84021/124-02 Frais animation", [("1.000 € 84021/124-02 Frais animation", nil, "Frais animation", true)]),
        // A tab does not split words: the label is the one word as written.
        ("1.000 € 84021/124-02 Frais\tanimation", [("1.000 € 84021/124-02 Frais\tanimation", nil, "Frais\tanimation", true)]),
        ("1.000 € 84021/124-02 Frais  animation", [("1.000 € 84021/124-02 Frais  animation", nil, "Frais animation", false)]),
    ] as [(String, [(String, String?, String?, Bool)])])
    func linesReadTheirTexts(_ cell: String, _ expected: [(String, String?, String?, Bool)]) {
        let lines = Self.parse(cell)
        #expect(lines.map { "\($0.text)|\($0.label ?? "-")|\($0.articleLabel ?? "-")" }
            == expected.map { "\($0.0)|\($0.1 ?? "-")|\($0.2 ?? "-")" })
        // Ranges of the cell leave its text as it is; a text of its own is added after it.
        #expect(lines.map { $0.fields.value.base == cell } == expected.map(\.3))
        for line in lines {
            let own = BudgetLine(
                kind: line.kind, label: line.label, amount: line.amount, article: line.article,
                articleLabel: line.articleLabel, statedCredit: line.statedCredit, fundingPlan: line.fundingPlan,
                note: line.note, flow: line.flow, fiscalYear: line.fiscalYear, text: line.text, location: line.location)
            #expect(own == line && line == own && own.hashValue == line.hashValue)
        }
    }

    /// Changing a text of a line read from a cell changes that text alone.
    @Test func changingATextChangesItAlone() throws {
        let read = try #require(Self.parse("CCE 3.000 € (article 722/123-03 Fournitures)").first)
        var line = read
        line.label = "CCCA"
        line.articleLabel = nil
        #expect(line.label == "CCCA" && line.articleLabel == nil && line.text == read.text)
        line.text = ""
        #expect(line.text == "" && line.label == "CCCA")
        #expect(read.label == "CCE" && read.articleLabel == "Fournitures" && line != read)
        line.label = "CCE"
        line.articleLabel = "Fournitures"
        line.text = read.text
        #expect(line == read && line.hashValue == read.hashValue)
        // However often a text changes, the line holds its three texts and no more.
        for n in 0..<1000 { line.label = "Label \(n)" }
        #expect(line.label == "Label 999" && line.text == read.text && line.articleLabel == "Fournitures")
        #expect(line.fields.value.base.utf8.count == read.text.utf8.count + "Label 999".utf8.count + "Fournitures".utf8.count)
    }

    /// Lines of a plan share their row's text: one string for the cells of the row.
    @Test func linesShareTheirRowsText() throws {
        let actions = try Fixtures.plan("pst-citoyennete.tsv").actions.filter { $0.budgetLineCount > 0 }
        let address = { (text: String) -> Int? in
            var text = text
            return text.withUTF8 { $0.count > 15 ? Int(bitPattern: $0.baseAddress) : nil }
        }
        try #require(actions.count >= 7)
        for action in actions {
            guard case .row(let row) = action.storage else { Issue.record("\(action.id) is not held as its row"); continue }
            let lines = row.lines
            #expect(lines.allSatisfy { address($0.fields.value.base) != nil && address($0.fields.value.base) == address(row.text.text) })
            // Each line's text is part of its cell's.
            #expect(action.ordinaryBudget.value.value?.allSatisfy { action.ordinaryBudget.text.contains($0.text) } ?? true)
            #expect(action.extraordinaryBudget.value.value?.allSatisfy { action.extraordinaryBudget.text.contains($0.text) } ?? true)
        }
    }
}
