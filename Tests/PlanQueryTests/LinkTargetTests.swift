import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// Following links: `links.target`, `links.source`, `actions.linkedFrom`, and the plan column of
/// rows from several plans.
@Suite struct LinkTargetTests {
    static let pstAndPCS: QueryContext = {
        do { return try Fixtures.context("pst-citoyennete.tsv", "pcs-citoyenneville.tsv") } catch { fatalError("fixtures unreadable: \(error)") }
    }()

    func rows(_ text: String, _ context: QueryContext = LinkTargetTests.pstAndPCS) throws -> [[String]] {
        try run(text, context).rows.map { $0.map(\.text) }
    }

    @Test func aLinkLeadsToTheLoadedAction() throws {
        #expect(try rows("links where target.title ~ \"convivialité\" select source.plan, source.id, target.plan, target.id, target.title") == [
            ["pst-citoyennete", "1.2", "PCS III", "5.5.02", "Créer des espaces de convivialité intergénérationnels"],
        ])
        #expect(try rows("links where target.action.deadline = 2021 select source.id, target.action.id, target.action.deadline") == [
            ["pst-citoyennete", "1.3", "6.1.04", "2e sem. 2021"],
        ])
    }

    /// A literal `~` on target titles scans their folded column; it answers as a pattern matched row by row.
    @Test(arguments: ["convivialite", "PARTICIPATION", "comités", ""])
    func targetTitlesMatchAsRowByRow(_ word: String) throws {
        for context in [Self.pstAndPCS, Fixtures.seed] {
            let column = try rows("links where target.title ~ \"\(word)\" select source.id, target.id", context)
            let rowByRow = try rows("links where target.title ~ \"\(word)(?:)\" select source.id, target.id", context)
            #expect(column == rowByRow)
        }
    }

    @Test func anAxisLeadsToItsObjectiveOrItsReferenceTitle() throws {
        #expect(try rows("links where kind = \"axis\" select source.id, target.axis, target.objective.title, target.title") == [
            ["pst-citoyennete", "1.1", "6", "Le droit à la participation citoyenne et démocratique", "Le droit à la participation citoyenne et démocratique"],
        ])
        // Without the PCS, the title is the reference's.
        #expect(try rows("links where kind = \"axis\" select target.title, target.objective", Fixtures.seed) == [
            ["Le droit à la participation citoyenne et démocratique, aux technologies de l'information et de la communication", ""],
        ])
    }

    @Test func actionsByTheAxisOfTheirLinks() throws {
        #expect(try rows("actions where links.target.axis = 6 select id") == [["pst-citoyennete", "1.1"], ["pst-citoyennete", "1.3"]])
        #expect(try rows("actions where links.target.axis = 5 select id", Fixtures.seed) == [["1.2"]])
    }

    @Test func aPCSActionKnowsWhoLinksToIt() throws {
        #expect(try rows("actions where plan = \"PCS III\" select id, linkedFrom.source.plan, linkedFrom.source.id") == [
            ["PCS III", "5.5.02", "pst-citoyennete", "1.2"],
            ["PCS III", "6.1.01", "", ""],
            ["PCS III", "6.1.04", "pst-citoyennete", "1.3"],
        ])
        #expect(try rows("actions where linkedFrom is missing and plan = \"PCS III\" select id") == [["PCS III", "6.1.01"]])
    }

    /// Rows of several plans name their plan, with a select too; grouped rows do not.
    @Test func rowsOfSeveralPlansNameTheirPlan() throws {
        #expect(try run("actions where id = \"1.1\" select id", Self.pstAndPCS).columns == ["plan", "id"])
        #expect(try run("actions select plan, id limit 1", Self.pstAndPCS).columns == ["plan", "id"])
        #expect(try run("links select ref limit 1", Self.pstAndPCS).columns == ["source.plan", "ref"])
        #expect(try run("links select action.plan, ref limit 1", Self.pstAndPCS).columns == ["action.plan", "ref"])
        #expect(try run("links limit 1", Self.pstAndPCS).columns == ["source.plan", "action", "relation", "plan", "kind", "ref", "status"])
        #expect(try run("actions select count()", Self.pstAndPCS).columns == ["count()"])
        #expect(try run("actions group by plan select plan, count()", Self.pstAndPCS).columns == ["plan", "count()"])
        #expect(try run("actions select id limit 1", Fixtures.seed).columns == ["id"])
    }
}

/// `article.economic` is the economic code; the sub-code and the chart's form have their own fields.
@Suite struct ArticlePartsTests {
    @Test func economicIsTheEconomicCode() throws {
        #expect(try run("budget where action = \"3.2\" select article, article.economic, article.subCode, article.economicCode").rows.map { $0.map(\.text) }
                == [["84021/124-02", "124", "02", "124-02"]])
        #expect(try run("articles where economic = \"124\" select code, economic, subCode, economicCode").rows.map { $0.map(\.text) }
                == [["84021/124-02", "124", "02", "124-02"]])
        #expect(try run("budget where article.economic = \"124-02\" select count()").rows[0][0] == .integer(0))
    }
}
