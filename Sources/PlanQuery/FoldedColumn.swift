import Foundation
import PlanKit

/// The texts a `~` scans often, folded once and laid end to end, so a search reads one
/// contiguous buffer instead of folding each row's text as it goes.
struct FoldedColumn: Sendable {
    /// The columns there are.
    enum Key: Int, CaseIterable, Sendable {
        /// `actions.title`.
        case actionTitle
        /// `budget.text`: a line's part of its cell (every line has one, empty at worst).
        case budgetText
        /// `budget.label`: the label before a line's amount, missing on most lines.
        case budgetLabel
        /// `links.target.title`: the title of what a link leads to, when it has one.
        case linkTargetTitle

        /// The number of rows and each row's text, `nil` when the row has none; for rows that
        /// show another record's text, which record it is (rows of the same record share its text).
        func source(_ context: QueryContext) -> (count: Int, text: (Int) -> Substring?, record: ((Int) -> Int?)?) {
            switch self {
            case .actionTitle: return (context.planSet.actions.count, { context.planSet.actions[$0].title }, nil)
            case .budgetText: return (context.planSet.budgetLines.count, { Substring(context.planSet.budgetLines[$0].line.text) }, nil)
            case .budgetLabel: return (context.planSet.budgetLines.count, { context.planSet.budgetLines[$0].line.label.map { Substring($0) } }, nil)
            case .linkTargetTitle:
                // Many links lead to the same action, objective or axis: each title is folded once.
                let targets = context.linkTargets
                let actions = context.planSet.actions.count, objectives = context.planSet.objectives.count
                return (context.planSet.links.count, { Schema.linkTargetTitle(context, $0, targets) }, { link in
                    if let action = targets.action(ofLink: link) { return action }
                    if let objective = targets.objective(ofLink: link) { return actions + objective }
                    // An axis's official title is an axis link's only (as `Schema.linkTargetTitle`).
                    guard context.planSet.links[link].target.element == .axis else { return nil }
                    return targets.axis(ofLink: link).map { actions + objectives + $0 }
                })
            }
        }
    }

    /// Every row's folded text, one after the other.
    let bytes: [UInt8]
    /// Where each row's text ends in ``bytes``.
    let ends: [Int]
    /// The rows without a text, which match nothing; empty when every row has one.
    let missing: [Bool]

    /// Folds each row's text as `~` does (``TextFolding/fold(_:)``); a row without one is missing.
    /// Rows of the same `record` (when given) have the same text, folded once.
    init(count: Int, text: (Int) -> Substring?, record: ((Int) -> Int?)? = nil) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var missing: [Bool] = []
        var folded: [Int: [UInt8]] = [:]
        ends.reserveCapacity(count)
        for row in 0..<count {
            let key = record?(row)
            if let key, let known = folded[key] {
                bytes.append(contentsOf: known)
            } else if let text = text(row) {
                let made = Array(TextFolding.fold(text).utf8)
                bytes.append(contentsOf: made)
                if let key { folded[key] = made }
            } else {
                if missing.isEmpty { missing = [Bool](repeating: false, count: count) }
                missing[row] = true
            }
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
        self.missing = missing
    }

    /// Whether row `index` has no text.
    func isMissing(_ index: Int) -> Bool { index >= 0 && index < missing.count && missing[index] }

    /// The byte range of row `index`.
    func range(_ index: Int) -> Range<Int> {
        guard index >= 0 && index < ends.count else { return 0..<0 }
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
}

/// The folded columns of one context, built on first use.
///
/// Sendable because `columns` is read and written only while `lock` is held; a column, once
/// built, is a value that does not change. A run that needs a column being built by another
/// waits for it rather than building it twice.
final class FoldedColumns: @unchecked Sendable {
    private let lock = NSLock()
    private var columns = [FoldedColumn?](repeating: nil, count: FoldedColumn.Key.allCases.count)

    /// The column for `key` over `context`, folding it the first time.
    func column(_ key: FoldedColumn.Key, of context: QueryContext) -> FoldedColumn {
        lock.lock()
        defer { lock.unlock() }
        if let column = columns[key.rawValue] { return column }
        let (count, text, record) = key.source(context)
        let column = FoldedColumn(count: count, text: text, record: record)
        columns[key.rawValue] = column
        return column
    }
}
