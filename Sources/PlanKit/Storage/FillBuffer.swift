/// An array's uninitialized storage, written from several threads, each at its own indexes.
///
/// Every index must be written exactly once before the array that owns the storage is used.
///
/// Sendable because the threads it is handed to write distinct elements, each once, and nothing
/// reads them until ``array(count:_:)``'s `fill` has returned, which waits for every writer
/// (`DispatchQueue.concurrentPerform` returns after its last iteration).
struct FillBuffer<Element>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element>

    /// Wraps the storage `Array(unsafeUninitializedCapacity:initializingWith:)` hands out.
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

    /// Writes the element at `index`, which must not have been written.
    func initialize(_ index: Int, to value: Element) {
        precondition(index >= 0 && index < buffer.count, "FillBuffer index out of range")
        buffer.initializeElement(at: index, to: value)
    }

    /// Makes an array of `count` elements, each written by `fill` through the buffer it is given.
    static func array(count: Int, _ fill: (FillBuffer) -> Void) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(FillBuffer(UnsafeMutableBufferPointer(rebasing: buffer[0..<count])))
            initialized = count
        }
    }
}
