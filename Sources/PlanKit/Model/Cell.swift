/// A value read from one cell, with the cell's original text and where it was.
public struct Cell<Value> {
    /// The parsed value in one of its four states.
    public var value: CellValue<Value>
    /// The cell's text exactly as the file had it.
    public var text: String
    /// Where the cell is.
    public var location: SourceLocation

    /// Creates a cell.
    public init(_ value: CellValue<Value>, text: String, location: SourceLocation) {
        self.value = value
        self.text = text
        self.location = location
    }
}

extension Cell: Sendable where Value: Sendable {}
extension Cell: Equatable where Value: Equatable {}
extension Cell: Hashable where Value: Hashable {}
extension Cell: Codable where Value: Codable {}
