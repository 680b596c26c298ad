import Foundation
import PlanQuery
import Testing
@testable import PlanShell

@Suite struct SessionTests {
    @Test func queryPrintsInTheChosenFormat() {
        let captured = CapturedSession()
        #expect(captured.script(".format csv\nactions where budget.article ~ \"840\" select id") == 0)
        #expect(captured.out == "id\r\n1.2\r\n3.1\r\n3.2\r\n")
        #expect(captured.err == "")
    }

    @Test func passingAssertions() {
        let captured = CapturedSession()
        let script = """
            assert budget where kind = "ordinary" and amount is known select sum(amount) = 70000
            assert budget where kind = "extraordinary" select sum(amount) >= 20000
            assert actions where pilot.political is unknown is empty
            assert links where plan = "PCS III" is not empty
            assert actions select count() = 9
            assert plans select domain = "CITOYENNETE"
            """
        #expect(captured.script(script) == 0)
        #expect(captured.err == "")
        #expect(captured.out == "")
    }

    @Test func failedAssertionsGoOnAndExitOne() {
        let captured = CapturedSession()
        let script = """
            assert actions where pilot.agent is unknown select id is empty
            assert budget select sum(amount) = 1
            actions where id = "1.1" select id
            """
        #expect(captured.script(script) == 1)
        #expect(captured.err == """
            s.pkq:1: assertion failed: assert actions where pilot.agent is unknown select id is empty: expected no rows, found 4.
            id
            ---
            2.3
            3.1
            3.2
            3.3
            (4 rows)
            s.pkq:2: assertion failed: assert budget select sum(amount) = 1: got 90000 + ?.
            sum(amount)
            -----------
              90000 + ?
            (1 row)

            """)
        #expect(captured.out == "id\n---\n1.1\n(1 row)\n")
    }

    @Test func bailStopsAtTheFirstFailure() {
        let captured = CapturedSession()
        #expect(captured.script("assert links is empty\nactions select id limit 1", bail: true) == 1)
        #expect(captured.out == "")
    }

    @Test func errorsStopTheScriptWithLineAndColumn() {
        let captured = CapturedSession()
        let script = """
            -- comment
            actions select id limit 1
            actions
              where budgte.amount > 3
            links
            """
        #expect(captured.script(script) == 2)
        #expect(captured.out == "id\n---\n1.1\n(1 row)\n")
        #expect(captured.err == "s.pkq:4:9: error: Unknown field 'budgte' on action; did you mean 'budget'?\n  where budgte.amount > 3\n        ^^^^^^\n")
    }

    @Test func errorAfterSemicolonKeepsItsColumn() {
        let captured = CapturedSession()
        #expect(captured.script("links; actions where x = 1") == 2)
        #expect(captured.err.hasPrefix("s.pkq:1:22: error: Unknown field 'x' on action; fields are "))
        #expect(captured.err.hasSuffix("\n       actions where x = 1\n                     ^\n"))
    }

    @Test func comparingAssertionNeedsOneValue() {
        let captured = CapturedSession()
        #expect(captured.script("assert actions select id = 3") == 2)
        #expect(captured.err == "s.pkq:1:28: error: A comparing assertion needs a query giving one value (one row, one column), and this one gives 9 row(s) of 1 column(s); select one aggregate, such as sum(amount).\nassert actions select id = 3\n                           ^\n")
    }

    /// An assertion's value is converted as a `where` clause converts it for a field of the
    /// result's type: exact euros for an amount, a number for a count, and the same errors.
    @Test func assertionsConvertTheirValueAsWhereDoes() {
        let holding = CapturedSession()
        #expect(holding.script("assert budget select sum(amount) = 90000.00\nassert actions select count() < 9.5\nassert actions select count() = 9") == 0)
        #expect(holding.err == "")
        let fraction = CapturedSession()
        #expect(fraction.script("assert budget select sum(amount) = 900.001") == 2)
        #expect(fraction.err == "s.pkq:1:36: error: 900.001 is not an amount PlanKit can hold; write euros with at most two decimals, below 92 233 720 368 547 758.\nassert budget select sum(amount) = 900.001\n                                   ^^^^^^^\n")
        let text = CapturedSession()
        #expect(text.script("assert budget select sum(amount) = \"90000\"") == 2)
        #expect(text.err == "s.pkq:1:36: error: 'sum(amount)' is an amount; compare it with a number of euros, as in sum(amount) > 1000.\nassert budget select sum(amount) = \"90000\"\n                                   ^^^^^^^\n")
    }

    @Test func checkStatementCountsErrors() {
        let captured = CapturedSession()
        #expect(captured.script(".format csv\ncheck action.open-question") == 0)
        #expect(captured.out.split(separator: "\r\n").count == 4)
        #expect(captured.out.hasPrefix("severity,rule,subject,message,file,line,column\r\ninfo,action.open-question,2.2,Action 2.2 leaves a question open: à préciser! Comment?,"))
    }

    @Test func loadPlansSchemaHelp() {
        let captured = CapturedSession(load: false)
        #expect(captured.script(".load \(Fixtures.path("pst-citoyennete.tsv")) \(Fixtures.path("pst-forms.csv"))\n.format csv\n.plans") == 0)
        #expect(captured.out.split(separator: "\r\n").map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == [
            "plan,kind", "pst-citoyennete,PST", "PST Testville,PST",
        ])
        #expect(captured.err.split(separator: "\n").count == 3) // the forms fixture's three warnings
        let schema = CapturedSession(load: false)
        #expect(schema.script(".schema budget") == 0)
        #expect(schema.out.hasPrefix("budget: a row per budget line of an action, objective or volet; its action is reachable as action.…\n  action                action          the action the line belongs to; null for an objective's or a volet's line\n"))
        #expect(schema.out.contains("  article.function      text            the function, e.g. 84021\n"))
        let help = CapturedSession(load: false)
        #expect(help.script(".help keys") == 0)
        #expect(help.out.contains("Ctrl-C    cancel the line being typed"))
        #expect(help.script(".help nothing") == 2)
        #expect(help.err == "s.pkq:1: error: no help on 'nothing'; topics are queries, meta, assert, keys.\n")
    }

    /// `.schema` alone lists the collections, one a line with what a row is; `.schema NAME` a
    /// collection's fields (above).
    @Test func schemaAloneListsTheCollections() {
        let captured = CapturedSession(load: false)
        #expect(captured.script(".schema") == 0)
        let lines = captured.out.split(separator: "\n")
        #expect(lines.map { String($0.split(separator: " ")[0]) } == Schema.collections.map(\.name))
        #expect(lines.allSatisfy { $0.contains("  a row per ") })
    }

    /// `.load` of a plan already loaded (the same file, or the seed's Excel CSV) reports it and
    /// counts it once; `.unload` removes a file's plans, and `.unload` alone every plan.
    @Test func loadTwiceCountsOnceAndUnloadRemoves() {
        let seed = Fixtures.path("pst-citoyennete.tsv"), excel = Fixtures.path("pst-citoyennete-excel.csv")
        let forms = Fixtures.path("pst-forms.csv")
        let captured = CapturedSession()
        #expect(captured.script(".format csv\n.load \(seed) \(excel)\nbudget select sum(amount)") == 0)
        #expect(captured.out == "sum(amount)\r\n90000 + ?\r\n")
        #expect(captured.err == """
            \(seed):10:1: warning: The PST "pst-citoyennete" of this file is already loaded (the file is named twice); it is counted once. [read.duplicate-plan]
            \(excel):10:1: warning: This PST "pst-citoyennete-excel" says the same as the one already loaded from \(seed); it is counted once, from \(seed). Load one of the two files. [read.duplicate-plan]

            """)
        captured.out = ""
        captured.err = ""
        #expect(captured.script(".format csv\n.load \(forms)\n.unload \(seed)\nplans select name") == 0)
        #expect(captured.out == "name\r\nPST Testville\r\n")
        captured.out = ""
        #expect(captured.script(".format csv\n.unload /nonexistent.tsv") == 2)
        #expect(captured.err.hasSuffix("/nonexistent.tsv: error: this file is not loaded; loaded files are \(excel), \(forms).\n"))
        #expect(captured.script(".format csv\n.unload\nplans select count()") == 0)
        #expect(captured.out == "count()\r\n0\r\n")
    }

    /// `.help` fits an 80-column terminal and points to the topics; `.help meta` lists the
    /// meta-commands, not the general help again.
    @Test func helpFitsAndMetaListsTheMetaCommands() {
        let general = CapturedSession(load: false)
        #expect(general.script(".help") == 0)
        #expect(general.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(general.out.contains(".help TOPIC, where TOPIC is queries, meta, assert, keys."))
        let meta = CapturedSession(load: false)
        #expect(meta.script(".help meta") == 0)
        #expect(meta.out != general.out)
        for name in MetaCommand.names where name != ".exit" { #expect(meta.out.contains("\n" + name) || meta.out.hasPrefix(name), "\(name)") }
        #expect(meta.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        for topic in Help.topics {
            let help = CapturedSession(load: false)
            #expect(help.script(".help \(topic)") == 0)
            #expect(help.out.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(topic)")
        }
    }

    /// `.param NAME=VALUE` gives `$NAME` a value for the statements after it, as `--param` does:
    /// a number when it reads as one, else text; `.param` lists them, `.param NAME` shows one,
    /// `.param -NAME` unsets it.
    @Test func parametersSetListShowAndUnset() {
        let captured = CapturedSession()
        captured.session.environment.parameters = ["year": "2021"]
        let script = """
            .param
            .format csv
            actions where deadline.year = $year select count()
            .param year=2020 plan="PCS III" 'label=CCE'
            actions where deadline.year = $year select count()
            links where plan = $plan select count()
            budget where label = $label select action
            .param year
            .param -label
            .param
            """
        #expect(captured.script(script) == 0)
        #expect(captured.err == "")
        #expect(captured.out.replacingOccurrences(of: "\r\n", with: "\n") == """
            $year = 2021
            count()
            0
            count()
            3
            count()
            3
            action
            1.1
            $year = 2020
            $plan = "PCS III"
            $year = 2020

            """)
        let empty = CapturedSession()
        #expect(empty.script(".param") == 0)
        #expect(empty.out == "(no parameters; .param NAME=VALUE sets one)\n")
        #expect(empty.script(".param -year") == 2)
        #expect(empty.err == "s.pkq:1: error: $year has no value; no parameter is set.\n")
        let malformed = CapturedSession()
        #expect(malformed.script(".param year=2020 2x=1") == 2)
        #expect(malformed.err == """
            s.pkq:1:18: error: '2x=1' is not NAME=VALUE; write .param year=2021 (a name of letters, digits and _, then = and the value; quote a value with spaces: .param plan="PCS III").
            .param year=2020 2x=1
                             ^^^^

            """)
        let unset = CapturedSession()
        #expect(unset.script(".param year=2020\n.param -year\nactions where deadline.year = $year") == 2)
        #expect(unset.err.hasPrefix("s.pkq:3:31: error: The parameter $year has no value; give one with --param year=VALUE, as in plankit run script.pkq --param year=2021, or in the console with .param year=VALUE.\n"))
    }

    /// `.plans` counts both levels of objectives and the budget lines of every level.
    @Test func plansCountsEveryLevel() {
        let captured = CapturedSession()
        #expect(captured.script(".load \(Fixtures.path("ecomptes-export-levels.xml"))\n.format csv\n.plans") == 0)
        #expect(captured.out.replacingOccurrences(of: "\r\n", with: "\n") == """
            plan,kind,file,strategic,operational,actions,budget lines,warnings
            pst-citoyennete,PST,\(Fixtures.path("pst-citoyennete.tsv")),1,3,9,11,0
            PST 2024-2030,PST,\(Fixtures.path("ecomptes-export-levels.xml")),2,2,4,7,0

            """)
    }

    @Test func loadErrorStopsAScript() {
        let captured = CapturedSession(load: false)
        #expect(captured.script(".load /nonexistent.tsv\nplans") == 2)
        #expect(captured.err == "/nonexistent.tsv: error: No such file; check the path.\n")
    }

    @Test func outputToAFileAtomicallyAndBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plankit-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let captured = CapturedSession()
        let script = """
            .format csv
            .output \(directory)/out.csv
            actions select id limit 1
            links select ref limit 1
            .output stdout
            plans select domain
            """
        #expect(captured.script(script) == 0)
        #expect(try String(contentsOfFile: directory + "/out.csv", encoding: .utf8) == "id\r\n1.1\r\nref\r\n6\r\n")
        #expect(captured.out == "domain\r\nCITOYENNETE\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
    }

    @Test func outputRefusesALoadedPlan() throws {
        let captured = CapturedSession()
        let before = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("pst-citoyennete.tsv")))
        #expect(captured.script(".output \(Fixtures.path("pst-citoyennete.tsv"))\nactions") == 2)
        #expect(captured.err == "\(Fixtures.path("pst-citoyennete.tsv")): error: this file is loaded as a plan; writing results over it would lose it. Choose another file.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("pst-citoyennete.tsv"))) == before)
    }

    @Test func timerReportsEachStatement() {
        let captured = CapturedSession()
        #expect(captured.script(".timer on\nactions select count()") == 0)
        let lines = captured.err.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("time: ") && $0.hasSuffix(" ms") })
    }

    @Test func quitEndsTheScript() {
        let captured = CapturedSession()
        #expect(captured.script(".quit\nactions") == 0)
        #expect(captured.out == "")
    }

    @Test func historyFileIsBoundedPrivateAndAtomic() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plankit-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = HistoryFile(path: path)
        try file.append((1...1500).map { "actions limit \($0)" } + ["multi\nline"])
        let loaded = file.load()
        #expect(loaded.count == 1000)
        #expect(loaded.last == "multi line")
        #expect(loaded.first == "actions limit 502")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}

@Suite struct ColourTests {
    @Test func severityWordsAreColouredOnlyWhenEnabled() {
        let message = "plan.tsv:3:2: error: No such file; check the path."
        #expect(Console.colourized(message, enabled: false) == message)
        #expect(Console.colourized(message, enabled: true) == "plan.tsv:3:2: \u{1B}[1;31merror\u{1B}[0m: No such file; check the path.")
        #expect(Console.colourized("f:1:2: warning: w", enabled: true) == "f:1:2: \u{1B}[1;33mwarning\u{1B}[0m: w")
    }
}
