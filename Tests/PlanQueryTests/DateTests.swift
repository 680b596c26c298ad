import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// `deadline.start` and `deadline.end` as dates, date literals, `today()` and `year(…)`.
@Suite struct DateTests {
    static let forms: QueryContext = {
        do { return try Fixtures.context("pst-forms.csv") } catch { fatalError("pst-forms.csv unreadable: \(error)") }
    }()
    static let julyFirst = QueryEnvironment(today: Day(iso: "2021-07-01"))

    func rows(_ text: String, _ context: QueryContext = DateTests.forms, environment: QueryEnvironment = DateTests.julyFirst) throws -> [[String]] {
        let query = try Parser.parse(text, environment: environment)
        return try Compiler.compile(query, planCount: context.planSet.plans.count).run(context).rows.map { $0.map(\.text) }
    }

    /// Every deadline form has its first and last day; ongoing and unknown deadlines have none.
    @Test func eachFormHasItsDays() throws {
        #expect(try rows("actions select id, deadline, deadline.start, deadline.end") == [
            ["1.1", "1er sem. 2021", "2021-01-01", "2021-06-30"],
            ["1.2", "T3 2021", "2021-07-01", "2021-09-30"],
            ["1.3", "mai 2022", "2022-05-01", "2022-05-31"],
            ["1.4", "fin 2022", "2022-01-01", "2022-12-31"],
            ["1.5", "2019-2024", "2019-01-01", "2024-12-31"],
            ["2.1", "en continu", "", ""],
            ["2.2", "??", "??", "??"],
            ["2.3", "2023", "2023-01-01", "2023-12-31"],
            ["2.4", "2e sem. 2020", "2020-07-01", "2020-12-31"],
            ["2.5", "??", "??", "??"],
        ])
        #expect(try rows("actions where deadline.end.month = 9 select id, deadline.end.day") == [["1.2", "30"]])
        #expect(try rows("actions where deadline.start is missing select id") == [["2.1"]])
    }

    @Test func overdueActions() throws {
        #expect(try rows("actions where deadline.end < today() select id") == [["1.1"], ["2.4"]])
        #expect(try rows("actions where deadline < today() select id") == [["1.1"], ["2.4"]])
        #expect(try rows("actions where deadline.end < today() select id", environment: QueryEnvironment(today: Day(iso: "2021-01-01"))) == [["2.4"]])
    }

    @Test func overdueAndNotDone() throws {
        let context = try Fixtures.context("ecomptes-export-levels.xml")
        let late = QueryEnvironment(today: Day(iso: "2025-01-01"))
        #expect(try rows("actions where deadline.end < today() select id, status", context, environment: late) == [["3", "done"], ["4.5", "problem"]])
        #expect(try rows("actions where deadline.end < today() and status != \"done\" select id", context, environment: late) == [["4.5"]])
    }

    @Test func dueThisYear() throws {
        #expect(try rows("actions where deadline.end.year = year(today()) select id") == [["1.1"], ["1.2"]])
        #expect(try rows("actions where deadline.year = year(date(\"2022-03-01\")) select id") == [["1.3"], ["1.4"]])
    }

    @Test func dateLiterals() throws {
        #expect(try rows("actions where deadline.end = \"2022-05-31\" select id") == [["1.3"]])
        #expect(try rows("actions where deadline.start >= date(\"2022-01-01\") select id") == [["1.3"], ["1.4"], ["2.3"]])
        #expect(try rows("actions where deadline.end in (\"2021-06-30\", \"2020-12-31\") select id") == [["1.1"], ["2.4"]])
    }

    @Test(arguments: [
        ("actions where deadline.end < \"2021-02-30\"", """
            query:1:30: error: 'deadline.end' is a date, and "2021-02-30" is not one; write it as "YYYY-MM-DD", such as "2021-07-01", or today().
            actions where deadline.end < "2021-02-30"
                                         ^^^^^^^^^^^^
            """),
        ("actions where deadline.end < date(\"July\")", """
            query:1:35: error: "July" is not a date; write it as "YYYY-MM-DD", such as "2021-07-01".
            actions where deadline.end < date("July")
                                              ^^^^^^
            """),
        ("actions where deadline.end < 2021", """
            query:1:30: error: 'deadline.end' is a date; compare it with a date such as "2021-07-01", date("2021-07-01") or today().
            actions where deadline.end < 2021
                                         ^^^^
            """),
        ("actions where deadline.year = year(2021)", """
            query:1:36: error: year() takes a date, as in year(today()) or year(date("2021-07-01")).
            actions where deadline.year = year(2021)
                                               ^^^^
            """),
    ])
    func mistakesAreNamed(_ query: String, _ message: String) {
        #expect(errorMessage(query, Self.forms) == message)
    }
}
