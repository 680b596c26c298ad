import PlanKit

extension Groups {
    /// One key that is a record of its table (an action, an objective): rows go to the group of
    /// their record's place, found in an array rather than a dictionary; rows without one go to
    /// the missing group. A group's key is its place, for the record's fields are read from its
    /// first row.
    static func byPlace(_ selected: [Int], _ identity: Compiler.RecordIdentity, _ context: QueryContext) -> Groups {
        var groups = Groups()
        let count = identity.count(context)
        // The group of each place; the last slot is the missing group's.
        var groupOfPlace = [Int](repeating: -1, count: count + 1)
        for i in selected {
            var any = false
            _ = identity.place(context, i) { j in
                any = true
                groups.add(i, toPlace: j >= 0 && j < count ? j : count, &groupOfPlace)
                return false
            }
            if !any { groups.add(i, toPlace: count, &groupOfPlace) }
        }
        return groups
    }

    /// Adds row `i` to the group of `place`, opening it if needed.
    private mutating func add(_ i: Int, toPlace place: Int, _ groupOfPlace: inout [Int]) {
        let g = groupOfPlace[place]
        if g < 0 {
            groupOfPlace[place] = open([i], key: [place == groupOfPlace.count - 1 ? .missing : .integer(Int64(place))])
        } else if members[g].last != i {
            members[g].append(i)
        }
    }
}
