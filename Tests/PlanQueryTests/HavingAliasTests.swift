import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// `having` names a select item by its alias, as `sort by` does: the alias stands for the item.
@Suite struct HavingAliasTests {
    func rows(_ text: String) throws -> [[String]] { try run(text).rows.map { $0.map(\.text) } }

    @Test func anAliasedSumFiltersTheGroups() throws {
        #expect(try rows("budget group by action select action, sum(amount) as s having s > 20000 sort by s") == [["3.1", "30000"]])
        #expect(try rows("budget group by action select action, sum(amount) as s having s is incomplete") == [["1.1", "15000 + ?"]])
    }

    /// Each alias keeps the groups the item it names keeps, in every form of condition.
    @Test(arguments: [
        ("budget group by action select action, sum(amount) as s, count() as n having s > 20000 or n > 1",
         "budget group by action select action, sum(amount), count() having sum(amount) > 20000 or count() > 1"),
        ("budget group by action select action, sum(amount) as s having not (s <= 20000)",
         "budget group by action select action, sum(amount) having not (sum(amount) <= 20000)"),
        ("budget group by action select action, count() as n having n in (1, 3)",
         "budget group by action select action, count() having count() = 1 or count() = 3"),
        ("budget group by action select action, count() as n having n not in (1)",
         "budget group by action select action, count() having count() != 1"),
        ("budget group by action select action, sum(amount) as s having s is unknown",
         "budget group by action select action, sum(amount) having sum(amount) is unknown"),
        ("budget group by action select action, sum(amount) / count() as mean having mean >= 10000",
         "budget group by action select action, sum(amount) / count() having sum(amount) / count() >= 10000"),
        ("budget group by action select action as a, sum(amount) as S having A = \"3.1\" or s + 0 < 5000",
         "budget group by action select action, sum(amount) having action = \"3.1\" or sum(amount) + 0 < 5000"),
    ] as [(String, String)])
    func anAliasStandsForItsItem(_ aliased: String, _ plain: String) throws {
        let expected = try rows(plain)
        #expect(!expected.isEmpty)
        #expect(try rows(aliased) == expected)
    }
}
