import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// Arithmetic whose result is too large to hold exactly is unknown: beyond 64 bits for whole
/// numbers, beyond 2^53 for decimal numbers, as for amounts.
@Suite struct NumberLimitsTests {
    @Test(arguments: [
        ("9999999999999999999 * 9999999999999999", "??"),
        ("9999999999999999999 + 0", "??"),
        ("4611686018427387904 * 2.5", "??"),
        ("9007199254740993 / 2", "??"),
        ("9223372036854775807 + 1", "??"),
        ("0 - 9223372036854775807 - 2", "??"),
        ("1000000 * 1.5", "1500000"),
        ("0.5 - 3", "-2.5"),
        ("9223372036854775806 + 1", "9223372036854775807"),
        ("10 / 4", "2.5"),
        ("1.5 * 2", "3"),
        ("1 / 3 * 3", "1"),
    ])
    func tooLargeIsUnknown(_ expression: String, _ expected: String) throws {
        #expect(try run("actions select \(expression) limit 1").rows.map { $0.map(\.text) } == [[expected]])
    }

    /// Amounts were already held to 64 bits of cents; they stay so, and an amount times an
    /// amount is a decimal number held to 2^53.
    @Test func amounts() throws {
        #expect(try run("budget where action = \"3.1\" select amount * 92233720368547758, amount * amount, amount * amount * amount * amount").rows.map { $0.map(\.text) }
            == [["??", "900000000", "??"]])
    }
}
