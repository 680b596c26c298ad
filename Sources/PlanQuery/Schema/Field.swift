import PlanKit

/// Emits one value; returns `true` to stop the enumeration.
typealias Emit = (QueryValue) -> Bool
/// Enumerates a field's values for the row at an index.
typealias ValueAccessor = @Sendable (QueryContext, Int, Emit) -> Bool
/// Enumerates the indexes of the records a field leads to.
typealias RecordAccessor = @Sendable (QueryContext, Int, (Int) -> Bool) -> Bool

/// A field of a record type.
public struct Field: Sendable {
    enum Kind: Sendable {
        case value(ValueType, ValueAccessor)
        case record(RecordTypeID, many: Bool, RecordAccessor)
    }

    /// The field's name.
    public let name: String
    /// Other names the field answers to.
    public let aliases: [String]
    /// One line on what the field holds.
    public let summary: String
    let kind: Kind
    /// The folded column `~` may scan for this field at the root of its collection.
    var foldedColumn: FoldedColumn.Key? = nil
    /// For a value: the small number of the row it is a value of, when it has one.
    var denseKey: DenseKey? = nil
    /// For a record: whether it is the same row seen as another record (a budget line's article).
    var sameRow = false
    /// For a value with exactly one value a row: that value, without enumerating it.
    var single: (@Sendable (QueryContext, Int) -> QueryValue)? = nil

    /// The type name shown by `.schema`: `text`, `money`, `budget[]`…
    public var typeName: String {
        switch kind {
        case .value(let type, _): type.rawValue
        case .record(let id, let many, _): many ? "\(id.rawValue)[]" : id.rawValue
        }
    }

    /// The record type the field leads to, if it is a record.
    public var recordTypeName: String? { recordTypeID?.rawValue }

    /// The record type the field leads to, if it is a record.
    var recordTypeID: RecordTypeID? {
        if case .record(let id, _, _) = kind { return id }
        return nil
    }

    /// The value type when the field is a plain value.
    public var valueType: ValueType? {
        if case .value(let type, _) = kind { return type }
        return nil
    }
}
