import PlanKit

/// A query compiled against the schema: paths resolved, literals converted, patterns compiled.
///
/// Compile once, run on any number of contexts, from any number of threads at once: what a run
/// keeps while it runs is its own (``QueryRun``).
public struct CompiledQuery: Sendable {
    /// Whether a row passes the filter, given the run's state.
    typealias Predicate = @Sendable (QueryContext, Int, QueryRun) -> Bool
    typealias Collect = @Sendable (QueryContext, Int) -> QueryValue

    enum Column: Sendable {
        case path(Collect)
        case aggregate(AggregateFunction, ValueAccessor?, ValueType?, QueryLocation)
    }

    enum SortTarget: Sendable {
        case column(Int)
        case path(Collect)
    }

    /// The query it was compiled from.
    public let query: Query
    let collection: QueryCollection
    let predicate: Predicate?
    let columnNames: [String]
    let columns: [Column]
    let groupKeys: [Collect]
    /// The small number the one group key depends on, when it has one.
    let groupDense: DenseKey?
    let grouped: Bool
    let sort: [(SortTarget, Bool)]
    let matchers: [TextMatcher]

    /// The seconds a regular expression may take, per run, by default.
    public static let defaultRegexBudget = 5.0

    /// Runs the query over `context`.
    ///
    /// - Parameters:
    ///   - context: The plans to run over.
    ///   - regexBudget: The seconds each regular expression may take over the run; a pattern
    ///     that needs more stops the query with an error instead of running unbounded.
    /// - Throws: ``QueryError`` when a sum overflows or a pattern runs out of time.
    public func run(_ context: QueryContext, regexBudget: Double = CompiledQuery.defaultRegexBudget) throws(QueryError) -> ResultTable {
        let run = QueryRun(matchers: matchers.map { $0.start(context, seconds: regexBudget) })
        let table = try evaluate(context, run)
        if let slow = zip(matchers, run.matchers).first(where: { $0.1.exceeded }) {
            throw QueryError("This regular expression takes more than \(regexBudget.formatted()) s over the loaded plans; make it simpler or more specific.", at: slow.0.location)
        }
        return table
    }

    private func evaluate(_ context: QueryContext, _ run: QueryRun) throws(QueryError) -> ResultTable {
        let count = collection.count(context)
        var selected: [Int] = []
        selected.reserveCapacity(count)
        if let predicate {
            for i in 0..<count where predicate(context, i, run) { selected.append(i) }
        } else {
            selected = Array(0..<count)
        }
        var rows: [[QueryValue]] = []
        var keys: [[QueryValue]] = []
        if grouped {
            let groups = gather(selected, context)
            for members in groups.members {
                var row: [QueryValue] = []
                for column in columns {
                    switch column {
                    case .path(let collect): row.append(members.first.map { collect(context, $0) } ?? .missing)
                    case .aggregate(let function, let accessor, let type, let location):
                        row.append(try Self.aggregate(function, accessor, type, members, context, location))
                    }
                }
                rows.append(row)
            }
            keys = rows
        } else {
            rows.reserveCapacity(selected.count)
            for i in selected {
                rows.append(columns.map { column in
                    if case .path(let collect) = column { return collect(context, i) }
                    return .missing
                })
                if !sort.isEmpty {
                    keys.append(sort.map { target, _ in
                        switch target {
                        case .column: .missing
                        case .path(let collect): collect(context, i)
                        }
                    })
                }
            }
        }
        if !sort.isEmpty {
            let order = rows.indices.sorted { a, b in
                for (k, (target, descending)) in sort.enumerated() {
                    let x: QueryValue, y: QueryValue
                    switch target {
                    case .column(let c): x = rows[a][c]; y = rows[b][c]
                    case .path: x = keys[a][k]; y = keys[b][k]
                    }
                    var c = QueryValue.order(x, y)
                    if descending && !(x.isState || y.isState) { c = -c }
                    if c != 0 { return c < 0 }
                }
                return a < b
            }
            rows = order.map { rows[$0] }
        }
        if let limit = query.limit, rows.count > limit { rows.removeSubrange(limit...) }
        return ResultTable(columns: columnNames, rows: rows)
    }

}
