import Foundation
import Testing

/// The follow-up fields of iA.PST's Export and of the French action-plan template through the
/// built `plankit`: each query's whole output, the same from the text export and from its
/// `.xlsx` and `.ods` twins (written by LibreOffice).
@Suite struct LayoutFollowUpCommandTests {
    struct Query: CustomTestStringConvertible, Sendable {
        var query: String
        var fixture: String
        var csv: String
        var testDescription: String { "\(query) on \(fixture)" }
    }

    static let queries: [Query] = [
        Query(query: #"actions where status = "done" select id, status, status.text, progress"#, fixture: "iapst-export",
              csv: "id,status,status.text,progress\n3.4,done,Finalisé,100\n"),
        Query(query: "actions select id, progress, health, start.planned, start.effective, end.planned, end.effective", fixture: "iapst-export",
              csv: """
              id,progress,health,start.planned,start.effective,end.planned,end.effective
              3,40,risk,2022-01-01,2022-02-15,2023-06-30,
              3.4,100,good,,,2022-03-31,2022-03-28
              3.5,,,,,2022-09-30,
              6,,,,,2024-12-31,
              10,0,blocked,,,,

              """),
        Query(query: "actions where funding.year = 2022 select id, funding, funding.amount, funding.year", fixture: "iapst-export",
              csv: "id,funding,funding.amount,funding.year\n3,\"Wallonie, commune\",\"12500, 2500\",\"2022, 2023\"\n3.5,Wallonie,12500,2022\n"),
        Query(query: "actions where indicators.reached < indicators.target select id, indicators.label, indicators.reached, indicators.target", fixture: "iapst-export",
              csv: "id,indicators.label,indicators.reached,indicators.target\n3,Radars posés,4,10\n"),
        Query(query: "actions where parent is not missing select id, parent, status", fixture: "iapst-export",
              csv: "id,parent,status\n3.4,3,done\n3.5,3,in progress\n"),
        Query(query: "actions select id, status, status.text, priority, start.planned, end.planned", fixture: "plan-action-template",
              csv: """
              id,status,status.text,priority,start.planned,end.planned
              1.1.1,in progress,En cours,Élevé,2024-03-01,2026-12-31
              1.1.1.1,done,Réalisé,,,2024-06-30
              1.1.1.2,not started,À venir,,,
              1.2.1.1,waiting,En pause,,,
              2.1,problem,Bloqué,Moyen,,
              1,in progress,En cours,,,

              """),
        Query(query: "actions where funding is not missing select id, funding.text, funding.source, funding.amount, amounts.planned", fixture: "plan-action-template",
              csv: "id,funding.text,funding.source,funding.amount,amounts.planned\n1.1.1,Région,other,5000,45000\n1.2.1.1,\"État, Département\",\"other, other\",\"3000, \",\n"),
    ]

    /// The query's file in `format`: the text export, or its workbook twin.
    static func path(_ fixture: String, _ format: String) -> String {
        format == "tsv" ? Executable.fixture("\(fixture).tsv") : Executable.fixture("workbooks/\(fixture).\(format)")
    }

    @Test(arguments: queries, ["tsv", "xlsx", "ods"])
    func queryAField(_ q: Query, _ format: String) throws {
        let result = try Executable.run(["query", q.query, Self.path(q.fixture, format), "--format", "csv"], directory: Executable.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == q.csv)
    }

    /// iA.PST's Export written by openpyxl with date cells and numbers, one day a bare Excel
    /// serial: the same answers as its text export.
    @Test(arguments: queries.filter { $0.fixture == "iapst-export" })
    func iaPSTWithDateCells(_ q: Query) throws {
        let result = try Executable.run(["query", q.query, Executable.fixture("workbooks/iapst-dates.xlsx"), "--format", "csv"], directory: Executable.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == q.csv)
    }

    /// The template's planned total and its funders disagree: `check` says so, at the total's cell.
    @Test(arguments: ["tsv", "xlsx", "ods"])
    func fundingMismatch(_ format: String) throws {
        let path = Self.path("plan-action-template", format)
        let result = try Executable.run(["query", #"findings where rule = "action.funding-mismatch" select subject, message, line, column"#, path, "--format", "csv"],
                                        directory: Executable.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == "subject,message,line,column\n1.1.1,Action 1.1.1 plans 45.000 € in total but its funders give 5.000 € (Région); make the planned amount and the funding agree.,3,24\n")
    }
}
