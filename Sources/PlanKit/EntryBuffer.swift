/// Entries appended into memory of a known size, then moved out once.
///
/// Moving hands each entry's references over without counting them again, so joining indexes
/// built elsewhere does not touch the actions and lines they point to.
final class EntryBuffer<Element>: @unchecked Sendable {
    // Written by one thread while a part is built, then moved out by the thread that joins it.
    private let base: UnsafeMutablePointer<Element>
    private let capacity: Int
    /// The number of entries held.
    private(set) var count = 0

    /// Room for `capacity` entries.
    init(capacity: Int) {
        base = .allocate(capacity: Swift.max(capacity, 1))
        self.capacity = capacity
    }

    /// Appends an entry; there must be room for it.
    func append(_ element: Element) {
        precondition(count < capacity, "EntryBuffer is full")
        (base + count).initialize(to: element)
        count += 1
    }

    /// Moves every entry, changed by `adjust`, into `destination` from `offset` on, leaving this buffer empty.
    func moveAll(to destination: FillBuffer<Element>, at offset: Int, _ adjust: (inout Element) -> Void) {
        for index in 0..<count { adjust(&base[index]) }
        destination.moveInitialize(at: offset, from: base, count: count)
        count = 0
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
