import PlanKit

/// A collection a query can name.
public struct QueryCollection: Sendable {
    /// The collection's name.
    public let name: String
    /// The type of its rows.
    let recordTypeID: RecordTypeID
    /// The name of the type of its rows.
    public var recordType: String { recordTypeID.rawValue }
    /// The columns shown when a query has no `select`.
    public let defaultColumns: [String]
    /// One line on what a row is.
    public let summary: String
    /// The path of the plan a row comes from (for findings, its file), shown first when several
    /// plans are loaded.
    public let sourcePlan: String?
    let count: @Sendable (QueryContext) -> Int

    init(name: String, recordType: RecordTypeID, defaultColumns: [String], summary: String, sourcePlan: String? = "plan",
         count: @escaping @Sendable (QueryContext) -> Int) {
        self.name = name
        self.recordTypeID = recordType
        self.defaultColumns = defaultColumns
        self.summary = summary
        self.sourcePlan = sourcePlan
        self.count = count
    }
}
