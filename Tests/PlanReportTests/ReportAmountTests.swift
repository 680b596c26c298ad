import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PlanReport
import Testing

/// Sums with unknown parts read as such, in words and on the charts; credits are compared with
/// allocations within one commune, never across communes.
@Suite struct ReportAmountTests {
    /// The seed's ordinary budget has lines of unknown amount: its sum is shown as its known part
    /// followed by words, never as a bare number, with a note saying what the words mean.
    @Test(arguments: [("fr", "70\u{a0}000\u{a0}€ + montant inconnu"), ("en", "€70,000 + unknown amount")])
    func incompleteSumsInWords(_ language: String, _ shown: String) throws {
        let report = try WrittenReport.make(.seed, language: language)
        let words = (language == "fr" ? ReportLanguage.fr : .en).words
        let cell = try #require(try report.nodes("//figure[@id='plan-1-kind']//tbody/tr[td[1]/@data-value='ordinary' or td[1]='ordinary']/td[2]").first)
        #expect(cell.stringValue == shown)
        #expect(cell.value("data-value") == "70000 + ?")
        #expect(cell.value("class") == "num incomplete")
        let card = try #require(try report.nodes("//div[@class='card']/span[@class='value' and @data-incomplete='true']").first)
        #expect(card.stringValue == shown)
        let notes = try report.nodes("//figure[@id='plan-1-kind']/p[@class='note']").map { $0.stringValue ?? "" }
        #expect(notes == [words.incompleteNote])
        // The known sums' tables have no such note.
        #expect(try report.nodes("//figure[@id='plan-1-article']/p[@class='note']").map { $0.stringValue ?? "" } == [words.topNote.replacingOccurrences(of: "%d", with: "15")])
        // Nowhere is a sum left raw.
        #expect(try report.nodes("//td[not(@data-value)] | //span[@class='value']").allSatisfy { !($0.stringValue ?? "").contains("+ ?") })
    }

    /// On a chart, an incomplete sum's bar is drawn in the light hatching of the legend, open on
    /// the right, and its value written in words; complete sums keep solid bars.
    @Test(arguments: ["fr", "en"])
    func incompleteBarsAreMarked(_ language: String) throws {
        let report = try WrittenReport.make(.seed, language: language)
        let words = (language == "fr" ? ReportLanguage.fr : .en).words
        let svg = try #require(try report.nodes("//figure[@id='plan-1-kind']//svg").first)
        let incomplete = try report.nodes(".//g[@class='bar' and @data-incomplete='true']", in: svg)
        #expect(incomplete.map { $0.value("data-label") } == ["ordinary"])
        let bar = try #require(incomplete.first)
        #expect(try report.nodes("./rect", in: bar).map { $0.value("fill") } == ["url(#plan-1-kind-part)"])
        #expect(try report.nodes("./line[@stroke-dasharray]", in: bar).count == 1)
        #expect(try report.nodes(".//text", in: bar).last?.stringValue == ReportText(language: language == "fr" ? .fr : .en).incomplete(.init(cents: 7_000_000)))
        let complete = try #require(try report.nodes(".//g[@class='bar' and not(@data-incomplete)]", in: svg).first)
        #expect(try report.nodes("./rect", in: complete).map { $0.value("fill") } == [SVGChart.dark])
        #expect(try report.nodes("./g[@class='legend']/text", in: svg).map { $0.stringValue ?? "" } == [words.legendIncomplete])
        #expect(try report.nodes("//pattern[@id='plan-1-kind-part']").count == 1)
        // A chart without incomplete sums has no such legend.
        #expect(try report.nodes("//figure[@id='plan-1-article']//g[@class='legend']").isEmpty)
    }

    /// Markdown writes the same words.
    @Test func incompleteSumsInMarkdown() throws {
        let result = try Plankit.run(["report", "Examples/pst-citoyennete.tsv", "--format", "markdown", "--today", "2021-07-01"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("+ ?"))
        #expect(result.stdout.contains("- Budget ordinaire\u{a0}: **70\u{a0}000\u{a0}€ + montant inconnu**\n"))
        #expect(result.stdout.contains(ReportLanguage.fr.words.incompleteNote))
    }

    /// Two communes' plans charge the same article, each within its credit of 24 850 €: 5 000 €
    /// in one, 20 000 € in the other. Added up (25 000 €) they would exceed it; the report
    /// compares each commune's allocations with its own credit, and marks neither.
    @Test func creditsPerCommune() throws {
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let seed = try String(contentsOfFile: Plankit.file("Examples/pst-citoyennete.tsv"), encoding: .utf8)
        try ("COMMUNE : Aville\n" + seed).write(toFile: directory + "/pst-aville.tsv", atomically: true, encoding: .utf8)
        let raised = seed.replacingOccurrences(of: "\t5.000 € (24.850 €", with: "\t20.000 € (24.850 €")
        #expect(raised != seed)
        try ("COMMUNE : Bville\n" + raised).write(toFile: directory + "/pst-bville.tsv", atomically: true, encoding: .utf8)
        let report = try WrittenReport.make(ReportInput(name: "two communes", files: [directory + "/"]))
        let figure = try #require(try report.nodes("//figure[@id='all-credit']").first)
        #expect(try report.nodes("./figcaption/h3", in: figure).first?.stringValue == ReportLanguage.fr.words.creditByCommune)
        let table = try DataTable(try #require(try report.nodes(".//table", in: figure).first), in: report)
        #expect(table.columns == ["commune", "code", "credit", "allocated", "lines"])
        #expect(table.rows == [
            ["Aville", "8325/435-01", "13000", "??", "1"],
            ["Aville", "84021/124-02", "24850", "5000", "1"],
            ["Bville", "8325/435-01", "13000", "??", "1"],
            ["Bville", "84021/124-02", "24850", "20000", "1"],
        ])
        #expect(table.marked == [false, false, false, false])
        #expect(try report.nodes(".//*[@data-mark='over']", in: figure).isEmpty)
        // Each row is the commune's own query answer.
        for row in table.rows {
            let file = directory + "/pst-" + row[0].lowercased() + ".tsv"
            let answer = try report.answer("budget where article = \"\(row[1])\" and file = \"\(file)\" select max(credit), sum(amount), count()")
            #expect(answer.rows.first?.map(\.text) == [row[2], row[3], row[4]])
        }
        // The articles collection adds the two communes up, as budget.overcommitted does: the
        // report does not draw that sum.
        #expect(try report.answer("articles where code = \"84021/124-02\" select allocated").rows.first?.first?.text == "25000")
    }
}
