/// Indexes of a ``PlanSet`` stored in 32 bits, which halves the room its entries take.
enum Index32 {
    /// `index` as 32 bits; a set of more than 2³² − 2 entries of one kind cannot be indexed.
    static func make(_ index: Int) -> UInt32 {
        guard let value = UInt32(exactly: index), value < UInt32.max else {
            preconditionFailure("A plan set holds at most 4 294 967 294 entries of each kind; \(index) is out of range.")
        }
        return value
    }
}
