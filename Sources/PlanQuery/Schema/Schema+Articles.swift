import Foundation
import PlanKit

extension Schema {
    static let article = RecordType(id: .article, fields: [
        value("code", .text, "the article, e.g. 84021/124-02") { c, i in .text(c.planSet.articles[i].article.code) },
        value("function", .text, "the function") { c, i in .text(c.planSet.articles[i].article.function) },
        value("main", .text, "the main function", aliases: ["mainfunction"]) { c, i in .text(c.planSet.articles[i].article.mainFunction) },
        value("economic", .text, "the economic code with its sub-code") { c, i in .text(c.planSet.articles[i].article.economicCode) },
        value("service", .text, "ordinary or extraordinary, from the official chart") { c, i in .text(c.planSet.articles[i].article.service.rawValue) },
        value("label", .text, "the official label of the economic code", aliases: ["official"]) { c, i in text(c.planSet.articles[i].article.official?.label) },
        value("credit", .money, "the credit stated for it (the first, when several)") { c, i in
            c.planSet.articles[i].statedCredits.first.map { .money($0.credit) } ?? .missing
        },
        value("allocated", .money, "the sum of known allocations across the loaded plans") { c, i in
            c.planSet.articles[i].allocated.map { .money($0) } ?? .unknown
        },
        value("lines", .integer, "the number of budget lines charged to it") { c, i in .integer(Int64(c.planSet.articles[i].lines.count)) },
    ], selfValue: (.text, one { c, i in .text(c.planSet.articles[i].article.code) }))
}
