/// SQL's three truth values. A comparison with an unknown, none or missing value is unknown;
/// `not` of unknown is unknown; `and` is the lesser of its sides and `or` the greater, in the
/// order false < unknown < true; `where` and `having` keep only the rows where it is true.
enum Truth: UInt8, Sendable {
    case no = 0
    case unknown = 1
    case yes = 2

    init(_ value: Bool) { self = value ? .yes : .no }

    /// `and`.
    static func && (a: Truth, b: Truth) -> Truth { a.rawValue < b.rawValue ? a : b }
    /// `or`.
    static func || (a: Truth, b: Truth) -> Truth { a.rawValue > b.rawValue ? a : b }

    /// `not`: true and false swap, unknown stays unknown.
    static prefix func ! (a: Truth) -> Truth {
        switch a {
        case .no: .yes
        case .unknown: .unknown
        case .yes: .no
        }
    }
}
