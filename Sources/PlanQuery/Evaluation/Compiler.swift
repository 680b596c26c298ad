import PlanKit

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
        let query = normalisingPlanNames(query)
        guard let collection = Schema.collection(query.collection) else {
            let names = Schema.collections.map(\.name)
            let hint = Suggestions.closest(to: query.collection, in: names).map { "did you mean '\($0)'?" } ?? "collections are \(names.joined(separator: ", "))."
            throw QueryError("Unknown collection '\(query.collection)'; \(hint)", at: query.collectionLocation)
        }
        let root = collection.recordTypeID
        var needs = RunNeeds()
        let predicate = try query.filter.map { (e) throws(QueryError) in try compile(e, root, &needs) }

        var items = query.select ?? collection.defaultColumns.map { SelectItem.path(Path(components: [$0], locations: [query.collectionLocation]), alias: nil) }
        if query.select == nil, !query.groupBy.isEmpty {
            items = query.groupBy.map { SelectItem.path($0, alias: nil) } + [.aggregate(.count, nil, alias: nil, query.collectionLocation)]
        }
        let hasAggregate = items.contains { $0.operand.hasAggregate }
        if query.having != nil, !hasAggregate, query.groupBy.isEmpty {
            throw QueryError("having filters groups, so it needs a group by (as in budget group by action having count() > 1) or aggregates in select (as in budget select count() having count() > 1); to filter rows, use where.",
                             at: query.havingLocation ?? query.collectionLocation)
        }
        // Rows of several plans say which plan each comes from: the plan column comes first,
        // unless the rows are grouped or distinct, or the select names it already.
        func addPlanColumn(_ source: String, also others: [String] = []) {
            let names = [source] + others
            let named = items.contains { item in
                if case .path(let path, _) = item { return names.contains(path.description.lowercased()) }
                return false
            }
            guard !named else { return }
            let components = source.split(separator: ".").map(String.init)
            items.insert(.path(Path(components: components, locations: components.map { _ in query.collectionLocation }), alias: nil), at: 0)
        }
        if planCount > 1, !hasAggregate, !query.distinct, query.groupBy.isEmpty, query.having == nil, let source = collection.sourcePlan {
            addPlanColumn(source, also: source == "source.plan" ? ["action.plan"] : [])
        }
        // With several plans, an action or objective key groups by the record itself, not by
        // its number: action 1.1 of two plans makes two groups, and the rows say each one's plan.
        var identityKeys: [Int: RecordIdentity] = [:]
        if planCount > 1 {
            for (n, path) in query.groupBy.enumerated() {
                if let identity = try recordIdentity(path, root) { identityKeys[n] = identity }
            }
            if let first = identityKeys.keys.min() {
                let key = query.groupBy[first].description.lowercased()
                addPlanColumn(key + ".plan", also: collection.sourcePlan == "plan" && root != .link ? ["plan"] : [])
            }
        }
        let grouped = hasAggregate || !query.groupBy.isEmpty || query.having != nil
        let scope = GroupScope(root: root, keys: query.groupBy.map { $0.description.lowercased() }, hasGroupBy: !query.groupBy.isEmpty)
        var columns: [CompiledQuery.Column] = []
        for item in items {
            switch item {
            case .path(let path, _):
                if grouped { try checkGrouped(path, scope) }
                let resolved = try resolve(path, root)
                if let n = scope.keys.firstIndex(of: path.description.lowercased()), identityKeys[n] == nil {
                    columns.append(.key(n))
                    continue
                }
                columns.append(.path(collector(resolved.accessor)))
            case .expression(.percent(let inner, _), _, _):
                columns.append(.percent(grouped ? .group(try groupValue(inner, scope)) : .path(try rowValue(inner, root))))
            case .expression(.literal(let literal, let location), _, let written) where literal.isTextOrTruth:
                let what = written.map { "\($0) stands for the text \(literal), which" } ?? literal.description
                throw QueryError("\(what) alone is not a column: a select names fields, aggregates or arithmetic; write a field's name, without quotes, as in select title.", at: location)
            case .expression(let operand, _, _):
                columns.append(grouped ? .group(try groupValue(operand, scope)) : .path(try rowValue(operand, root)))
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
        let aliases = Dictionary(items.compactMap { item in item.alias.map { ($0.lowercased(), item.operand) } }, uniquingKeysWith: { first, _ in first })
        let having = try query.having.map { (e) throws(QueryError) in try compileHaving(e.substituting(aliases), scope) }
        let resolvedKeys = try query.groupBy.map { (path) throws(QueryError) in try resolve(path, root) }
        var groupKeys = resolvedKeys.map(\.accessor)
        for (n, identity) in identityKeys { groupKeys[n] = identity.value }
        let groupDense = resolvedKeys.count == 1 && identityKeys.isEmpty ? resolvedKeys[0].denseKey : nil
        let groupIdentity = resolvedKeys.count == 1 ? identityKeys[0] : nil
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
                             groupKeys: groupKeys, groupDense: groupDense, groupIdentity: groupIdentity, grouped: grouped, having: having, sort: sort,
                             matchers: needs.matchers, denseKeys: needs.denseKeys)
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
}
