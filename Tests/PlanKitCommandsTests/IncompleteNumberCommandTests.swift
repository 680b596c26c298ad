import Foundation
import Testing

/// `plankit query` says when a sum of numbers has unknown parts, in every format, as it does for
/// amounts: pst-rh.tsv's fte are 0.5, 1, 2 and 1.5 and five unknown (one `??`, four cells it
/// cannot read); a copy whose RH cells are all `??` has no known fte.
@Suite struct IncompleteNumberCommandTests {
    static let query = "actions select count(fte), sum(fte), avg(fte), min(fte), max(fte), sum(fte) + 1"

    /// pst-rh.tsv with every action's RH cell `??`, in a fresh directory.
    static func allUnknown() throws -> (directory: String, plan: String) {
        let text = try String(contentsOfFile: Executable.fixture("pst-rh.tsv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if fields.count > 10, fields[2].hasPrefix("Action") { fields[10] = "??" }
                return fields.joined(separator: "\t")
            }
            .joined(separator: "\n")
        let directory = try Executable.temporaryDirectory()
        let plan = directory + "/unknown-fte.tsv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: plan))
        return (directory, plan)
    }

    @Test(arguments: [
        ("table", """
            count(fte)  sum(fte)  avg(fte)  min(fte)  max(fte)  sum(fte) + 1
            ----------  --------  --------  --------  --------  ------------
                     4     5 + ?  ??             0.5         2  ??
            (1 row)

            """),
        ("csv", "count(fte),sum(fte),avg(fte),min(fte),max(fte),sum(fte) + 1\r\n4,5 + ?,??,0.5,2,??\r\n"),
        ("json", """
            [
              {"count(fte)": 4, "sum(fte)": {"sum": 5, "incomplete": true}, "avg(fte)": null, "min(fte)": 0.5, "max(fte)": 2.0, "sum(fte) + 1": null}
            ]

            """),
        ("markdown", """
            | count(fte) | sum(fte) | avg(fte) | min(fte) | max(fte) | sum(fte) + 1 |
            | ---: | ---: | --- | ---: | ---: | --- |
            | 4 | 5 + ? | ?? | 0.5 | 2 | ?? |

            """),
    ])
    func someUnknown(_ format: String, _ expected: String) throws {
        let result = try Executable.run(["query", Self.query, Executable.fixture("pst-rh.tsv"), "--format", format])
        #expect(result.status == 0)
        #expect(result.stdout == expected)
        // The cells read as unknown are named.
        #expect(result.stderr.split(separator: "\n").count == 4)
    }

    @Test(arguments: [
        ("table", """
            count(fte)  sum(fte)  avg(fte)  min(fte)  max(fte)  sum(fte) + 1
            ----------  --------  --------  --------  --------  ------------
                     0  ??        ??                            ??
            (1 row)

            """),
        ("csv", "count(fte),sum(fte),avg(fte),min(fte),max(fte),sum(fte) + 1\r\n0,??,??,,,??\r\n"),
        ("json", """
            [
              {"count(fte)": 0, "sum(fte)": null, "avg(fte)": null, "min(fte)": null, "max(fte)": null, "sum(fte) + 1": null}
            ]

            """),
        ("markdown", """
            | count(fte) | sum(fte) | avg(fte) | min(fte) | max(fte) | sum(fte) + 1 |
            | ---: | --- | --- | --- | --- | --- |
            | 0 | ?? | ?? |  |  | ?? |

            """),
    ])
    func allUnknown(_ format: String, _ expected: String) throws {
        let (directory, plan) = try Self.allUnknown()
        defer { Executable.remove(directory) }
        let result = try Executable.run(["query", Self.query, plan, "--format", format])
        #expect(result.status == 0)
        #expect(result.stdout == expected)
        #expect(result.stderr == "")
    }

    /// `having` keeps the groups whose test is true: a comparison with an incomplete sum is
    /// unknown, `is incomplete` true.
    @Test func havingOverAnIncompleteSum() throws {
        let plan = Executable.fixture("pst-rh.tsv")
        let compared = try Executable.run(["query", "actions group by plan select plan, sum(fte) having sum(fte) > 1", plan, "--format", "csv"])
        #expect(compared.stdout == "plan,sum(fte)\r\n")
        let tested = try Executable.run(["query", "actions group by plan select plan, sum(fte) having sum(fte) is incomplete", plan, "--format", "csv"])
        #expect(tested.stdout == "plan,sum(fte)\r\nPST Ressources,5 + ?\r\n")
    }

    /// A workbook holds an incomplete sum of numbers as CSV shows it, read back by openpyxl.
    @Test(.enabled(if: PeerTools.openpyxl, "openpyxl is not installed (Scripts/setup.sh installs it with pip)"))
    func workbookSaysIncomplete() throws {
        let directory = try Executable.temporaryDirectory()
        defer { Executable.remove(directory) }
        let book = directory + "/fte.xlsx"
        let plan = Executable.fixture("pst-rh.tsv")
        let written = try Executable.run(["query", Self.query, plan, "--format", "xlsx", "-o", book])
        #expect(written.status == 0 && written.stdout.isEmpty)
        let csv = try Executable.run(["query", Self.query, plan, "--format", "csv"])
        #expect(try XLSXOutputTests.openpyxlCSV(book) == csv.stdout)
    }
}
