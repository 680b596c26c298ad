import Foundation
import PlanKit

extension Schema {
    static let finding = RecordType(id: .finding, fields: [
        value("rule", .text, "the rule's id, e.g. budget.overcommitted") { c, i in .text(c.findings[i].rule) },
        value("severity", .text, "error, warning or info") { c, i in .text(c.findings[i].severity.rawValue) },
        value("message", .text, "what is wrong") { c, i in .text(c.findings[i].message) },
        value("subject", .text, "the action, article or plan concerned") { c, i in .text(c.findings[i].subject) },
        value("file", .text, "the file") { c, i in text(c.findings[i].location?.file) },
        value("line", .integer, "the line (missing for a whole file or sheet)") { c, i in
            c.findings[i].location.flatMap { $0.line > 0 ? .integer(Int64($0.line)) : nil } ?? .missing
        },
        value("column", .integer, "the column (in a spreadsheet, the cell's: 1 = A)") { c, i in
            c.findings[i].location.flatMap { $0.line > 0 ? .integer(Int64($0.column)) : nil } ?? .missing
        },
        value("text", .text, "a reader's finding: the input's text concerned, verbatim") { c, i in text(c.findings[i].text) },
    ], selfValue: (.text, one { c, i in .text(c.findings[i].rule) }))
}
