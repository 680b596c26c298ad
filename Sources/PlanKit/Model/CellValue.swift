/// What a spreadsheet cell says about a value: one of four states kept apart.
///
/// `??` in a plan means the value is still to be decided (``unknown``); `/` means there is
/// explicitly nothing (``none``); a blank cell was never filled (``missing``).
public enum CellValue<Value> {
    /// A value the cell states.
    case known(Value)
    /// `??`: to be decided.
    case unknown
    /// `/`: explicitly nothing.
    case none
    /// Blank: never filled.
    case missing

    /// The value when known, else `nil`.
    public var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }

    /// The state's name: `known`, `unknown`, `none` or `missing`.
    public var stateName: String {
        switch self {
        case .known: "known"
        case .unknown: "unknown"
        case .none: "none"
        case .missing: "missing"
        }
    }

    /// Applies `transform` to a known value, keeping the other states.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> CellValue<T> {
        switch self {
        case .known(let value): .known(try transform(value))
        case .unknown: .unknown
        case .none: .none
        case .missing: .missing
        }
    }
}

extension CellValue: Sendable where Value: Sendable {}
extension CellValue: Equatable where Value: Equatable {}
extension CellValue: Hashable where Value: Hashable {}
