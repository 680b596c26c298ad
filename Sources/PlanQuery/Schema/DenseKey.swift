import PlanKit

/// A value that depends only on a small number of its row, such as a budget line's article
/// (its index in ``PlanSet/lineArticles``): grouping by it groups by that number, and makes the
/// value once a number instead of once a row.
struct DenseKey: Sendable {
    /// Names the key among the schema's (`budget.article.main`): a context builds its
    /// ``DenseColumn`` once per name.
    let id: String
    /// Every row's number, -1 for none (``index`` for each row, in one pass).
    let numbers: @Sendable (QueryContext) -> [Int32]
    /// The number of row `i`, below ``count``; `nil` when the value is missing.
    let index: @Sendable (QueryContext, Int) -> Int?
    /// How many numbers there are.
    let count: @Sendable (QueryContext) -> Int
    /// The value of number `k`.
    let value: @Sendable (QueryContext, Int) -> QueryValue
    /// Whether different numbers always have different values (an article's code), so that a
    /// number is its value's class without comparing values.
    var injective = false

    /// The value of row `i`: its number's, or `missing` when it has none.
    func value(ofRow i: Int, in c: QueryContext) -> QueryValue {
        guard let number = index(c, i) else { return .missing }
        return value(c, number)
    }
}
