import Foundation
import PlanKit
@testable import PlanQuery

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/\(name)").path }

    static func context(_ names: String...) throws -> QueryContext {
        QueryContext(PlanSet(try names.flatMap { try PlanReader().read(path: path($0)) }))
    }

    static let seed: QueryContext = {
        do { return try context("pst-citoyennete.tsv") } catch { fatalError("seed fixture unreadable: \(error)") }
    }()
}

/// Runs `text` over `context`, `today()` taken from `environment`.
func run(_ text: String, _ context: QueryContext = Fixtures.seed, environment: QueryEnvironment = QueryEnvironment()) throws -> ResultTable {
    try Compiler.compile(try Parser.parse(text, environment: environment), planCount: context.planSet.plans.count).run(context)
}

/// The texts of the first column.
func firstColumn(_ text: String, _ context: QueryContext = Fixtures.seed) throws -> [String] {
    try run(text, context).rows.map { $0[0].text }
}

/// The rendered error of a query that must fail.
func errorMessage(_ text: String, _ context: QueryContext = Fixtures.seed, environment: QueryEnvironment = QueryEnvironment()) -> String? {
    do {
        _ = try run(text, context, environment: environment)
        return nil
    } catch let error as QueryError {
        return error.rendered(source: text)
    } catch {
        return "\(error)"
    }
}
