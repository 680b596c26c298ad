import PlanQuery

/// How a figure draws the rows of its table.
package enum ReportChart: Sendable, Equatable {
    /// Horizontal bars: one per row, labelled by the `label` columns, as long as the `value`
    /// column (rows whose value is not known get no bar); `marked` rows carry a marker.
    case bars(label: [String], value: String)
    /// Paired bars per article: the stated credit and the allocations, over-committed ones hatched.
    /// The label is the `label` columns' values joined by ` · ` (a commune and an article).
    case credit(label: [String], allocated: String, credit: String)
    /// Blocks on a time axis, one per deadline, with the number of actions due and overdue.
    case timeline(deadline: String, status: String, count: String)
    /// Budget totals before and after, a pair of bars each (the comparison with an earlier version).
    case beforeAfter([BeforeAfterBar])
    /// Key figures, one card per row (columns `key`, `value`).
    case cards
    /// The table alone.
    case table
}

/// One pair of bars of a before-and-after chart: a budget total in each version.
package struct BeforeAfterBar: Sendable, Equatable {
    /// The total's key as `plankit diff` writes it (`ordinary`, an article's code).
    package var label: String
    /// The key as the reader sees it.
    package var shown: String
    /// The total before: an amount, a sum with unknown parts, or missing (no line).
    package var before: QueryValue
    /// The total after.
    package var after: QueryValue
    /// The raw texts of the two totals, as `plankit diff` writes them.
    package var beforeText: String
    /// The raw text of the total after.
    package var afterText: String
}

/// One figure of a report: the answer of a query (or a table computed from several), its
/// chart, and where the numbers come from.
package struct ReportFigure: Sendable {
    /// The element id in the HTML, unique in the report.
    package var id: String
    /// The figure's title.
    package var title: String
    /// The queries the figure shows: the one whose answer ``table`` is, or, when ``derived``,
    /// those it is computed from (for cards, one query per row).
    package var queries: [String]
    /// Whether ``table`` is computed from the answers of ``queries`` rather than being one.
    package var derived: Bool
    /// The figure's data, in the query's column names.
    package var table: ResultTable
    /// How the rows are drawn.
    package var chart: ReportChart
    /// Sentences printed under the chart.
    package var notes: [String] = []
    /// Rows to mark (an over-committed article, an uncovered PCS axis), by index, with the marker's words.
    package var marks: [Int: String] = [:]
    /// Columns added to the query's answer (such as the overdue count), absent from the query.
    package var computedColumns: Set<String> = []
    /// The label of a chart's value axis when it counts something other than actions.
    package var axisLabel: String?
    /// Text shown in place of a cell's usual display, by row and column index (a finding's
    /// message in the report's language); the cell's raw value stays the query's.
    package var shownText: [Int: [Int: String]] = [:]
    /// The command whose output the table's rows are, when they are not a query's answer
    /// (`plankit diff OLD NEW --format json`).
    package var command: String?
    /// The kind of element a comparison's table lists (`action`), when all its rows are of one.
    package var element: String?
    /// Why the figure could not be computed, when it could not.
    package var failure: String?
}

/// A part of a report: a heading, a sentence, figures.
package struct ReportSection: Sendable {
    /// The element id in the HTML.
    package var id: String
    /// The heading.
    package var title: String
    /// A sentence under the heading.
    package var intro: String
    /// The figures, in order.
    package var figures: [ReportFigure]
}

/// A whole report: its sections, computed from the loaded plans by queries.
package struct Report: Sendable {
    /// The language it is written in.
    package var language: ReportLanguage
    /// The day overdue actions are measured against.
    package var today: String
    /// The plans loaded, as `name (file)`.
    package var plans: [String]
    /// The files named on the command line, for the captions' `plankit query … FILES`.
    package var files: [String]
    /// The sections, in order.
    package var sections: [ReportSection]
}
