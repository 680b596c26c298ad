import PlanKit

/// A query compiled against the schema: paths resolved, literals converted, patterns compiled.
///
/// Compile once, run on any number of contexts, from any number of threads at once: what a run
/// keeps while it runs is its own (``QueryRun``).
public struct CompiledQuery: Sendable {
    /// Whether a row passes the filter, given the run's state.
    typealias Predicate = @Sendable (QueryContext, Int, QueryRun) -> Truth
    typealias Collect = @Sendable (QueryContext, Int) -> QueryValue

    indirect enum Column: Sendable {
        /// A row's value; in a group, its first row's.
        case path(Collect)
        case aggregate(AggregateFunction, ValueAccessor?, ValueType?, QueryLocation)
        /// The group's value of `group by` key number `n`.
        case key(Int)
        /// A value computed over a group's rows.
        case group(Compiler.GroupValue)
        /// The column's values as percentages of their sum.
        case percent(Column)
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
    /// The `group by` keys; a row with several values of a key goes to each value's group.
    let groupKeys: [ValueAccessor]
    /// The small number the one group key depends on, when it has one.
    let groupDense: DenseKey?
    /// The record the one group key is, when it is an action or objective of several plans.
    let groupIdentity: Compiler.RecordIdentity?
    let grouped: Bool
    /// The `having` condition.
    let having: Compiler.GroupPredicate?
    let sort: [(SortTarget, Bool)]
    let matchers: [TextMatcher]
    /// The dense keys whose columns the conditions read.
    let denseKeys: [DenseKey]

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
        let run = QueryRun(matchers: matchers.map { $0.start(context, seconds: regexBudget) },
                           columns: denseKeys.map { context.denseColumn($0) })
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
            for i in 0..<count where predicate(context, i, run) == .yes { selected.append(i) }
        } else {
            selected = Array(0..<count)
        }
        var rows: [[QueryValue]] = []
        var keys: [[QueryValue]] = []
        if grouped {
            let groups = gather(selected, context)
            for (members, key) in zip(groups.members, groups.keys) {
                if let having, try having(context, members) != .yes { continue }
                var row: [QueryValue] = []
                for column in columns { row.append(try Self.value(of: column, members, key, context)) }
                rows.append(row)
            }
            keys = rows
        } else {
            rows.reserveCapacity(selected.count)
            for i in selected {
                rows.append(columns.map { column in
                    switch column {
                    case .path(let collect), .percent(.path(let collect)): collect(context, i)
                    default: .missing
                    }
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
        for (c, column) in columns.enumerated() {
            if case .percent = column { Self.percentages(&rows, column: c) }
        }
        if query.distinct {
            var seen = Set<[QueryValue]>()
            var kept: [Int] = []
            for (r, row) in rows.enumerated() where seen.insert(row).inserted { kept.append(r) }
            if kept.count < rows.count {
                rows = kept.map { rows[$0] }
                if grouped { keys = rows } else if !keys.isEmpty { keys = kept.map { keys[$0] } }
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


    /// A column's value for a group's rows.
    static func value(of column: Column, _ members: [Int], _ key: [QueryValue], _ context: QueryContext) throws(QueryError) -> QueryValue {
        switch column {
        case .path(let collect): members.first.map { collect(context, $0) } ?? .missing
        case .key(let n): n < key.count ? key[n] : .missing
        case .aggregate(let function, let accessor, let type, let location):
            try aggregate(function, accessor, type, members, context, location)
        case .group(let value): try value(context, members)
        case .percent(let inner): try Self.value(of: inner, members, key, context)
        }
    }

    /// Replaces column `c`'s values by their share of the column's sum, in percent with one
    /// decimal; unknown where the value is not a known number or the sum is zero, and in every
    /// row when a value is unknown or an incomplete sum, for the sum is then not known.
    static func percentages(_ rows: inout [[QueryValue]], column c: Int) {
        var total = 0.0
        var totalKnown = true
        for row in rows {
            switch row[c] {
            case .unknown, .incomplete, .incompleteNumber: totalKnown = false
            default: if row[c].isKnown { total += row[c].number ?? 0 }
            }
        }
        for r in rows.indices {
            guard totalKnown, rows[r][c].isKnown, let x = rows[r][c].number, total != 0 else { rows[r][c] = .unknown; continue }
            rows[r][c] = .decimal((x / total * 1000).rounded() / 10)
        }
    }
}
