import Foundation
import PlanKit
import PlanQuery

// `Collection` is Swift's and `Expression` is Foundation's, next to PlanQuery.
func count<C: Collection>(_ c: C) -> Int { c.count }
let names: any Collection<String> = ["PlanKit", "PlanQuery"]
print("modules:", count(Array(names)))

let paths = Array(CommandLine.arguments.dropFirst())
do {
    // Reading and checking, as the README shows.
    let set = try PlanSet(reading: paths)
    for finding in Checker().run(on: set) { print(finding) }

    // Querying, with results read by column name.
    let context = QueryContext(set)
    let table = try context.run("budget where amount is known group by kind select kind, sum(amount)")
    for row in table.namedRows {
        print(row.text("kind") ?? "?", row.money("sum(amount)").map(String.init(describing:)) ?? "-")
    }

    // Typed indexes: each table takes its own.
    for line in set.budgetLines.indices.prefix(3) {
        if let action = set.budgetLines[line].action { print(set.actions[action].action) }
    }
    let total = set.budgetLines.compactMap { $0.line.amount.value }.sum()
    print("total:", total.map(String.init(describing:)) ?? "overflow")
} catch let error as QueryError {
    print("query error:", error.localizedDescription)
    exit(1)
} catch {
    print("error:", error)
    exit(1)
}

// The README's example.
if let path = paths.first {
    let plans = try PlanReader().read(path: path)
    let context = QueryContext(PlanSet(plans))
    let table = try Compiler.compile("actions where deadline is unknown").run(context)
    print(OutputFormat.markdown.render(table))
}
