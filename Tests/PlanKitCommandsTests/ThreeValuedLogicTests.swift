import Foundation
import Testing

/// Every operator of a condition, checked against DuckDB on the same rows: the budget lines of
/// four plans are exported with `--format csv`, loaded in DuckDB with `read_csv`, and each
/// condition keeps the same lines in PlanQuery as its SQL twin does in DuckDB.
///
/// In the CSV an unknown value is `??`, a none value `/` and a missing one an empty field; DuckDB
/// reads all three as NULL (`nullstr`), and a second, all-text reading of the same file keeps
/// them apart for `is unknown`, `is none` and `is missing`.
@Suite struct ThreeValuedLogicTests {
    static let files = ["pst-citoyennete.tsv", "pst-faults.tsv", "pcs-citoyenneville.tsv", "pst-cohesion.tsv"].map(Executable.fixture)

    /// PlanQuery's condition and the SQL one over DuckDB's table `j` (typed columns, and the
    /// text as written in `amount_raw`, `label_raw`).
    static let cases: [(String, String)] = [
        ("amount = 3000", "amount = 3000"),
        ("amount != 3000", "amount <> 3000"),
        ("amount < 20000", "amount < 20000"),
        ("amount <= 20000", "amount <= 20000"),
        ("amount > 5000", "amount > 5000"),
        ("amount >= 5000", "amount >= 5000"),
        ("amount in (3000, 5000)", "amount IN (3000, 5000)"),
        ("amount not in (3000)", "amount NOT IN (3000)"),
        ("label = \"CCE\"", "label = 'CCE'"),
        ("label != \"CCE\"", "label <> 'CCE'"),
        ("not (label = \"CCE\")", "NOT (label = 'CCE')"),
        ("label ~ \"cc\"", "regexp_matches(label, 'cc', 'i')"),
        ("label !~ \"CCE\"", "NOT regexp_matches(label, 'cce', 'i')"),
        ("not label ~ \"CCE\"", "NOT regexp_matches(label, 'cce', 'i')"),
        ("amount > 4000 and label ~ \"c\"", "amount > 4000 AND regexp_matches(label, 'c', 'i')"),
        ("amount > 4000 or label = \"CCE\"", "amount > 4000 OR label = 'CCE'"),
        ("not (amount > 4000 or label = \"CCE\")", "NOT (amount > 4000 OR label = 'CCE')"),
        ("not (amount > 4000 and label = \"CCE\")", "NOT (amount > 4000 AND label = 'CCE')"),
        ("amount < 10000 or not (label = \"CPJ\")", "amount < 10000 OR NOT (label = 'CPJ')"),
        ("credit > amount", "credit > amount"),
        ("amount >= credit", "amount >= credit"),
        ("not (credit > amount)", "NOT (credit > amount)"),
        ("amount * 2 > credit", "amount * 2 > credit"),
        ("(amount + 1000) * 2 >= 10000", "(amount + 1000) * 2 >= 10000"),
        ("amount - 3000 = 0", "amount - 3000 = 0"),
        ("amount / 1000 > 5", "amount / 1000 > 5"),
        ("amount is known", "amount IS NOT NULL"),
        ("amount is not known", "amount IS NULL"),
        ("amount is unknown", "amount_raw = '??'"),
        ("amount is not unknown", "amount_raw IS DISTINCT FROM '??'"),
        ("amount is missing", "amount_raw IS NULL"),
        ("label is missing", "label_raw IS NULL"),
        ("label is not missing and amount is unknown", "label_raw IS NOT NULL AND amount_raw = '??'"),
        ("credit is none or credit is missing", "credit_raw = '/' OR credit_raw IS NULL"),
    ]

    @Test func everyOperatorKeepsTheRowsDuckDBKeeps() throws {
        let directory = try Executable.temporaryDirectory()
        defer { Executable.remove(directory) }
        let columns = "plan, line, text, kind, label, amount, credit"
        let all = try Executable.run(["query", "budget select \(columns)"] + Self.files + ["--format", "csv"])
        #expect(all.status == 0, "\(all.stderr)")
        let allPath = directory + "/all.csv"
        try all.stdout.write(toFile: allPath, atomically: true, encoding: .utf8)
        var script = """
            CREATE TABLE t AS SELECT * FROM read_csv('\(allPath)', header=true, nullstr=['', '??', '/'],
                columns={'plan': 'VARCHAR', 'line': 'VARCHAR', 'text': 'VARCHAR', 'kind': 'VARCHAR', 'label': 'VARCHAR',
                         'amount': 'DECIMAL(18,2)', 'credit': 'DECIMAL(18,2)'});
            CREATE TABLE raw AS SELECT * FROM read_csv('\(allPath)', header=true, all_varchar=true);
            CREATE TABLE j AS SELECT raw.plan AS id_plan, raw.line AS id_line, raw.text AS id_text,
                t.kind, t.label, t.amount, t.credit, raw.amount AS amount_raw, raw.label AS label_raw, raw.credit AS credit_raw
                FROM t POSITIONAL JOIN raw;

            """
        var expectedCounts: [String] = []
        for (index, (condition, sql)) in Self.cases.enumerated() {
            let output = try Executable.run(["query", "budget where \(condition) select plan, line, text"] + Self.files + ["--format", "csv"])
            #expect(output.status == 0, "\(condition): \(output.stderr)")
            let path = directory + "/case\(index).csv"
            try output.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            let kept = output.stdout.split(separator: "\r\n").count - 1
            expectedCounts.append("\(index),\(kept),0,0")
            script += """
                SELECT \(index) AS k, (SELECT count(*) FROM j WHERE \(sql)) AS duckdb,
                    (SELECT count(*) FROM (SELECT id_plan, id_line, id_text FROM j WHERE \(sql)
                        EXCEPT ALL SELECT plan, line, text FROM read_csv('\(path)', header=true, all_varchar=true))) AS only_duckdb,
                    (SELECT count(*) FROM (SELECT plan, line, text FROM read_csv('\(path)', header=true, all_varchar=true)
                        EXCEPT ALL SELECT id_plan, id_line, id_text FROM j WHERE \(sql))) AS only_planquery;

                """
        }
        let duckdb = try Self.duckdb(script)
        #expect(duckdb.status == 0, "\(duckdb.stderr)")
        let lines = duckdb.stdout.split(separator: "\n").map(String.init).filter { $0 != "k,duckdb,only_duckdb,only_planquery" }
        #expect(lines.count == Self.cases.count)
        for (line, expected) in zip(lines, expectedCounts) where line != expected {
            let index = Int(line.split(separator: ",")[0]) ?? 0
            Issue.record("\(Self.cases[index].0) / \(Self.cases[index].1): DuckDB says \(line) (case, rows, only in DuckDB, only in PlanQuery), PlanQuery \(expected)")
        }
        // The rows span every state: known, unknown and missing amounts, labels and credits.
        let states = try Self.duckdb("""
            SELECT count(*) FILTER (amount_raw = '??') > 0 AND count(*) FILTER (amount IS NOT NULL) > 0
                AND count(*) FILTER (label_raw IS NULL) > 0 AND count(*) FILTER (credit IS NOT NULL) > 0
            FROM (SELECT raw.amount AS amount_raw, t.amount, raw.label AS label_raw, t.credit
                  FROM read_csv('\(allPath)', header=true, nullstr=['', '??', '/'], all_varchar=true) t
                  POSITIONAL JOIN read_csv('\(allPath)', header=true, all_varchar=true) raw);
            """)
        #expect(states.stdout.split(separator: "\n").last == "true")
    }

    /// Runs `duckdb -csv` on `script`.
    static func duckdb(_ script: String) throws -> Executable.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["duckdb", "-csv", "-c", script]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Executable.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
