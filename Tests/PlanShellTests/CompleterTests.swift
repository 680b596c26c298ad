import Foundation
import PlanKit
import PlanQuery
import Testing
@testable import PlanShell

@Suite struct CompleterTests {
    let completer: Completer

    init() throws {
        let context = QueryContext(PlanSet(try PlanReader().read(path: Fixtures.path("pst-citoyennete.tsv"))))
        completer = Completer { context }
    }

    func complete(_ line: String) -> [String] { completer.complete(line, cursor: line.utf8.count) }

    @Test(arguments: [
        ("", ["plans", "objectives", "actions", "budget", "links", "articles", "findings", "assert", "check"]),
        ("ac", ["actions"]),
        ("assert li", ["links"]),
        // After the collection, only clauses; having once there is a group by.
        ("actions ", ["where", "select", "group by", "sort by", "limit"]),
        ("budget group by action ", ["where", "select", "having", "sort by", "limit"]),
        ("budget group by action select action, sum(amount) h", ["having"]),
        ("budget where amount > 3 ", ["and", "or", "select", "group by", "sort by", "limit"]),
        ("budget where amount ", ["and", "or", "is", "in", "not", "select", "group by", "sort by", "limit"]),
        ("actions sort by id ", ["asc", "desc", "where", "select", "group by", "limit"]),
        ("actions select id ", ["as", "where", "group by", "sort by", "limit"]),
        ("actions wh", ["where"]),
        ("actions where dead", ["deadline", "deadline."]),
        ("actions where budget.", ["budget.action", "budget.action.", "budget.level", "budget.owner", "budget.plan", "budget.kind", "budget.label", "budget.amount", "budget.article", "budget.article.", "budget.credit", "budget.funding", "budget.note", "budget.text", "budget.file", "budget.line"]),
        ("actions where budget.article.fu", ["budget.article.function"]),
        ("actions where pilot.ag", ["pilot.agent"]),
        ("actions where deadline is ", ["known", "unknown", "none", "missing", "empty", "incomplete", "not"]),
        ("actions where deadline is not ", ["known", "unknown", "none", "missing", "empty", "incomplete"]),
        ("actions where total is inc", ["incomplete"]),
        ("actions where total is k", ["known"]),
        // select: distinct, fields, aggregates, percent(
        ("budget select dis", ["distinct"]),
        ("budget select distinct ki", ["kind"]),
        ("budget select action, su", ["sum("]),
        ("budget select action, perc", ["percent("]),
        ("budget select count(dis", ["distinct"]),
        ("budget select count(distinct lab", ["label"]),
        ("budget select percent(su", ["sum("]),
        ("budget group by action select action having co", ["count("]),
        ("budget where su", []),
        // dates: today(), date(, year( where a date or a year is compared
        ("actions where deadline.end < to", ["today()"]),
        ("actions where deadline < da", ["date("]),
        ("actions where deadline.end.year = ye", ["year("]),
        ("actions where deadline.end.year = year(", ["today()", "date("]),
        ("actions where year(dea", ["deadline", "deadline."]),
        ("actions where title = to", []),
        ("articles where credit > al", ["allocated"]),
        ("budget where kind = ", ["\"extraordinary\"", "\"ordinary\""]),
        ("budget where kind = \"ord", ["ordinary\""]),
        ("links where plan = \"PST A", ["Aînés\""]),
        ("links where plan in (", ["\"PCS III\"", "\"PST Aînés\"", "\"PST Culture\""]),
        ("actions where pilot.service = \"P", ["PCS\"", "PCS Service comm.\""]),
        (".", [".help", ".load", ".unload", ".plans", ".schema", ".format", ".output", ".param", ".timer", ".history", ".quit", ".exit"]),
        (".pa", [".param"]),
        (".fo", [".format"]),
        (".format ", ["table", "csv", "json", "markdown", "xlsx"]),
        (".schema bu", ["budget"]),
        ("check action.unknown-", ["action.unknown-pilot", "action.unknown-deadline", "action.unknown-parent"]),
        ("nonsense where ", []),
        ("actions sort ", ["by"]),
        ("actions sor", ["sort by"]),
        ("actions where id = \"1.1\" sort", ["sort by"]),
        ("budget group b", ["by"]),
    ])
    func candidates(_ line: String, _ expected: [String]) {
        #expect(complete(line) == expected)
    }

    /// Parameters set complete after `$` in a statement, and after `.param` (`-NAME` to unset).
    @Test func parameters() {
        let context = QueryContext(PlanSet())
        let completer = Completer(context: { context }, parameters: { ["year", "plan"] })
        func complete(_ line: String) -> [String] { completer.complete(line, cursor: line.utf8.count) }
        #expect(complete("actions where deadline.year = $") == ["$plan", "$year"])
        #expect(complete("links where plan = $p") == ["$plan"])
        #expect(complete(".param ") == ["plan=", "year="])
        #expect(complete(".param -y") == ["-year"])
    }

    @Test func fileNamesAfterLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plankit-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("pst-a.tsv").path, contents: Data())
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("pst-b.csv").path, contents: Data())
        let prefix = directory.path + "/"
        #expect(complete(".load \(prefix)pst") == [prefix + "pst-a.tsv", prefix + "pst-b.csv"])
        #expect(complete(".load \(prefix)s") == [prefix + "sub/"])
        #expect(complete(".output \(prefix)pst-a") == [prefix + "pst-a.tsv"])
    }

    @Test func cursorInTheMiddle() {
        let line = "actions where dead is unknown"
        #expect(completer.complete(line, cursor: "actions where dead".utf8.count) == ["deadline", "deadline."])
    }
}
