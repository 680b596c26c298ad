import PlanKit

extension ResultTable {
    /// One row of a table, read by column name.
    ///
    /// ```swift
    /// let table = try context.run("budget group by kind select kind, sum(amount)")
    /// for row in table.namedRows {
    ///     print(row.text("kind") ?? "", row.money("sum(amount)") ?? .zero)
    /// }
    /// ```
    public struct Row: Sendable, Hashable {
        /// The table's column names.
        public let columns: [String]
        /// The row's values, one per column.
        public let values: [QueryValue]

        /// The value in the column named `column`; `nil` when the table has no such column.
        public subscript(column: String) -> QueryValue? {
            columns.firstIndex(of: column).map { values[$0] }
        }

        /// The text (or id) in `column`; `nil` when the column is absent or holds something else.
        public func text(_ column: String) -> String? {
            switch self[column] {
            case .text(let text), .id(let text): text
            default: nil
            }
        }

        /// The whole number in `column`; `nil` when the column is absent or holds something else.
        public func integer(_ column: String) -> Int64? {
            if case .integer(let value) = self[column] { return value }
            return nil
        }

        /// The amount in `column`; `nil` when the column is absent or holds something else
        /// (an unknown amount, say).
        public func money(_ column: String) -> Money? {
            if case .money(let value) = self[column] { return value }
            return nil
        }

        /// The truth value in `column`; `nil` when the column is absent or holds something else.
        public func bool(_ column: String) -> Bool? {
            if case .bool(let value) = self[column] { return value }
            return nil
        }

        /// The deadline in `column`; `nil` when the column is absent or holds something else.
        public func deadline(_ column: String) -> Deadline? {
            if case .deadline(let value) = self[column] { return value }
            return nil
        }
    }

    /// The row at `index` (from 0), read by column name: `table[row: 0].money("sum(amount)")`.
    public subscript(row index: Int) -> Row { Row(columns: columns, values: rows[index]) }

    /// Every row, read by column name.
    public var namedRows: [Row] { rows.map { Row(columns: columns, values: $0) } }
}
