import Foundation
import Testing

/// Date arithmetic checked against DuckDB's: a date plus or minus a number of days, a date
/// minus a date, and a date's year, on the deadlines of a plan and on days at the edges of
/// months, leap years and centuries.
@Suite struct DateArithmeticDuckDBTests {
    static let days = ["2021-07-01", "2021-03-01", "2020-03-01", "2020-02-28", "2021-12-31", "2000-02-28", "1900-02-28",
                       "2100-02-28", "2024-12-31", "1970-01-01", "1600-03-01"]
    static let counts = [1, 30, 59, 365, 366, 1000, 100_000]

    /// PlanQuery's expressions and DuckDB's twins, over literal days.
    static let literals: [(String, String)] = {
        var pairs: [(String, String)] = []
        for day in days {
            for n in counts {
                pairs.append(("date(\"\(day)\") + \(n)", "DATE '\(day)' + \(n)"))
                pairs.append(("date(\"\(day)\") - \(n)", "DATE '\(day)' - \(n)"))
                pairs.append(("year(date(\"\(day)\") - \(n))", "year(DATE '\(day)' - \(n))"))
            }
        }
        for (a, b) in zip(days, days.dropFirst()) {
            pairs.append(("date(\"\(a)\") - date(\"\(b)\")", "DATE '\(a)' - DATE '\(b)'"))
        }
        return pairs
    }()

    @Test func literalDaysMatchDuckDB() throws {
        let query = "actions select " + Self.literals.map(\.0).joined(separator: ", ") + " limit 1"
        let planquery = try Executable.run(["query", query, Executable.fixture("pst-forms.csv"), "--format", "csv"])
        #expect(planquery.status == 0, "\(planquery.stderr)")
        let duckdb = try ThreeValuedLogicTests.duckdb("SELECT " + Self.literals.map(\.1).joined(separator: ", ") + ";")
        #expect(duckdb.status == 0, "\(duckdb.stderr)")
        let ours = planquery.stdout.split(separator: "\r\n").dropFirst().first.map { $0.split(separator: ",", omittingEmptySubsequences: false) } ?? []
        let theirs = duckdb.stdout.split(separator: "\n").dropFirst().first.map { $0.split(separator: ",", omittingEmptySubsequences: false) } ?? []
        #expect(ours.count == Self.literals.count && theirs.count == Self.literals.count)
        for (index, (a, b)) in zip(ours, theirs).enumerated() where a != b {
            Issue.record("\(Self.literals[index].0): PlanQuery \(a), DuckDB \(b)")
        }
    }

    /// The deadlines of every form, with their unknown (`??`) and ongoing (no day) ones, which
    /// give unknown as DuckDB's NULL does.
    @Test func deadlinesMatchDuckDB() throws {
        let directory = try Executable.temporaryDirectory()
        defer { Executable.remove(directory) }
        let query = """
            actions select id, deadline.start, deadline.end, deadline.end + 1, deadline.end - 30, 1 + deadline.start,
                deadline.start - 366, deadline.end - deadline.start, deadline.end - date("2021-07-01"), year(deadline.end - 200)
            """
        let output = try Executable.run(["query", query, Executable.fixture("pst-forms.csv"), "--format", "csv"])
        #expect(output.status == 0, "\(output.stderr)")
        let path = directory + "/deadlines.csv"
        try output.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let names = ["id", "s", "e", "c1", "c2", "c3", "c4", "c5", "c6", "c7"]
        let twins = ["CAST(e AS DATE) + 1", "CAST(e AS DATE) - 30", "1 + CAST(s AS DATE)", "CAST(s AS DATE) - 366",
                     "CAST(e AS DATE) - CAST(s AS DATE)", "CAST(e AS DATE) - DATE '2021-07-01'", "year(CAST(e AS DATE) - 200)"]
        let differing = twins.enumerated().map { index, sql in "count(*) FILTER (c\(index + 1) IS DISTINCT FROM CAST(\(sql) AS VARCHAR))" }
        let duckdb = try ThreeValuedLogicTests.duckdb("""
            SELECT count(*), count(e), \(differing.joined(separator: ", "))
            FROM read_csv('\(path)', header=true, nullstr=['', '??'], columns={\(names.map { "'\($0)': 'VARCHAR'" }.joined(separator: ", "))});
            """)
        #expect(duckdb.status == 0, "\(duckdb.stderr)")
        // Ten actions, seven with days, and no column where PlanQuery and DuckDB differ.
        #expect(duckdb.stdout.split(separator: "\n").last == "10,7,0,0,0,0,0,0,0")
    }
}
