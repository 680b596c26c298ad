import Testing
import PlanKit
@testable import PlanQuery

/// `is` and `is not` on a field with one value a row test that value as it is; they keep the
/// rows whose value, as `select` shows it, is in the state (or not), on fixtures with amounts,
/// labels and credits known, unknown, none and missing.
@Suite struct StateTestTests {
    static var context: QueryContext { GroupByArticleTests.context }

    @Test(arguments: ["amount", "label", "note", "credit", "kind", "level", "text", "action.title", "deadline"],
          ["unknown", "none", "missing", "empty", "known", "incomplete"])
    func stateOfOneValueARow(_ field: String, _ state: String) throws {
        let collection = field == "deadline" ? "actions" : "budget"
        let test = try #require(StateTest(rawValue: state))
        let values = try run("\(collection) select \(field)", Self.context).rows.map { $0[$0.count - 1] }
        let inState = values.filter { Compiler.isInState($0, test) }.count
        let count = { (text: String) throws -> QueryValue in try run(text, Self.context).rows[0][0] }
        #expect(try count("\(collection) where \(field) is \(state) select count()") == .integer(Int64(inState)))
        #expect(try count("\(collection) where \(field) is not \(state) select count()") == .integer(Int64(values.count - inState)))
    }

    /// The fixtures have every state the tests name, so no case passes for want of rows.
    @Test func fixturesHaveEveryState() throws {
        let amounts = try run("budget select amount", Self.context).rows.map { $0[$0.count - 1] }
        for test in [StateTest.unknown, .known] {
            #expect(amounts.contains { Compiler.isInState($0, test) }, "no amount is \(test)")
        }
        let labels = try run("budget select label", Self.context).rows.map { $0[$0.count - 1] }
        #expect(labels.contains { Compiler.isInState($0, .missing) } && labels.contains { Compiler.isInState($0, .known) })
    }
}
