import PlanKit
import PlanQuery

/// A plan diff as a result table: one row per change, then one per budget total that changed.
///
/// Columns: `change` (`added`, `removed`, `renumbered`, `changed`, `total`), `element`
/// (`strategic`, `operational`, `action`; for a total, `budget` per service or `article`),
/// `old` and `new` (the element's numbers), `field`, `before`, `after`, and `match` (how the
/// element was paired: `same id and title`, `same title`, `similar title 0.93`).
package enum DiffTable {
    /// The table's columns.
    package static let columns = ["change", "element", "old", "new", "field", "before", "after", "match"]

    /// The table of `diff`.
    package static func table(_ diff: PlanDiff) -> ResultTable {
        func text(_ value: String?) -> QueryValue { value.map { .text($0) } ?? .missing }
        var rows: [[QueryValue]] = diff.changes.map { change in
            [.text(change.kind.rawValue), .text(change.element.rawValue), text(change.oldID), text(change.newID), text(change.field),
             text(change.before), text(change.after), text(change.match?.description)]
        }
        for total in diff.changedTotals {
            rows.append([.text("total"), .text(total.group == .kind ? "budget" : "article"), .missing, .missing, .text(total.key),
                         text(total.before?.description), text(total.after?.description), .missing])
        }
        return ResultTable(columns: columns, rows: rows)
    }
}
