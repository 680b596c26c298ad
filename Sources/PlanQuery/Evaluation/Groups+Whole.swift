import PlanKit

extension Groups {
    /// Aggregates without group by: one group of every selected row.
    static func whole(_ selected: [Int]) -> Groups {
        Groups(members: [selected], keys: [[]])
    }
}
