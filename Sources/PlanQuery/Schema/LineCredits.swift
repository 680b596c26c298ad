import Foundation
import PlanKit

/// The credit each budget line states, in cents (``LineCredits/none`` when it states none),
/// read once per context on first use: a line's credit sits behind its boxed extras, and a
/// filter comparing it row by row (`credit > amount`) would otherwise open every box each time.
///
/// Sendable because `cents` is read and written only while `lock` is held; once built, the
/// array is a value that does not change.
final class LineCredits: @unchecked Sendable {
    /// The number that stands for "no credit stated".
    static let none = Int64.min
    private let lock = NSLock()
    private var cents: [Int64]?

    /// Every line's credit, in the order of ``PlanSet/budgetLines``.
    func column(_ planSet: PlanSet) -> [Int64] {
        lock.lock()
        defer { lock.unlock() }
        if let cents { return cents }
        let made = planSet.budgetLines.map { $0.line.statedCredit?.cents ?? Self.none }
        cents = made
        return made
    }
}
