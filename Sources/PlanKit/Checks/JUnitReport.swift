/// Findings as a JUnit XML report, the form continuous-integration services show as test results.
///
/// One test suite per file checked, and in it one test case per rule that ran, named after the
/// rule (`classname` is the file). A finding at or above the threshold is a `failure` of its
/// rule's case in its file, with the finding's message, severity (as `type`) and the line
/// `file:line:column: severity: message [rule]`; findings below it are listed in the case's
/// `system-out`, so that none is lost. A finding that names no file goes in a suite named
/// `plankit`. The root `testsuites` element sums the counts.
///
///     let report = JUnitReport(findings: findings, rules: Checker.allRules, files: ["pst.tsv"], failOn: .error)
///     print(report.xml)
public struct JUnitReport: Sendable {
    /// The findings.
    public var findings: [Finding]
    /// The rules that ran: one test case each, in every file's suite.
    public var rules: [any Rule]
    /// The files checked, in order: one test suite each. A file that a finding names and this
    /// list lacks gets a suite after them.
    public var files: [String]
    /// The least severity that fails a test case; `nil` for none (every finding in `system-out`).
    public var failOn: Severity?

    /// The name of the suite of findings that name no file.
    public static let unlocatedSuite = "plankit"

    /// Creates a report.
    public init(findings: [Finding], rules: [any Rule], files: [String], failOn: Severity?) {
        self.findings = findings
        self.rules = rules
        self.files = files
        self.failOn = failOn
    }

    /// The report as XML text, ending with a line break.
    public var xml: String {
        var suites = files
        var seen = Set(files)
        for finding in findings {
            let file = finding.location?.file ?? Self.unlocatedSuite
            if seen.insert(file).inserted { suites.append(file) }
        }
        var ruleIDs = rules.map(\.id)
        var known = Set(ruleIDs)
        for finding in findings where known.insert(finding.rule).inserted { ruleIDs.append(finding.rule) }

        var byCase: [String: [String: [Finding]]] = [:]
        for finding in findings {
            byCase[finding.location?.file ?? Self.unlocatedSuite, default: [:]][finding.rule, default: []].append(finding)
        }
        func fails(_ finding: Finding) -> Bool { failOn.map { finding.severity >= $0 } ?? false }

        var body = ""
        var totalFailures = 0
        for suite in suites {
            let cases = byCase[suite] ?? [:]
            let failures = cases.values.reduce(0) { $0 + $1.filter(fails).count }
            totalFailures += failures
            body += "  <testsuite name=\"\(Self.escape(suite))\" tests=\"\(ruleIDs.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            for rule in ruleIDs {
                let found = cases[rule] ?? []
                let head = "    <testcase classname=\"\(Self.escape(suite))\" name=\"\(Self.escape(rule))\""
                if found.isEmpty {
                    body += head + "/>\n"
                    continue
                }
                body += head + ">\n"
                for finding in found where fails(finding) {
                    body += "      <failure message=\"\(Self.escape(finding.message))\" type=\"\(finding.severity.rawValue)\">"
                        + Self.escape(finding.description) + "</failure>\n"
                }
                let below = found.filter { !fails($0) }
                if !below.isEmpty {
                    body += "      <system-out>" + below.map { Self.escape($0.description) }.joined(separator: "\n") + "</system-out>\n"
                }
                body += "    </testcase>\n"
            }
            body += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"plankit check\" tests=\"\(ruleIDs.count * suites.count)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"0\">\n"
            + body + "</testsuites>\n"
    }

    /// `text` as XML character data or an attribute's value: markup characters as entities,
    /// line breaks in attributes as character references, and characters XML 1.0 cannot hold
    /// (control characters, unpaired surrogates cannot occur in a String) as U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar.value < 0x20 ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
