import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PlanReport
import Testing

/// A report is one well-formed, self-contained file, with every section, in French or English.
@Suite struct ReportStructureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: ReportInput
        var language: String
        var testDescription: String { "\(input.name), \(language)" }
    }

    static let cases = ReportInput.all.flatMap { input in ["fr", "en"].map { Case(input: input, language: $0) } }

    /// xmllint reads the file as XML without an error: every element closed, every attribute
    /// quoted, every `&` and `<` of the plans' text escaped.
    @Test(arguments: cases)
    func wellFormedForXmllint(_ test: Case) throws {
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/report.html"
        let written = try Plankit.run(["report"] + test.input.paths + ["--today", "2021-07-01", "--lang", test.language, "-o", target])
        #expect(written.status == 0, "\(written.stderr)")
        let xmllint = try #require(["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let lint = try Plankit.run(["--noout", target], executable: xmllint)
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr.isEmpty)
    }

    /// Every section is there, in the report's language, with its figures.
    @Test(arguments: cases)
    func everySectionIsPresent(_ test: Case) throws {
        let report = try WrittenReport.make(test.input, language: test.language)
        let words = (test.language == "fr" ? ReportLanguage.fr : .en).words
        #expect(try report.nodes("/html").first?.value("lang") == test.language)
        let sections = try report.nodes("//section").map { $0.value("id") ?? "" }
        let several = test.input.name == ReportInput.examples.name
        var expected = ["overview"] + (several ? ["communes", "across"] : [])
        expected += (several ? ["plan-1", "plan-2", "plan-3"] : ["plan-1"]) + ["pcs", "findings"]
        #expect(sections == expected)
        // The contents link to every section.
        #expect(try report.nodes("//nav//a").map { $0.value("href") ?? "" } == expected.map { "#" + $0 })
        let headings = try report.nodes("//section/h2").map { $0.stringValue ?? "" }
        #expect(headings.contains(words.overview))
        #expect(headings.contains(words.pcs))
        #expect(headings.contains(words.findings))
        // Each plan's section has the figures a reader looks for.
        for suffix in ["objectives", "status", "timeline", "kind", "main", "article", "pilot", "credit"] {
            #expect(try report.nodes("//figure[@id='plan-1-\(suffix)']").count == 1, "\(suffix)")
        }
        if several {
            for suffix in ["plans", "status", "timeline", "kind", "main", "article", "pilot", "credit"] {
                #expect(try report.nodes("//figure[@id='all-\(suffix)']").count == 1, "\(suffix)")
            }
        }
        // Every figure has a title, a data table or cards, and its queries; every chart a title.
        for figure in try report.nodes("//figure") {
            #expect(try report.nodes("./figcaption/h3", in: figure).count == 1)
            #expect(try report.nodes(".//table[contains(@class, 'data')] | .//div[@class='cards']", in: figure).count >= 1)
            #expect(try report.nodes(".//*[contains(@class, 'query')]//code", in: figure).count >= 1)
        }
        for svg in try report.nodes("//svg") {
            #expect(try report.nodes("./title", in: svg).count == 1)
            #expect(try report.nodes(".//g[@class='axis']", in: svg).count == 1)
        }
        // Findings are grouped by rule, each with its file and line.
        let rules = try report.nodes("//section[@id='findings']/figure[starts-with(@id, 'findings-') and @id!='findings-rules']")
        #expect(!rules.isEmpty)
        for rule in rules {
            let table = try DataTable(try #require(try report.nodes(".//table", in: rule).first), in: report)
            #expect(table.columns == ["subject", "message", "file", "line", "column"])
            let locations = try report.nodes(".//tbody/tr/td[3]", in: rule).map { $0.stringValue ?? "" }
            #expect(locations.allSatisfy { $0.contains(".tsv:") || $0.contains(".csv:") || $0.contains(".xml:") || $0.contains("#") })
        }
    }

    /// Nothing outside the file: no address, no source file, no import, no `url()` but a
    /// pattern of the same SVG; links only to the report's own sections.
    @Test(arguments: cases)
    func selfContained(_ test: Case) throws {
        let report = try WrittenReport.make(test.input, language: test.language)
        for word in ["http:", "https:", "@import", "<link", "<img", "<iframe", "<object", "src=", "//fonts"] {
            #expect(!report.html.contains(word), "\(word)")
        }
        var rest = report.html[...]
        while let range = rest.range(of: "url(") {
            let after = rest[range.upperBound...]
            #expect(after.hasPrefix("#") || after.hasPrefix("data:"))
            rest = after
        }
        for link in try report.nodes("//*[@href]") { #expect(link.value("href")?.hasPrefix("#") == true) }
        // Every url(#id) names a pattern of the document.
        let ids = Set(try report.nodes("//*[@id]").map { $0.value("id") ?? "" })
        for fill in try report.nodes("//*[starts-with(@fill, 'url(#')]") {
            let id = String((fill.value("fill") ?? "").dropFirst(5).dropLast())
            #expect(ids.contains(id), "\(id)")
        }
        // The only script sorts the commune table; the report reads without it.
        for script in try report.nodes("//script") { #expect(script.value("src") == nil) }
    }

    /// Titles with `<`, `&` and quotes come out as text, not markup, in HTML and Markdown.
    @Test func plansTextIsEscaped() throws {
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var seed = try String(contentsOfFile: Plankit.file("Examples/pst-citoyennete.tsv"), encoding: .utf8)
        let hostile = "<script>alert(\"x\")</script> & 'Fête' <b>|</b> `code` ]]>"
        seed = seed.replacingOccurrences(of: "Favoriser la participation citoyenne active", with: hostile)
        try seed.write(toFile: directory + "/pst-hostile.tsv", atomically: true, encoding: .utf8)
        let input = ReportInput(name: "hostile", files: [directory + "/pst-hostile.tsv"])
        let report = try WrittenReport.make(input)
        #expect(!report.html.contains("<script>alert"))
        #expect(!report.html.contains("<b>|</b>"))
        #expect(report.html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Fête&#39;"))
        // The title is in the objectives' table as the query answers it.
        let titles = try report.nodes("//figure[@id='plan-1-objectives']//tbody/tr/td[2]").map { $0.stringValue ?? "" }
        // (The reader keeps a cell's text but for bold marks: `<b>|</b>` reads as `|`.)
        let read = "<script>alert(\"x\")</script> & 'Fête' | `code` ]]>"
        #expect(titles.first == read)
        let markdown = try Plankit.run(["report", directory + "/pst-hostile.tsv", "--format", "markdown", "--today", "2021-07-01"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains(#"| 1 | \<script\>alert("x")\</script\> & 'Fête' \| \`code\` \]\]\> | 3 |"#))
    }

    /// The escaping itself: markup characters, and controls XML forbids.
    @Test func escaping() {
        #expect(escapeHTML("a < b & c > \"d\" 'e'") == "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;")
        #expect(escapeHTML("x\u{1}y\u{FFFE}") == "x\u{FFFD}y\u{FFFD}")
        #expect(escapeHTML("tab\tline\n") == "tab\tline\n")
    }

    /// Amounts as a French or an English reader writes them.
    @Test func amounts() {
        let fr = ReportText(language: .fr), en = ReportText(language: .en)
        #expect(fr.euros(.init(cents: 2_485_000)) == "24\u{a0}850\u{a0}€")
        #expect(fr.euros(.init(cents: 733_102_450)) == "7\u{a0}331\u{a0}024,50\u{a0}€")
        #expect(en.euros(.init(cents: 733_102_450)) == "€7,331,024.50")
        #expect(en.euros(.init(cents: 5)) == "€0.05")
        #expect(fr.euros(.init(cents: -100)) == "−1\u{a0}€")
        #expect(ReportText.location(file: .text("book.xlsx#Feuil1"), line: .integer(12), column: .integer(7)) == "book.xlsx#Feuil1!G12")
        #expect(ReportText.location(file: .text("pst.tsv"), line: .integer(9), column: .integer(7)) == "pst.tsv:9")
        #expect(ReportText.columnLetters(28) == "AB")
    }
}
