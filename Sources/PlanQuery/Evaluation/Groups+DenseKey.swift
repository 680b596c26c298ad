import PlanKit

extension Groups {
    /// One key that depends on a small number of the row: rows go to the group of their class
    /// in the key's column (``DenseColumn``), whose value was made once a class.
    static func byDenseKey(_ selected: [Int], _ key: CompiledQuery.Collect, _ column: DenseColumn, _ context: QueryContext) -> Groups {
        var groups = Groups()
        var groupOfClass = [Int](repeating: -1, count: column.values.count)
        var groupIndex: [QueryValue: Int] = [:]
        for i in selected {
            guard i >= 0 && i < column.classes.count else {
                // A row the column does not cover: its own value decides.
                let value = key(context, i)
                if let g = groupIndex[value] { groups.members[g].append(i) } else {
                    groupIndex[value] = groups.open([i], key: [value])
                }
                continue
            }
            let cls = Int(column.classes[i])
            var g = groupOfClass[cls]
            if g < 0 {
                let value = column.values[cls]
                if let known = groupIndex[value] {
                    g = known
                } else {
                    g = groups.open([], key: [value])
                    groupIndex[value] = g
                }
                groupOfClass[cls] = g
            }
            groups.members[g].append(i)
        }
        return groups
    }
}
