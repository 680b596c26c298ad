import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// A literal that no row's field can have draws a warning naming the nearest value; plan names
/// are normalised as the reader normalises them.
@Suite struct KnownValuesTests {
    func warnings(_ text: String, _ context: QueryContext = Fixtures.seed) throws -> [String] {
        Compiler.warnings(try Parser.parse(text), in: context).map { $0.rendered(source: text) }
    }

    @Test(arguments: [
        ("budget where kind = \"Ordinary\"", """
            query:1:21: warning: "Ordinary" is no budget kind; did you mean "ordinary"? The query runs as written.
            budget where kind = "Ordinary"
                                ^^^^^^^^^^
            """),
        ("links where plan = \"PCS 4\"", """
            query:1:20: warning: No loaded or linked plan is named "PCS 4"; the loaded or linked plans are "PCS III", "PST Aînés", "PST Culture", "pst-citoyennete". The query runs as written.
            links where plan = "PCS 4"
                               ^^^^^^^
            """),
        ("actions where plan != \"pst-citoyenete\"", """
            query:1:23: warning: No loaded plan is named "pst-citoyenete"; did you mean "pst-citoyennete"? The query runs as written.
            actions where plan != "pst-citoyenete"
                                  ^^^^^^^^^^^^^^^^
            """),
        ("findings where rule in (\"budget.overcomitted\")", """
            query:1:25: warning: "budget.overcomitted" is no rule; did you mean "budget.overcommitted"? The query runs as written.
            findings where rule in ("budget.overcomitted")
                                    ^^^^^^^^^^^^^^^^^^^^^
            """),
        ("objectives where level = \"tactical\"", """
            query:1:26: warning: "tactical" is no objective level; the objective levels are "strategic", "operational". The query runs as written.
            objectives where level = "tactical"
                                     ^^^^^^^^^^
            """),
        // A plan's name is quoted as written, and its nearest name found from its normal form.
        ("actions where plan = \"pst citoyenete\"", """
            query:1:22: warning: No loaded plan is named "pst citoyenete"; did you mean "pst-citoyennete"? The query runs as written.
            actions where plan = "pst citoyenete"
                                 ^^^^^^^^^^^^^^^^
            """),
        // Each text of an in list is shown where it is written.
        ("budget where kind in (\"ordinary\", \"ordinay\")", """
            query:1:35: warning: "ordinay" is no budget kind; did you mean "ordinary"? The query runs as written.
            budget where kind in ("ordinary", "ordinay")
                                              ^^^^^^^^^
            """),
        // having as where.
        ("budget group by kind select kind, count() having kind = \"ordinry\"", """
            query:1:57: warning: "ordinry" is no budget kind; did you mean "ordinary"? The query runs as written.
            budget group by kind select kind, count() having kind = "ordinry"
                                                                    ^^^^^^^^^
            """),
        ("links group by plan select plan, count() having plan = \"PCS 4\" or count() > 5", """
            query:1:56: warning: No loaded or linked plan is named "PCS 4"; the loaded or linked plans are "PCS III", "PST Aînés", "PST Culture", "pst-citoyennete". The query runs as written.
            links group by plan select plan, count() having plan = "PCS 4" or count() > 5
                                                                   ^^^^^^^
            """),
        ("actions where status = \"don\" or deadline.form = \"semestre\"", """
            query:1:24: warning: "don" is no status; did you mean "done"? The query runs as written.
            actions where status = "don" or deadline.form = "semestre"
                                   ^^^^^
            """),
    ])
    func aValueNoRowHasIsNamed(_ query: String, _ message: String) throws {
        #expect(try warnings(query).first == message)
    }

    @Test func knownValuesDrawNoWarning() throws {
        for query in ["budget where kind = \"ordinary\"", "links where plan = \"PCS III\" or plan = \"PCS 3\"", "actions where plan = \"pst-citoyennete\"",
                      "links where target.kind = \"axis\" and status != \"resolved\"", "actions where title = \"Ordinary\"", "budget where kind ~ \"Ordi\""] {
            #expect(try warnings(query) == [], "\(query)")
        }
    }

    /// `PCS 3` is `PCS III`, as the reader reads it in a link.
    @Test func planNamesAreNormalised() throws {
        let normalised = try run("links where plan = \"pcs 3\" select action, ref").rows.map { $0.map(\.text) }
        #expect(normalised == [["1.1", "6"], ["1.2", "5.5.02"], ["1.3", "6.1.04"]])
        #expect(try run("links where plan in (\"PCS3\") select count()").rows[0][0] == .integer(3))
        #expect(try run("links where \"PCS 3\" = plan select count()").rows[0][0] == .integer(3))
        // In having as in where.
        #expect(try run("links group by plan select plan, count() having plan = \"pcs 3\"").rows.map { $0.map(\.text) } == [["PCS III", "3"]])
        #expect(try warnings("links group by plan select count() having plan = \"PCS 3\"") == [])
    }

    /// A comparison written the other way round, literal first, is read as the same comparison:
    /// the same rows, plan names normalised, and the same warning, shown under the literal.
    @Test(arguments: [
        ("links where \"pcs 3\" = plan select action, ref", "links where plan = \"pcs 3\" select action, ref"),
        ("links where \"PCS3\" != plan select count()", "links where plan != \"PCS3\" select count()"),
        ("actions where \"pst-citoyenete\" = plan select count()", "actions where plan = \"pst-citoyenete\" select count()"),
        ("budget where \"Ordinary\" = kind select count()", "budget where kind = \"Ordinary\" select count()"),
        ("links group by plan select plan, count() having \"pcs 3\" = plan", "links group by plan select plan, count() having plan = \"pcs 3\""),
    ])
    func literalFirstReadsAsPathFirst(_ reversed: String, _ written: String) throws {
        let rows = try run(reversed).rows
        #expect(rows == (try run(written).rows))
        // The warning is the same, its caret under the literal wherever it stands.
        let expected = try warnings(written).map { message -> String in
            let lines = message.components(separatedBy: "\n")
            let literal = try #require(written.firstMatch(of: /"[^"]*"/)).output
            let column = try #require(reversed.range(of: literal)).lowerBound.utf16Offset(in: reversed)
            return ["query:1:\(column + 1):" + lines[0].split(separator: ":", maxSplits: 3)[3], reversed,
                    String(repeating: " ", count: column) + String(repeating: "^", count: literal.count)].joined(separator: "\n")
        }
        #expect(try warnings(reversed) == expected)
    }
}
