import Testing
@testable import PlanKit

/// A file's budget cells read each article code once; the cache must answer as parsing does.
@Suite struct ArticleCacheTests {
    static let codes = [
        "84021/124-02", "84021/124-03", "840/124-02", "8402/124-02", "84021 / 124-02", "84021/124-02.2019",
        "84021/124-02.2020", "1042/123-13", "104/123-13", "12/34", "xxx/wal-13.2019", "840/731-5", "",
        "123456789012345678901/124-02", "1234567890123456789/124-02", "84021/124-02 ", "８４０/124-02",
    ]

    @Test func answersAsParsingDoesEachTime() {
        let cache = ArticleCache()
        for _ in 0..<2 {
            for code in Self.codes {
                let cached = cache.article(Array(code.utf8)[...])
                #expect(cached == BudgetArticle(parsing: code), "\(code)")
                #expect(cached?.code == BudgetArticle(parsing: code)?.code, "\(code)")
            }
        }
    }
}
