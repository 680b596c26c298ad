import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The deadlines timeline tells the overdue actions apart from the others due in the same span.
@Suite struct ReportTimelineTests {
    /// Plans whose 2024 block holds 4 actions due, 1 of them overdue on 1 January 2025.
    static let mixed = ReportInput(name: "Examples/ and three fixtures", files: [
        "Examples/", "Tests/Fixtures/iapst-export.tsv", "Tests/Fixtures/follow-up.json", "Tests/Fixtures/workbooks/book.xlsx",
    ])

    /// A number written in an SVG attribute.
    static func number(_ element: XMLElement?, _ name: String) throws -> Double {
        try #require(element?.value(name).flatMap(Double.init))
    }

    /// The 2024 block: a light bar, a hatched segment a quarter of its width from its start, and
    /// its count written once, beside the bar, naming the overdue actions.
    @Test(arguments: [("en", "4 (1 overdue)"), ("fr", "4 (1 en retard)")])
    func overdueSegmentOfTheBar(_ language: String, _ label: String) throws {
        let report = try WrittenReport.make(Self.mixed, language: language, today: "2025-01-01")
        let block = try #require(try report.nodes("//figure[@id='all-timeline']//*[@class='due' and @data-deadline='2024']").first)
        #expect(block.value("data-value") == "4")
        #expect(block.value("data-overdue") == "1")
        let bar = try #require(try report.nodes("rect[not(@class)]", in: block).first)
        let segment = try #require(try report.nodes("rect[@class='overdue']", in: block).first)
        #expect(bar.value("fill") == "#c6d4e3")
        #expect(segment.value("fill") == "url(#all-timeline-hatch)")
        #expect(segment.value("data-overdue") == "1")
        #expect(try Self.number(segment, "x") == Self.number(bar, "x"))
        #expect(abs(try Self.number(segment, "width") - Self.number(bar, "width") / 4) <= 0.1)
        let texts = try report.nodes("text", in: block)
        #expect(texts.map { $0.stringValue ?? "" } == [label])
        #expect(try Self.number(texts.first, "x") >= Self.number(bar, "x") + Self.number(bar, "width"))
        // The legend names both parts.
        let legend = try report.nodes("//figure[@id='all-timeline']//*[@class='legend']/*[local-name()='text']").map { $0.stringValue ?? "" }
        #expect(legend == (language == "en" ? ["due, not overdue", "overdue"] : ["dues, pas en retard", "en retard"]))
    }

    /// In every timeline, a block's hatched segment is its overdue share of the bar, and a count
    /// with overdue actions is written outside the bar, never on the hatching.
    @Test(arguments: [(mixed, "2023-01-01"), (mixed, "2025-01-01"), (.ecomptes, "2021-07-01")])
    func everyOverdueSegmentIsItsShare(_ input: ReportInput, _ today: String) throws {
        let report = try WrittenReport.make(input, language: "en", today: today)
        var late = 0
        for block in try report.nodes("//*[@class='due']") {
            let due = try #require(block.value("data-value").flatMap(Double.init))
            let overdue = try #require(block.value("data-overdue").flatMap(Double.init))
            let bar = try #require(try report.nodes("rect[not(@class)]", in: block).first)
            let segments = try report.nodes("rect[@class='overdue']", in: block)
            let text = try #require(try report.nodes("text", in: block).first)
            guard overdue > 0 else {
                #expect(segments.isEmpty)
                #expect(text.stringValue == block.value("data-value"))
                continue
            }
            late += 1
            let left = try Self.number(bar, "x"), width = try Self.number(bar, "width")
            #expect(abs(try Self.number(segments.first, "width") - width * overdue / due) <= 0.1)
            #expect(text.stringValue == "\(Int(due)) (\(Int(overdue)) overdue)")
            let x = try Self.number(text, "x")
            #expect(text.value("text-anchor") == "end" ? x <= left : x >= left + width)
        }
        #expect(late > 0)
    }
}
