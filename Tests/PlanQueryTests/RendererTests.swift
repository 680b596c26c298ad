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
        #expect(text == """
            id   title
            ---  -----------------------------------
            1.1  Redynamiser l'ensemble des Conseils
                 consultatifs (CCE, CPJ, CCCA,
                 CCPH,...)
            1.2  Analyser la possibilité de création
                 de lieux de convivialité
            (2 rows)

            """)
        let boxed = TableRenderer(options: .init(width: 40, box: true)).render(try run("actions select id limit 1"))
        #expect(boxed == "id\n───\n1.1\n(1 row)\n")
    }

    /// Key columns keep their longest value; the widest text column wraps first, the others only
    /// when it is down to the narrowest.
    @Test func keyColumnsAreNeverCut() {
        let table = ResultTable(columns: ["rule", "subject", "message", "file", "line"], rows: [
            [.text("budget.overcommitted"), .text("84021/124-02"), .text("Article 84021/124-02 has 27000 € allocated and a credit of 24850 €."),
             .text("Examples/pst-cohesion.tsv"), .integer(8)],
        ])
        #expect(TableRenderer(options: .init(width: 100)).render(table) == """
            rule                  subject       message                          file                       line
            --------------------  ------------  -------------------------------  -------------------------  ----
            budget.overcommitted  84021/124-02  Article 84021/124-02 has 27000   Examples/pst-cohesion.tsv     8
                                                € allocated and a credit of
                                                24850 €.
            (1 row)

            """)
    }

    /// Rows become records when the key columns and the narrowest text do not fit.
    @Test func narrowTablesBecomeRecords() {
        let table = ResultTable(columns: ["rule", "message", "file"], rows: [
            [.text("read.duplicate-plan"), .text("This PST says the same as the one already loaded."), .text("Examples/pst-citoyennete.tsv")],
        ])
        #expect(TableRenderer(options: .init(width: 40)).render(table) == """
            -[ row 1 ]------------------------------
            rule     read.duplicate-plan
            message  This PST says the same as the
                     one already loaded.
            file     Examples/pst-citoyennete.tsv
            (1 row)

            """)
    }

    @Test(arguments: [("a b c", 3, ["a b", "c"]), ("abcdefg", 3, ["abc", "def", "g"]), ("", 3, [""]), ("ab  cd", 4, ["ab ", "cd"])])
    func wrapsAtSpaces(_ text: String, _ width: Int, _ lines: [String]) {
        #expect(TableRenderer.wrap(text, width: width) == lines)
    }
}
