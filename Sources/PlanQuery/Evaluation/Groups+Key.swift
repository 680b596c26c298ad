import PlanKit

extension Groups {
    /// One key, the usual case: no array per row.
    static func byKey(_ selected: [Int], _ key: CompiledQuery.Collect, _ context: QueryContext) -> Groups {
        var groups = Groups()
        var groupIndex: [QueryValue: Int] = [:]
        for i in selected {
            let value = key(context, i)
            if let g = groupIndex[value] {
                groups.members[g].append(i)
            } else {
                groupIndex[value] = groups.open([i], key: [value])
            }
        }
        return groups
    }
}
