import Foundation
import Testing

/// `plankit convert FILES… --to sqlite`: the database sqlite3 and DuckDB open, whose SQL answers
/// equal PlanKit's own query answers, on the seed plans and on a generated corpus.
@Suite(.enabled(if: PeerTools.sqlite3 != nil, "sqlite3 is not installed (Scripts/setup.sh installs it)"))
struct SQLiteOutputTests {
    /// A PlanKit query and the SQL that must give the same rows; `ordered` when the order counts.
    struct Pair: CustomTestStringConvertible, Sendable {
        var query: String
        var sql: String
        var ordered = true
        var testDescription: String { query }
    }

    /// The questions an analyst asks, in both languages. The SQL of the `budget` group is the
    /// example Docs/formats.md gives.
    static let pairs: [Pair] = [
        Pair(query: "plans select name, kind, objectives, actions", sql: "SELECT name, kind, objectives, actions FROM plans ORDER BY key"),
        Pair(query: "actions select count()", sql: "SELECT count(*) FROM actions"),
        Pair(query: "budget where amount is known select count(), sum(amount)", sql: "SELECT count(*), round(sum(amount), 2) FROM budget WHERE amount_state = 'known'"),
        Pair(query: "budget where kind = \"ordinary\" and amount is known select sum(amount)", sql: "SELECT round(sum(amount), 2) FROM budget WHERE kind = 'ordinary' AND amount_state = 'known'"),
        Pair(query: "budget where amount is known group by article.main select article.main, sum(amount), count()",
             sql: "SELECT article_main, round(sum(amount), 2), count(*) FROM budget WHERE amount_state = 'known' GROUP BY article_main", ordered: false),
        Pair(query: "actions where deadline is unknown select plan, id",
             sql: "SELECT plan, id FROM actions WHERE deadline_state = 'unknown' ORDER BY key"),
        Pair(query: "actions where pilot.agent is unknown or deadline is missing select plan, id, deadline.text",
             sql: "SELECT plan, id, deadline_text FROM actions WHERE pilot_agent_state = 'unknown' OR deadline_state = 'missing' ORDER BY key"),
        Pair(query: "actions where deadline.year = 2021 select plan, id, title, deadline",
             sql: "SELECT plan, id, title, deadline FROM actions WHERE deadline_year = 2021 ORDER BY key"),
        Pair(query: "actions where budget.article ~ \"840\" select plan, id, total",
             sql: "SELECT plan, id, CASE total_state WHEN 'unknown' THEN '??' WHEN 'incomplete' THEN (CASE WHEN total = CAST(total AS INTEGER) THEN CAST(CAST(total AS INTEGER) AS TEXT) ELSE CAST(total AS TEXT) END) || ' + ?' ELSE CAST(total AS TEXT) END FROM actions a WHERE EXISTS (SELECT 1 FROM budget b WHERE b.action_key = a.key AND b.article LIKE '%840%') ORDER BY key"),
        Pair(query: "actions where total > 10000 select plan, id, total", sql: "SELECT plan, id, total FROM actions WHERE total > 10000 AND total_state = 'known' ORDER BY key"),
        Pair(query: "budget where action.deadline.year = 2020 and amount is known select sum(amount), count()",
             sql: "SELECT round(sum(b.amount), 2), count(*) FROM budget b JOIN actions a ON a.key = b.action_key WHERE a.deadline_year = 2020 AND b.amount_state = 'known'"),
        Pair(query: "links where plan = \"PCS III\" select source.plan, action, kind, ref, status",
             sql: "SELECT a.plan, l.action, l.kind, l.ref, l.status FROM links l JOIN actions a ON a.key = l.action_key WHERE l.plan = 'PCS III' ORDER BY l.key"),
        Pair(query: "articles select code, main, service, credit, lines", sql: "SELECT code, main, service, credit, lines FROM articles ORDER BY key"),
        // One commune's article is a row of its own; each budget line references its commune's.
        Pair(query: "articles select commune, code, credit, lines",
             sql: "SELECT a.commune, a.code, a.credit, count(*) FROM budget b JOIN articles a ON a.key = b.article_key JOIN plans p ON p.key = b.plan_key WHERE coalesce(p.commune, '') = coalesce(a.commune, '') GROUP BY a.key, a.commune, a.code, a.credit ORDER BY a.key"),
        Pair(query: "objectives where level = \"operational\" select plan, number, title, actions",
             sql: "SELECT plan, number, title, actions FROM objectives WHERE level = 'operational' ORDER BY key"),
        Pair(query: "findings select file, severity, rule, subject", sql: "SELECT file, severity, rule, subject FROM findings ORDER BY key"),
    ]

    /// A database of `files`, written in `dir`.
    static func database(_ files: [String], in dir: String) throws -> String {
        let db = dir + "/plans.db"
        let result = try Executable.run(["convert"] + files + ["--to", "sqlite", "-o", db])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    /// PlanKit's answer, normalized, without its header.
    static func plankit(_ query: String, _ files: [String]) throws -> [[String]] {
        let result = try Executable.run(["query", query] + files + ["--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        return PeerTools.csv(result.stdout).dropFirst().map { $0.map(PeerTools.normalized) }
    }

    /// sqlite3's answer, normalized.
    static func sqlite(_ sql: String, _ db: String) throws -> [[String]] {
        let result = try PeerTools.run(PeerTools.sqlite3 ?? "sqlite3", ["-csv", "-bail", db, sql])
        #expect(result.status == 0, "\(result.stderr)")
        return PeerTools.csv(result.stdout).map { $0.map(PeerTools.normalized) }
    }

    /// The generated corpus: a few communes' plans, as files.
    static func corpus(in dir: String) throws -> [String] {
        let python = PeerTools.python3 ?? "/usr/bin/python3"
        let script = Executable.root.appendingPathComponent("Scripts/generate-corpus.py").path
        let result = try PeerTools.run(python, [script, dir, "--communes", "2", "--actions-per-oo", "2", "--seed", "11"])
        #expect(result.status == 0, "\(result.stderr)")
        return try String(contentsOfFile: dir + "/files.txt", encoding: .utf8).split(separator: "\n").map { dir + "/" + $0 }
    }

    static func compare(_ pair: Pair, _ a: [[String]], _ b: [[String]], _ tool: String) {
        let sort = { (rows: [[String]]) in pair.ordered ? rows : rows.sorted { $0.joined(separator: "\u{1}") < $1.joined(separator: "\u{1}") } }
        #expect(sort(a) == sort(b), "\(tool) disagrees on: \(pair.query)")
    }

    /// The plans compared: the seed's folder, or a generated corpus of two communes.
    enum Dataset: String, CaseIterable, Sendable {
        case seed, corpus

        func files(in dir: String) throws -> [String] {
            switch self {
            case .seed: [Executable.root.appendingPathComponent("Examples").path]
            case .corpus: try SQLiteOutputTests.corpus(in: dir + "/corpus")
            }
        }
    }

    @Test(.enabled(if: PeerTools.python3 != nil, "python3 is not installed: no corpus is generated"), arguments: Dataset.allCases)
    func sqlite3AndDuckDBAgreeWithPlanKit(_ dataset: Dataset) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let files = try dataset.files(in: dir)
        let db = try Self.database(files, in: dir)
        let answers = try Self.pairs.map { try Self.plankit($0.query, files) }
        for (pair, answer) in zip(Self.pairs, answers) {
            Self.compare(pair, answer, try Self.sqlite(pair.sql, db), "sqlite3")
        }
        guard let duckdb = PeerTools.duckdb else { return }
        let duck = try Self.duckDatabase(db, duckdb, in: dir)
        for (pair, answer) in zip(Self.pairs, answers) {
            Self.compare(pair, answer, try Self.duck(pair.sql, duck, duckdb).map { $0.map(PeerTools.normalized) }, "DuckDB")
        }
    }

    /// A DuckDB database holding the tables of the SQLite database `db`, written in `dir`.
    ///
    /// DuckDB reads each table as sqlite3 exports it to CSV, with the column types sqlite3
    /// reports: DuckDB's own SQLite extension is downloaded on first use, which a machine
    /// without network cannot do.
    static func duckDatabase(_ db: String, _ duckdb: String, in dir: String) throws -> String {
        var script = ""
        for table in ["plans", "objectives", "actions", "articles", "budget", "links", "findings"] {
            let csv = dir + "/\(table).csv"
            let export = try PeerTools.run(PeerTools.sqlite3 ?? "sqlite3", ["-csv", "-header", db, "SELECT * FROM \"\(table)\""])
            try export.stdout.write(toFile: csv, atomically: true, encoding: .utf8)
            let info = try PeerTools.run(PeerTools.sqlite3 ?? "sqlite3", ["-csv", db, "SELECT name, type FROM pragma_table_info('\(table)')"])
            let columns = PeerTools.csv(info.stdout).map { column in
                "\"\(column[0])\" " + (["INTEGER": "BIGINT", "REAL": "DOUBLE"][column[1]] ?? "VARCHAR")
            }
            script += "CREATE TABLE \"\(table)\" (\(columns.joined(separator: ", ")));\n"
            // sqlite3 writes nothing, not even the header, for a table without rows.
            if !export.stdout.isEmpty { script += "COPY \"\(table)\" FROM '\(csv)' (HEADER, NULLSTR '');\n" }
        }
        let duck = dir + "/plans.duckdb"
        let load = try PeerTools.run(duckdb, [duck, "-c", script])
        #expect(load.status == 0, "\(load.stderr)")
        return duck
    }

    /// DuckDB's answer, as printed.
    static func duck(_ sql: String, _ duck: String, _ duckdb: String) throws -> [[String]] {
        let result = try PeerTools.run(duckdb, ["-readonly", "-csv", "-noheader", "-nullvalue", "", duck, "-c", sql])
        #expect(result.status == 0, "\(result.stderr)")
        return PeerTools.csv(result.stdout)
    }

    /// Amounts of a few cents, which binary fractions cannot hold exactly: sums of the `REAL`
    /// euros drift (`0.30000000000000004`), sums of the `…_cents` integers do not. PlanKit's,
    /// sqlite3's and DuckDB's answers are equal as decimal numbers, not rounded.
    static let cents: [Pair] = [
        Pair(query: "budget select sum(amount), count()", sql: "SELECT sum(amount_cents) / 100.0, count(*) FROM budget"),
        Pair(query: "budget group by kind select kind, sum(amount)",
             sql: "SELECT kind, sum(amount_cents) / 100.0 FROM budget GROUP BY kind", ordered: false),
        Pair(query: "actions select id, total, ordinary", sql: "SELECT id, total_cents / 100.0, ordinary_cents / 100.0 FROM actions ORDER BY key"),
        Pair(query: "articles select code, allocated", sql: "SELECT code, allocated_cents / 100.0 FROM articles ORDER BY key"),
    ]

    /// A plan of nine actions whose amounts are cents: `0,10 €`, `0,20 €`, … and one
    /// `1.234.567,89 €`; every third action has an extraordinary `0,10 €` besides.
    static func centsPlan(in dir: String) throws -> String {
        let seed = try String(contentsOfFile: Executable.seed, encoding: .utf8).components(separatedBy: "\n")
        let head = seed.prefix { !$0.hasPrefix("\t\tAction") }.joined(separator: "\n")
        let amounts = ["0,10 €", "0,20 €", "0,30 €", "0,10 €", "0,20 €", "0,70 €", "0,05 €", "1.234.567,89 € (Article 84021/124-02)", "0,01 €"]
        let rows = amounts.enumerated().map { index, amount in
            "\t\tAction 1.\(index + 1). Acheter des fournitures \(index + 1)\tS. Boulanger\tPCS\tJ. Dupont\t2021\tA 1.\(index + 1)\t\(amount)\t"
                + (index % 3 == 2 ? "0,10 € (Article 84021/124-02)" : "") + "\t"
        }
        let path = dir + "/cents.tsv"
        try Data((head + "\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `text` as an exact decimal number when it is one (`70000.0` and `70000` are equal), else as it is.
    static func exact(_ rows: [[String]]) -> [[String]] {
        rows.map { $0.map { field in
            guard !field.isEmpty, field.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
                  let number = Decimal(string: field, locale: Locale(identifier: "en_US_POSIX")) else { return field }
            return "\(number)"
        } }
    }

    @Test func centsAddUpExactly() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let plan = try Self.centsPlan(in: dir)
        let db = try Self.database([plan], in: dir)
        let answers = try Self.cents.map { pair in
            let result = try Executable.run(["query", pair.query, plan, "--format", "csv"])
            #expect(result.status == 0, "\(result.stderr)")
            return Self.exact(Array(PeerTools.csv(result.stdout).dropFirst()))
        }
        #expect(answers[1].sorted { $0[0] < $1[0] } == [["extraordinary", "0.3"], ["ordinary", "1234569.55"]])
        for (pair, answer) in zip(Self.cents, answers) {
            let sqlite = try PeerTools.run(PeerTools.sqlite3 ?? "sqlite3", ["-csv", "-bail", db, pair.sql])
            #expect(sqlite.status == 0, "\(sqlite.stderr)")
            Self.compare(pair, answer, Self.exact(PeerTools.csv(sqlite.stdout)), "sqlite3")
        }
        // Integers add up exactly: the sum of the cents is PlanKit's sum.
        #expect(try Self.sqlite("SELECT sum(amount_cents), typeof(sum(amount_cents)) FROM budget", db) == [["123456985", "integer"]])
        // The euros, summed as binary fractions, would not: the plan is one where cents matter.
        let drift = try PeerTools.run(PeerTools.sqlite3 ?? "sqlite3", ["-csv", db, "SELECT printf('%.17g', sum(amount)) FROM budget WHERE kind = 'ordinary'"])
        #expect(drift.stdout != "1234569.55\n")
        guard let duckdb = PeerTools.duckdb else { return }
        let duck = try Self.duckDatabase(db, duckdb, in: dir)
        for (pair, answer) in zip(Self.cents, answers) {
            Self.compare(pair, answer, Self.exact(try Self.duck(pair.sql, duck, duckdb)), "DuckDB")
        }
        #expect(try Self.duck("SELECT sum(amount_cents) FROM budget", duck, duckdb) == [["123456985"]])
        #expect(try Self.duck("SELECT sum(amount) FROM budget WHERE kind = 'extraordinary'", duck, duckdb) != [["0.3"]])
    }

    @Test func keysAndStatesHoldInTheDatabase() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let db = try Self.database([Executable.seed], in: dir)
        #expect(try Self.sqlite("PRAGMA foreign_key_check", db) == [])
        #expect(try Self.sqlite("PRAGMA integrity_check", db) == [["ok"]])
        // The seed's action 1.2: deadline ??, an ordinary budget cell left blank, 20 000 € extraordinary.
        #expect(try Self.sqlite("SELECT deadline, deadline_state, ordinary, ordinary_state, extraordinary, extraordinary_state FROM actions WHERE id = '1.2'", db)
            == [["", "unknown", "", "missing", "20000", "known"]])
        #expect(try Self.sqlite("SELECT count(*) FROM budget b JOIN actions a ON a.key = b.action_key JOIN objectives o ON o.key = a.objective_key JOIN plans p ON p.key = o.plan_key", db)
            == (try Self.plankit("budget select count()", [Executable.seed])))
        #expect(try Self.sqlite("SELECT tbl_name FROM sqlite_master WHERE type = 'table' ORDER BY rootpage", db)
            == [["plans"], ["objectives"], ["actions"], ["articles"], ["budget"], ["links"], ["findings"]])
    }

    @Test func aFailedConversionLeavesTheFileAsItWas() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let db = dir + "/plans.db"
        try Data("an analyst's file".utf8).write(to: URL(fileURLWithPath: db))
        let result = try Executable.run(["convert", Executable.seed, dir + "/missing.tsv", "--to", "sqlite", "-o", db])
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: db, encoding: .utf8) == "an analyst's file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["plans.db"])
    }

    @Test func aDatabaseIsNotWrittenToATerminalNorFromOneFileForOtherFormats() throws {
        let several = try Executable.run(["convert", Executable.seed, Executable.seed, "--to", "json"])
        #expect(several.status == 2)
        #expect(several.stderr == "plankit convert: error: --to json converts one file, and 2 were given; convert them one by one, or use --to sqlite for a database of several.\n")
    }
}

/// The SQLite example of Docs/formats.md, run as it is written.
@Suite(.enabled(if: PeerTools.sqlite3 != nil, "sqlite3 is not installed (Scripts/setup.sh installs it)"))
struct SQLiteDocExampleTests {
    @Test func theDocumentedQueryGivesTheDocumentedAnswer() throws {
        let doc = try String(contentsOf: Executable.root.appendingPathComponent("Docs/formats.md"), encoding: .utf8)
        let section = try #require(doc.range(of: "## SQLite databases"))
        let start = try #require(doc.range(of: "```shell\n", range: section.upperBound..<doc.endIndex))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        let lines = doc[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/Examples", withDestinationPath: Executable.root.appendingPathComponent("Examples").path)
        var index = 0
        while index < lines.count {
            let command = String(try #require(lines[index].hasPrefix("$ ") ? lines[index].dropFirst(2) : nil))
            index += 1
            var expected = ""
            while index < lines.count, !lines[index].hasPrefix("$ ") { expected += lines[index] + "\n"; index += 1 }
            let shell = command.hasPrefix("plankit ") ? "'\(Executable.path)'" + command.dropFirst("plankit".count) : "'\(PeerTools.sqlite3 ?? "sqlite3")'" + command.dropFirst("sqlite3".count)
            let result = try PeerTools.run("/bin/sh", ["-c", shell], directory: dir)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout == expected, "\(command)")
        }
    }
}
