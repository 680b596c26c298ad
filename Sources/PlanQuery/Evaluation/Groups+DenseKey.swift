import PlanKit

extension Groups {
    /// One key that depends on a small number of the row: its value is made once a number, and
    /// rows go to their number's group.
    static func byDenseKey(_ selected: [Int], _ key: CompiledQuery.Collect, _ dense: DenseKey, _ context: QueryContext) -> Groups {
        var groups = Groups()
        let count = dense.count(context)
        var groupOfNumber = [Int](repeating: -1, count: count + 1)
        var groupIndex: [QueryValue: Int] = [:]
        for i in selected {
            let number = dense.index(context, i) ?? count
            guard number >= 0 && number <= count else {
                // Not a number the key knows: the row's own value decides.
                let value = key(context, i)
                if let g = groupIndex[value] { groups.members[g].append(i) } else {
                    groupIndex[value] = groups.open([i], key: [value])
                }
                continue
            }
            var g = groupOfNumber[number]
            if g < 0 {
                let value = number == count ? QueryValue.missing : dense.value(context, number)
                if let known = groupIndex[value] {
                    g = known
                } else {
                    g = groups.open([], key: [value])
                    groupIndex[value] = g
                }
                groupOfNumber[number] = g
            }
            groups.members[g].append(i)
        }
        return groups
    }
}
