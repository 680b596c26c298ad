import Foundation
import PlanKit

/// What a query's text may name beyond the plans: the parameters `$name` stands for, and the
/// day `today()` is.
///
/// Parameters come from `--param NAME=VALUE` on the command line; today from `--today`,
/// `PLANKIT_TODAY` or the clock (``PlanKit/Day/today(option:environment:now:)``).
///
/// ```swift
/// let environment = QueryEnvironment(parameters: ["year": "2021"], today: Day(iso: "2021-07-01"))
/// let query = try Parser.parse("actions where deadline.year = $year", environment: environment)
/// ```
public struct QueryEnvironment: Sendable, Hashable {
    /// The parameters' values by name (without the `$`), as given: a value that reads as a number
    /// (`2021`, `-3`, `1500.50`) is a number, any other a text, as literals are.
    public var parameters: [String: String]
    /// The day `today()` stands for; `nil` for `PLANKIT_TODAY`, else the clock, read when a query is parsed.
    public var today: Day?

    /// An environment with `parameters` and `today`.
    public init(parameters: [String: String] = [:], today: Day? = nil) {
        self.parameters = parameters
        self.today = today
    }

    /// Reads `NAME=VALUE` as one parameter.
    ///
    /// - Returns: The name and the value, or `nil` when there is no `=` or the name is not a
    ///   word of letters, digits and `_` starting with a letter or `_`.
    public static func parameter(_ assignment: String) -> (name: String, value: String)? {
        guard let equal = assignment.firstIndex(of: "=") else { return nil }
        let name = String(assignment[..<equal])
        guard let first = name.first, first.isLetter || first == "_",
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return (name, String(assignment[assignment.index(after: equal)...]))
    }

    /// The day `today()` stands for: ``today`` when set, else `PLANKIT_TODAY`, else the clock.
    func day(at location: QueryLocation) throws(QueryError) -> Day {
        if let today { return today }
        do {
            return try Day.today(option: nil, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw QueryError("\(error.description) Or unset it to use the clock.", at: location)
        }
    }
}
