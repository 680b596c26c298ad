import Foundation
import Testing
import PlanKit
@testable import PlanQuery

/// An article is one commune's: the plans of one commune charge its budget, another commune's
/// plans naming the same code charge another. The seed (5 000 € on 84021/124-02, credit
/// 24 850 €) and pst-cohesion (22 000 € on it, same credit) each fit the credit, not their sum.
@Suite struct ArticlesPerCommuneTests {
    /// The seed and pst-cohesion, each with a `COMMUNE :` line naming `communes`' (none for `nil`).
    static func context(_ communes: (String?, String?)) throws -> QueryContext {
        var plans: [Plan] = []
        for (name, commune) in [("pst-citoyennete.tsv", communes.0), ("pst-cohesion.tsv", communes.1)] {
            let text = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
            let bytes = Array(((commune.map { "COMMUNE : \($0)\n" } ?? "") + text).utf8)
            plans += try PlanReader().read(bytes, file: name)
        }
        return QueryContext(PlanSet(plans))
    }

    static let query = "articles where code = \"84021/124-02\" select commune, code, credit, allocated, lines"

    @Test func twoCommunesArticlesAreTheirOwn() throws {
        let context = try Self.context(("Citoyenneville", "Cohésionville"))
        #expect(try run(Self.query, context).rows == [
            [.text("Citoyenneville"), .text("84021/124-02"), .money(Money(cents: 24_850_00)), .money(Money(cents: 5_000_00)), .integer(1)],
            [.text("Cohésionville"), .text("84021/124-02"), .money(Money(cents: 24_850_00)), .money(Money(cents: 22_000_00)), .integer(1)],
        ])
        let findings = Checker(rules: [BudgetOvercommitted(), BudgetCreditConflict()]).run(on: context.planSet)
        #expect(findings.isEmpty)
    }

    /// One commune's plans, or plans naming none, share the article: the sum is checked, as before.
    @Test(arguments: [(nil, nil), ("Citoyenneville", "Citoyenneville")] as [(String?, String?)])
    func oneCommunesArticleIsShared(_ first: String?, _ second: String?) throws {
        let context = try Self.context((first, second))
        let commune: QueryValue = first.map { .text($0) } ?? .missing
        #expect(try run(Self.query, context).rows == [
            [commune, .text("84021/124-02"), .money(Money(cents: 24_850_00)), .money(Money(cents: 27_000_00)), .integer(2)],
        ])
        let findings = Checker(rules: [BudgetOvercommitted()]).run(on: context.planSet)
        #expect(findings.map(\.message) == [
            "Article 84021/124-02 has 27000 € allocated (actions 3.2 in pst-citoyennete, 1.1 in pst-cohesion), more than its stated credit of 24850 €.",
        ])
    }

    /// With several communes loaded, a message names the article's commune.
    @Test func messagesNameTheCommuneWhenSeveral() throws {
        var plans = Array(try Self.context(("Citoyenneville", "Citoyenneville")).planSet.plans)
        let text = try String(contentsOfFile: Fixtures.path("pst-cohesion.tsv"), encoding: .utf8)
        plans += try PlanReader().read(Array(("COMMUNE : Cohésionville\n" + text).utf8), file: "pst-cohesion-2.tsv")
        let findings = Checker(rules: [BudgetOvercommitted()]).run(on: PlanSet(plans))
        #expect(findings.map(\.message) == [
            "Article 84021/124-02 in commune Citoyenneville has 27000 € allocated (actions 3.2 in pst-citoyennete, 1.1 in pst-cohesion), more than its stated credit of 24850 €.",
        ])
    }
}
