import PlanKit

extension Groups {
    /// Several keys: rows grouped by the list of their values.
    static func byKeys(_ selected: [Int], _ keys: [CompiledQuery.Collect], _ context: QueryContext) -> Groups {
        var groups = Groups()
        var groupIndex: [[QueryValue]: Int] = [:]
        for i in selected {
            let values = keys.map { $0(context, i) }
            if let g = groupIndex[values] {
                groups.members[g].append(i)
            } else {
                groupIndex[values] = groups.open([i], key: values)
            }
        }
        return groups
    }
}
