/// What one run of a compiled query keeps while it runs: each text matcher's ``TextMatcher/Run``,
/// in the order of ``CompiledQuery/matchers``. Made for one run and used only by the thread
/// running it; runs at the same time, of one query or over one context, share none of it.
final class QueryRun {
    /// The matchers' states.
    let matchers: [TextMatcher.Run]

    init(matchers: [TextMatcher.Run]) { self.matchers = matchers }
}
