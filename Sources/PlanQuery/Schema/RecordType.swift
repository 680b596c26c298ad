import PlanKit

/// A kind of record: the rows of a collection, or a nested record such as a deadline.
public struct RecordType: Sendable {
    /// The type's identity.
    let id: RecordTypeID
    /// The type's name.
    public var name: String { id.rawValue }
    /// The type's fields, in display order.
    public let fields: [Field]
    /// The value the record stands for when a path ends on it (an article's code, a deadline).
    let selfValue: (ValueType, ValueAccessor)?
    /// The small number ``selfValue`` depends on, when it has one.
    var selfDense: DenseKey? = nil
    /// ``selfValue``'s one value a row, when it always has exactly one.
    var selfSingle: (@Sendable (QueryContext, Int) -> QueryValue)? = nil

    init(id: RecordTypeID, fields: [Field], selfValue: (ValueType, ValueAccessor)?, selfDense: DenseKey? = nil) {
        self.id = id
        self.fields = fields
        self.selfValue = selfValue
        self.selfDense = selfDense
    }

    /// A type whose record stands for one value a row, `value`.
    init(id: RecordTypeID, fields: [Field], single: (ValueType, @Sendable (QueryContext, Int) -> QueryValue)) {
        self.init(id: id, fields: fields, selfValue: (single.0, Schema.one(single.1)))
        selfSingle = single.1
    }

    /// The field named `name` (or an alias), ignoring case.
    public func field(_ name: String) -> Field? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower || $0.aliases.contains(lower) }
    }
}
