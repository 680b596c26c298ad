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
        ("actions ", ["where", "select", "group by", "sort by", "limit", "and", "or", "is", "in", "not", "as", "asc", "desc"]),
        ("actions wh", ["where"]),
        ("actions where dead", ["deadline", "deadline."]),
        ("actions where budget.", ["budget.action", "budget.action.", "budget.level", "budget.owner", "budget.plan", "budget.kind", "budget.label", "budget.amount", "budget.article", "budget.article.", "budget.credit", "budget.funding", "budget.note", "budget.text", "budget.file", "budget.line"]),
        ("actions where budget.article.fu", ["budget.article.function"]),
        ("actions where pilot.ag", ["pilot.agent"]),
        ("actions where deadline is ", ["unknown", "none", "missing", "empty", "not"]),
        ("actions where deadline is not ", ["unknown", "none", "missing", "empty"]),
        ("budget where kind = ", ["\"extraordinary\"", "\"ordinary\""]),
        ("budget where kind = \"ord", ["ordinary\""]),
        ("links where plan = \"PST A", ["Aînés\""]),
        ("links where plan in (", ["\"PCS III\"", "\"PST Aînés\"", "\"PST Culture\""]),
        ("actions where pilot.service = \"P", ["PCS\"", "PCS Service comm.\""]),
        (".", [".help", ".load", ".unload", ".plans", ".schema", ".format", ".output", ".timer", ".history", ".quit", ".exit"]),
        (".fo", [".format"]),
        (".format ", ["table", "csv", "json", "markdown"]),
        (".schema bu", ["budget"]),
        ("check action.unknown-", ["action.unknown-pilot", "action.unknown-deadline", "action.unknown-parent"]),
        ("nonsense where ", []),
        ("actions sort ", ["by"]),
        ("budget group b", ["by"]),
    ])
    func candidates(_ line: String, _ expected: [String]) {
        #expect(complete(line) == expected)
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
