import Foundation
import PlanKit

/// The data a query runs over: the loaded plans and what was derived from them.
///
/// A context may be shared: any number of queries may run over it at once, from any threads.
/// What it derives on first use (findings, link resolutions, folded texts, folded and dense columns) is made
/// once, under a lock, and never changed after; the plans are values that do not change.
public final class QueryContext: Sendable {
    /// The loaded plans and their indexes.
    public let planSet: PlanSet
    private let foldCache = FoldCache()
    private let foldedColumns = FoldedColumns()
    private let lineCredits = LineCredits()
    private let denseColumns = DenseColumns()
    private let derived: Derived

    /// Creates a context over `planSet`; `findings` defaults to running every rule when first asked for.
    public init(_ planSet: PlanSet, findings: [Finding]? = nil) {
        self.planSet = planSet
        derived = Derived(findings: findings)
    }

    /// Findings of the consistency checks, for the `findings` collection (computed once, on first use).
    public var findings: [Finding] { derived.findings(planSet) }

    /// How each link resolves, by index in `PlanSet.links` (computed once, on first use).
    public var linkResolutions: [LinkResolver.Resolution] { derived.resolutions(planSet) }

    /// Where each link leads, and the links leading to each action (computed once, on first use).
    var linkTargets: LinkTargets { derived.targets(planSet) }

    /// Values derived from the plans on first use.
    ///
    /// Sendable because both cached values are read and written only while `lock` is held.
    private final class Derived: @unchecked Sendable {
        private let lock = NSLock()
        private var cachedFindings: [Finding]?
        private var cachedResolutions: [LinkResolver.Resolution]?
        private var cachedTargets: LinkTargets?

        init(findings: [Finding]?) { cachedFindings = findings }

        func findings(_ plans: PlanSet) -> [Finding] {
            lock.lock()
            defer { lock.unlock() }
            if let cachedFindings { return cachedFindings }
            let made = Checker().run(on: plans)
            cachedFindings = made
            return made
        }

        func targets(_ plans: PlanSet) -> LinkTargets {
            lock.lock()
            defer { lock.unlock() }
            if let cachedTargets { return cachedTargets }
            let made = LinkTargets(plans)
            cachedTargets = made
            return made
        }

        func resolutions(_ plans: PlanSet) -> [LinkResolver.Resolution] {
            lock.lock()
            defer { lock.unlock() }
            if let cachedResolutions { return cachedResolutions }
            let resolver = LinkResolver(plans)
            let made = plans.links.map { resolver.resolve($0.link) }
            cachedResolutions = made
            return made
        }
    }

    /// `text` folded (lower case, no accents), computed once per distinct text of the context.
    func folded(_ text: String) -> String { foldCache.folded(text) }

    /// The credit budget line `i` states, read from a column built on first use.
    func statedCredit(ofLine i: Int) -> Money? {
        let cents = lineCredits.column(planSet)
        guard i >= 0, i < cents.count, cents[i] != LineCredits.none else { return nil }
        return Money(cents: cents[i])
    }

    /// A column of folded texts, built the first time a query searches it.
    func foldedColumn(_ key: FoldedColumn.Key) -> FoldedColumn { foldedColumns.column(key, of: self) }

    /// A dense key's values over every row, made the first time a query groups by it or tests it.
    func denseColumn(_ key: DenseKey) -> DenseColumn { denseColumns.column(key, of: self) }
}
