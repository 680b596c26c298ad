import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// Comparisons of two operands are checked for types as literals are: amounts and numbers
/// compare with each other, dates and deadlines with each other, a deadline with a year, texts
/// and ids with each other, true or false with true or false; any other pair is refused with
/// the caret under the operand compared.
@Suite struct ComparisonTypeTests {
    static let forms: QueryContext = {
        do { return try Fixtures.context("pst-forms.csv") } catch { fatalError("pst-forms.csv unreadable: \(error)") }
    }()

    @Test(arguments: [
        ("budget where amount > label select count()", """
            query:1:23: error: 'amount' is an amount and 'label' is text; compare an amount with an amount or a number of euros, as in amount > 1000.
            budget where amount > label select count()
                                  ^^^^^
            """),
        ("actions where deadline.end > total select count()", """
            query:1:30: error: 'deadline.end' is a date and 'total' is an amount; compare a date with a date or a deadline, as in deadline.end < today().
            actions where deadline.end > total select count()
                                         ^^^^^
            """),
        ("actions where title > progress", """
            query:1:23: error: 'title' is text and 'progress' is a number; compare text with text, as in title = "…".
            actions where title > progress
                                  ^^^^^^^^
            """),
        ("budget where label = amount * 2 + 1", """
            query:1:22: error: 'label' is text and 'amount * 2 + 1' is an amount; compare text with text, as in label = "…".
            budget where label = amount * 2 + 1
                                 ^^^^^^^^^^^^^^
            """),
        ("actions where progress < deadline.end", """
            query:1:26: error: 'progress' is a number and 'deadline.end' is a date; compare a number with a number or an amount, as in progress > 10.
            actions where progress < deadline.end
                                     ^^^^^^^^^^^^
            """),
        ("actions where deadline = title", """
            query:1:26: error: 'deadline' is a deadline and 'title' is text; compare a deadline with a date (deadline < today()) or a year (deadline < 2022).
            actions where deadline = title
                                     ^^^^^
            """),
        ("actions where pending = deadline.end", """
            query:1:25: error: 'pending' is true or false and 'deadline.end' is a date; compare true or false with true or false.
            actions where pending = deadline.end
                                    ^^^^^^^^^^^^
            """),
        ("actions where id > total", """
            query:1:20: error: 'id' is an id and 'total' is an amount; compare text with text, as in id = "…".
            actions where id > total
                               ^^^^^
            """),
        ("budget group by action select action having sum(amount) > max(label)", """
            query:1:59: error: 'sum(amount)' is an amount and 'max(label)' is text; compare an amount with an amount or a number of euros, as in sum(amount) > 1000.
            budget group by action select action having sum(amount) > max(label)
                                                                      ^^^^^^^^^^
            """),
        // A literal written first is checked against the other side, which its message names.
        ("actions where \"abc\" < total select id", """
            query:1:15: error: 'total' is an amount; compare it with a number of euros, as in total > 1000.
            actions where "abc" < total select id
                          ^^^^^
            """),
    ])
    func incomparableOperandsAreRefused(_ query: String, _ message: String) {
        #expect(errorMessage(query) == message)
    }

    /// The pairs that compare keep doing so, both ways round.
    @Test(arguments: [
        ("budget where credit > amount select action", ["3.2"]),
        ("budget where amount * 5 > credit select action", ["3.2"]),
        ("articles where credit > allocated select code", ["84021/124-02"]),
        ("actions where total > progress or total >= 0 select id", ["1.2", "1.3", "3.1", "3.2"]),
        ("actions where deadline.end > deadline.start select id", ["1.1", "1.3", "3.1"]),
        ("actions where deadline >= deadline.end select id", ["1.1", "1.3", "3.1"]),
        ("actions where deadline.end = deadline select id", ["1.1", "1.3", "3.1"]),
        ("actions where deadline = deadline select id", ["1.1", "1.3", "3.1"]),
        ("actions where deadline = deadline.end.year select id", ["1.1", "1.3", "3.1"]),
        ("actions where title != objective.title select id", ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3"]),
        ("actions where id = code select id", []),
        ("links where action = source.id and ref = target.id select ref", ["6", "5.5.02", "6.1.04"]),
    ] as [(String, [String])])
    func comparablePairsCompare(_ query: String, _ ids: [String]) throws {
        #expect(try firstColumn(query) == ids)
    }

    /// A deadline compares with a date string by its end, as with date("…"), both ways round;
    /// so does a year written first.
    @Test(arguments: [
        ("actions where deadline > \"2021-06-30\" select id", ["1.2", "1.3", "1.4", "1.5", "2.3"]),
        ("actions where deadline > date(\"2021-06-30\") select id", ["1.2", "1.3", "1.4", "1.5", "2.3"]),
        ("actions where deadline <= \"30/06/2021\" select id", ["1.1", "2.4"]),
        ("actions where deadline in (\"2022-05-31\", \"2020-12-31\") select id", ["1.3", "2.4"]),
        ("actions where date(\"2021-06-30\") < deadline select id", ["1.2", "1.3", "1.4", "1.5", "2.3"]),
        ("actions where today() > deadline select id", ["1.1", "2.4"]),
        ("actions where 2022 = deadline select id", ["1.3", "1.4"]),
    ] as [(String, [String])])
    func deadlinesCompareWithDateStrings(_ query: String, _ ids: [String]) throws {
        let parsed = try Parser.parse(query, environment: QueryEnvironment(today: Day(iso: "2021-07-01")))
        let table = try Compiler.compile(parsed).run(Self.forms)
        #expect(table.rows.map { $0[0].text } == ids)
    }

    @Test func aDeadlineAndTextThatIsNoDateIsRefused() {
        #expect(errorMessage("actions where deadline > \"July\"") == """
            query:1:26: error: 'deadline' is a deadline; compare it with a year (deadline < 2022) or a date (deadline.end < today()), or use deadline.text ~ "…".
            actions where deadline > "July"
                                     ^^^^^^
            """)
    }
}
