import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// A query answered over plans parsed only for the fields it reads gives the answer it gives
/// over plans read whole.
@Suite struct FieldsReadTests {
    static let fixtures = ["pst-citoyennete.tsv", "pst-forms.csv", "pcs-citoyenneville.tsv", "pst-cohesion.tsv", "pst-faults.tsv"]

    /// Every field of every collection's records, and one level into the records they lead to.
    static let fieldQueries: [String] = {
        var queries: [String] = []
        for collection in Schema.collections {
            guard let type = Schema.recordTypes[collection.recordType] else { continue }
            var paths: [String] = []
            for field in type.fields {
                paths.append(field.name)
                if let nested = field.recordTypeName.flatMap({ Schema.recordTypes[$0] }) {
                    paths += nested.fields.map { "\(field.name).\($0.name)" }
                }
            }
            queries.append(collection.name)
            for path in paths {
                queries.append("\(collection.name) select \(path)")
                queries.append("\(collection.name) where \(path) is not missing select count()")
            }
        }
        return queries
    }()

    static let otherQueries = [
        "budget where article ~ \"^84\" select count(amount), sum(amount)",
        "budget where article is not missing group by article.main select article.main, sum(amount), count() sort by article.main",
        "actions where budget.article ~ \"840\"",
        "actions where title ~ \"citoyen\" sort by deadline desc limit 3",
        "links group by status select status, count()",
        "articles sort by allocated desc",
    ] + DocExample.all().map(\.query)

    static func context(fields: PlanFields) throws -> QueryContext {
        let plans = try fixtures.flatMap { try PlanReader(fields: fields).read(path: Fixtures.path($0)) }
        return QueryContext(PlanSet(plans))
    }

    static let whole: QueryContext = {
        do { return try context(fields: .all) } catch { fatalError("fixtures unreadable: \(error)") }
    }()

    @Test func everyFieldIsCovered() {
        #expect(Self.fieldQueries.count > 150)
    }

    @Test(arguments: fieldQueries + otherQueries)
    func projectedAnswerMatchesWhole(_ text: String) throws {
        let query = try Parser.parse(text)
        let projected = try Self.context(fields: query.fieldsRead)
        let compiled = try Compiler.compile(query, planCount: projected.planSet.plans.count)
        #expect(OutputFormat.csv.render(try compiled.run(projected)) == OutputFormat.csv.render(try compiled.run(Self.whole)))
    }

    @Test(arguments: [
        ("plans select name", PlanFields()),
        ("plans select warnings", PlanFields.all),
        ("actions select id, objective.title", PlanFields()),
        ("actions where deadline.year = 2020", [.deadline, .titles]),
        ("budget where article ~ \"84\" select sum(amount)", .budget),
        ("budget select action.pilot.political", [.budget, .pilots]),
        ("budget group by action select action, sum(amount) as s having s > 20000", .budget),
        ("budget group by action select action, count() as label having label > 1", .budget),
        ("links select status", .titles),
        ("findings", .all),
        ("nonsense", .all),
    ] as [(String, PlanFields)])
    func fieldsReadByQuery(_ text: String, _ expected: PlanFields) throws {
        #expect(try Parser.parse(text).fieldsRead == expected)
    }
}
