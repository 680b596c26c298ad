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

    @Test(arguments: ["article", "article.code", "article.function", "article.main", "article.economic", "article.subCode", "article.economicCode", "article.service",
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

    /// A state test on a value of the line's article reads it from the article number; it
    /// answers as the value itself says, for lines with and without an article.
    @Test(arguments: ["article", "article.official", "article.year", "article.main"], ["missing", "empty", "unknown", "none"])
    func stateTestsOnArticleValues(_ key: String, _ state: String) throws {
        let planSet = Self.context.planSet
        func value(_ article: BudgetArticle?) -> QueryValue {
            guard let article else { return .missing }
            switch key {
            case "article.official": return article.official.map { .text($0.label) } ?? .missing
            case "article.year": return article.year.map { .integer(Int64($0)) } ?? .missing
            case "article.main": return .text(article.mainFunction)
            default: return .text(article.code)
            }
        }
        let inState = planSet.budgetLines.map { entry -> Bool in
            let v = value(entry.article.map { planSet.lineArticles[$0] })
            switch state {
            case "missing": return v == .missing
            case "empty": return v == .missing || v == .none
            case "unknown": return v == .unknown
            default: return v == .none
            }
        }
        let count = { (text: String) throws -> QueryValue in try run(text, Self.context).rows[0][0] }
        #expect(try count("budget where \(key) is \(state) select count()") == .integer(Int64(inState.filter { $0 }.count)))
        #expect(try count("budget where \(key) is not \(state) select count()") == .integer(Int64(inState.filter { !$0 }.count)))
        #expect(planSet.budgetLines.contains { $0.article == nil } && planSet.budgetLines.contains { $0.article != nil })
    }

    /// `~` on a value of the line's article matches each article's value once; the lines it
    /// keeps are those whose article's value matches; on lines without an article or without
    /// the value the match is unknown, so neither `~` nor `not … ~` keeps them.
    @Test(arguments: ["article", "article.main", "article.official", "article.function"], ["^84", "0", "frais", "^1.*-0[12]$", "zzz"])
    func matchesOnArticleValues(_ key: String, _ pattern: String) throws {
        let planSet = Self.context.planSet
        let matcher = try TextMatcher(pattern, at: QueryLocation(offset: 0, line: 1, column: 1, length: 1))
        let kept = planSet.budgetLines.map { entry -> Bool? in
            guard let article = entry.article.map({ planSet.lineArticles[$0] }) else { return nil }
            let text: String? = switch key {
            case "article.official": article.official?.label
            case "article.main": article.mainFunction
            case "article.function": article.function
            default: article.code
            }
            return text.map { matcher.matches($0, in: Self.context) }
        }
        let count = { (text: String) throws -> QueryValue in try run(text, Self.context).rows[0][0] }
        let quoted = pattern.replacingOccurrences(of: "\\", with: "\\\\")
        #expect(try count("budget where \(key) ~ \"\(quoted)\" select count()") == .integer(Int64(kept.filter { $0 == true }.count)))
        #expect(try count("budget where not \(key) ~ \"\(quoted)\" select count()") == .integer(Int64(kept.filter { $0 == false }.count)))
        // One compiled query run over two plans, then over the same two loaded the other way
        // round (the same articles, numbered otherwise): what a run remembers does not carry over.
        let query = "budget where \(key) ~ \"\(quoted)\" select \(key)"
        let compiled = try Compiler.compile(try Parser.parse(query), planCount: 2)
        for files in [["pst-cohesion.tsv", "pst-citoyennete.tsv"], ["pst-citoyennete.tsv", "pst-cohesion.tsv"]] {
            let other = try Fixtures.context(files[0], files[1])
            #expect(try compiled.run(other).rows == (try run(query, other)).rows)
        }
    }

    @Test func groupsByMainFunctionOfTheSeed() throws {
        let table = try run("budget group by article.main select article.main, count()")
        #expect(table.rows.map { $0.map(\.text) } == [["", "6"], ["840", "3"], ["104", "1"], ["832", "1"]])
    }
}
