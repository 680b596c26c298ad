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
        guard let collection = Schema.collection(query.collection) else {
            let names = Schema.collections.map(\.name)
            let hint = Suggestions.closest(to: query.collection, in: names).map { "did you mean '\($0)'?" } ?? "collections are \(names.joined(separator: ", "))."
            throw QueryError("Unknown collection '\(query.collection)'; \(hint)", at: query.collectionLocation)
        }
        let root = collection.recordTypeID
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
}
