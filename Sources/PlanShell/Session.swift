import Foundation
import PlanKit
import PlanQuery

/// A console session: loaded plans, output settings, and the statements run so far.
///
/// The REPL and the script runner both drive a session; it never reads the terminal itself, so
/// it is tested without one.
public final class Session {
    /// What running a statement gave.
    public enum Outcome: Sendable, Equatable {
        /// It ran.
        case success
        /// An assertion failed, or `check` found errors; the rest may go on.
        case assertionFailed
        /// An error: a bad statement, an unreadable file, an unwritable output.
        case failed
        /// `.quit`.
        case quit
    }

    /// Where the session writes: results, and messages.
    public struct Sink {
        /// Writes results.
        public var out: (String) -> Void
        /// Writes messages: errors, warnings, timings (a line break is added).
        public var err: (String) -> Void

        /// Creates a sink.
        public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
            self.out = out
            self.err = err
        }

        /// Standard output and standard error.
        public static var standard: Sink { Sink(out: Console.out, err: Console.error) }
    }

    /// The loaded plans.
    public private(set) var planSet = PlanSet()
    /// The files loaded, in order.
    public private(set) var files: [String] = []
    /// The format results are rendered in.
    public var format: OutputFormat = .table
    /// Whether to print each statement's time.
    public var timer = false
    /// The statements entered, oldest first (the REPL fills it).
    public var history: [String] = []
    /// The parameters `$name` stands for, and the day `today()` is, in the statements.
    public var environment = QueryEnvironment()
    /// How tables are drawn: width and box lines.
    public var tableOptions: @Sendable () -> TableRenderer.Options = { TableRenderer.Options() }

    private var sink: Sink
    private var context: QueryContext?
    private var outputPath: String?
    private var outputBuffer = ""
    /// The results written to the `.output` file as a workbook since `.output`, a sheet each.
    private var outputTables: [ResultTable] = []

    /// Creates a session writing to `sink`.
    public init(sink: Sink = .standard) {
        self.sink = sink
    }

    /// The query context over the loaded plans, rebuilt after a load.
    public var queryContext: QueryContext {
        if let context { return context }
        let made = QueryContext(planSet)
        context = made
        return made
    }

    /// Loads plan files, and the plan files of directories; warnings and errors are written to
    /// the error sink.
    ///
    /// - Returns: `false` when a file could not be read (the others are still loaded).
    @discardableResult
    public func load(_ paths: [String]) -> Bool {
        var ok = true
        for path in paths {
            let files: [String]
            do { files = try PlanReader.planFiles([path]) } catch {
                sink.err(error.description)
                ok = false
                continue
            }
            for file in files {
                do {
                    let plans = try PlanReader().read(path: file)
                    for warning in plans.flatMap(\.warnings) { sink.err(warning.description) }
                    let reported = planSet.warnings.count
                    planSet.add(contentsOf: plans)
                    // A plan already loaded is reported and not counted again.
                    for warning in planSet.warnings[reported...] { sink.err(warning.description) }
                    self.files.append(file)
                    context = nil
                } catch {
                    sink.err(error.description)
                    ok = false
                }
            }
        }
        return ok
    }

    /// Unloads the plans read from `paths` (all plans when `paths` is empty).
    ///
    /// - Returns: `false` when a path names no loaded file (the others are still unloaded).
    @discardableResult
    public func unload(_ paths: [String]) -> Bool {
        guard !paths.isEmpty else {
            planSet = PlanSet()
            files = []
            context = nil
            return true
        }
        var ok = true
        var unloaded: [String] = []
        for path in paths {
            let matching = files.filter { $0 == path || AtomicFile.sameFile($0, path) }
            if matching.isEmpty {
                let loaded = files.isEmpty ? "no file is loaded" : "loaded files are " + files.joined(separator: ", ")
                sink.err("\(path): error: this file is not loaded; \(loaded).")
                ok = false
            }
            unloaded += matching
        }
        guard !unloaded.isEmpty else { return ok }
        files.removeAll { unloaded.contains($0) }
        planSet = PlanSet(planSet.plans.filter { !unloaded.contains($0.source) })
        context = nil
        return ok
    }

    /// Adds already-read and indexed plans, and the files they came from.
    public func add(_ set: PlanSet, files paths: [String]) {
        if planSet.plans.isEmpty { planSet = set } else { planSet.add(contentsOf: set.plans) }
        files += paths
        context = nil
    }

    /// Runs one statement; `source` names the script (or `repl`) in messages.
    public func run(_ statement: StatementText, source: String) -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome: Outcome
        do {
            outcome = try execute(Statement.parse(statement.aligned, environment: environment), statement, source: source)
        } catch {
            sink.err(error.rendered(source: statement.aligned, name: source, lineOffset: statement.line - 1))
            outcome = .failed
        }
        if timer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            sink.err(String(format: "time: %.3f ms", elapsed))
        }
        return outcome
    }

    private func execute(_ statement: Statement, _ text: StatementText, source: String) throws(QueryError) -> Outcome {
        switch statement {
        case .query(let query):
            let context = queryContext
            let compiled = try Compiler.compile(query, for: context)
            warn(query, text, source: source)
            let table = try compiled.run(context)
            return emit(table, at: "\(source):\(text.line)")
        case .assertion(let query, let expectation):
            let context = queryContext
            // A compared value is the query's one column, with no plan column before it.
            let compiled = if case .compare = expectation { try Compiler.compile(query) } else { try Compiler.compile(query, for: context) }
            warn(query, text, source: source)
            let table = try compiled.run(context)
            guard let failure = try Self.failure(of: expectation, table, text: text) else { return .success }
            var message = "\(source):\(text.line): assertion failed: \(failure)"
            if !table.rows.isEmpty, expectation != .notEmpty {
                message += "\n" + OutputFormat.table.render(table, options: tableOptions()).trimmingTrailingWhitespace
            }
            sink.err(message)
            return .assertionFailed
        case .check(let ids):
            let rules = ids.isEmpty ? Checker.allRules : ids.compactMap(Checker.rule)
            let findings = Checker(rules: rules).run(on: planSet)
            let outcome = emit(FindingsTable.table(findings), at: "\(source):\(text.line)")
            if outcome != .success { return outcome }
            let errors = findings.filter { $0.severity == .error }.count
            if errors > 0 {
                sink.err("\(source):\(text.line): check found \(errors) error\(errors == 1 ? "" : "s").")
                return .assertionFailed
            }
            return .success
        case .meta(let command):
            return meta(command, text, source: source)
        }
    }

    /// Writes the query's warnings (a value no row can have) to the error sink.
    private func warn(_ query: Query, _ text: StatementText, source: String) {
        for warning in Compiler.warnings(query, in: queryContext) {
            sink.err(warning.rendered(source: text.aligned, name: source, lineOffset: text.line - 1))
        }
    }

    /// Why an assertion fails, or `nil` when it holds.
    static func failure(of expectation: Expectation, _ table: ResultTable, text: StatementText) throws(QueryError) -> String? {
        let statement = text.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        switch expectation {
        case .empty:
            return table.rows.isEmpty ? nil : "\(statement): expected no rows, found \(table.rows.count)."
        case .notEmpty:
            return table.rows.isEmpty ? "\(statement): expected rows, found none." : nil
        case .compare(let op, let literal, let location):
            guard table.rows.count == 1, table.columns.count == 1 else {
                throw QueryError("A comparing assertion needs a query giving one value (one row, one column), and this one gives \(table.rows.count) row(s) of \(table.columns.count) column(s); select one aggregate, such as sum(amount).", at: location)
            }
            let value = table.rows[0][0]
            let column = Path(components: [table.columns[0]], locations: [location])
            let expected = try Compiler.convert(literal, to: valueType(of: value, or: literal), path: column, at: location)
            let comparison = QueryValue.compare(value, expected)
                ?? (value.isState ? nil : (value.text == expected.text ? 0 : (value.text < expected.text ? -1 : 1)))
            let holds = comparison.map(op.holds) ?? false
            let shown = value.isState ? (value == .missing ? "no value" : value.text) : value.text
            return holds ? nil : "\(statement): got \(shown)."
        }
    }

    /// Writes a result in the session's format: as text, or, in `xlsx`, as a workbook.
    ///
    /// A workbook goes to the `.output` file, rewritten atomically with a sheet per result since
    /// `.output`; a pipe or a device gets a workbook per result; a terminal gets none.
    private func emit(_ table: ResultTable, at statement: String) -> Outcome {
        guard format.isBinary else { return emit(format.render(table, options: tableOptions())) }
        guard let outputPath else {
            sink.err("\(statement): error: an \(format.rawValue) workbook is binary and is not shown here; name its file first with .output FILE.\(format.rawValue).")
            return .failed
        }
        let stream = AtomicFile.isStream(outputPath)
        if stream, AtomicFile.isTerminal(outputPath) {
            sink.err("\(outputPath): error: an \(format.rawValue) workbook is binary and this is a terminal; give .output the name of a file.")
            return .failed
        }
        if !stream { outputTables.append(table) }
        guard let bytes = XLSXRenderer.render(stream ? [table] : outputTables) else {
            sink.err("\(outputPath): error: the workbook could not be made in memory; the file was left as it was.")
            return .failed
        }
        do {
            try AtomicFile.write(bytes, to: outputPath)
            return .success
        } catch {
            sink.err(error.message)
            return .failed
        }
    }

    /// The type a literal is converted to for comparing with `value`, as a `where` clause converts
    /// it for a field of that type; for unknown, none or missing, which have none, the literal's own.
    static func valueType(of value: QueryValue, or literal: Literal) -> ValueType {
        switch value {
        case .money, .incomplete: .money
        case .integer, .decimal, .incompleteNumber: .integer
        case .bool: .bool
        case .id: .id
        case .deadline: .deadline
        case .date: .date
        case .text, .list: .text
        case .unknown, .none, .missing:
            switch literal {
            case .number: .integer
            case .string: .text
            case .bool: .bool
            case .date: .date
            }
        }
    }

    /// Writes a result to the output (standard output, or the `.output` file, rewritten atomically;
    /// a pipe or a device gets each result as it comes).
    private func emit(_ text: String) -> Outcome {
        guard let outputPath else {
            sink.out(text)
            return .success
        }
        let stream = AtomicFile.isStream(outputPath)
        if !stream { outputBuffer += text }
        do {
            try AtomicFile.write(Array((stream ? text : outputBuffer).utf8), to: outputPath)
            return .success
        } catch {
            sink.err(error.message)
            return .failed
        }
    }

    private func meta(_ command: MetaCommand, _ text: StatementText, source: String) -> Outcome {
        switch command {
        case .help(let topic):
            guard let help = Help.text(topic) else {
                sink.err("\(source):\(text.line): error: no help on '\(topic ?? "")'; topics are \(Help.topics.joined(separator: ", ")).")
                return .failed
            }
            sink.out(help)
        case .load(let paths):
            return load(paths) ? .success : .failed
        case .unload(let paths):
            return unload(paths) ? .success : .failed
        case .plans:
            var rows: [[QueryValue]] = []
            for plan in planSet.plans {
                let actions = plan.actions
                let operational = plan.objectives.flatMap(\.operationalObjectives)
                // Budget lines of every level: actions', objectives' and volets'.
                let lines = actions.reduce(0) { $0 + $1.budgetLineCount } + plan.objectives.reduce(0) { $0 + $1.budget.count }
                    + operational.reduce(0) { $0 + $1.budget.count } + (plan.exchange?.volets.reduce(0) { $0 + $1.budget.count } ?? 0)
                rows.append([.text(plan.name), .text(plan.kind.rawValue), .text(plan.source), .integer(Int64(plan.objectives.count)),
                             .integer(Int64(operational.count)), .integer(Int64(actions.count)), .integer(Int64(lines)),
                             .integer(Int64(plan.warnings.count))])
            }
            let columns = ["plan", "kind", "file", "strategic", "operational", "actions", "budget lines", "warnings"]
            return emit(ResultTable(columns: columns, rows: rows), at: "\(source):\(text.line)")
        case .schema(let name):
            guard let text = SchemaHelp.text(name) else {
                sink.err("\(source):\(text.line): error: unknown collection '\(name ?? "")'; collections are \(Schema.collections.map(\.name).joined(separator: ", ")).")
                return .failed
            }
            sink.out(text)
        case .format(let format):
            // A file written as text and then as a workbook (or back) starts again with the next result.
            if format.isBinary != self.format.isBinary {
                outputBuffer = ""
                outputTables = []
            }
            self.format = format
        case .output(let path):
            if let path, files.contains(where: { AtomicFile.sameFile($0, path) }) {
                sink.err("\(path): error: this file is loaded as a plan; writing results over it would lose it. Choose another file.")
                return .failed
            }
            outputPath = path
            outputBuffer = ""
            outputTables = []
        case .timer(let on):
            timer = on
        case .history:
            for (index, entry) in history.enumerated() { sink.out("\(index + 1)  \(entry)\n") }
        case .param(let changes):
            return parameters(changes, text, source: source)
        case .quit:
            return .quit
        }
        return .success
    }

    /// `.param`: sets, unsets or shows parameters in order; with no change, lists every one set.
    private func parameters(_ changes: [MetaCommand.ParameterChange], _ text: StatementText, source: String) -> Outcome {
        func shown(_ name: String, _ value: String) -> String {
            let literal = Lexer.isNumber(value) ? value : "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
            return "$\(name) = \(literal)\n"
        }
        guard !changes.isEmpty else {
            let names = environment.parameters.keys.sorted()
            if names.isEmpty { sink.out("(no parameters; .param NAME=VALUE sets one)\n") }
            for name in names { sink.out(shown(name, environment.parameters[name] ?? "")) }
            return .success
        }
        for change in changes {
            switch change {
            case .set(let name, let value):
                environment.parameters[name] = value
            case .unset(let name), .show(let name):
                guard let value = environment.parameters[name] else {
                    let set = environment.parameters.keys.sorted().map { "$" + $0 }
                    sink.err("\(source):\(text.line): error: $\(name) has no value; \(set.isEmpty ? "no parameter is set" : "parameters set are " + set.joined(separator: ", ")).")
                    return .failed
                }
                if case .unset = change { environment.parameters[name] = nil } else { sink.out(shown(name, value)) }
            }
        }
        return .success
    }
}

/// Findings as a result table: severity, rule, subject, message, file, line.
package enum FindingsTable {
    /// The table of `findings`.
    package static func table(_ findings: [Finding]) -> ResultTable {
        ResultTable(columns: ["severity", "rule", "subject", "message", "file", "line", "column"], rows: findings.map { finding in
            [.text(finding.severity.rawValue), .text(finding.rule), .text(finding.subject), .text(finding.message),
             finding.location.map { .text($0.file) } ?? .missing,
             // A whole file or sheet (line 0) has no line nor column.
             finding.location.flatMap { $0.line > 0 ? .integer(Int64($0.line)) : nil } ?? .missing,
             finding.location.flatMap { $0.line > 0 ? .integer(Int64($0.column)) : nil } ?? .missing]
        })
    }
}
