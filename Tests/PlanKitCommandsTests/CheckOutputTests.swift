import Foundation
import PlanKit
import Testing

/// `plankit check --format sarif` and `--format junit`, end to end, read back by Python's
/// jsonschema (against the SARIF 2.1.0 schema) and junitparser, and compared with `--format json`.
@Suite struct CheckOutputTests {
    static let hasJSONSchema = Python.has("jsonschema")
    static let hasJUnitParser = Python.has("junitparser")

    /// Inputs with findings of every kind of location: lines and cell columns of a TSV, a
    /// workbook's cells, characters of an XML file, and reader warnings.
    static let inputs: [[String]] = [
        ["pst-citoyennete.tsv", "pst-cohesion.tsv"], ["workbooks/pst-faults.xlsx"], ["ecomptes-missing-elementid.xml"],
        ["pst-faults.tsv"], ["pst-forms.csv"],
    ]

    /// Validates the JSON at `sys.argv[2]` against the schema at `sys.argv[1]`; prints "valid".
    static let validate = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        log = json.load(open(sys.argv[2]))
        jsonschema.validate(log, schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
        print("valid")
        """

    static var schema: String { Executable.fixture("sarif-schema-2.1.0.json") }

    /// The findings of `check --format json` on `files`.
    static func jsonFindings(_ files: [String]) throws -> [[String: Any]] {
        let result = try Executable.run(["check"] + files + ["--format", "json", "--fail-on", "never"])
        #expect(result.status == 0)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test(.enabled(if: hasJSONSchema, "Python's jsonschema is not installed (Scripts/setup.sh installs it)"), arguments: inputs)
    func sarifValidatesAndHoldsEveryFinding(_ names: [String]) throws {
        let files = names.map(Executable.fixture)
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let result = try Executable.run(["check"] + files + ["--format", "sarif", "--fail-on", "never"])
        #expect(result.status == 0)
        let path = dir + "/check.sarif"
        try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: path))
        let check = try Python.run(Self.validate, [Self.schema, path])
        #expect(check.err == "")
        #expect(check.out == "valid\n")

        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // Every rule once, described from Docs/checks.md, without helpUri.
        #expect(rules.count == Checker.allRules.count)
        #expect(Set(rules.compactMap { $0["id"] as? String }).count == rules.count)
        #expect(rules.allSatisfy { $0["helpUri"] == nil && ($0["fullDescription"] as? [String: Any])?["text"] is String })
        let results = try #require(run["results"] as? [[String: Any]])
        let findings = try Self.jsonFindings(files)
        #expect(results.count == findings.count)
        #expect(!results.isEmpty)
        let level = ["error": "error", "warning": "warning", "info": "note"]
        for (result, finding) in zip(results, findings) {
            #expect(result["ruleId"] as? String == finding["rule"] as? String)
            #expect(result["level"] as? String == level[finding["severity"] as? String ?? ""])
            #expect((result["message"] as? [String: Any])?["text"] as? String == finding["message"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
    }

    /// The schema is no rubber stamp: a log with a level SARIF does not have fails it.
    @Test(.enabled(if: hasJSONSchema, "Python's jsonschema is not installed (Scripts/setup.sh installs it)"))
    func theSchemaRejectsAWrongLevel() throws {
        let result = try Executable.run(["check", Executable.seed, "--format", "sarif"])
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let path = dir + "/wrong.sarif"
        try Data(result.stdout.replacingOccurrences(of: "\"level\" : \"note\"", with: "\"level\" : \"notice\"").utf8)
            .write(to: URL(fileURLWithPath: path))
        let check = try Python.run(Self.validate, [Self.schema, path])
        #expect(check.status != 0)
        #expect(check.err.contains("'notice' is not one of ['none', 'note', 'warning', 'error']"))
    }

    /// Locations: a TSV's line (its cell column in the properties), an XML file's line and
    /// column, a workbook's cell as a logical location.
    @Test func sarifLocations() throws {
        func firstLocation(_ name: String) throws -> String {
            let result = try Executable.run(["check", Executable.fixture(name), "--format", "sarif", "--fail-on", "never"], directory: Executable.root.path)
            let log = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
            let first = try #require(results.first)
            let data = try JSONSerialization.data(withJSONObject: [first["locations"] ?? [], first["properties"] ?? [:]], options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
        let root = Executable.root.path + "/"
        #expect(try firstLocation("pst-faults.tsv") == """
            [[{"physicalLocation":{"artifactLocation":{"uri":"file://\(root)Tests/Fixtures/pst-faults.tsv"},"region":{"startLine":10}}}],\
            {"cellColumn":3,"subject":"1.2"}]
            """)
        #expect(try firstLocation("workbooks/pst-faults.xlsx") == """
            [[{"logicalLocations":[{"fullyQualifiedName":"pst-faults!C10","kind":"cell","name":"C10"}],\
            "physicalLocation":{"artifactLocation":{"uri":"file://\(root)Tests/Fixtures/workbooks/pst-faults.xlsx"}}}],{"subject":"1.2"}]
            """)
        #expect(try firstLocation("ecomptes-missing-elementid.xml") == """
            [[{"physicalLocation":{"artifactLocation":{"uri":"file://\(root)Tests/Fixtures/ecomptes-missing-elementid.xml"},\
            "region":{"startColumn":60,"startLine":134}}}],{"subject":"Action","text":"Action"}]
            """)
    }

    /// Reads a JUnit report with junitparser: for the whole and each suite, `name tests failures
    /// cases failure-elements`.
    static let readJUnit = """
        import sys
        from junitparser import JUnitXml, Failure
        xml = JUnitXml.fromfile(sys.argv[1])
        total = 0
        for suite in xml:
            cases = list(suite)
            failures = sum(1 for case in cases for result in case.result if isinstance(result, Failure))
            total += failures
            print(suite.name, suite.tests, suite.failures, len(cases), failures)
        print("all", xml.tests, xml.failures, total)
        """

    @Test(.enabled(if: hasJUnitParser, "Python's junitparser is not installed (Scripts/setup.sh installs it)"),
          arguments: inputs, ["error", "warning", "info", "never"])
    func junitCountsAgreeWithJSON(_ names: [String], _ failOn: String) throws {
        let files = names.map(Executable.fixture)
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let result = try Executable.run(["check"] + files + ["--format", "junit", "--fail-on", failOn])
        let path = dir + "/check.xml"
        try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: path))
        let read = try Python.run(Self.readJUnit, [path])
        #expect(read.err == "")
        let findings = try Self.jsonFindings(files)
        let rank = ["info": 0, "warning": 1, "error": 2]
        let failing = findings.filter { finding in
            guard let threshold = rank[failOn], let severity = rank[finding["severity"] as? String ?? ""] else { return false }
            return severity >= threshold
        }
        #expect(result.status == (failing.isEmpty ? 0 : 1))
        // One suite per file with findings or plans (a workbook's sheet is its own file), a case per rule in each.
        var suites: [String] = []
        for finding in findings { if let file = finding["file"] as? String, !suites.contains(file) { suites.append(file) } }
        let lines = read.out.split(separator: "\n").map(String.init)
        let cases = Checker.allRules.count
        #expect(lines.last == "all \(cases * (lines.count - 1)) \(failing.count) \(failing.count)")
        for line in lines.dropLast() {
            let words = line.split(separator: " ").map(String.init)
            let failures = failing.filter { $0["file"] as? String == words[0] }.count
            #expect(words.dropFirst().joined(separator: " ") == "\(cases) \(failures) \(cases) \(failures)", "\(line)")
        }
        for suite in suites { #expect(lines.contains { $0.hasPrefix(suite + " ") }, "\(suite)") }
    }

    /// The whole report of one small check, below the threshold in system-out.
    @Test func junitReport() throws {
        let result = try Executable.run(["check", "Examples/pst-citoyennete.tsv", "--rules", "action.unknown-deadline,action.open-question,pcs.uncovered",
                                         "--format", "junit", "--fail-on", "warning"], directory: Executable.root.path)
        #expect(result.status == 1)
        #expect(result.stdout == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="plankit check" tests="3" failures="6" errors="0" skipped="0">
              <testsuite name="Examples/pst-citoyennete.tsv" tests="3" failures="6" errors="0" skipped="0">
                <testcase classname="Examples/pst-citoyennete.tsv" name="action.unknown-deadline">
                  <failure message="Action 1.2 has no deadline yet (??)." type="warning">Examples/pst-citoyennete.tsv:13:7: warning: Action 1.2 has no deadline yet (??). [action.unknown-deadline]</failure>
                  <failure message="Action 2.1 has no deadline yet (??)." type="warning">Examples/pst-citoyennete.tsv:16:7: warning: Action 2.1 has no deadline yet (??). [action.unknown-deadline]</failure>
                  <failure message="Action 2.2 has no deadline yet (??)." type="warning">Examples/pst-citoyennete.tsv:17:7: warning: Action 2.2 has no deadline yet (??). [action.unknown-deadline]</failure>
                  <failure message="Action 2.3 has no deadline yet (??)." type="warning">Examples/pst-citoyennete.tsv:18:7: warning: Action 2.3 has no deadline yet (??). [action.unknown-deadline]</failure>
                  <failure message="Action 3.2 has no deadline yet (??)." type="warning">Examples/pst-citoyennete.tsv:21:7: warning: Action 3.2 has no deadline yet (??). [action.unknown-deadline]</failure>
                  <failure message="Action 3.3 has no deadline yet (??)." type="warning">Examples/pst-citoyennete.tsv:22:7: warning: Action 3.3 has no deadline yet (??). [action.unknown-deadline]</failure>
                </testcase>
                <testcase classname="Examples/pst-citoyennete.tsv" name="action.open-question">
                  <system-out>Examples/pst-citoyennete.tsv:17:3: info: Action 2.2 leaves a question open: à préciser! Comment? [action.open-question]
            Examples/pst-citoyennete.tsv:18:3: info: Action 2.3 leaves a question open: à préciser! Comment? [action.open-question]
            Examples/pst-citoyennete.tsv:21:3: info: Action 3.2 leaves a question open: soutien financier? Logistique? Promotionnel? [action.open-question]</system-out>
                </testcase>
                <testcase classname="Examples/pst-citoyennete.tsv" name="pcs.uncovered"/>
              </testsuite>
            </testsuites>

            """)
    }

    /// Docs/checks.md's rule sections and the library's copy of them agree.
    @Test func ruleDocumentationIsGenerated() throws {
        let generated = try Python.run(file: Executable.root.appendingPathComponent("Scripts/generate-rule-docs.py").path, ["--stdout"])
        let file = try String(contentsOfFile: Executable.root.appendingPathComponent("Sources/PlanKit/Checks/RuleDocumentation+Data.swift").path, encoding: .utf8)
        #expect(generated.err == "")
        #expect(generated.out == file, "run python3 Scripts/generate-rule-docs.py")
    }
}
