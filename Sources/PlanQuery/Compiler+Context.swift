extension Compiler {
    /// Parses and compiles `text` for the plans of `context`.
    ///
    /// When several plans are loaded and the query selects no columns, the collection's plan
    /// column comes first, as on the command line and in the console.
    ///
    /// - Throws: ``QueryError`` for a query that cannot be parsed or compiled.
    public static func compile(_ text: String, for context: QueryContext) throws(QueryError) -> CompiledQuery {
        try compile(try Parser.parse(text), for: context)
    }

    /// Compiles a parsed query for the plans of `context`, with the plan column when several
    /// plans are loaded, as ``compile(_:for:)-(String,_)`` does.
    public static func compile(_ query: Query, for context: QueryContext) throws(QueryError) -> CompiledQuery {
        try compile(query, planCount: context.planSet.plans.count)
    }
}

extension QueryContext {
    /// Parses, compiles and runs `text` over this context's plans.
    ///
    /// ```swift
    /// let context = QueryContext(try PlanSet(reading: ["pst.tsv"]))
    /// let table = try context.run("actions where deadline is unknown select id, title")
    /// ```
    ///
    /// - Throws: ``QueryError`` for a query that cannot be parsed, compiled or run.
    public func run(_ text: String) throws(QueryError) -> ResultTable {
        try Compiler.compile(text, for: self).run(self)
    }
}
