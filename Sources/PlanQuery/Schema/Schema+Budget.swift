import Foundation
import PlanKit

extension Schema {
    static let budget = RecordType(id: .budget, fields: [
        Field(name: "action", aliases: [], summary: "the action the line belongs to; null for an objective's or a volet's line",
              kind: .record(.action, many: false, { c, i, visit in c.planSet.budgetLines[i].action.map { visit($0.offset) } ?? false })),
        value("level", .text, "the element the line belongs to: volet, strategic, operational, action or subaction") { c, i in
            .text(c.planSet.budgetLines[i].level.name)
        },
        value("owner", .id, "the id of the element the line belongs to: OS.1, OO.2, an action's 1.2, a volet's label") { c, i in
            .id(c.planSet.owner(ofLine: PlanSet.LineIndex(i)))
        },
        value("plan", .text, "the plan's name") { c, i in .text(c.planSet.plans[c.planSet.plan(ofLine: PlanSet.LineIndex(i))].name) },
        value("kind", .text, "ordinary or extraordinary") { c, i in .text(c.planSet.budgetLines[i].kind.rawValue) },
        searchable(value("label", .text, "the label before the amount, e.g. CCE") { c, i in text(c.planSet.budgetLines[i].line.label) }, .budgetLabel),
        value("amount", .money, "the amount allocated to the element") { c, i in
            switch c.planSet.budgetLines[i].amount {
            case .known(let m): .money(m)
            case .unknown: .unknown
            case .none: .none
            case .missing: .missing
            }
        },
        sameRow(record("article", .budgetArticle, "the article charged") { _, i in i }),
        value("credit", .money, "the article's total credit as the line states it") { c, i in
            c.statedCredit(ofLine: i).map { .money($0) } ?? .missing
        },
        value("funding", .text, "the plan whose envelope funds the line") { c, i in text(c.planSet.budgetLines[i].line.fundingPlan) },
        value("note", .text, "other text in parentheses") { c, i in text(c.planSet.budgetLines[i].line.note) },
        searchable(value("text", .text, "the line's text in the cell") { c, i in .text(c.planSet.budgetLines[i].line.text) }, .budgetText),
        value("file", .text, "the plan's file") { c, i in .text(c.planSet.budgetLines[i].line.location.file) },
        value("line", .integer, "the line in the file") { c, i in .integer(Int64(c.planSet.budgetLines[i].line.location.line)) },
    ], selfValue: (.money, one { c, i in
        switch c.planSet.budgetLines[i].amount {
        case .known(let m): .money(m)
        default: .unknown
        }
    }))

    /// A value of a budget line's article, made once an article when rows are grouped by it.
    static func articleValue(_ name: String, _ type: ValueType, _ summary: String, aliases: [String] = [], injective: Bool = false,
                             _ f: @escaping @Sendable (BudgetArticle) -> QueryValue) -> Field {
        let key = articleKey("budget.article.\(name)", injective: injective, f)
        var field = value(name, type, summary, aliases: aliases) { c, i in key.value(ofRow: i, in: c) }
        field.denseKey = key
        return field
    }

    /// The line's index in ``PlanSet/lineArticles`` as the number `f`'s value depends on.
    /// `injective` when different articles always have different values (their code).
    static func articleKey(_ id: String, injective: Bool = false, _ f: @escaping @Sendable (BudgetArticle) -> QueryValue) -> DenseKey {
        DenseKey(id: id, numbers: { c in c.planSet.lineArticleOffsets }, index: { c, i in c.planSet.budgetLines[i].article?.offset }, count: { c in c.planSet.lineArticles.count },
                 value: { c, k in f(c.planSet.lineArticles[k]) }, injective: injective)
    }

    /// `field`, marked as the same row seen as another record.
    static func sameRow(_ field: Field) -> Field {
        var field = field
        field.sameRow = true
        return field
    }

    static let lineArticle = RecordType(id: .budgetArticle, fields: [
        articleValue("code", .text, "the article as written, e.g. 84021/124-02", injective: true) { .text($0.code) },
        articleValue("function", .text, "the function, e.g. 84021") { .text($0.function) },
        articleValue("main", .text, "the main function: the function's first three digits", aliases: ["mainfunction"]) { .text($0.mainFunction) },
        articleValue("economic", .text, "the economic code, e.g. 124 for 84021/124-02") { .text($0.economic) },
        articleValue("subCode", .text, "the sub-code, e.g. 02 for 84021/124-02") { .text($0.subCode) },
        articleValue("economicCode", .text, "the economic code with its sub-code, e.g. 124-02, as the official chart lists it") { .text($0.economicCode) },
        articleValue("service", .text, "ordinary or extraordinary, from the official chart") { .text($0.service.rawValue) },
        value("label", .text, "the article's label as the plan writes it") { c, i in text(c.planSet.budgetLines[i].line.articleLabel) },
        articleValue("official", .text, "the official label of the economic code") { text($0.official?.label) },
        articleValue("year", .integer, "the budget year suffix (.2019), if any") { $0.year.map { .integer(Int64($0)) } ?? .missing },
    ], selfValue: (.text, one { c, i in articleCode.value(ofRow: i, in: c) }), selfDense: articleCode)

    /// A line's article as its code.
    static let articleCode = articleKey("budget.article", injective: true) { .text($0.code) }
}
