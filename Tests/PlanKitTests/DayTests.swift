import Foundation
import PlanKit
import Testing

@Suite struct DayTests {
    @Test(arguments: [
        ("2021-07-01", "2021-07-01"), ("01/07/2021", "2021-07-01"), ("1/7/2021", "2021-07-01"),
        ("2020-02-29", "2020-02-29"),
    ])
    func reads(text: String, expected: String) {
        #expect(Day(iso: text)?.description == expected)
    }

    @Test(arguments: ["2021-02-29", "2021-13-01", "2021-7-1", "20210701", "", "2021-07-01T00:00", "31/06/2021"])
    func refuses(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func todayPrefersTheOptionThenTheEnvironment() throws {
        let env = ["PLANKIT_TODAY": "2021-07-01"]
        #expect(try Day.today(option: "2022-01-15", environment: env).description == "2022-01-15")
        #expect(try Day.today(option: nil, environment: env).description == "2021-07-01")
        #expect(throws: Day.InvalidToday(source: "PLANKIT_TODAY", text: "July")) {
            try Day.today(option: nil, environment: ["PLANKIT_TODAY": "July"])
        }
        #expect(Day.InvalidToday(source: "--today", text: "x").description
            == "--today 'x' is not a date; write it as YYYY-MM-DD, such as 2021-07-01.")
    }

    @Test(arguments: [
        (Deadline.year(2020), "2020-01-01", "2020-12-31"),
        (.semester(2, year: 2020), "2020-07-01", "2020-12-31"),
        (.semester(1, year: 2021), "2021-01-01", "2021-06-30"),
        (.quarter(1, year: 2024), "2024-01-01", "2024-03-31"),
        (.month(2, year: 2024), "2024-02-01", "2024-02-29"),
        (.day(30, month: 6, year: 2020), "2020-06-30", "2020-06-30"),
        (.period(from: 2019, to: 2024), "2019-01-01", "2024-12-31"),
        (.endOfYear(2022), "2022-01-01", "2022-12-31"),
    ])
    func deadlineSpans(deadline: Deadline, start: String, end: String) {
        #expect(deadline.start?.description == start)
        #expect(deadline.end?.description == end)
    }

    @Test func ongoingHasNoDates() {
        #expect(Deadline.ongoing.start == nil)
        #expect(Deadline.ongoing.end == nil)
    }
}
