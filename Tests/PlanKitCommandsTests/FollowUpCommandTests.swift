import Foundation
import Testing

/// The follow-up fields through the built `plankit`: one query per field, on an eComptes file, a
/// PlanKit JSON file and a spreadsheet's RH cells, and the rules through `plankit check`.
@Suite struct FollowUpCommandTests {
    struct Query: CustomTestStringConvertible, Sendable {
        var query: String
        var fixture: String
        var csv: String
        var testDescription: String { "\(query) on \(fixture)" }
    }

    static let queries: [Query] = [
        Query(query: #"actions where status = "done" select id, status, status.text"#, fixture: "ecomptes-follow-up.xml",
              csv: "id,status,status.text\n2.3,done,TERMINE\n6,done,TERMINE\n"),
        Query(query: #"actions where status in ("waiting", "problem") select id, status"#, fixture: "follow-up.json",
              csv: "id,status\n1.2,waiting\n"),
        Query(query: "actions where status is unknown select id, status.text", fixture: "follow-up.json",
              csv: "id,status.text\n1.4,Peut-être\n"),
        Query(query: "actions where progress < 100 and progress > 20 select id, progress", fixture: "ecomptes-follow-up.xml",
              csv: "id,progress\n2,40\n5,25\n6,80\n8,30\n"),
        Query(query: #"actions where health = "risk" or health.text = "blocage" select id, health, health.text"#, fixture: "follow-up.json",
              csv: "id,health,health.text\n1.2,risk,risque\n1.3,blocked,blocage\n"),
        Query(query: "actions where priority is not missing select id, priority", fixture: "follow-up.json",
              csv: "id,priority\n1.1,haute\n"),
        Query(query: #"actions where start.planned >= "2024-02-01" select id, start, start.planned, start.text"#, fixture: "ecomptes-follow-up.xml",
              csv: "id,start,start.planned,start.text\n2,2024-03-01,2024-03-01,2024-03-01\n2.3,2024-03-01,2024-03-01,2024-03-01\n8,2024-09-01,2024-09-01,2024-09-01\n"),
        Query(query: "actions where end.effective is not missing select id, end.planned, end.effective", fixture: "follow-up.json",
              csv: "id,end.planned,end.effective\n1.1,2024-12-31,2024-11-30\n1.4,,2024-05-01\n"),
        Query(query: "actions where fte >= 1 select id, fte", fixture: "pst-rh.tsv",
              csv: "id,fte\n1.2,1\n1.3,2\n1.4,1.5\n"),
        Query(query: "actions where fte is unknown select id, hr", fixture: "pst-rh.tsv",
              csv: "id,hr\n1.5,??\n1.8,\"0,5 ou 1 ETP\"\n1.9,\"1 ETP + 0,5 ETP\"\n1.10,1.000 ETP\n1.11,Service travaux\n"),
        Query(query: "actions where fte > 0 select id, fte", fixture: "ecomptes-follow-up.xml",
              csv: "id,fte\n2,1\n2.3,0.5\n4,0.2\n8,1\n"),
        Query(query: "actions where indicators.target > 50 select id, indicators, indicators.target, indicators.year", fixture: "follow-up.json",
              csv: "id,indicators,indicators.target,indicators.year\n1.2,Surface rénovée (m²),120,2025\n"),
        Query(query: "actions where indicators.reached < 10 select id, indicators.text", fixture: "follow-up.json",
              csv: "id,indicators.text\n1.1,Agents formés = 8 / 10\n"),
        Query(query: #"actions where funding.source = "Wallonie" select id, funding.amount, funding.year"#, fixture: "follow-up.json",
              csv: "id,funding.amount,funding.year\n1.1,\"2000, 1000\",\"2024, 2024\"\n"),
        Query(query: #"actions where funding.text ~ "feder" select id, funding"#, fixture: "follow-up.json",
              csv: "id,funding\n1.2,Europe\n"),
        Query(query: "actions where amounts.actual is not missing select id, amounts, amounts.planned, amounts.actual", fixture: "follow-up.json",
              csv: "id,amounts,amounts.planned,amounts.actual\n1.1,2024,3000,2500\n"),
        Query(query: #"actions where parent = "2" select id, parent, title"#, fixture: "ecomptes-follow-up.xml",
              csv: "id,parent,title\n2.3,2,Choisir l'entreprise\n"),
        Query(query: "actions where parent is not missing select id, parent", fixture: "follow-up.json",
              csv: "id,parent\n1.3,1.1\n1.4,9\n"),
    ]

    @Test(arguments: queries)
    func queryAField(_ q: Query) throws {
        let result = try Executable.run(["query", q.query, Executable.fixture(q.fixture), "--format", "csv"], directory: Executable.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == q.csv)
    }

    @Test func checkReportsTheFollowUpRules() throws {
        let result = try Executable.run([
            "check", "Tests/Fixtures/ecomptes-follow-up.xml", "Tests/Fixtures/follow-up.json", "--format", "csv",
            "--rules", "action.done-incomplete,action.end-before-start,action.funding-mismatch,action.unknown-parent",
        ], directory: Executable.root.path)
        #expect(result.status == 1)
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == [
            "severity,rule,subject",
            "warning,action.done-incomplete,6", "warning,action.done-incomplete,1.5",
            "error,action.end-before-start,8", "error,action.end-before-start,1.4",
            "warning,action.funding-mismatch,1.2",
            "error,action.unknown-parent,9.1", "error,action.unknown-parent,1.4",
        ])
    }

    /// An eComptes file with every status, read and written back in its shape, is the same document.
    @Test func eComptesFollowUpRoundTrips() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("follow-up-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try Executable.run(["convert", Executable.fixture("ecomptes-follow-up.xml"), "--to", "ecomptes", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        let original = try String(contentsOfFile: Executable.fixture("ecomptes-follow-up.xml"), encoding: .utf8)
        func canonical(_ xml: String) -> [String] {
            xml.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("<?xml") }
        }
        #expect(canonical(written) == canonical(original))
    }
}
