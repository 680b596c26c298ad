import Testing
import PlanKit
@testable import PlanQuery

@Suite struct RendererTests {
    let query = "actions where budget.article ~ \"840\" select id, deadline, ordinary"

    @Test func table() throws {
        #expect(OutputFormat.table.render(try run(query)) == """
            id   deadline      ordinary
            ---  ------------  --------
            1.2  ??
            3.1  2e sem. 2020     30000
            3.2  ??                5000
            (3 rows)

            """)
    }

    @Test func csv() throws {
        #expect(OutputFormat.csv.render(try run(query)) == "id,deadline,ordinary\r\n1.2,??,\r\n3.1,2e sem. 2020,30000\r\n3.2,??,5000\r\n")
        let quoted = ResultTable(columns: ["a"], rows: [[.text("x, \"y\"\nz")]])
        #expect(CSVRenderer.render(quoted) == "a\r\n\"x, \"\"y\"\"\nz\"\r\n")
    }

    @Test func json() throws {
        #expect(OutputFormat.json.render(try run(query)) == """
            [
              {"id": "1.2", "deadline": null, "ordinary": null},
              {"id": "3.1", "deadline": "2e sem. 2020", "ordinary": 30000},
              {"id": "3.2", "deadline": null, "ordinary": 5000}
            ]

            """)
        #expect(JSONRenderer.render(ResultTable(columns: ["a"], rows: [[.list([.text("q\"\u{1}"), .money(Money(cents: 150))])]])) == "[\n  {\"a\": [\"q\\\"\\u0001\", 1.5]}\n]\n")
    }

    @Test func markdown() throws {
        #expect(OutputFormat.markdown.render(try run(query)) == """
            | id | deadline | ordinary |
            | --- | --- | ---: |
            | 1.2 | ?? |  |
            | 3.1 | 2e sem. 2020 | 30000 |
            | 3.2 | ?? | 5000 |

            """)
    }

    /// The seed's 840 query lists the same three actions in each format.
    @Test(arguments: OutputFormat.allCases)
    func everyFormatListsTheActions(_ format: OutputFormat) throws {
        let text = format.render(try run("actions where budget.article ~ \"840\""))
        for id in ["1.2", "3.1", "3.2"] { #expect(text.contains(id)) }
        #expect(!text.contains("1.3"))
    }

    @Test func tableFitsTheWidth() throws {
        let text = TableRenderer(options: .init(width: 40)).render(try run("actions select id, title limit 2"))
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[2] == "1.1  Redynamiser l'ensemble des Conseil…")
        let boxed = TableRenderer(options: .init(width: 40, box: true)).render(try run("actions select id limit 1"))
        #expect(boxed == "id\n───\n1.1\n(1 row)\n")
    }
}
