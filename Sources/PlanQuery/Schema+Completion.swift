extension Schema {
    /// The fields reachable after the dotted `path` from `collection`'s rows (`[]` for its own
    /// fields, `["budget"]` for a budget line's); `nil` when the path leads nowhere.
    package static func fields(after path: [String], in collection: String) -> [Field]? {
        guard let root = Schema.collection(collection) else { return nil }
        var record = recordType(root.recordTypeID)
        for name in path {
            guard let next = record.field(name)?.recordTypeID else { return nil }
            record = recordType(next)
        }
        return record.fields
    }

    /// The type of the values the dotted `path` takes from `collection`'s rows; `nil` when it
    /// leads nowhere.
    ///
    /// Used by the console to offer `today()` after a date and `year(` after a number.
    package static func valueType(of path: String, in collection: String) -> ValueType? {
        guard let root = Schema.collection(collection) else { return nil }
        let components = path.split(separator: ".").map(String.init)
        let locations = components.map { _ in QueryLocation(offset: 0, line: 1, column: 1) }
        return try? Compiler.resolve(Path(components: components, locations: locations), root.recordTypeID).type
    }

    /// The distinct texts a text field takes across the loaded plans, sorted, at most `limit`.
    ///
    /// Used by the console to complete values after a comparison.
    package static func distinctValues(of path: String, in collection: String, context: QueryContext, limit: Int = 200) -> [String] {
        guard let root = Schema.collection(collection) else { return [] }
        let components = path.split(separator: ".").map(String.init)
        let locations = components.map { _ in QueryLocation(offset: 0, line: 1, column: 1) }
        guard let resolved = try? Compiler.resolve(Path(components: components, locations: locations), root.recordTypeID),
              [.text, .id].contains(resolved.type) else { return [] }
        var seen = Set<String>()
        for index in 0..<root.count(context) {
            _ = resolved.accessor(context, index) { value in
                switch value {
                case .text(let s), .id(let s): seen.insert(s)
                default: break
                }
                return seen.count >= limit
            }
            if seen.count >= limit { break }
        }
        return seen.sorted()
    }
}
