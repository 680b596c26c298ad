import Foundation
import Testing
@testable import PlanKit

/// The rules on follow-up fields, each on small hand-written fixtures: an eComptes file and a
/// PlanKit JSON file carrying what iA.PST would give.
@Suite struct FollowUpCheckTests {
    static func findings(_ rule: any Rule, _ names: [String]) throws -> [String] {
        let plans = PlanSet(try names.map { try Fixtures.plan($0) })
        return Checker(rules: [rule]).run(on: plans).map { finding in
            let file = URL(fileURLWithPath: finding.location?.file ?? "").lastPathComponent
            return "\(finding.severity) \(finding.subject) \(file):\(finding.location?.line ?? 0) \(finding.message)"
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var rule: any Rule
        var fixture: String
        var expected: [String]
        var testDescription: String { "\(rule.id) on \(fixture)" }
    }

    static let cases: [Case] = [
        Case(rule: ActionDoneIncomplete(), fixture: "ecomptes-follow-up.xml", expected: [
            "warning 6 ecomptes-follow-up.xml:152 Action 6 is done (TERMINE) but its progress is 80; set its progress to 100 or its status to in progress.",
        ]),
        Case(rule: ActionDoneIncomplete(), fixture: "follow-up.json", expected: [
            "warning 1.5 follow-up.tsv:12 Action 1.5 is done (Finalisé) but its progress is 50; set its progress to 100 or its status to in progress.",
        ]),
        Case(rule: ActionEndBeforeStart(), fixture: "ecomptes-follow-up.xml", expected: [
            "error 8 ecomptes-follow-up.xml:186 Action 8 ends before it starts: its planned end, 2024-03-31, is before its planned start, 2024-09-01; correct one of the two dates.",
        ]),
        Case(rule: ActionEndBeforeStart(), fixture: "follow-up.json", expected: [
            "error 1.4 follow-up.tsv:11 Action 1.4 ends before it starts: its effective end, 2024-05-01, is before its effective start, 2024-06-01; correct one of the two dates.",
        ]),
        Case(rule: ActionFundingMismatch(), fixture: "follow-up.json", expected: [
            "warning 1.2 follow-up.tsv:9 Action 1.2 plans 6.000 € for 2025 but its funders give 5.000 € (Europe); make the planned amount and the funding agree.",
        ]),
        Case(rule: ActionUnknownParent(), fixture: "ecomptes-follow-up.xml", expected: [
            "error 9.1 ecomptes-follow-up.xml:204 Sub-action 9.1 belongs to action 9, which its plan does not have; add action 9 or correct the parent.",
        ]),
        Case(rule: ActionUnknownParent(), fixture: "follow-up.json", expected: [
            "error 1.4 follow-up.tsv:11 Sub-action 1.4 belongs to action 9, which its plan does not have; add action 9 or correct the parent.",
        ]),
    ]

    @Test(arguments: cases)
    func ruleFindsWhatTheFixtureHolds(_ c: Case) throws {
        #expect(try Self.findings(c.rule, [c.fixture]) == c.expected)
    }

    /// The plans without follow-up fields give none of these findings; a sub-action whose parent is
    /// in its plan (eComptes' 4.5 of action 4) is fine.
    @Test(arguments: ["pst-citoyennete.tsv", "pst-rh.tsv", "ecomptes-upload.xml", "demo-pst-201805V1.xml"])
    func plansWithoutThemGiveNone(_ fixture: String) throws {
        for rule: any Rule in [ActionDoneIncomplete(), ActionEndBeforeStart(), ActionFundingMismatch(), ActionUnknownParent()] {
            #expect(try Self.findings(rule, [fixture]).isEmpty, "\(rule.id)")
        }
    }

    /// A funder of unknown amount, or a year no funder names, is not compared.
    @Test func fundingIsComparedOnlyWhenEveryPartIsKnown() {
        let location = SourceLocation(file: "f.tsv", line: 3, column: 1)
        var action = Action(id: "1", title: "t", location: location)
        action.amounts = [YearAmount(year: 2024, planned: .known(Money(euros: 10))), YearAmount(year: 2025, planned: .known(Money(euros: 3)))]
        action.funding = [
            Funding(source: .wallonie, amount: .known(Money(euros: 4)), year: 2024, text: "", location: location),
            Funding(source: .europe, amount: .unknown, year: 2024, text: "", location: location),
        ]
        let plan = Plan(kind: .pst, name: "P", source: "f.tsv", objectives: [StrategicObjective(number: "1", title: "", location: location, operationalObjectives: [
            OperationalObjective(number: "1", title: "", location: location, actions: [action]),
        ])])
        #expect(Checker(rules: [ActionFundingMismatch()]).run(on: PlanSet([plan])).isEmpty)
    }
}
