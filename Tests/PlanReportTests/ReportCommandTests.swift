import Foundation
import Testing

/// `plankit report` as a user runs it: where it writes, in which format, and what it says when
/// it cannot.
@Suite struct ReportCommandTests {
    /// Markdown goes to standard output without -o, with the same sections and queries.
    @Test(arguments: [("fr", "# Rapport sur les plans stratégiques", "Requête\u{a0}: `` actions where plan = \"pst-citoyennete\""),
                      ("en", "# Strategic plans report", "Query: `` actions where plan = \"pst-citoyennete\"")])
    func markdownToStandardOutput(_ language: String, _ title: String, _ query: String) throws {
        let result = try Plankit.run(["report", "Examples/pst-citoyennete.tsv", "--format", "markdown", "--lang", language, "--today", "2021-07-01"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(title + "\n"))
        #expect(result.stdout.contains(query))
        #expect(result.stdout.components(separatedBy: "\n## ").count == 5)
        // The budget by kind, as the query answers it; the ordinary sum has unknown parts, so it
        // shows its known part and says that an amount is unknown.
        let row = language == "fr" ? "| ordinaire | 70\u{a0}000\u{a0}€ + montant inconnu | 10 |" : "| ordinary | €70,000 + unknown amount | 10 |"
        #expect(result.stdout.contains(row))
    }

    /// HTML goes to standard output too when no file is named; -o - is standard output.
    @Test func htmlToStandardOutput() throws {
        let result = try Plankit.run(["report", "Examples/pst-citoyennete.tsv", "-o", "-"], environment: ["PLANKIT_TODAY": "2021-07-01"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(result.stdout.contains("<time datetime=\"2021-07-01\">"))
    }

    /// A file is replaced whole, keeping its mode.
    @Test func replacesAFileKeepingItsMode() throws {
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/report.html"
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        let result = try Plankit.run(["report", "Examples/pst-citoyennete.tsv", "--today", "2021-07-01", "-o", target])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasSuffix("</html>\n"))
        #expect((try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int) == 0o640)
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var environment: [String: String] = [:]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let failures = [
        Failure(arguments: ["report", "Examples/pst-citoyennete.tsv", "--today", "2021-13-01"],
                message: "Error: --today '2021-13-01' is not a date; write it as YYYY-MM-DD, such as 2021-07-01.\n"),
        Failure(arguments: ["report", "Examples/pst-citoyennete.tsv"], environment: ["PLANKIT_TODAY": "demain"],
                message: "Error: PLANKIT_TODAY 'demain' is not a date; write it as YYYY-MM-DD, such as 2021-07-01.\n"),
        Failure(arguments: ["report", "nothere.tsv", "--today", "2021-07-01"],
                message: "nothere.tsv: error: No such file; check the path.\n"),
        Failure(arguments: ["report", "Examples/pst-citoyennete.tsv", "--today", "2021-07-01", "-o", "Examples"],
                message: "Examples: error: this is a directory; give the path of a file to write.\n"),
        Failure(arguments: ["report", "Examples/pst-citoyennete.tsv", "--today", "2021-07-01", "-o", "Examples/pst-citoyennete.tsv"],
                message: "Examples/pst-citoyennete.tsv: error: this is the input file Examples/pst-citoyennete.tsv; writing over it would lose it. Choose another output, or pass --force.\n"),
        Failure(arguments: ["report", "Examples/pst-citoyennete.tsv", "--lang", "de"],
                message: "Error: The value 'de' is invalid for '--lang <lang>'. Please provide one of 'fr' and 'en'.\n"),
    ]

    /// Each error names what is wrong and exits 2, writing nothing.
    @Test(arguments: failures)
    func errorsExitTwo(_ failure: Failure) throws {
        let result = try Plankit.run(failure.arguments, environment: failure.environment)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(failure.message))
    }

    /// The help lists the command.
    @Test func listedInHelp() throws {
        let result = try Plankit.run(["--help"])
        #expect(result.stdout.contains("report"))
    }
}
