import PlanKit
import PlanQuery

/// Writes loaded plans as an SQLite database: a table per query collection (see ``SQLiteLayout``),
/// each row the answer of the collection's query, so that SQL and PlanKit's queries agree.
///
/// ```swift
/// let bytes = try SQLiteWriter.database(PlanSet(plans))
/// try AtomicFile.write(bytes, to: "plans.db")
/// ```
package enum SQLiteWriter {
    /// Why the database could not be made.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        /// A sentence on what failed.
        package var description: String
    }

    /// The bytes of an SQLite database holding `planSet`.
    ///
    /// - Throws: ``Failure`` when a collection's query or SQLite fails.
    package static func database(_ planSet: PlanSet) throws(Failure) -> [UInt8] {
        let context = QueryContext(planSet)
        do {
            let db = try SQLiteDatabase()
            try db.execute("PRAGMA foreign_keys = ON; PRAGMA page_size = 4096; BEGIN;")
            for table in SQLiteLayout.tables {
                try db.execute(SQLiteLayout.create(table))
                let rows = try self.rows(table, context)
                let names = ["key"] + table.references.map(\.name) + table.columns.flatMap(\.names)
                let sql = "INSERT INTO \(SQLiteLayout.quoted(table.name)) (" + names.map(SQLiteLayout.quoted).joined(separator: ", ")
                    + ") VALUES (" + (1...names.count).map { "?\($0)" }.joined(separator: ", ") + ")"
                try db.insert(sql, rows)
            }
            for table in SQLiteLayout.tables {
                for reference in table.references {
                    try db.execute("CREATE INDEX \(SQLiteLayout.quoted("\(table.name)_\(reference.name)")) ON \(SQLiteLayout.quoted(table.name))(\(SQLiteLayout.quoted(reference.name)));")
                }
            }
            try db.execute("COMMIT;")
            guard try db.count("PRAGMA foreign_key_check") == 0 else {
                throw Failure(description: "a row of the database references a row that is not in it")
            }
            return try db.serialized()
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "SQLite refused the database: \(error)")
        }
    }

    /// The rows of `table`: key, references, then each column's value (and state).
    static func rows(_ table: SQLiteLayout.Table, _ context: QueryContext) throws(Failure) -> [[SQLiteDatabase.Value]] {
        let text = "\(table.name) select " + table.columns.map(\.path).joined(separator: ", ")
        let result: ResultTable
        do {
            // Each table names its plan column itself: no plan column is added before it.
            result = try Compiler.compile(try Parser.parse(text)).run(context)
        } catch {
            throw Failure(description: "the query of table \(table.name) failed: \(error.rendered(source: text))")
        }
        let keys = References(context.planSet)
        return result.rows.enumerated().map { index, row in
            var values: [SQLiteDatabase.Value] = [.integer(Int64(index + 1))]
            for reference in table.references {
                values.append(keys.key(table.name, reference.name, index).map { .integer(Int64($0 + 1)) } ?? .null)
            }
            for (column, value) in zip(table.columns, row) {
                values.append(value.isState ? .null : sqlValue(value, column.type))
                if column.type == .money { values.append(cents(value)) }
                if column.hasState { values.append(.text(state(value))) }
            }
            return values
        }
    }

    /// A known value as SQL: amounts in euros (their cents go in ``cents(_:)``), booleans 1 and 0, lists and deadlines as the text
    /// PlanKit's CSV gives them.
    static func sqlValue(_ value: QueryValue, _ type: SQLiteLayout.ColumnType) -> SQLiteDatabase.Value {
        switch (value, type) {
        case (.integer(let n), _): .integer(n)
        case (.money(let m), _): .real(m.euros)
        // The known part of a sum with unknown parts; its state column says `incomplete`.
        case (.incomplete(let m), _): .real(m.euros)
        case (.incompleteNumber(let d), _): d.isFinite ? .real(d) : .null
        case (.decimal(let d), _): d.isFinite ? .real(d) : .null
        case (.bool(let b), _): .integer(b ? 1 : 0)
        case (_, .integer): Int64(value.text).map { .integer($0) } ?? .text(value.text)
        case (_, .real), (_, .money): Double(value.text).map { .real($0) } ?? .text(value.text)
        default: .text(value.text)
        }
    }

    /// An amount's exact number of cents: its known part for a sum with unknown parts; `NULL`
    /// when not known.
    static func cents(_ value: QueryValue) -> SQLiteDatabase.Value {
        switch value {
        case .money(let m), .incomplete(let m): .integer(m.cents)
        default: .null
        }
    }

    /// The state's name: `known`, `unknown`, `none`, `missing`, or `incomplete` for a sum of
    /// which only a part is known.
    static func state(_ value: QueryValue) -> String {
        switch value {
        case .incomplete, .incompleteNumber: "incomplete"
        case .unknown: "unknown"
        case .none: "none"
        case .missing: "missing"
        default: "known"
        }
    }

    /// The rows each row references, by index (0-based), from the plan set's indexes.
    struct References {
        let planSet: PlanSet
        /// An operational objective's strategic objective, by objective index.
        let parents: [Int?]

        init(_ planSet: PlanSet) {
            self.planSet = planSet
            var strategic: [[Int]: Int] = [:]
            for (index, entry) in planSet.objectives.enumerated() where entry.operational == nil {
                strategic[[entry.plan.offset, entry.strategic]] = index
            }
            parents = planSet.objectives.map { entry in
                entry.operational == nil ? nil : strategic[[entry.plan.offset, entry.strategic]]
            }
        }

        /// The index of the row `reference` of row `index` of `table` points to.
        func key(_ table: String, _ reference: String, _ index: Int) -> Int? {
            switch (table, reference) {
            case ("objectives", "plan_key"): planSet.objectives[index].plan.offset
            case ("objectives", "parent_key"): parents[index]
            case ("actions", "plan_key"): planSet.actions[index].plan.offset
            case ("actions", "objective_key"): planSet.actions[index].objective.offset
            case ("actions", "strategic_key"): planSet.actions[index].strategic.offset
            case ("budget", "plan_key"): planSet.plan(ofLine: PlanSet.LineIndex(index)).offset
            case ("budget", "action_key"): planSet.budgetLines[index].action?.offset
            case ("budget", "objective_key"): planSet.budgetLines[index].objective?.offset
            case ("budget", "article_key"): planSet.article(ofLine: PlanSet.LineIndex(index))?.offset
            case ("links", "action_key"): planSet.links[index].action.offset
            default: nil
            }
        }
    }
}
