/// Entries appended into memory of a known size, then moved out once.
///
/// Moving hands each entry's references over without counting them again, so joining indexes
/// built elsewhere does not touch the actions and lines they point to.
///
/// Sendable because it is never used by two threads at once: it is appended to by the thread
/// that builds its `PlanSet.Part`, then moved out by `PlanSet.join`, which joins each part once,
/// on one thread; the part reaches that thread after `DispatchQueue.concurrentPerform` returns
/// (`Part.each`) or through the joiner's lock (`PlanSet(reading:fields:)`), either of which
/// orders the appends before the moves.
final class EntryBuffer<Element>: @unchecked Sendable {
    // Written by one thread while a part is built, then moved out by the thread that joins it.
    private let base: UnsafeMutablePointer<Element>
    private let capacity: Int
    /// The entries from `moved` to `count` are held; those before were moved out.
    private var moved = 0
    /// The number of entries appended.
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

    /// Appends every entry held, changed by `adjust`, to `array`, moving them out of this buffer.
    func moveAll(to array: inout [Element], _ adjust: (inout Element) -> Void) {
        for index in moved..<count { adjust(&base[index]) }
        array.append(contentsOf: Moving(buffer: self))
    }

    /// The entries held, each moved out as it is read.
    private struct Moving: Sequence, IteratorProtocol {
        let buffer: EntryBuffer

        var underestimatedCount: Int { buffer.count - buffer.moved }

        mutating func next() -> Element? {
            guard buffer.moved < buffer.count else { return nil }
            defer { buffer.moved += 1 }
            return (buffer.base + buffer.moved).move()
        }
    }

    deinit {
        (base + moved).deinitialize(count: count - moved)
        base.deallocate()
    }
}
