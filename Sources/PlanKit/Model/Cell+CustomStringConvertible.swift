extension CellValue: CustomStringConvertible {
    /// The value when known (`2026`, `1 500 €`), else the state's name: `unknown`, `none` or `missing`.
    public var description: String {
        if case .known(let value) = self { return String(describing: value) }
        return stateName
    }
}

extension Cell: CustomStringConvertible {
    /// The cell's value when known, else its state's name, as ``CellValue/description``.
    public var description: String { value.description }
}

extension Cell {
    /// The value when the cell states one; `nil` when it is unknown, empty or missing.
    ///
    /// ```swift
    /// if let deadline = action.deadline.knownValue { print(deadline.year ?? "no year") }
    /// ```
    public var knownValue: Value? { value.value }
}
