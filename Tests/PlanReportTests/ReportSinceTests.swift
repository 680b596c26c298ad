import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PlanReport
import Testing

/// `plankit report NEW --since OLD`: a section on what changed, whose tables are the rows of
/// `plankit diff OLD NEW`.
@Suite struct ReportSinceTests {
    /// The seed with six edits (the diff tests' edited copy).
    static let edited = "Tests/Fixtures/pst-citoyennete-2021.tsv"
    static let seed = "Examples/pst-citoyennete.tsv"

    /// The report of the edited seed since the seed, in `language`.
    static func report(_ language: String = "fr") throws -> WrittenReport {
        try WrittenReport.make(ReportInput(name: "edited seed", files: [edited]), language: language, extra: ["--since", Plankit.file(seed)])
    }

    /// `plankit diff OLD NEW --format json`'s rows, a missing value as an empty text.
    static func diffRows(_ old: String = Plankit.file(seed), _ new: String = Plankit.file(edited)) throws -> [[String]] {
        let result = try Plankit.run(["diff", old, new, "--format", "json"])
        #expect(result.status == 1)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return rows.map { row in
            ["change", "element", "old", "new", "field", "before", "after", "match"].map { row[$0] as? String ?? "" }
        }
    }

    /// The section's tables hold exactly the diff's rows, in its order: each kind of element's
    /// changes, then the totals that moved.
    @Test(arguments: ["fr", "en"])
    func tablesAreTheDiffsRows(_ language: String) throws {
        let report = try Self.report(language)
        let rows = try Self.changeRows(report)
        #expect(rows == (try Self.diffRows()))
        #expect(rows.count == 8)
        // The values shown are the diff's through the report's display of a change's value.
        let text = ReportText(language: try #require(ReportLanguage(rawValue: language)))
        #expect(try Self.shownValues(report) == (try Self.diffChanges(Plankit.file(Self.seed), Plankit.file(Self.edited))).map { change in
            [text.changeValue(change.before, field: change.field), text.changeValue(change.after, field: change.field)]
        })
        // The command named under the tables gives those rows.
        let command = "plankit diff \(Plankit.file(Self.seed)) \(Plankit.file(Self.edited)) --format json"
        #expect(try report.nodes("//section[@id='since']//table[@data-command]").allSatisfy { $0.value("data-command") == command })
    }

    /// Objectives likewise: an operational objective's title edited, a strategic objective's
    /// title rewritten beyond recognition (removed and added, its objectives moved under the new one).
    @Test func objectivesLikewise() throws {
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let seed = try String(contentsOfFile: Plankit.file(Self.seed), encoding: .utf8)
        let edited = seed.replacingOccurrences(of: "Encourager une citoyenneté solidaire", with: "Encourager une citoyenneté plus solidaire")
            .replacingOccurrences(of: "Etre une commune qui place le citoyen au cœur de ses projets et de la vie communale", with: "Une commune participative")
        #expect(edited != seed)
        let path = directory + "/pst-objectifs.tsv"
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try WrittenReport.make(ReportInput(name: "objectives", files: [path]), extra: ["--since", Plankit.file(Self.seed)])
        let rows = try Self.changeRows(report)
        #expect(rows == (try Self.diffRows(Plankit.file(Self.seed), path)))
        #expect(try report.nodes("//figure[@id='since-strategic']//tbody/tr").count == 2)
        #expect(try report.nodes("//figure[@id='since-operational']//tbody/tr/td[1]").map { $0.stringValue ?? "" }.contains("modifié"))
    }

    /// The rows of the since section's tables of changes and totals, as `plankit diff` writes them.
    static func changeRows(_ report: WrittenReport) throws -> [[String]] {
        var rows: [[String]] = []
        for element in try report.nodes("//section[@id='since']//table[@data-command]") {
            let table = try DataTable(element, in: report)
            func cell(_ row: [String], _ column: String) -> String { table.columns.firstIndex(of: column).map { row[$0] } ?? "" }
            for row in table.rows {
                if let kind = element.value("data-element") {
                    rows.append([cell(row, "change"), kind] + ["old", "new", "field", "before", "after", "match"].map { cell(row, $0) })
                } else {
                    #expect(table.columns == ["element", "field", "before", "after", "difference"])
                    #expect(table.computed == ["difference"])
                    rows.append(["total", cell(row, "element"), "", "", cell(row, "field"), cell(row, "before"), cell(row, "after"), ""])
                }
            }
        }
        return rows
    }

    /// In French, the edits read as a reader says them; the pairing of each is shown.
    @Test func theEditsInFrench() throws {
        let report = try Self.report()
        let heading = try report.nodes("//section[@id='since']/h2").first?.stringValue
        #expect(heading == "Changements depuis la version «\u{a0}\(Plankit.file(Self.seed))\u{a0}»")
        let shown = try report.nodes("//figure[@id='since-action']//tbody/tr").map { row in
            try report.nodes("./td", in: row).map { $0.stringValue ?? "" }
        }
        let removed = "Mettre en place un groupe de travail \"citoyen\" au sein de l'administration afin de coordonner l'organisation d'activités favorisant l'intergénérationnel (via la PAT notamment)"
        let title13 = "Organiser régulièrement %@ sondages et consulter la population via la mise en place d'une plateforme en ligne, via des rencontres sur le terrain"
        #expect(shown == [
            ["retirée", "2.1", "—", "—", removed, "—", "—"],
            ["modifiée", "1.2", "1.2", "agent pilote", "Cheffe de projet PCS", "Coordinateur PCS", "même numéro et même intitulé"],
            ["modifiée", "1.3", "1.3", "intitulé", title13.replacingOccurrences(of: "%@", with: "des"),
             title13.replacingOccurrences(of: "%@", with: "les"), "intitulé semblable (0,99)"],
            ["modifiée", "3.1", "3.1", "budget ordinaire [1]\u{a0}: montant", "30\u{a0}000\u{a0}€", "35\u{a0}000\u{a0}€", "même numéro et même intitulé"],
            ["renumérotée", "3.3", "3.4", "numéro", "3.3", "3.4", "même intitulé"],
            ["ajoutée", "—", "3.5", "—", "—", "Créer un répertoire des associations locales", "—"],
        ])
        let totals = try report.nodes("//figure[@id='since-totals']//tbody/tr").map { row in
            try report.nodes("./td", in: row).map { $0.stringValue ?? "" }
        }
        #expect(totals == [
            ["service", "ordinaire", "70\u{a0}000\u{a0}€ + 3 montants inconnus", "75\u{a0}000\u{a0}€ + 3 montants inconnus",
             "inconnu (montants connus\u{a0}: +5\u{a0}000\u{a0}€)"],
            ["article", "84022/332-01", "30\u{a0}000\u{a0}€", "35\u{a0}000\u{a0}€", "+5\u{a0}000\u{a0}€"],
        ])
        #expect(try report.nodes("//figure[@id='since-totals']/p[@class='note']").first?.stringValue == "Budget extraordinaire inchangé\u{a0}: 20\u{a0}000\u{a0}€.")
        // The counts, and every pair with how it was matched.
        let counts = try DataTable(try #require(try report.nodes("//figure[@id='since-counts']//table").first), in: report)
        #expect(counts.rows == [["strategic", "0", "0", "0", "0"], ["operational", "0", "0", "0", "0"], ["action", "1", "1", "1", "3"]])
        let pairs = try DataTable(try #require(try report.nodes("//figure[@id='since-pairings']//table").first), in: report)
        #expect(pairs.rows.count == 12)
        #expect(pairs.rows.filter { $0[3] != "same id and title" } == [["action", "1.3", "1.3", "similar title 0.99"], ["action", "3.3", "3.4", "same title"]])
    }

    /// The chart draws each changed total, before and after; a sum with unknown amounts beside
    /// it in the incomplete style.
    @Test func beforeAndAfterBars() throws {
        let report = try Self.report()
        let table = try DataTable(try #require(try report.nodes("//figure[@id='since-totals']//table").first), in: report)
        let bars = try report.nodes("//figure[@id='since-totals']//svg/g[@class='change']")
        #expect(bars.map { [$0.value("data-label") ?? "", $0.value("data-before") ?? "", $0.value("data-after") ?? ""] }
            == table.rows.map { [$0[1], $0[2], $0[3]] })
        let ordinary = try #require(bars.first)
        #expect(try report.nodes("./rect", in: ordinary).map { $0.value("fill") ?? "" } == ["url(#since-totals-partlight)", "url(#since-totals-part)"])
        #expect(try report.nodes("./rect", in: bars[1]).map { $0.value("fill") ?? "" } == [SVGChart.light, SVGChart.dark])
    }

    /// Markdown has the same section, and the report stays one valid, self-contained file.
    @Test func markdownAndWellFormed() throws {
        let markdown = try Plankit.run(["report", Self.edited, "--since", Self.seed, "--format", "markdown", "--today", "2021-07-01"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("\n## Changements depuis la version «\u{a0}Examples/pst-citoyennete.tsv\u{a0}»\n"))
        #expect(markdown.stdout.contains("| renumérotée | 3.3 | 3.4 | numéro | 3.3 | 3.4 | même intitulé |\n"))
        #expect(markdown.stdout.contains("Commande\u{a0}: `` plankit diff Examples/pst-citoyennete.tsv Tests/Fixtures/pst-citoyennete-2021.tsv --format json ``"))
        let report = try Self.report("en")
        #expect(try report.nodes("//section").map { $0.value("id") ?? "" } == ["overview", "since", "plan-1", "pcs", "findings"])
        #expect(try report.nodes("//section[@id='since']/h2").first?.stringValue == "Changes since “\(Plankit.file(Self.seed))”")
        for word in ["http:", "https:", "<img", "src="] { #expect(!report.html.contains(word)) }
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try report.html.write(toFile: directory + "/report.html", atomically: true, encoding: .utf8)
        let xmllint = try #require(["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let lint = try Plankit.run(["--noout", directory + "/report.html"], executable: xmllint)
        #expect(lint.status == 0, "\(lint.stderr)")
    }

    /// The follow-up fields a year on (iA.PST's in PlanKit JSON, eComptes'), likewise the diff's rows.
    @Test(arguments: [("Tests/Fixtures/follow-up.json", "Tests/Fixtures/follow-up-2025.json"),
                      ("Tests/Fixtures/ecomptes-follow-up.xml", "Tests/Fixtures/ecomptes-follow-up-2025.xml")])
    func followUpFields(_ old: String, _ new: String) throws {
        let report = try WrittenReport.make(ReportInput(name: "follow-up", files: [new]), extra: ["--since", Plankit.file(old)])
        let rows = try Self.changeRows(report)
        #expect(!rows.isEmpty)
        #expect(rows == (try Self.diffRows(Plankit.file(old), Plankit.file(new))))
        // The command under the tables names the files given, a PlanKit JSON file too (which
        // keeps the source of the plan it was made from), so it gives the rows back.
        #expect(try report.nodes("//section[@id='since']//table[@data-command]").first?.value("data-command")
            == "plankit diff \(Plankit.file(old)) \(Plankit.file(new)) --format json")
        // The values shown are the diff's through the report's display of a change's value.
        let text = ReportText(language: .fr)
        #expect(try Self.shownValues(report) == (try Self.diffChanges(Plankit.file(old), Plankit.file(new))).map { change in
            [text.changeValue(change.before, field: change.field), text.changeValue(change.after, field: change.field)]
        })
        // Every field has a French name.
        let fields = try report.nodes("//section[@id='since']//table[@data-element]/tbody/tr/td[4]")
        #expect(!fields.isEmpty)
        for field in fields where field.stringValue != "—" {
            // A cell shown as its raw value has no data-value: the field's name was not translated.
            #expect(field.value("data-value") != nil, "\(field.stringValue ?? "")")
        }
    }

    /// `plankit diff OLD NEW --format json`'s changes (not its totals): field, before, after.
    static func diffChanges(_ old: String, _ new: String) throws -> [(field: String?, before: String?, after: String?)] {
        let result = try Plankit.run(["diff", old, new, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return rows.filter { $0["change"] as? String != "total" }.map { ($0["field"] as? String, $0["before"] as? String, $0["after"] as? String) }
    }

    /// The before and after cells of the section's tables of changes, as shown.
    static func shownValues(_ report: WrittenReport) throws -> [[String]] {
        try report.nodes("//section[@id='since']//table[@data-element]/tbody/tr").map { row in
            try report.nodes("./td[position() = 5 or position() = 6]", in: row).map { $0.stringValue ?? "" }
        }
    }

    /// The cells of the tables of changes, as shown.
    static func shownCells(_ report: WrittenReport) throws -> [[String]] {
        try report.nodes("//section[@id='since']//table[@data-element]/tbody/tr").map { row in
            try report.nodes("./td", in: row).map { $0.stringValue ?? "" }
        }
    }

    static let same = "même numéro et même intitulé"

    /// The follow-up fields a year on, cell for cell as the French report shows them: numbers
    /// with a decimal comma, days as its deadlines, the amounts per year in French; the plan's
    /// own words (`EN_COURS`, a funding's text) as written.
    @Test(arguments: [
        ("Tests/Fixtures/ecomptes-follow-up.xml", "Tests/Fixtures/ecomptes-follow-up-2025.xml", [
            ["modifiée", "2", "2", "équivalents temps plein", "1", "0,5", same],
            ["modifiée", "2", "2", "état", "EN_COURS", "TERMINE", same],
            ["modifiée", "2", "2", "avancement", "40", "100", same],
            ["modifiée", "2", "2", "fin prévue", "30/06/2025", "31/03/2025", same],
            ["modifiée", "2", "2", "plans liés", "—", "PST Énergie", same],
            ["modifiée", "4", "4", "partenaires", "—", "Province", same],
            ["modifiée", "4", "4", "remarque sur l’état", "—", "Attente du subside", same],
            ["renumérotée", "9.1", "8.1", "numéro", "9.1", "8.1", "même intitulé"],
            ["modifiée", "9.1", "8.1", "code de l’action", "A.9", "A.8", "même intitulé"],
            ["modifiée", "9.1", "8.1", "action parente", "9", "8", "même intitulé"],
        ]),
        ("Tests/Fixtures/follow-up.json", "Tests/Fixtures/follow-up-2025.json", [
            ["modifiée", "1.1", "1.1", "priorité", "haute", "moyenne", same],
            ["modifiée", "1.1", "1.1", "indicateurs", "Agents formés = 8 / 10", "Agents formés = 10 / 10", same],
            ["modifiée", "1.1", "1.1", "montants par année", "2024\u{a0}: prévu 3\u{a0}000\u{a0}€, réel 2\u{a0}500\u{a0}€",
             "2024\u{a0}: prévu 3\u{a0}000\u{a0}€, réel 2\u{a0}900\u{a0}€", same],
            ["modifiée", "1.2", "1.2", "santé", "risque", "bon", same],
            ["modifiée", "1.2", "1.2", "financement", "2025 pour FEDER: 5000€", "2025 pour FEDER: 6000€", same],
        ]),
    ])
    func followUpInFrench(_ old: String, _ new: String, _ expected: [[String]]) throws {
        let report = try WrittenReport.make(ReportInput(name: "follow-up", files: [new]), extra: ["--since", Plankit.file(old)])
        #expect(try Self.shownCells(report) == expected)
        // In English, the values as the diff writes them.
        let english = try WrittenReport.make(ReportInput(name: "follow-up", files: [new]), language: "en", extra: ["--since", Plankit.file(old)])
        #expect(try Self.shownCells(english).map { [$0[4], $0[5]] } == (try Self.diffChanges(Plankit.file(old), Plankit.file(new))).map { [$0.before ?? "—", $0.after ?? "—"] })
    }

    /// No budget total changed: the section says so and shows no table, not a header alone.
    @Test(arguments: ["fr", "en"])
    func noHeaderOnlyTotals(_ language: String) throws {
        let old = "Tests/Fixtures/ecomptes-follow-up.xml", new = "Tests/Fixtures/ecomptes-follow-up-2025.xml"
        let report = try WrittenReport.make(ReportInput(name: "follow-up", files: [new]), language: language, extra: ["--since", Plankit.file(old)])
        #expect(try report.nodes("//figure[@id='since-totals']//table").isEmpty)
        let words = (language == "fr" ? ReportLanguage.fr : .en).words
        #expect(try report.nodes("//figure[@id='since-totals']/p[@class='note']").first?.stringValue == words.sinceTotalsNone)
        let markdown = try Plankit.run(["report", new, "--since", old, "--format", "markdown", "--lang", language, "--today", "2025-07-01"])
        #expect(markdown.status == 0)
        let totals = try #require(markdown.stdout.components(separatedBy: "\n### ").first { $0.hasPrefix(words.sinceTotals + "\n") })
        #expect(!totals.contains("|"))
        #expect(totals.contains("\n\n" + words.sinceTotalsNone + "\n\n"))
    }

    /// A folder holding both versions: the earlier one, named by --since, is set aside, and the
    /// other is its new version.
    @Test func bothVersionsInOneFolder() throws {
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let old = directory + "/pst-citoyennete.tsv", new = directory + "/pst-citoyennete-2021.tsv"
        try FileManager.default.copyItem(atPath: Plankit.file(Self.seed), toPath: old)
        try FileManager.default.copyItem(atPath: Plankit.file(Self.edited), toPath: new)
        let report = try WrittenReport.make(ReportInput(name: "folder", files: [directory + "/"]), extra: ["--since", old])
        #expect(try Self.changeRows(report) == (try Self.diffRows(old, new)))
        #expect(try report.nodes("//section[@id='since']//table[@data-command]").first?.value("data-command")
            == "plankit diff \(old) \(new) --format json")
    }

    /// A plan against the same plan saved by Excel: no difference, and the section says so.
    @Test func noDifference() throws {
        let report = try WrittenReport.make(ReportInput(name: "excel", files: ["Examples/pst-citoyennete-excel.csv"]), extra: ["--since", Plankit.file(Self.seed)])
        #expect(try report.nodes("//section[@id='since']//table[@data-command]").isEmpty)
        #expect(try report.nodes("//figure[@id='since-totals']//table").isEmpty)
        #expect(report.html.contains(ReportLanguage.fr.words.sinceNone))
    }

    /// Which plan is the new version must be clear; otherwise exit 2, saying what to do.
    @Test(arguments: [
        (["report", "Examples/", "--since", "Examples/pst-citoyennete.tsv", "--today", "2021-07-01"],
         "Examples/pst-citoyennete.tsv: error: the files hold 3 plans and none is named \"pst-citoyennete\" as the earlier version is, so which one --since compares with is not clear. Give the new version's file alone, or one sheet of a workbook (book.xlsx#Sheet).\n"),
        (["report", "Examples/pst-citoyennete.tsv", "--since", "nothere.tsv", "--today", "2021-07-01"], "nothere.tsv: error: No such file; check the path.\n"),
        (["report", "Examples/pst-citoyennete.tsv", "--since", "Tests/Fixtures/workbooks/book.xlsx", "--today", "2021-07-01"],
         "Tests/Fixtures/workbooks/book.xlsx: error: --since names a file that holds "),
    ])
    func unclearVersionsExitTwo(_ arguments: [String], _ message: String) throws {
        let result = try Plankit.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// `report --help` says how to name the two versions.
    @Test func help() throws {
        let result = try Plankit.run(["report", "--help"])
        #expect(result.stdout.contains("--since <old>"))
        #expect(result.stdout.contains("plankit report pst-2024.xlsx --since pst-2023.xlsx -o report.html"))
    }
}
