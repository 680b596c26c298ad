import Foundation
import PlanKit

extension Schema {
    static let article = RecordType(id: .article, fields: [
        value("code", .text, "the article, e.g. 84021/124-02") { c, i in .text(c.planSet.articles[i].article.code) },
        value("commune", .text, "the commune whose plans charge it (their COMMUNE line); missing for the plans naming none, taken together") { c, i in
            text(c.planSet.articles[i].commune)
        },
        value("function", .text, "the function") { c, i in .text(c.planSet.articles[i].article.function) },
        value("main", .text, "the main function", aliases: ["mainfunction"]) { c, i in .text(c.planSet.articles[i].article.mainFunction) },
        value("economic", .text, "the economic code, e.g. 332 for 84022/332-01") { c, i in .text(c.planSet.articles[i].article.economic) },
        value("subCode", .text, "the sub-code, e.g. 01 for 84022/332-01") { c, i in .text(c.planSet.articles[i].article.subCode) },
        value("economicCode", .text, "the economic code with its sub-code, e.g. 332-01, as the official chart lists it") { c, i in .text(c.planSet.articles[i].article.economicCode) },
        value("service", .text, "ordinary or extraordinary, from the official chart") { c, i in .text(c.planSet.articles[i].article.service.rawValue) },
        value("label", .text, "the official label of the economic code", aliases: ["official"]) { c, i in text(c.planSet.articles[i].article.official?.label) },
        value("credit", .money, "the credit stated for it (the first, when several)") { c, i in
            c.planSet.articles[i].statedCredits.first.map { .money($0.credit) } ?? .missing
        },
        value("allocated", .money, "the sum of known allocations across the commune's loaded plans; incomplete when some are unknown, unknown when none is known") { c, i in
            let entry = c.planSet.articles[i]
            guard entry.allocated != nil else { return .unknown }
            return sum(entry.lines.lazy.map { c.planSet.budgetLines[$0].amount })
        },
        value("lines", .integer, "the number of budget lines charged to it") { c, i in .integer(Int64(c.planSet.articles[i].lines.count)) },
    ], selfValue: (.text, one { c, i in .text(c.planSet.articles[i].article.code) }))
}
