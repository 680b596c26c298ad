import Foundation
import PlanKit

/// Paths of the repository's fixtures, found from this file's location.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/\(name)").path }

    static func plan(_ name: String) throws -> Plan {
        let plans = try PlanReader().read(path: path(name))
        guard plans.count == 1, let plan = plans.first else { throw FixtureError.notOnePlan(name) }
        return plan
    }

    enum FixtureError: Error { case notOnePlan(String) }
}

extension Plan {
    /// The action with id `id`; fails the test when absent.
    func action(_ id: String) -> Action? { actions.first { $0.id == id } }
}
