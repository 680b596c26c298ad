import PlanKit

extension Groups {
    /// Several keys: rows grouped by the list of their values; a row with several values of a
    /// key goes to the group of each combination.
    static func byKeys(_ selected: [Int], _ keys: [ValueAccessor], _ context: QueryContext) -> Groups {
        var groups = Groups()
        var groupIndex: [[QueryValue]: Int] = [:]
        for i in selected {
            var combinations: [[QueryValue]] = [[]]
            for key in keys {
                var values: [QueryValue] = []
                _ = key(context, i) { value in
                    if !values.contains(value) { values.append(value) }
                    return false
                }
                if values.isEmpty { values = [.missing] }
                combinations = combinations.flatMap { prefix in values.map { prefix + [$0] } }
            }
            for values in combinations {
                if let g = groupIndex[values] {
                    if groups.members[g].last != i { groups.members[g].append(i) }
                } else {
                    groupIndex[values] = groups.open([i], key: values)
                }
            }
        }
        return groups
    }
}
