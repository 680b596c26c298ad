import CSQLite

/// An SQLite database in memory: statements run on it, then its bytes are taken as a file's.
///
/// Building in memory and writing the bytes at the end means a failed build never touches the
/// destination, and the bytes go through PlanKit's atomic writer like every other output.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    /// Why SQLite refused a statement: its message, and the statement.
    struct Failure: Error, Sendable, CustomStringConvertible {
        /// SQLite's message.
        var message: String
        /// The statement, when one failed.
        var statement: String?

        var description: String { statement.map { "\(message) (in: \($0))" } ?? message }
    }

    /// Opens an empty database in memory.
    init() throws(Failure) {
        var db: OpaquePointer?
        let code = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        handle = db
        guard code == SQLITE_OK else { throw Failure(message: errorMessage, statement: nil) }
    }

    deinit { sqlite3_close_v2(handle) }

    private var errorMessage: String {
        handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite could not open a database in memory"
    }

    /// Runs statements that take no parameters.
    func execute(_ sql: String) throws(Failure) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw Failure(message: errorMessage, statement: sql) }
    }

    /// A value bound to a statement's parameter.
    enum Value: Sendable, Hashable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    /// Runs `sql` once per row of `rows`, each binding its values to the parameters `?1`, `?2`…
    func insert(_ sql: String, _ rows: [[Value]]) throws(Failure) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw Failure(message: errorMessage, statement: sql) }
        defer { sqlite3_finalize(statement) }
        for row in rows {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (index, value) in row.enumerated() {
                let parameter = Int32(index + 1)
                switch value {
                case .null: sqlite3_bind_null(statement, parameter)
                case .integer(let n): sqlite3_bind_int64(statement, parameter, n)
                case .real(let d): sqlite3_bind_double(statement, parameter, d)
                case .text(let s): sqlite3_bind_text(statement, parameter, s, -1, plankit_sqlite_transient())
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw Failure(message: errorMessage, statement: sql) }
        }
    }

    /// The number of rows `sql` gives (for checks such as `PRAGMA foreign_key_check`).
    func count(_ sql: String) throws(Failure) -> Int {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw Failure(message: errorMessage, statement: sql) }
        defer { sqlite3_finalize(statement) }
        var rows = 0
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw Failure(message: errorMessage, statement: sql) }
            rows += 1
        }
    }

    /// The database as the bytes of an SQLite file.
    func serialized() throws(Failure) -> [UInt8] {
        var size: sqlite3_int64 = 0
        guard let data = sqlite3_serialize(handle, "main", &size, 0) else {
            throw Failure(message: "SQLite could not serialize the database (\(errorMessage))", statement: nil)
        }
        defer { sqlite3_free(data) }
        return Array(UnsafeBufferPointer(start: data, count: Int(size)))
    }
}
