import PlanKit

/// The tables of a plans database: one per query collection, with the collection's fields as
/// columns (a path's dots become underscores: `deadline.year` is `deadline_year`), an integer
/// `key` as primary key, and `…_key` columns referencing the rows they belong to. An amount is
/// two columns: `amount` (`REAL` euros, to read) and `amount_cents` (`INTEGER`, to add exactly).
package enum SQLiteLayout {
    /// A column's SQL type.
    package enum ColumnType: Sendable {
        /// Text.
        case text
        /// A whole number; `true` and `false` are 1 and 0.
        case integer
        /// A fraction (full-time equivalents, progress).
        case real
        /// An amount: a `REAL` number of euros to read, and beside it an `INTEGER` number of
        /// cents (`…_cents`) that sums exactly.
        case money

        /// The type's name in SQL: `TEXT`, `INTEGER`, `REAL` (euros for an amount).
        package var sql: String {
            switch self {
            case .text: "TEXT"
            case .integer: "INTEGER"
            case .real, .money: "REAL"
            }
        }
    }

    /// A column holding a field of the collection.
    package struct Column: Sendable {
        /// The query path the column's values come from: `deadline.year`.
        package var path: String
        /// The column's type.
        package var type: ColumnType
        /// Whether the field can be unknown (`??`), none (`/`) or missing (blank) where others are
        /// known: it then has a `…_state` column beside it, and its value is `NULL` unless known.
        package var hasState: Bool

        /// The column's name: the path, dots as underscores.
        package var name: String { path.replacingOccurrences(of: ".", with: "_") }

        /// The names of the column and of those beside it: the amount's `…_cents`, the `…_state`.
        package var names: [String] {
            [name] + (type == .money ? [name + "_cents"] : []) + (hasState ? [name + "_state"] : [])
        }
    }

    /// A column referencing another table's `key`.
    package struct Reference: Sendable {
        /// The column's name, such as `plan_key`.
        package var name: String
        /// The table referenced.
        package var table: String
    }

    /// A table: its collection, its references and its columns.
    package struct Table: Sendable {
        /// The collection it holds, and its name.
        package var name: String
        /// The columns referencing other tables, after `key`.
        package var references: [Reference]
        /// The collection's fields.
        package var columns: [Column]
        /// The column that is unique among the rows, besides `key`, if any.
        package var unique: String?
    }

    private static func text(_ path: String, state: Bool = false) -> Column { Column(path: path, type: .text, hasState: state) }
    private static func integer(_ path: String, state: Bool = false) -> Column { Column(path: path, type: .integer, hasState: state) }
    private static func real(_ path: String, state: Bool = false) -> Column { Column(path: path, type: .real, hasState: state) }
    private static func money(_ path: String, state: Bool = false) -> Column { Column(path: path, type: .money, hasState: state) }

    /// The follow-up fields of objectives and actions.
    private static let followUp: [Column] = [
        text("status", state: true), text("status.text"), real("progress", state: true), text("start"), text("end"),
        real("fte", state: true), text("responsible"), text("mandataire"), text("plans"),
    ]

    /// The tables, parents before the tables that reference them.
    package static let tables: [Table] = [
        Table(name: "plans", references: [], columns: [
            text("name"), text("kind"), text("commune"), text("volet"), text("domain"), text("period"), text("file"),
            integer("objectives"), integer("actions"), integer("warnings"),
        ]),
        Table(name: "objectives", references: [Reference(name: "plan_key", table: "plans"), Reference(name: "parent_key", table: "objectives")], columns: [
            text("plan"), text("level"), text("number"), text("title"), text("strategic"), integer("actions"),
        ] + followUp + [text("file"), integer("line")]),
        Table(name: "actions", references: [
            Reference(name: "plan_key", table: "plans"), Reference(name: "objective_key", table: "objectives"),
            Reference(name: "strategic_key", table: "objectives"),
        ], columns: [
            text("plan"), text("id"), text("code", state: true), text("title"), text("text"), text("objective"), text("strategic"),
            text("pilot.political", state: true), text("pilot.service", state: true), text("pilot.agent", state: true),
            text("deadline", state: true), integer("deadline.year"), integer("deadline.month"), text("deadline.form"), text("deadline.text"),
            money("ordinary", state: true), money("extraordinary", state: true), money("total", state: true),
            text("questions"), integer("pending"), text("hr", state: true), text("parent"),
        ] + followUp + [text("file"), integer("line")]),
        Table(name: "articles", references: [], columns: [
            text("code"), text("function"), text("main"), text("economic"), text("service"), text("label"),
            money("credit"), money("allocated", state: true), integer("lines"),
        ], unique: "code"),
        Table(name: "budget", references: [
            Reference(name: "plan_key", table: "plans"), Reference(name: "action_key", table: "actions"),
            Reference(name: "objective_key", table: "objectives"), Reference(name: "article_key", table: "articles"),
        ], columns: [
            text("action"), text("level"), text("owner"), text("plan"), text("kind"), text("label"), money("amount", state: true),
            text("article"), text("article.function"), text("article.main"), text("article.economic"), text("article.service"),
            text("article.label"), text("article.official"), integer("article.year"),
            money("credit"), text("funding"), text("note"), text("text"), text("file"), integer("line"),
        ]),
        Table(name: "links", references: [Reference(name: "action_key", table: "actions")], columns: [
            text("action"), text("plan"), text("kind"), text("ref"), text("relation"), text("text"), text("status"), text("file"), integer("line"),
        ]),
        Table(name: "findings", references: [], columns: [
            text("rule"), text("severity"), text("message"), text("subject"), text("file"), integer("line"), integer("column"), text("text"),
        ]),
    ]

    /// `name` quoted as an SQL identifier: `"end"`.
    package static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The `CREATE TABLE` statement of `table`.
    package static func create(_ table: Table) -> String {
        var lines = ["  \"key\" INTEGER PRIMARY KEY"]
        for reference in table.references {
            lines.append("  \(quoted(reference.name)) INTEGER REFERENCES \(quoted(reference.table))(\"key\")")
        }
        for column in table.columns {
            lines.append("  \(quoted(column.name)) \(column.type.sql)" + (column.path == table.unique ? " NOT NULL UNIQUE" : ""))
            if column.type == .money { lines.append("  \(quoted(column.name + "_cents")) INTEGER") }
            if column.hasState {
                lines.append("  \(quoted(column.name + "_state")) TEXT NOT NULL CHECK (\(quoted(column.name + "_state")) IN ('known', 'unknown', 'none', 'missing', 'incomplete'))")
            }
        }
        return "CREATE TABLE \(quoted(table.name)) (\n" + lines.joined(separator: ",\n") + "\n);"
    }
}
