/// The state of a cell's value without the value: which of the four a ``CellValue`` is.
///
/// One byte, so that storage that keeps a value apart from its state (a budget line's cents, a
/// row's budget lines) packs tightly; ``CellValue/state`` and ``CellValue/init(_:known:)`` go
/// between the two.
///
/// ```swift
/// CellValue<Money>.unknown.state            // .unknown
/// CellValue(.known) { Money(euros: 5) }     // .known(5,00 €)
/// CellState.none.name                       // "none"
/// ```
public enum CellState: UInt8, Sendable, Hashable, CaseIterable {
    /// A value the cell states.
    case known
    /// `??`: to be decided.
    case unknown
    /// `/`: explicitly nothing.
    case none
    /// Blank: never filled.
    case missing

    /// The state's name: `known`, `unknown`, `none` or `missing`, as PlanKit JSON and queries write it.
    public var name: String {
        switch self {
        case .known: "known"
        case .unknown: "unknown"
        case .none: "none"
        case .missing: "missing"
        }
    }

    /// The state named `name` (`known`, `unknown`, `none` or `missing`); `nil` for any other text.
    public init?(name: String) {
        guard let state = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = state
    }
}
