import Foundation
import Testing

/// A column is named as the query writes it in every output format: the header of a table,
/// CSV and Markdown and the keys of JSON stay the same whatever the day and the parameters.
@Suite struct ColumnNameCommandTests {
    static let query = "actions where id = \"1.1\" select id, today(), year(today()), $x, total-3000"
    static let runs = [["--today", "2021-07-01", "--param", "x=2"], ["--today", "2022-03-04", "--param", "x=0012"], ["--today", "2023-12-31", "--param", "x=-3"]]

    @Test(arguments: [
        ("table", "id   today()     year(today())  $x"),
        ("csv", "id,today(),year(today()),$x,total - 3000"),
        ("markdown", "| id | today() | year(today()) | $x | total - 3000 |"),
    ])
    func headerIsTheQueryAsWritten(_ format: String, _ header: String) throws {
        for options in Self.runs {
            let result = try Executable.run(["query", Self.query, Executable.seed, "--format", format] + options)
            #expect(result.status == 0, "\(result.stderr)")
            let first = String(result.stdout.split(separator: "\n").first ?? "")
            #expect(first.hasPrefix(header), "\(first)")
        }
    }

    @Test func jsonKeysAreTheQueryAsWritten() throws {
        for options in Self.runs {
            let result = try Executable.run(["query", Self.query, Executable.seed, "--format", "json"] + options)
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(Set(rows.first?.keys.map { $0 } ?? []) == ["id", "today()", "year(today())", "$x", "total - 3000"])
            #expect(result.stdout.contains(#"{"id": "1.1", "today()": "#))
        }
    }
}
