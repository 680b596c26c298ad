import Foundation
import Testing
@testable import PlanQuery

@Suite struct HostileQueryTests {
    static let crashers: [String] = {
        let directory = Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/query").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }()

    @Test(arguments: crashers)
    func crashersRunOrFailCleanly(_ name: String) throws {
        let text = String(decoding: try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/crashers/query/\(name)")), as: UTF8.self)
        do {
            let table = try run(text)
            for format in OutputFormat.allCases { _ = format.render(table, options: .init(width: 40)) }
        } catch let error as QueryError {
            #expect(!error.rendered(source: text).isEmpty)
        }
    }

    @Test(arguments: [
        ("actions where title ~ \"(a+)+$\"", "Nested repetition such as (a+)+ can take exponential time; repeat the group or its content, not both."),
        ("actions where title ~ \"(x|xx)*y\"", "Nested repetition such as (a+)+ can take exponential time; repeat the group or its content, not both."),
        ("actions where title ~ \"((a*)b)+\"", "Nested repetition such as (a+)+ can take exponential time; repeat the group or its content, not both."),
        ("actions where title ~ \"(a)\\\\1\"", "Back-references (\\1) can take exponential time; match the text without them."),
    ])
    func catastrophicPatternsAreRefused(_ query: String, _ message: String) {
        do {
            _ = try run(query)
            Issue.record("accepted: \(query)")
        } catch let error as QueryError {
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func longPatternsAreRefused() {
        let query = "actions where title ~ \"" + String(repeating: "a.", count: 600) + "\""
        #expect(errorMessage(query)?.contains("longer than 1000 characters") == true)
    }

    @Test(arguments: [
        "actions limit 99999999999999999999",
        "budget where amount > 99999999999999999999",
        "actions where deadline.year = 99999999999999999999",
        "actions where id = \"\u{0}\"",
        "actions \u{0}",
        "actions where title ~ \"\u{FFFD}\u{FFFD}\"",
        String(repeating: "(", count: 100_000),
        "actions where " + String(repeating: "not ", count: 100_000) + "pending",
        String(decoding: [0x61, 0x63, 0xFF, 0xFE, 0x74], as: UTF8.self),
    ])
    func hostileQueriesFailCleanlyOrRun(_ query: String) {
        do { _ = try run(query) } catch let error as QueryError {
            #expect(error.location.line >= 1)
            #expect(!error.rendered(source: query).isEmpty)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func sumsThatOverflowAreErrors() throws {
        let huge = QueryValue.money(.init(cents: Int64.max))
        #expect(throws: QueryError.self) {
            try CompiledQuery.aggregate(.sum, { _, _, emit in _ = emit(huge); return emit(huge) }, .money, [0], Fixtures.seed, QueryLocation(offset: 0, line: 1, column: 1))
        }
    }
}

@Suite struct RegexBudgetTests {
    /// A pattern no rule refuses but that backtracks polynomially: the budget stops it.
    @Test func slowPatternStopsWithAnError() throws {
        let query = "actions where text ~ \"" + String(repeating: ".*", count: 12) + "zzz\""
        let compiled = try Compiler.compile(try Parser.parse(query))
        let start = Date()
        #expect(throws: QueryError("This regular expression takes more than 0.2 s over the loaded plans; make it simpler or more specific.",
                                   at: QueryLocation(offset: 21, line: 1, column: 22, length: 29))) {
            try compiled.run(Fixtures.seed, regexBudget: 0.2)
        }
        #expect(Date().timeIntervalSince(start) < 30)
        // The same compiled query, with time enough, is not marked as slow forever.
        let quick = try Compiler.compile(try Parser.parse("actions where text ~ \"(en|cfr) .*PCS\" select id"))
        #expect(try quick.run(Fixtures.seed, regexBudget: 5).rows.map { $0[0].text } == ["1.1", "1.2", "1.3"])
    }
}
