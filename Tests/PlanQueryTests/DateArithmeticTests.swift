import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// A date plus or minus a whole number of days is a date, a date minus a date a number of
/// days, `year(…)` takes any date; every other arithmetic on dates is refused.
@Suite struct DateArithmeticTests {
    static let julyFirst = QueryEnvironment(today: Day(iso: "2021-07-01"))

    func rows(_ text: String, _ context: QueryContext = ComparisonTypeTests.forms) throws -> [[String]] {
        let query = try Parser.parse(text, environment: Self.julyFirst)
        return try Compiler.compile(query).run(context).rows.map { $0.map(\.text) }
    }

    /// Month, leap-year and year edges, both ways; beyond the years 1 to 9999, or a number of
    /// days that is not whole, is unknown.
    @Test(arguments: [
        ("date(\"2021-07-01\") + 1", "2021-07-02"),
        ("today() - 30", "2021-06-01"),
        ("1 + today()", "2021-07-02"),
        ("date(\"2021-03-01\") - 1", "2021-02-28"),
        ("date(\"2020-03-01\") - 1", "2020-02-29"),
        ("date(\"2020-02-28\") + 1", "2020-02-29"),
        ("date(\"2000-02-28\") + 1", "2000-02-29"),
        ("date(\"1900-02-28\") + 1", "1900-03-01"),
        ("date(\"2021-12-31\") + 1", "2022-01-01"),
        ("date(\"2022-01-01\") - 1", "2021-12-31"),
        ("date(\"2021-01-31\") + 30", "2021-03-02"),
        ("date(\"2021-07-01\") + 365", "2022-07-01"),
        ("date(\"2021-07-01\") - -1", "2021-07-02"),
        ("date(\"2021-07-01\") + 10 / 2", "2021-07-06"),
        ("date(\"2021-07-01\") - date(\"2020-07-01\")", "365"),
        ("date(\"2020-07-01\") - date(\"2021-07-01\")", "-365"),
        ("date(\"2024-03-01\") - date(\"2024-02-01\")", "29"),
        ("date(\"2021-07-01\") - date(\"2021-07-01\")", "0"),
        ("year(today() - 200)", "2020"),
        ("date(\"2021-07-01\") + 7 / 2", "??"),
        ("date(\"9999-12-31\") + 1", "??"),
        ("date(\"0001-01-01\") - 1", "??"),
        ("date(\"2021-07-01\") + 9223372036854775807", "??"),
        ("date(\"2021-07-01\") + 99999999999999999999", "??"),
        ("date(\"2021-07-01\") - (0 - 9223372036854775807 - 1)", "??"),
    ])
    func literalDates(_ expression: String, _ expected: String) throws {
        #expect(try rows("actions select \(expression) limit 1") == [[expected]])
    }

    /// Overdue by more than 30 days leaves out what is overdue by fewer; unknown and ongoing
    /// deadlines give unknown, not a date.
    @Test func fieldsAndToday() throws {
        #expect(try rows("actions where deadline.end < today() select id") == [["1.1"], ["2.4"]])
        #expect(try rows("actions where deadline.end < today() - 30 select id") == [["2.4"]])
        #expect(try rows("actions where today() - deadline.end > 30 select id") == [["2.4"]])
        #expect(try rows("actions select id, deadline.end + 1, deadline.end - deadline.start, year(deadline.end), deadline.end.year") == [
            ["1.1", "2021-07-01", "180", "2021", "2021"],
            ["1.2", "2021-10-01", "91", "2021", "2021"],
            ["1.3", "2022-06-01", "30", "2022", "2022"],
            ["1.4", "2023-01-01", "364", "2022", "2022"],
            ["1.5", "2025-01-01", "2191", "2024", "2024"],
            ["2.1", "??", "??", "", ""],
            ["2.2", "??", "??", "??", "??"],
            ["2.3", "2024-01-01", "364", "2023", "2023"],
            ["2.4", "2021-01-01", "183", "2020", "2020"],
            ["2.5", "??", "??", "??", "??"],
        ])
        #expect(try rows("actions where deadline.end - 30 is unknown select id") == [["2.1"], ["2.2"], ["2.5"]])
    }

    @Test func year() throws {
        #expect(try rows("actions where year(deadline.end) = 2020 select id", Fixtures.seed) == [["1.1"], ["1.3"], ["3.1"]])
        #expect(try rows("actions where year(deadline.start) < year(deadline.end) select id") == [["1.5"]])
        #expect(try rows("actions where year(deadline.end) is missing select id") == [["2.1"]])
        #expect(try rows("actions group by objective select objective, max(deadline.end) - min(deadline.start), year(max(deadline.end)) having year(max(deadline.end)) > 2022") == [
            ["1", "2191", "2024"], ["2", "1278", "2023"],
        ])
    }

    @Test(arguments: [
        ("actions select deadline.end * 2", """
            query:1:16: error: 'deadline.end' is a date, which takes + and - only: add or subtract a whole number of days (deadline.end + 30), or subtract another date for the days between them.
            actions select deadline.end * 2
                           ^^^^^^^^^^^^
            """),
        ("actions select 2 / today()", """
            query:1:20: error: 'date("2021-07-01")' is a date, which takes + and - only: add or subtract a whole number of days (date("2021-07-01") + 30), or subtract another date for the days between them.
            actions select 2 / today()
                               ^^^^^
            """),
        ("actions select deadline.end + deadline.start", """
            query:1:31: error: Two dates do not add up; subtract one from the other for the days between them, as in deadline.end - deadline.start.
            actions select deadline.end + deadline.start
                                          ^^^^^^^^^^^^^^
            """),
        ("actions select 30 - deadline.end", """
            query:1:21: error: A number minus a date is no date; write the date first, as in deadline.end - 30.
            actions select 30 - deadline.end
                                ^^^^^^^^^^^^
            """),
        ("actions where deadline.end + total > today()", """
            query:1:30: error: 'total' is an amount, and a date takes a whole number of days, as in deadline.end + 30.
            actions where deadline.end + total > today()
                                         ^^^^^
            """),
        ("actions select deadline.end + 1.5", """
            query:1:31: error: 1.5 is not a whole number of days; a date takes whole days, as in deadline.end + 30.
            actions select deadline.end + 1.5
                                          ^^^
            """),
        ("actions select deadline + 1", """
            query:1:16: error: 'deadline' is a deadline; compute with its dates, as in deadline.end + 30 or deadline.end - deadline.start.
            actions select deadline + 1
                           ^^^^^^^^
            """),
        ("actions where deadline.end - 30 > 2021", """
            query:1:35: error: 'deadline.end - 30' is a date; compare it with a date such as "2021-07-01", date("2021-07-01") or today().
            actions where deadline.end - 30 > 2021
                                              ^^^^
            """),
        ("actions where deadline.end - deadline.start > deadline.end", """
            query:1:47: error: 'deadline.end - deadline.start' is a number and 'deadline.end' is a date; compare a number with a number or an amount, as in deadline.end - deadline.start > 10.
            actions where deadline.end - deadline.start > deadline.end
                                                          ^^^^^^^^^^^^
            """),
        ("actions select year(deadline)", """
            query:1:21: error: year() takes a date, and 'deadline' is a deadline; write year(deadline.end), the year it is due by.
            actions select year(deadline)
                                ^^^^^^^^
            """),
        ("actions where year(title) = 2020", """
            query:1:20: error: year() takes a date, as in year(deadline.end) or year(today()), and 'title' is text.
            actions where year(title) = 2020
                               ^^^^^
            """),
        ("actions where year(deadline.end) = \"2020\"", """
            query:1:36: error: 'year(deadline.end)' is a number; compare it with a number.
            actions where year(deadline.end) = "2020"
                                               ^^^^^^
            """),
    ])
    func mistakesAreNamed(_ query: String, _ message: String) {
        #expect(errorMessage(query, ComparisonTypeTests.forms, environment: Self.julyFirst) == message)
    }
}
