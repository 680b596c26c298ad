import Testing
import PlanKit
@testable import PlanQuery

/// Grouping by two keys, one of them with several values a row (a cell naming two agents): a
/// row goes to the group of each combination of its values, once; the groups are those of
/// grouping by the second key the rows of each value of the first.
@Suite struct GroupByKeysTests {
    static var context: QueryContext { GroupByArticleTests.context }

    @Test(arguments: [("actions", "pilot.agent", "deadline.year"), ("actions", "pilot.service", "plan"),
                      ("budget", "kind", "article.main"), ("budget", "action.pilot.agent", "kind")])
    func groupsAreEachValuesGroups(_ collection: String, _ first: String, _ second: String) throws {
        let both = try run("\(collection) group by \(first), \(second) select \(first), \(second), count()", Self.context).rows
        var expected: [[QueryValue]] = []
        for value in try run("\(collection) group by \(first) select \(first)", Self.context).rows.map({ $0[0] }) {
            let condition: String = switch value {
            case .missing: "\(first) is missing"
            case .unknown: "\(first) is unknown"
            case .none: "\(first) is none"
            default: "\(first) = \(Self.literal(value))"
            }
            for row in try run("\(collection) where \(condition) group by \(second) select \(second), count()", Self.context).rows {
                expected.append([value] + row)
            }
        }
        let order = { (rows: [[QueryValue]]) in rows.map { $0.map(\.text) }.sorted { $0.joined(separator: "\u{1}") < $1.joined(separator: "\u{1}") } }
        #expect(order(both) == order(expected))
        #expect(both.count > 2)
    }

    static func literal(_ value: QueryValue) -> String {
        switch value {
        case .integer(let n): "\(n)"
        default: "\"" + value.text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }
}
