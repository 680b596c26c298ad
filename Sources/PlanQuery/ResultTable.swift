/// The answer to a query: named columns and rows of values.
public struct ResultTable: Sendable, Hashable {
    /// The column names, as the query wrote them or the collection's defaults.
    public var columns: [String]
    /// The rows, each with one value per column.
    public var rows: [[QueryValue]]

    /// Creates a table.
    public init(columns: [String], rows: [[QueryValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The values of the column named `name`.
    public func column(_ name: String) -> [QueryValue]? {
        columns.firstIndex(of: name).map { index in rows.map { $0[index] } }
    }
}
