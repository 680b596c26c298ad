import Foundation
import Testing
@testable import PlanKit

/// The table of deadline forms in Docs/formats.md, read as the page writes it: every text it
/// shows is read as the form and the year it says.
@Suite struct DeadlineDocTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var texts: [String]
        var form: String
        var years: [Int?]
        var testDescription: String { texts.joined(separator: ", ") }
    }

    /// The rows of the table under `### Deadlines`.
    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs/formats.md")
        guard let page = try? String(contentsOf: url, encoding: .utf8),
              let start = page.range(of: "### Deadlines\n\n| text | deadline | year |\n| --- | --- | --- |\n") else { return [] }
        let table = page[start.upperBound...].prefix { _ in true }.components(separatedBy: "\n\n")[0]
        return table.split(separator: "\n").map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let texts = cells[0].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            let years = cells[2].split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            return Row(texts: texts, form: cells[1], years: years)
        }
    }()

    /// The page's words for each form.
    static let forms = ["year": "year", "semester": "semester", "quarter": "quarter", "month": "month", "end of year": "end-of-year",
                        "period: due at its end": "period", "day": "day", "ongoing": "ongoing"]

    @Test func theTableHasEveryForm() {
        #expect(Set(Self.rows.map(\.form)) == Set(Self.forms.keys))
    }

    @Test(arguments: rows)
    func eachTextReadsAsThePageSays(_ row: Row) throws {
        for (index, text) in row.texts.enumerated() {
            let deadline = try #require(DeadlineParser.parse(text), "\(text)")
            #expect(deadline.form == Self.forms[row.form], "\(text)")
            let year = row.years.count == 1 ? row.years[0] : row.years[index]
            #expect(deadline.year == year, "\(text)")
        }
    }
}
