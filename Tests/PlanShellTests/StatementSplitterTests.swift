import Testing
@testable import PlanShell

@Suite struct StatementSplitterTests {
    func split(_ lines: [String], script: Bool = false) -> [StatementText] {
        var splitter = StatementSplitter(indentedLinesContinue: script)
        return lines.flatMap { splitter.feed($0) } + splitter.finish()
    }

    @Test func oneLineOneStatement() {
        #expect(split(["actions", "budget"]) == [StatementText(text: "actions", line: 1, column: 1), StatementText(text: "budget", line: 2, column: 1)])
    }

    @Test func semicolonsSplitALine() {
        #expect(split(["actions; links ;budget"]) == [
            StatementText(text: "actions", line: 1, column: 1),
            StatementText(text: "links", line: 1, column: 10),
            StatementText(text: "budget", line: 1, column: 17),
        ])
        #expect(split(["actions where title ~ \"a;b\""]).map(\.text) == ["actions where title ~ \"a;b\""])
    }

    @Test(arguments: [
        ["actions where", "deadline is unknown"],
        ["actions where (deadline is unknown", "or pending)"],
        ["actions where title ~ \"open", "string\""],
        ["actions select id,", "title"],
        ["actions where id =", "\"1.1\""],
        ["actions \\", "where pending"],
        ["budget group by", "kind"],
    ])
    func statementsGoOnWhileIncomplete(_ lines: [String]) {
        let statements = split(lines)
        #expect(statements.count == 1)
        #expect(statements.first?.line == 1)
    }

    @Test func commentsAndBlankLines() {
        #expect(split(["-- a comment", "", "actions -- trailing", "  -- indented comment"]).map(\.text) == ["actions -- trailing"])
        #expect(split(["actions where -- more below", "pending"]).map(\.text) == ["actions where -- more below\npending"])
    }

    @Test func metaCommandsAreOneLine() {
        #expect(split(["  .load a.tsv b.tsv", ".plans"]) == [
            StatementText(text: ".load a.tsv b.tsv", line: 1, column: 3), StatementText(text: ".plans", line: 2, column: 1),
        ])
    }

    @Test func semicolonEndsAMetaCommand() {
        #expect(split([".format csv; actions ; .plans"]) == [
            StatementText(text: ".format csv", line: 1, column: 1),
            StatementText(text: "actions", line: 1, column: 14),
            StatementText(text: ".plans", line: 1, column: 24),
        ])
    }

    @Test func indentedLinesContinueInScripts() {
        let lines = ["actions", "  where pending", "  select id", "", "links", "budget"]
        #expect(split(lines, script: true) == [
            StatementText(text: "actions\n  where pending\n  select id", line: 1, column: 1),
            StatementText(text: "links", line: 5, column: 1),
            StatementText(text: "budget", line: 6, column: 1),
        ])
        #expect(split(lines, script: false).count == 5)
    }

    @Test func pendingAndReset() {
        var splitter = StatementSplitter()
        #expect(splitter.feed("actions where").isEmpty)
        #expect(splitter.isPending)
        splitter.reset()
        #expect(!splitter.isPending)
        #expect(splitter.feed("links") == [StatementText(text: "links", line: 2, column: 1)])
    }
}
