import ArgumentParser
import PlanKit
import PlanQuery

/// What `plankit check --format` writes: the findings as a table in one of the query formats,
/// a SARIF 2.1.0 log, or a JUnit XML report.
package enum CheckFormat: ExpressibleByArgument, CustomStringConvertible, Sendable {
    /// The findings table, rendered like a query's result.
    case rows(OutputFormat)
    /// A SARIF 2.1.0 log (``SARIFLog``).
    case sarif
    /// A JUnit XML report (``JUnitReport``).
    case junit

    /// The format named `argument`.
    package init?(argument: String) {
        switch argument {
        case "sarif": self = .sarif
        case "junit": self = .junit
        default:
            guard let format = OutputFormat(rawValue: argument) else { return nil }
            self = .rows(format)
        }
    }

    /// The names `--format` takes.
    package static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) + ["sarif", "junit"] }

    /// The format's name.
    package var description: String {
        switch self {
        case .rows(let format): format.rawValue
        case .sarif: "sarif"
        case .junit: "junit"
        }
    }

    /// The SARIF log or JUnit report of `findings`; `nil` for a findings table.
    func document(_ findings: [Finding], rules: [any Rule], files: [String], failOn: Severity?) -> String? {
        switch self {
        case .rows: nil
        case .sarif: SARIFLog(findings: findings, rules: rules, toolVersion: PlanKitCLI.configuration.version).json
        case .junit: JUnitReport(findings: findings, rules: rules, files: files, failOn: failOn).xml
        }
    }
}
