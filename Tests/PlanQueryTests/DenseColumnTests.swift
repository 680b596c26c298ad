import Testing
import PlanKit
@testable import PlanQuery

/// A dense column holds each budget line's value of an article field as a class: the class's
/// value is the line's value, classes are the different values in the order of their first line,
/// and a class's state bits answer every state test as the value itself does.
@Suite struct DenseColumnTests {
    /// The fixtures the grouping tests read: lines with and without articles, official and not.
    static var context: QueryContext { GroupByArticleTests.context }

    /// The article fields whose values a dense column holds, the record's own value (`article`) first.
    static let keys: [(String, DenseKey)] = [("article", Schema.articleCode)] + Schema.lineArticle.fields.compactMap { field in
        field.denseKey.map { ("article.\(field.name)", $0) }
    }

    @Test func everyArticleFieldButTheLabelHasOne() {
        #expect(Self.keys.map(\.0) == ["article", "article.code", "article.function", "article.main", "article.economic", "article.subCode",
                                       "article.economicCode", "article.service", "article.official", "article.year"])
        #expect(Set(Self.keys.map(\.1.id)).count == Self.keys.count)
    }

    @Test(arguments: keys.map(\.0))
    func classesHoldEachLinesValue(_ name: String) throws {
        let key = try #require(Self.keys.first { $0.0 == name }?.1)
        let context = Self.context
        let column = DenseColumn(key, over: context)
        let lines = context.planSet.budgetLines.count
        #expect(column.classes.count == lines)
        var firstSeen: [QueryValue] = []
        for line in 0..<lines {
            let value = key.value(ofRow: line, in: context)
            #expect(column.values[Int(column.classes[line])] == value, "line \(line)")
            if !firstSeen.contains(value) { firstSeen.append(value) }
        }
        // One class a different value, in the order of first lines.
        #expect(column.values == firstSeen)
        #expect(column.values.contains(.missing))
        for (k, test) in StateTest.allCases.enumerated() {
            for (c, value) in column.values.enumerated() {
                #expect((column.states[c] >> k) & 1 == (Compiler.isInState(value, test) ? 1 : 0), "\(value) is \(test)")
            }
        }
    }

    /// The column a context keeps is made once and is the one made afresh.
    @Test func contextMakesEachColumnOnce() {
        let context = QueryContext(Self.context.planSet)
        let first = context.denseColumn(Schema.articleCode)
        let again = context.denseColumn(Schema.articleCode)
        let fresh = DenseColumn(Schema.articleCode, over: context)
        #expect(first.classes == again.classes && first.values == again.values)
        #expect(first.classes == fresh.classes && first.values == fresh.values && first.states == fresh.states)
        #expect(first.values.count == context.planSet.lineArticles.count + 1)
    }
}
