/// A value held once behind a reference: copies of the struct that holds it share one
/// allocation, and a shared value is copied only when one holder changes it.
///
/// Actions and budget lines keep their fields in one, so that a plan, a ``PlanSet`` index and a
/// query's rows can all hold the same action for the price of a pointer.
struct CopyOnWrite<Value: Sendable>: Sendable {
    // Sendable because a box is changed only through `value`'s `_modify`, once
    // `isKnownUniquelyReferenced` has found no other holder (on any thread) that could read it;
    // a shared box is only read.
    private final class Box: @unchecked Sendable {
        // Changed only through `value`'s `_modify`, after the box is known to be unshared.
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Holds `value`.
    init(_ value: Value) { box = Box(value) }

    /// The value; changing it copies it first when another holder shares it.
    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// Whether both hold the same box.
    func isIdentical(to other: CopyOnWrite) -> Bool { box === other.box }
}

extension CopyOnWrite: Equatable, Hashable where Value: Hashable {
    static func == (lhs: CopyOnWrite, rhs: CopyOnWrite) -> Bool { lhs.box === rhs.box || lhs.box.value == rhs.box.value }

    func hash(into hasher: inout Hasher) { hasher.combine(box.value) }
}
