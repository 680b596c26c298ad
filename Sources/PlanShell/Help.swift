import Foundation
import PlanQuery

/// The console's `.help` texts.
enum Help {
    static let topics = ["queries", "meta", "assert", "keys"]

    static func text(_ topic: String?) -> String? {
        switch topic?.lowercased() {
        case nil:
            return """
                A statement is a query, an assertion or check; Enter runs it (; ends one too).
                It goes on to the next line while a parenthesis or a string is open, or after
                a word that asks for more (where, and, by, select, ,).

                  actions where budget.article ~ "840"
                  budget where kind = "ordinary" select sum(amount)
                  assert actions where pilot.agent is unknown is empty
                  check

                Meta-commands start with a dot: .help meta lists them (.load, .plans, .quit…).
                More help: .help TOPIC, where TOPIC is \(topics.joined(separator: ", ")).

                """
        case "meta":
            return """
                .help [TOPIC]            help; topics: \(topics.joined(separator: ", "))
                .load FILE…              load plan files (or a directory's)
                .unload [FILE…]          unload those files' plans (all plans without a file)
                .plans                   what is loaded, with counts
                .schema [COLLECTION]     collections, or a collection's fields and types
                .format FORMAT           table, csv, json, markdown, xlsx (to an .output file)
                .output FILE|stdout      send results to a file (written atomically) or back
                .param [NAME=VALUE]      set $NAME (.param -NAME unsets it); alone, list them
                .timer on|off            print each statement's time
                .history                 the statements entered
                .quit                    leave (Ctrl-D too; .exit is the same)

                """
        case "queries", "query":
            return """
                COLLECTION [where CONDITION] [group by PATH,…] [select [distinct] ITEM,…]
                           [having CONDITION] [sort by KEY [asc|desc],…] [limit N]

                Collections: \(Schema.collections.map(\.name).joined(separator: ", ")).
                Conditions: = != < <= > >= ~ !~ in (…) not in (…), and, or, not, ( );
                  is [not] known|unknown|none|missing|empty|incomplete.
                Values: "text", 20000, true, today(), date("2021-07-01"), year(today()),
                  $NAME (.param NAME=VALUE, or --param), fields, + - * / ( ).
                Aggregates: count() count(p) count(distinct p) sum(p) avg(p) min(p) max(p);
                  percent(x) in select: x as a share of its column's total.
                .schema COLLECTION lists the fields; Docs/query-language.md tells the rest.

                """
        case "assert":
            return """
                assert QUERY is empty          fails when the query gives rows
                assert QUERY is not empty      fails when it gives none
                assert QUERY OP VALUE          QUERY selects one value, as in
                  assert budget select sum(amount) = 70000
                Wrap the query in parentheses when it ends with a condition on a state:
                  assert (actions where deadline is empty) is empty
                In a script a failed assertion prints SCRIPT:LINE: assertion failed: …
                and the run exits 1.

                """
        case "keys":
            return """
                Tab       complete collections, clauses, fields (budget. → amount…), values,
                          aggregates, today(), $NAME, meta-commands, files
                Up/Down   recall statements; Ctrl-R searches them
                Ctrl-C    cancel the line being typed
                Ctrl-D    leave, saving history

                """
        default:
            return nil
        }
    }
}

/// The console's `.schema` texts.
enum SchemaHelp {
    static func text(_ name: String?) -> String? {
        guard let name else {
            let width = Schema.collections.map(\.name.count).max() ?? 0
            return Schema.collections.map { "\($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.summary)" }
                .joined(separator: "\n") + "\n"
        }
        guard let collection = Schema.collection(name), let type = Schema.recordTypes[collection.recordType] else { return nil }
        var lines: [(String, String, String)] = []
        for field in type.fields {
            lines.append((field.name, field.typeName, field.summary))
            if let nested = field.recordTypeName, let record = Schema.recordTypes[nested], !["action", "budget", "link", "objective"].contains(nested) {
                for sub in record.fields { lines.append(("\(field.name).\(sub.name)", sub.typeName, sub.summary)) }
            }
        }
        let w1 = lines.map(\.0.count).max() ?? 0, w2 = lines.map(\.1.count).max() ?? 0
        return "\(collection.name): \(collection.summary)\n" + lines.map {
            "  \($0.0.padding(toLength: w1, withPad: " ", startingAt: 0))  \($0.1.padding(toLength: w2, withPad: " ", startingAt: 0))  \($0.2)"
        }.joined(separator: "\n") + "\n"
    }
}
