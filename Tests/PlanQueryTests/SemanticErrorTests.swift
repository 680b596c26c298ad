import Testing
@testable import PlanQuery

@Suite struct SemanticErrorTests {
    @Test(arguments: [
        ("actions where budgte.amount > 3",
         "query:1:15: error: Unknown field 'budgte' on action; did you mean 'budget'?\nactions where budgte.amount > 3\n              ^^^^^^"),
        ("acions",
         "query:1:1: error: Unknown collection 'acions'; did you mean 'actions'?\nacions\n^^^^^^"),
        ("things",
         "query:1:1: error: Unknown collection 'things'; collections are plans, objectives, actions, budget, links, articles, findings.\nthings\n^^^^^^"),
        ("budget where amount > \"lots\"",
         "query:1:23: error: 'amount' is an amount; compare it with a number of euros, as in amount > 1000.\nbudget where amount > \"lots\"\n                      ^^^^^^"),
        ("budget where amount ~ \"3\"",
         "query:1:14: error: ~ matches text, and 'amount' is an amount; compare it with =, <, >.\nbudget where amount ~ \"3\"\n             ^^^^^^"),
        ("actions where title",
         "query:1:15: error: 'title' is text, not true or false; compare it, as in title = \"…\" or title is unknown.\nactions where title\n              ^^^^^"),
        ("actions select title, count()",
         "query:1:16: error: 'title' is neither grouped nor aggregated; add group by title, or wrap it in an aggregate such as count() or sum().\nactions select title, count()\n               ^^^^^"),
        ("budget group by kind select label",
         "query:1:29: error: 'label' is not in group by; add it to group by, or wrap it in an aggregate such as count() or min().\nbudget group by kind select label\n                            ^^^^^"),
        ("actions select sum(title)",
         "query:1:20: error: sum() adds amounts or numbers, and 'title' is text; use count(title), or min() and max().\nactions select sum(title)\n                   ^^^^^"),
        ("actions where deadline.year.x = 1",
         "query:1:29: error: 'year' is a integer and has no fields; end the path at deadline.year.\nactions where deadline.year.x = 1\n                            ^"),
        ("actions select pilot.agnet",
         "query:1:22: error: Unknown field 'agnet' on pilot; did you mean 'agent'?\nactions select pilot.agnet\n                     ^^^^^"),
        ("actions where title ~ \"(\"",
         "query:1:23: error: This is not a valid regular expression; escape special characters with \\\\ (e.g. \"84021/124\\\\-02\").\nactions where title ~ \"(\"\n                      ^^^"),
        ("budget where amount > 99999999999999999999",
         "query:1:23: error: 99999999999999999999 is not an amount PlanKit can hold; write euros with at most two decimals, below 92 233 720 368 547 758.\nbudget where amount > 99999999999999999999\n                      ^^^^^^^^^^^^^^^^^^^^"),
        ("budget group by kind select kind sort by amount",
         "query:1:42: error: Cannot sort grouped rows by 'amount'; sort by one of the result's columns: kind.\nbudget group by kind select kind sort by amount\n                                         ^^^^^^"),
    ])
    func rendered(_ query: String, _ expected: String) {
        #expect(errorMessage(query) == expected)
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [("budgte", "budget"), ("agnet", "agent"), ("deadlin", "deadline"), ("titel", "title")])
    func closeNamesAreSuggested(_ typed: String, _ expected: String) {
        #expect(Suggestions.closest(to: typed, in: ["budget", "agent", "deadline", "title", "code"]) == expected)
    }

    @Test(arguments: ["nope", "xyz", "q"])
    func farNamesAreNot(_ typed: String) {
        #expect(Suggestions.closest(to: typed, in: ["budget", "agent", "deadline", "title", "code"]) == nil)
    }
}
