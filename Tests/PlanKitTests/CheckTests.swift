import Foundation
import Testing
@testable import PlanKit

@Suite struct CheckTests {
    func findings(_ names: String..., rules: [any Rule] = Checker.allRules) throws -> [Finding] {
        Checker(rules: rules).run(on: PlanSet(try names.map { try Fixtures.plan($0) }))
    }

    @Test func seedAloneIsNotOvercommittedAndNamesUnloadedPlans() throws {
        let all = try findings("pst-citoyennete.tsv")
        #expect(!all.contains { $0.rule == "budget.overcommitted" })
        let unresolved = all.filter { $0.rule == "link.unresolved-plan" }.map(\.message)
        #expect(unresolved == [
            "Action 1.2 links to action 5.5.02 of PCS III, and PCS III is not loaded; load it to check the link.",
            "Action 1.2 links to PST Aînés, and PST Aînés is not loaded; load it to check the link.",
            "Action 1.2 links to PST Culture, and PST Culture is not loaded; load it to check the link.",
            "Action 1.3 links to action 6.1.04 of PCS III, and PCS III is not loaded; load it to check the link.",
        ])
        // An axis link resolves against the reference data even without the PCS.
        #expect(!all.contains { $0.rule == "link.unknown-target" })
        #expect(all.filter { $0.severity == .error }.isEmpty)
    }

    @Test func secondPSTOvercommitsTheArticle() throws {
        let overcommitted = try findings("pst-citoyennete.tsv", "pst-cohesion.tsv").filter { $0.rule == "budget.overcommitted" }
        #expect(overcommitted.count == 1)
        #expect(overcommitted.first?.subject == "84021/124-02")
        #expect(overcommitted.first?.severity == .error)
        #expect(overcommitted.first?.message == "Article 84021/124-02 has 27000 € allocated (actions 3.2 in pst-citoyennete, 1.1 in pst-cohesion), more than its stated credit of 24850 €.")
        #expect(overcommitted.first?.location == SourceLocation(file: Fixtures.path("pst-cohesion.tsv"), line: 8, column: 9))
    }

    @Test func linksResolveAgainstTheLoadedPCS() throws {
        let plans = PlanSet([try Fixtures.plan("pst-citoyennete.tsv"), try Fixtures.plan("pcs-citoyenneville.tsv")])
        let resolver = LinkResolver(plans)
        #expect(plans.links.map { resolver.resolve($0.link).name } == ["resolved", "resolved", "unresolved-plan", "unresolved-plan", "resolved"])
        let missing = CrossLink(relation: .related, plan: "PCS III", element: .action, ref: "6.1.99", text: "x", location: SourceLocation(file: "f", line: 1, column: 1))
        #expect(resolver.resolve(missing) == .unknownTarget("the loaded PCS has no action 6.1.99"))
        let uncovered = Checker(rules: [PCSUncovered()]).run(on: plans)
        #expect(uncovered.map(\.subject) == ["6.1.01"])
        // With the cohesion PST, which links to 6.1.01, every PCS action is covered.
        let all = PlanSet([try Fixtures.plan("pst-citoyennete.tsv"), try Fixtures.plan("pcs-citoyenneville.tsv"), try Fixtures.plan("pst-cohesion.tsv")])
        #expect(Checker(rules: [PCSUncovered()]).run(on: all).isEmpty)
    }

    /// Each rule finds its fault in the faults fixture (or, for the seed's faults, in the seed):
    /// the test fails if the rule is removed or broken.
    @Test(arguments: [
        ("link.unknown-target", ["pst-faults.tsv"], ["1.2:10", "1.2:10"]),
        ("link.unresolved-plan", ["pst-citoyennete.tsv"], ["1.2:13", "1.2:13", "1.2:13", "1.3:14"]),
        ("budget.overcommitted", ["pst-citoyennete.tsv", "pst-cohesion.tsv"], ["84021/124-02:8"]),
        ("budget.credit-conflict", ["pst-faults.tsv"], ["84021/124-02:14"]),
        ("budget.kind-mismatch", ["pst-faults.tsv"], ["766/725-60:11"]),
        ("budget.unknown-economic-code", ["pst-faults.tsv"], ["840/999-01:12"]),
        ("action.duplicate-id", ["pst-faults.tsv"], ["1.1:9"]),
        ("action.code-mismatch", ["pst-faults.tsv"], ["1.1:8"]),
        ("action.unknown-pilot", ["pst-citoyennete.tsv"], ["2.3:18", "2.3:18", "3.1:20", "3.2:21", "3.3:22"]),
        ("action.unknown-deadline", ["pst-citoyennete.tsv"], ["1.2:13", "2.1:16", "2.2:17", "2.3:18", "3.2:21", "3.3:22"]),
        ("action.missing-deadline", ["pst-faults.tsv"], ["1.7:15"]),
        ("action.open-question", ["pst-citoyennete.tsv"], ["2.2:17", "2.3:18", "3.2:21"]),
        ("deadline.outside-plan", ["pst-faults.tsv"], ["1.6:14"]),
        ("pcs.uncovered", ["pst-citoyennete.tsv", "pcs-citoyenneville.tsv"], ["6.1.01:12"]),
    ])
    func ruleFindsItsFault(_ id: String, _ files: [String], _ expected: [String]) throws {
        let rule = try #require(Checker.rule(id))
        let plans = PlanSet(try files.map { try Fixtures.plan($0) })
        let found = Checker(rules: [rule]).run(on: plans)
        #expect(found.map { "\($0.subject):\($0.location?.line ?? 0)" } == expected)
        #expect(found.allSatisfy { $0.rule == id && $0.severity == rule.severity })
    }

    @Test func everyRuleIsListedOnceAndDocumented() throws {
        let ids = Checker.allRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.count == 18 + ReadRule.allCases.count)
        let page = try String(contentsOfFile: Fixtures.root.appendingPathComponent("Docs/checks.md").path, encoding: .utf8)
        for id in ids { #expect(page.contains("## `\(id)`"), "Docs/checks.md lacks \(id)") }
    }

    @Test func pcsFixtureReadsAsAPCS() throws {
        let pcs = try Fixtures.plan("pcs-citoyenneville.tsv")
        #expect(pcs.kind == .pcs)
        #expect(pcs.name == "PCS III")
        #expect(pcs.objectives.map(\.number) == ["5", "6"])
        #expect(pcs.objectives.flatMap(\.operationalObjectives).map(\.number) == ["5.5", "6.1"])
        #expect(pcs.actions.map(\.id) == ["5.5.02", "6.1.01", "6.1.04"])
        #expect(pcs.period == 2020...2025)
    }
}
