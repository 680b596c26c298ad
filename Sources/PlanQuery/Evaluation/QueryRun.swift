/// What one run of a compiled query keeps while it runs: each text matcher's ``TextMatcher/Run``,
/// in the order of ``CompiledQuery/matchers``, and the dense columns its conditions read, in
/// the order of ``CompiledQuery/denseKeys``. Made for one run and used only by the thread
/// running it; runs at the same time, of one query or over one context, share none of its
/// matchers' states (the columns are the context's, and never change).
final class QueryRun {
    /// The matchers' states.
    let matchers: [TextMatcher.Run]
    /// The columns of the query's dense keys over the run's context.
    let columns: [DenseColumn]

    init(matchers: [TextMatcher.Run], columns: [DenseColumn]) {
        self.matchers = matchers
        self.columns = columns
    }
}

/// What a query's runs need, gathered while its conditions compile: each compiled closure
/// finds its matcher's state or its column in the run at the index it was given here.
struct RunNeeds {
    /// The text matchers, a run's ``QueryRun/matchers`` in the same order.
    var matchers: [TextMatcher] = []
    /// The dense keys whose columns a run reads, a run's ``QueryRun/columns`` in the same order.
    var denseKeys: [DenseKey] = []

    /// Adds `matcher`; returns the index of its state in a run.
    mutating func add(_ matcher: TextMatcher) -> Int {
        matchers.append(matcher)
        return matchers.count - 1
    }

    /// The index of `key`'s column in a run, added when new.
    mutating func column(_ key: DenseKey) -> Int {
        if let known = denseKeys.firstIndex(where: { $0.id == key.id }) { return known }
        denseKeys.append(key)
        return denseKeys.count - 1
    }
}
