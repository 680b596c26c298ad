/// What a spreadsheet cell says about a value: one of four states kept apart.
///
/// `??` in a plan means the value is still to be decided (``unknown``); `/` means there is
/// explicitly nothing (``none``); a blank cell was never filled (``missing``). ``state`` names
/// the state without the value.
public enum CellValue<Value> {
    /// A value the cell states.
    case known(Value)
    /// `??`: to be decided.
    case unknown
    /// `/`: explicitly nothing.
    case none
    /// Blank: never filled.
    case missing

    /// The value in `state`: `known(value())` when the state is known (`value` is called then
    /// only), else the state itself.
    ///
    /// - Parameters:
    ///   - state: One of the four states.
    ///   - value: The value, asked for only when `state` is ``CellState/known``.
    @inlinable
    public init(_ state: CellState, known value: () throws -> Value) rethrows {
        self = switch state {
        case .known: .known(try value())
        case .unknown: .unknown
        case .none: .none
        case .missing: .missing
        }
    }

    /// The state, without the value.
    @inlinable
    public var state: CellState {
        switch self {
        case .known: .known
        case .unknown: .unknown
        case .none: .none
        case .missing: .missing
        }
    }

    /// The value when known, else `nil`.
    public var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }

    /// The state's name: `known`, `unknown`, `none` or `missing`.
    public var stateName: String { state.name }

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
