/// The type of a field's values.
public enum ValueType: String, Sendable, Hashable {
    case text, id, integer, money, bool, deadline, date
}
