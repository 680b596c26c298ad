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

        /// The number of rows and each row's text, `nil` when the row has none.
        func source(_ context: QueryContext) -> (count: Int, text: (Int) -> Substring?) {
            switch self {
            case .actionTitle: (context.planSet.actions.count, { context.planSet.actions[$0].title })
            case .budgetText: (context.planSet.budgetLines.count, { Substring(context.planSet.budgetLines[$0].line.text) })
            case .budgetLabel: (context.planSet.budgetLines.count, { context.planSet.budgetLines[$0].line.label.map { Substring($0) } })
            case .linkTargetTitle: (context.planSet.links.count, { Schema.linkTargetTitle(context, $0) })
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
    init(count: Int, text: (Int) -> Substring?) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var missing: [Bool] = []
        ends.reserveCapacity(count)
        for row in 0..<count {
            if let text = text(row) {
                bytes.append(contentsOf: TextFolding.fold(text).utf8)
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
        let (count, text) = key.source(context)
        let column = FoldedColumn(count: count, text: text)
        columns[key.rawValue] = column
        return column
    }
}
