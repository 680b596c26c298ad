import PlanKit

extension Groups {
    /// One key, the usual case: no array per row. A row with several values of the key (a
    /// cell naming two agents) goes to each value's group; a row with none to the missing group.
    static func byKey(_ selected: [Int], _ key: ValueAccessor, _ context: QueryContext) -> Groups {
        var groups = Groups()
        var groupIndex: [QueryValue: Int] = [:]
        for i in selected {
            var any = false
            _ = key(context, i) { value in
                any = true
                groups.add(i, to: value, &groupIndex)
                return false
            }
            if !any { groups.add(i, to: .missing, &groupIndex) }
        }
        return groups
    }

    /// Adds row `i` to the group of `value`, opening it if needed; a row already in it (a
    /// value met twice in one row) is not added again.
    mutating func add(_ i: Int, to value: QueryValue, _ groupIndex: inout [QueryValue: Int]) {
        if let g = groupIndex[value] {
            if members[g].last != i { members[g].append(i) }
        } else {
            groupIndex[value] = open([i], key: [value])
        }
    }
}
