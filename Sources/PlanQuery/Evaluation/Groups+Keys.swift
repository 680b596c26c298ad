import PlanKit

extension Groups {
    /// Several keys: rows grouped by the list of their values; a row with several values of a
    /// key goes to the group of each combination.
    ///
    /// Each key's values are numbered as they are first met, so that a row's group is found by
    /// its list of small numbers: each value is hashed once a row, the list of numbers once, and
    /// no array is made for a row whose keys have one value each.
    static func byKeys(_ selected: [Int], _ keys: [ValueAccessor], _ context: QueryContext) -> Groups {
        var groups = Groups()
        // Each key's values met so far, by number.
        var numbers = [[QueryValue: Int32]](repeating: [:], count: keys.count)
        var values = [[QueryValue]](repeating: [], count: keys.count)
        var groupIndex: [[Int32]: Int] = [:]
        // The row's numbers, key by key: its first value's, and the others' when it has several.
        var row = [Int32](repeating: 0, count: keys.count)
        var others = [[Int32]](repeating: [], count: keys.count)
        func number(_ value: QueryValue, key k: Int) -> Int32 {
            if let known = numbers[k][value] { return known }
            let made = Int32(values[k].count)
            numbers[k][value] = made
            values[k].append(value)
            return made
        }
        func add(_ i: Int, _ list: [Int32]) {
            if let g = groupIndex[list] {
                if groups.members[g].last != i { groups.members[g].append(i) }
            } else {
                groupIndex[list] = groups.open([i], key: list.enumerated().map { values[$0.offset][Int($0.element)] })
            }
        }
        for i in selected {
            var single = true
            for k in keys.indices {
                var first: Int32 = -1
                others[k].removeAll(keepingCapacity: true)
                _ = keys[k](context, i) { value in
                    let n = number(value, key: k)
                    if first < 0 { first = n } else if n != first && !others[k].contains(n) { others[k].append(n) }
                    return false
                }
                row[k] = first < 0 ? number(.missing, key: k) : first
                if !others[k].isEmpty { single = false }
            }
            if single {
                add(i, row)
                continue
            }
            // A key of several values: one group for each combination, in the order met.
            var combinations: [[Int32]] = [[]]
            for k in keys.indices {
                let options = [row[k]] + others[k]
                combinations = combinations.flatMap { prefix in options.map { prefix + [$0] } }
            }
            for list in combinations { add(i, list) }
        }
        return groups
    }
}
