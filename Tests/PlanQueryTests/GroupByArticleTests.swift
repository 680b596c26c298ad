import Testing
import PlanKit
@testable import PlanQuery

/// Grouping budget lines by a value of their article makes each article's value once and sends
/// rows to their article's group; the groups, their order and their rows are those of grouping
/// row by row.
@Suite struct GroupByArticleTests {
    static let context: QueryContext = {
        do {
            return try Fixtures.context("pst-citoyennete.tsv", "pst-cohesion.tsv", "pst-forms.csv", "pst-faults.tsv",
                                        "pcs-citoyenneville.tsv", "demo-pst-201805V1.xml")
        } catch { fatalError("fixtures unreadable: \(error)") }
    }()

    @Test(arguments: ["article", "article.code", "article.function", "article.main", "article.economic", "article.service",
                      "article.official", "article.year", "article.label"])
    func groupsAsRowByRow(_ key: String) throws {
        let compiled = try Compiler.compile(try Parser.parse("budget group by \(key) select \(key), count(), sum(amount)"),
                                            planCount: Self.context.planSet.plans.count)
        // The label depends on the line, not on its article: it is grouped row by row.
        #expect((compiled.groupDense != nil) == (key != "article.label"))
        let fast = try compiled.run(Self.context)
        // Two keys are grouped row by row; the second repeats the first.
        let slow = try run("budget group by \(key), kind select \(key), count(), sum(amount)", Self.context)
        var expected: [(QueryValue, Int64)] = []
        for row in slow.rows {
            guard case .integer(let count) = row[1] else { continue }
            if let index = expected.firstIndex(where: { $0.0 == row[0] }) {
                expected[index].1 += count
            } else {
                expected.append((row[0], count))
            }
        }
        #expect(fast.rows.map(\.[0]) == expected.map(\.0))
        #expect(fast.rows.map(\.[1]) == expected.map { .integer($0.1) })
        #expect(fast.rows.count > 2)
    }

    @Test func groupsByMainFunctionOfTheSeed() throws {
        let table = try run("budget group by article.main select article.main, count()")
        #expect(table.rows.map { $0.map(\.text) } == [["", "6"], ["840", "3"], ["104", "1"], ["832", "1"]])
    }
}
