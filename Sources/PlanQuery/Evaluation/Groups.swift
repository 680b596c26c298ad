import PlanKit

/// The selected rows of a grouped query, in groups: each group's rows and its key's values,
/// groups in the order of their first row.
struct Groups {
    /// Each group's rows, in order.
    var members: [[Int]] = []
    /// Each group's values of the `group by` keys.
    var keys: [[QueryValue]] = []

    /// Adds a group of `rows` with key `values`; returns its index.
    mutating func open(_ rows: [Int], key values: [QueryValue]) -> Int {
        members.append(rows)
        keys.append(values)
        return members.count - 1
    }
}

extension CompiledQuery {
    /// Gathers the selected rows into groups with the strategy the keys allow.
    func gather(_ selected: [Int], _ context: QueryContext) -> Groups {
        if groupKeys.isEmpty { return Groups.whole(selected) }
        if groupKeys.count == 1, let key = groupKeys.first {
            if let identity = groupIdentity { return Groups.byPlace(selected, identity, context) }
            if let dense = groupDense { return Groups.byDenseKey(selected, Compiler.collector(key), context.denseColumn(dense), context) }
            return Groups.byKey(selected, key, context)
        }
        return Groups.byKeys(selected, groupKeys, context)
    }
}
