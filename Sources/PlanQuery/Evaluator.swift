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
            var groups: [[Int]] = []
            var groupValues: [[QueryValue]] = []
            if groupKeys.isEmpty {
                // Aggregates without group by: one group of every selected row.
                groups = [selected]
                groupValues = [[]]
            } else if groupKeys.count == 1, let key = groupKeys.first, let dense = groupDense {
                // A key that depends on a small number of the row: its value is made once a
                // number, and rows go to their number's group. Groups come in the order of their
                // first row, as below.
                let count = dense.count(context)
                var groupOfNumber = [Int](repeating: -1, count: count + 1)
                var groupIndex: [QueryValue: Int] = [:]
                for i in selected {
                    let number = dense.index(context, i) ?? count
                    guard number >= 0 && number <= count else {
                        // Not a number the key knows: the row's own value decides.
                        let value = key(context, i)
                        if let g = groupIndex[value] { groups[g].append(i) } else {
                            groupIndex[value] = groups.count
                            groups.append([i])
                            groupValues.append([value])
                        }
                        continue
                    }
                    var g = groupOfNumber[number]
                    if g < 0 {
                        let value = number == count ? QueryValue.missing : dense.value(context, number)
                        if let known = groupIndex[value] {
                            g = known
                        } else {
                            g = groups.count
                            groupIndex[value] = g
                            groups.append([])
                            groupValues.append([value])
                        }
                        groupOfNumber[number] = g
                    }
                    groups[g].append(i)
                }
            } else if groupKeys.count == 1, let key = groupKeys.first {
                // One key, the usual case: no array per row.
                var groupIndex: [QueryValue: Int] = [:]
                for i in selected {
                    let value = key(context, i)
                    if let g = groupIndex[value] {
                        groups[g].append(i)
                    } else {
                        groupIndex[value] = groups.count
                        groups.append([i])
                        groupValues.append([value])
                    }
                }
            } else {
                var groupIndex: [[QueryValue]: Int] = [:]
                for i in selected {
                    let values = groupKeys.map { $0(context, i) }
                    if let g = groupIndex[values] {
                        groups[g].append(i)
                    } else {
                        groupIndex[values] = groups.count
                        groups.append([i])
                        groupValues.append(values)
                    }
                }
            }
            for (members, _) in zip(groups, groupValues) {
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

    static func aggregate(_ function: AggregateFunction, _ accessor: ValueAccessor?, _ type: ValueType?, _ members: [Int],
                          _ context: QueryContext, _ location: QueryLocation) throws(QueryError) -> QueryValue {
        guard let accessor else { return .integer(Int64(members.count)) }
        // One pass over the members' known values, keeping only what the function needs.
        var count: Int64 = 0
        var total: Int64 = 0
        var overflow = false
        var best: QueryValue?
        for i in members {
            _ = accessor(context, i) { value in
                if value.isState { return false }
                count += 1
                switch function {
                case .count: break
                case .sum, .avg:
                    let add: Int64
                    switch value {
                    case .money(let m): add = m.cents
                    case .integer(let n): add = n
                    default: return false
                    }
                    let (s, o) = total.addingReportingOverflow(add)
                    if o { overflow = true } else { total = s }
                case .min, .max:
                    if let current = best {
                        let c = QueryValue.order(value, current)
                        if function == .min ? c < 0 : c > 0 { best = value }
                    } else {
                        best = value
                    }
                }
                return false
            }
        }
        switch function {
        case .count:
            return .integer(count)
        case .sum, .avg:
            if overflow {
                throw QueryError("\(function.rawValue)() overflows: the total is too large to hold; narrow the rows with where.", at: location)
            }
            if count == 0 { return .missing }
            if function == .sum { return type == .money ? .money(Money(cents: total)) : .integer(total) }
            if type == .money {
                let (q, r) = total.quotientAndRemainder(dividingBy: count)
                return .money(Money(cents: q + (r.magnitude * 2 >= count.magnitude ? (total < 0 ? -1 : 1) : 0)))
            }
            return .decimal(Double(total) / Double(count))
        case .min, .max:
            return best ?? .missing
        }
    }
}

/// What one run of a compiled query keeps while it runs: each text matcher's ``TextMatcher/Run``,
/// in the order of ``CompiledQuery/matchers``. Made for one run and used only by the thread
/// running it; runs at the same time, of one query or over one context, share none of it.
final class QueryRun {
    /// The matchers' states.
    let matchers: [TextMatcher.Run]

    init(matchers: [TextMatcher.Run]) { self.matchers = matchers }
}

/// Compiles queries against ``Schema``.
public enum Compiler {
    /// Parses and compiles `text`.
    public static func compile(_ text: String) throws(QueryError) -> CompiledQuery {
        try compile(try Parser.parse(text))
    }

    /// Compiles a parsed query.
    ///
    /// - Throws: ``QueryError`` for an unknown collection or field, a wrong type, or a misused aggregate.
    public static func compile(_ query: Query, planCount: Int = 1) throws(QueryError) -> CompiledQuery {
        guard let collection = Schema.collection(query.collection) else {
            let names = Schema.collections.map(\.name)
            let hint = Suggestions.closest(to: query.collection, in: names).map { "did you mean '\($0)'?" } ?? "collections are \(names.joined(separator: ", "))."
            throw QueryError("Unknown collection '\(query.collection)'; \(hint)", at: query.collectionLocation)
        }
        let root = collection.recordType
        var matchers: [TextMatcher] = []
        let predicate = try query.filter.map { (e) throws(QueryError) in try compile(e, root, &matchers) }

        var items = query.select ?? collection.defaultColumns.map { SelectItem.path(Path(components: [$0], locations: [query.collectionLocation]), alias: nil) }
        if query.select == nil {
            if !query.groupBy.isEmpty {
                items = query.groupBy.map { SelectItem.path($0, alias: nil) } + [.aggregate(.count, nil, alias: nil, query.collectionLocation)]
            } else if planCount > 1, let source = collection.sourcePlan {
                let components = source.split(separator: ".").map(String.init)
                items.insert(.path(Path(components: components, locations: components.map { _ in query.collectionLocation }), alias: nil), at: 0)
            }
        }
        let hasAggregate = items.contains { if case .aggregate = $0 { return true } else { return false } }
        let grouped = hasAggregate || !query.groupBy.isEmpty
        let groupNames = Set(query.groupBy.map { $0.description.lowercased() })
        var columns: [CompiledQuery.Column] = []
        for item in items {
            switch item {
            case .path(let path, _):
                if grouped && !groupNames.contains(path.description.lowercased()) {
                    throw QueryError(query.groupBy.isEmpty
                        ? "'\(path)' is neither grouped nor aggregated; add group by \(path), or wrap it in an aggregate such as count() or sum()."
                        : "'\(path)' is not in group by; add it to group by, or wrap it in an aggregate such as count() or min().", at: path.location)
                }
                let resolved = try resolve(path, root)
                columns.append(.path(collector(resolved.accessor)))
            case .aggregate(let function, let path, _, let location):
                if let path {
                    let resolved = try resolve(path, root)
                    if function == .sum || function == .avg, resolved.type != .money, resolved.type != .integer {
                        throw QueryError("\(function.rawValue)() adds amounts or numbers, and '\(path)' is \(resolved.type.rawValue); use count(\(path)), or min() and max().", at: path.location)
                    }
                    columns.append(.aggregate(function, resolved.accessor, resolved.type, location))
                } else {
                    columns.append(.aggregate(function, nil, nil, location))
                }
            }
        }
        let resolvedKeys = try query.groupBy.map { (path) throws(QueryError) in try resolve(path, root) }
        let groupKeys = resolvedKeys.map { collector($0.accessor) }
        let groupDense = resolvedKeys.count == 1 ? resolvedKeys[0].denseKey : nil
        let names = items.map(\.name)
        var sort: [(CompiledQuery.SortTarget, Bool)] = []
        for key in query.sort {
            let name = key.path.description.lowercased()
            if let index = names.firstIndex(where: { $0.lowercased() == name }) {
                sort.append((.column(index), key.descending))
            } else if grouped {
                throw QueryError("Cannot sort grouped rows by '\(key.path)'; sort by one of the result's columns: \(names.joined(separator: ", ")).", at: key.path.location)
            } else {
                sort.append((.path(collector(try resolve(key.path, root).accessor)), key.descending))
            }
        }
        return CompiledQuery(query: query, collection: collection, predicate: predicate, columnNames: names, columns: columns,
                             groupKeys: groupKeys, groupDense: groupDense, grouped: grouped, sort: sort, matchers: matchers)
    }

    static func collector(_ accessor: @escaping ValueAccessor) -> CompiledQuery.Collect {
        { context, index in
            var first: QueryValue?
            var more: [QueryValue] = []
            _ = accessor(context, index) { value in
                if let head = first {
                    if more.isEmpty { more.append(head) }
                    more.append(value)
                } else {
                    first = value
                }
                return false
            }
            if !more.isEmpty { return .list(more) }
            return first ?? .missing
        }
    }

    struct Resolved {
        var accessor: ValueAccessor
        var type: ValueType
        /// The folded column of a field at the root of the collection, when it has one.
        var foldedColumn: FoldedColumn.Key? = nil
        /// The small number of the row the value depends on, when it has one.
        var denseKey: DenseKey? = nil
    }

    /// Resolves a dotted path from a record type to a value accessor.
    static func resolve(_ path: Path, _ root: String) throws(QueryError) -> Resolved {
        guard var record = Schema.recordTypes[root] else {
            throw QueryError("Internal: no record type \(root).", at: path.location)
        }
        var hop: RecordAccessor?
        // Whether every record on the way is the root's row itself.
        var sameRow = true
        for (index, name) in path.components.enumerated() {
            let location = path.locations[index]
            guard let field = record.field(name) else {
                let names = record.fields.map(\.name)
                let subject = index == 0 ? root : path.components[..<index].joined(separator: ".")
                let hint = Suggestions.closest(to: name, in: names).map { "did you mean '\($0)'?" } ?? "fields are \(names.joined(separator: ", "))."
                throw QueryError("Unknown field '\(name)' on \(subject); \(hint)", at: location)
            }
            let isLast = index == path.components.count - 1
            switch field.kind {
            case .value(let type, let accessor):
                guard isLast else {
                    throw QueryError("'\(field.name)' is a \(type.rawValue) and has no fields; end the path at \(path.components[...index].joined(separator: ".")).", at: path.locations[index + 1])
                }
                return Resolved(accessor: chain(hop, accessor), type: type, foldedColumn: hop == nil ? field.foldedColumn : nil,
                                denseKey: sameRow ? field.denseKey : nil)
            case .record(let typeName, _, let accessor):
                guard let next = Schema.recordTypes[typeName] else {
                    throw QueryError("Internal: no record type \(typeName).", at: location)
                }
                hop = chain(hop, accessor)
                sameRow = sameRow && field.sameRow
                record = next
                if isLast {
                    guard let (type, selfAccessor) = record.selfValue else {
                        throw QueryError("'\(path)' is a record; name one of its fields: \(record.fields.map(\.name).joined(separator: ", ")).", at: location)
                    }
                    return Resolved(accessor: chain(hop, selfAccessor), type: type, denseKey: sameRow ? record.selfDense : nil)
                }
            }
        }
        throw QueryError("Expected a field name.", at: path.location)
    }

    static func isInState(_ value: QueryValue, _ state: StateTest) -> Bool {
        switch state {
        case .unknown: value == .unknown
        case .none: value == .none
        case .missing: value == .missing
        case .empty: value == .none || value == .missing
        }
    }

    static func negate(_ test: @escaping CompiledQuery.Predicate, _ negated: Bool) -> CompiledQuery.Predicate {
        guard negated else { return test }
        return { c, i, r in !test(c, i, r) }
    }

    static func chain(_ hop: RecordAccessor?, _ accessor: @escaping ValueAccessor) -> ValueAccessor {
        guard let hop else { return accessor }
        return { context, index, emit in hop(context, index) { j in accessor(context, j, emit) } }
    }

    static func chain(_ hop: RecordAccessor?, _ accessor: @escaping RecordAccessor) -> RecordAccessor {
        guard let hop else { return accessor }
        return { context, index, visit in hop(context, index) { j in accessor(context, j, visit) } }
    }

    /// Converts a literal to a value comparable with a field of type `type`.
    package static func convert(_ literal: Literal, to type: ValueType, path: Path, at location: QueryLocation) throws(QueryError) -> QueryValue {
        switch (type, literal) {
        case (.money, .number(let text)):
            guard let money = Money(decimal: text) else {
                throw QueryError("\(text) is not an amount PlanKit can hold; write euros with at most two decimals, below 92 233 720 368 547 758.", at: location)
            }
            return .money(money)
        case (.integer, .number(let text)), (.deadline, .number(let text)):
            if let n = Int64(text) { return .integer(n) }
            if type == .integer, !text.contains("."), text.count > 18 {
                throw QueryError("\(text) is too large a number; numbers here fit in 64 bits.", at: location)
            }
            guard type == .integer, let d = Double(text) else {
                throw QueryError("'\(path)' compares with a year, a whole number; write it without decimals.", at: location)
            }
            return .decimal(d)
        case (.id, .number(let text)), (.id, .string(let text)): return .id(text)
        case (.text, .string(let text)): return .text(text)
        case (.text, .number(let text)): return .text(text)
        case (.bool, .bool(let b)): return .bool(b)
        case (.deadline, _):
            throw QueryError("'\(path)' is a deadline; compare it with a year (\(path) < 2022), or use \(path).text ~ \"…\".", at: location)
        default:
            let what: String = switch type {
            case .money: "an amount; compare it with a number of euros, as in \(path) > 1000"
            case .integer: "a number; compare it with a number"
            case .bool: "true or false; compare it with true or false"
            default: "text; compare it with a string in double quotes"
            }
            throw QueryError("'\(path)' is \(what).", at: location)
        }
    }

    /// Compiles a condition to a predicate over row indexes of `root`.
    static func compile(_ expression: QueryExpression, _ root: String, _ matchers: inout [TextMatcher]) throws(QueryError) -> CompiledQuery.Predicate {
        switch expression {
        case .and(let terms):
            var predicates: [CompiledQuery.Predicate] = []
            for term in terms { predicates.append(try compile(term, root, &matchers)) }
            let compiled = predicates
            return { c, i, r in compiled.allSatisfy { $0(c, i, r) } }
        case .or(let terms):
            var predicates: [CompiledQuery.Predicate] = []
            for term in terms { predicates.append(try compile(term, root, &matchers)) }
            let compiled = predicates
            return { c, i, r in compiled.contains { $0(c, i, r) } }
        case .not(let inner):
            let compiled = try compile(inner, root, &matchers)
            return { c, i, r in !compiled(c, i, r) }
        case .comparison(let path, let op, let literal, let location):
            let resolved = try resolve(path, root)
            let value = try convert(literal, to: resolved.type, path: path, at: location)
            let accessor = resolved.accessor
            return { c, i, _ in
                accessor(c, i) { v in
                    guard !v.isState, let r = QueryValue.compare(v, value) else { return false }
                    return op.holds(r)
                }
            }
        case .match(let path, let pattern, let negated, let location):
            let resolved = try resolve(path, root)
            guard [.text, .id, .deadline].contains(resolved.type) else {
                throw QueryError("~ matches text, and '\(path)' is \(resolved.type == .money ? "an amount" : resolved.type.rawValue); compare it with =, <, >.", at: path.location)
            }
            var built = try TextMatcher(pattern, at: location)
            // A literal over a field with a folded column scans the column (see `TextMatcher.start`).
            if built.isLiteral, let column = resolved.foldedColumn { built.column = column }
            let matcher = built
            // The matcher's state in a run is at its index in the run's states.
            let index = matchers.count
            matchers.append(matcher)
            if matcher.column != nil { return negate({ _, i, r in matcher.matchesColumnRow(i, in: r.matchers[index]) }, negated) }
            if let dense = resolved.denseKey {
                // Each value matched once, through the row's number; no number means a missing
                // value, which matches nothing, as the accessor says.
                let test: CompiledQuery.Predicate = { c, i, r in
                    guard let number = dense.index(c, i) else { return false }
                    let run = r.matchers[index]
                    return matcher.matches(number: number, of: dense.count(c), in: run) {
                        switch dense.value(c, number) {
                        case .text(let s), .id(let s): matcher.matches(s, in: c, run)
                        case .deadline(let d): matcher.matches(d.description, in: c, run)
                        default: false
                        }
                    }
                }
                return negate(test, negated)
            }
            let accessor = resolved.accessor
            let test: CompiledQuery.Predicate = { c, i, r in
                let run = r.matchers[index]
                return accessor(c, i) { v in
                    switch v {
                    case .text(let s), .id(let s): matcher.matches(s, in: c, run)
                    case .deadline(let d): matcher.matches(d.description, in: c, run)
                    default: false
                    }
                }
            }
            return negate(test, negated)
        case .membership(let path, let literals, let negated):
            let resolved = try resolve(path, root)
            let values = try literals.map { (l) throws(QueryError) in try convert(l, to: resolved.type, path: path, at: path.location) }
            let accessor = resolved.accessor
            let test: CompiledQuery.Predicate = { c, i, _ in
                accessor(c, i) { v in !v.isState && values.contains { QueryValue.compare(v, $0) == 0 } }
            }
            return negate(test, negated)
        case .state(let path, let state, let negated):
            let resolved = try resolve(path, root)
            if let dense = resolved.denseKey {
                // The value straight from the row's number, without the chain of records; no
                // number means a missing value, as the accessor says.
                let test: CompiledQuery.Predicate = { c, i, _ in
                    guard let number = dense.index(c, i) else { return Self.isInState(.missing, state) }
                    return Self.isInState(dense.value(c, number), state)
                }
                return negate(test, negated)
            }
            let accessor = resolved.accessor
            let test: CompiledQuery.Predicate = { c, i, _ in
                var any = false
                let hit = accessor(c, i) { v in
                    any = true
                    return Self.isInState(v, state)
                }
                return hit || (!any && (state == .missing || state == .empty))
            }
            return negate(test, negated)
        case .truth(let path):
            let resolved = try resolve(path, root)
            guard resolved.type == .bool else {
                throw QueryError("'\(path)' is \(resolved.type.rawValue), not true or false; compare it, as in \(path) = \"…\" or \(path) is unknown.", at: path.location)
            }
            let accessor = resolved.accessor
            return { c, i, _ in accessor(c, i) { $0 == .bool(true) } }
        }
    }
}
