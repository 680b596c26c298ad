import Foundation
import Testing
@testable import PlanKit

/// Layouts of one row per action path: iA.PST's Export report, the French action-plan template,
/// and a commune's own template described by a layout file.
@Suite struct LayoutTests {
    static func ids(_ plan: Plan) -> [String] { plan.actions.map(\.id) }

    @Test func iaPSTExport() throws {
        let plan = try Fixtures.plan("iapst-export.tsv")
        // Repeated OS and OO cells make one objective each.
        #expect(plan.objectives.map(\.number) == ["1", "8"])
        #expect(plan.objectives.map { $0.operationalObjectives.map(\.number) } == [["2", "7"], ["9"]])
        #expect(plan.objectives[0].operationalObjectives[1].actions.isEmpty)
        // Sub-actions follow their action, their ids the action's and their reference.
        #expect(Self.ids(plan) == ["3", "3.4", "3.5", "6", "10"])
        #expect(plan.actions.map(\.parent) == [nil, "3", "3", nil, nil])
        let radars = try #require(plan.action("3"))
        #expect(radars.title == "Installer des radars préventifs")
        #expect(radars.code.text == "3")
        #expect(radars.pilots.services.value == .known(["Service Travaux", "Service Mobilité"]))
        #expect(radars.pilots.agents.value == .known(["Jean Martin"]))
        #expect(radars.deadline.value == .known(.day(30, month: 6, year: 2023)))
        #expect(radars.location == SourceLocation(file: Fixtures.path("iapst-export.tsv"), line: 2, column: 28))
        let order = try #require(plan.action("3.5"))
        #expect(order.pilots.agents.value == .known(["Anne Lambert"]))
        #expect(order.pilots.political.value == .missing)
        #expect(try #require(plan.action("10")).deadline.value == .known(.year(2025)))
        // Each row's cells that no field holds are kept in one warning, located at the first of them.
        let first = try #require(plan.warnings.first)
        #expect(first.rule == .rowIgnored)
        #expect(first.location.line == 2 && first.location.column == 3)
        #expect(first.text == "OS État: En cours | OS Catégorie: Volet interne | OS Plan: PST | OS Constat: Sentiment d'insécurité en hausse | OO État: En cours | OO Indicateur résultat: Écoles sécurisées = 3 / 8 | OO Priorité: Haute | OO Échéance: 31/12/2024 | OO Mandataire: Marie Dupont | OO O.D.D.: 11 - Villes et communautés durables | ACT Détails indice santé: Livraison retardée | ACT Partenaires ext: Zone de police")
        // The second row of action 3 holds only its sub-action's fields, all read: no warning.
        #expect(plan.warnings.map(\.location.line) == [2, 4, 5, 6])
        #expect(plan.warnings[1].text == "ACT Commentaires: Attente du subside")
    }

    /// iA.PST's follow-up columns, field by field.
    @Test func iaPSTFollowUp() throws {
        let plan = try Fixtures.plan("iapst-export.tsv")
        let file = Fixtures.path("iapst-export.tsv")
        let radars = try #require(plan.action("3"))
        #expect(radars.status == Cell(.known(.inProgress), text: "En cours", location: SourceLocation(file: file, line: 2, column: 29)))
        #expect(radars.progress.value == .known(40))
        #expect(radars.health == Cell(.known(.risk), text: "risque", location: SourceLocation(file: file, line: 2, column: 39)))
        #expect(radars.start.planned?.value == .known(Day(year: 2022, month: 1, day: 1)!))
        #expect(radars.start.effective?.value == .known(Day(year: 2022, month: 2, day: 15)!))
        #expect(radars.end.planned?.value == .known(Day(year: 2023, month: 6, day: 30)!))
        #expect(radars.end.effective == nil)
        #expect(radars.indicators == [Indicator(label: "Radars posés", target: 10, reached: 4, text: "Radars posés = 4 / 10",
                                                location: SourceLocation(file: file, line: 2, column: 32))])
        let budget = SourceLocation(file: file, line: 2, column: 44)
        #expect(radars.funding == [
            Funding(source: .wallonie, sourceText: "Wallonie", amount: .known(Money(euros: 12_500)), year: 2022, text: "2022 pour Wallonie: 12500€", location: budget),
            Funding(source: .commune, sourceText: "Commune", amount: .known(Money(euros: 2_500)), year: 2023, text: "2023 pour Commune: 2500€", location: budget),
        ])
        let places = try #require(plan.action("3.4"))
        #expect(places.status.value == .known(.done) && places.status.text == "Finalisé")
        #expect(places.progress.value == .known(100))
        #expect(places.health.value == .known(.good))
        #expect(places.end.effective?.value == .known(Day(year: 2022, month: 3, day: 28)!))
        #expect(places.parent == "3")
        #expect(try #require(plan.action("6")).status.value == .known(.notStarted))
        let insulation = try #require(plan.action("10"))
        #expect(insulation.status.value == .known(.cancelled))
        #expect(insulation.progress.value == .known(0))
        #expect(insulation.health.value == .known(.blocked))
        // A deadline that is a year is no day: no planned end.
        #expect(insulation.end.planned == nil)
    }

    /// iA.PST cells that have one reading are read (a day with a time, an Excel serial, `40 %`);
    /// the others are unknown, kept as written, and named by a warning; nothing is read in part.
    @Test func followUpCellsReadOrFlagged() throws {
        let header = "OS Titre\tOO Titre\tACT Titre\tACT État\tACT Progression\tACT Indice santé\tACT Date début prévue\tACT Date fin effective\tACT Indicateur résultat\tACT Budget"
        let rows = [
            "Sécurité\tÉcoles\tRadars\tEn cours\t40 %\tbon\t01/03/2024 14:30\t45657\tRadars posés = 4 / 10 | Zones = 2 / 3\t2024 pour Wallonie: 12.500€ | 2025 pour FEDER: 500€",
            "Sécurité\tÉcoles\tGardiens\tPeut-être\t140\tmoyen\t31/02/2024\t2024\tParticipants = 40\t2024 pour Wallonie: 12500€ | 2025: 500€",
            "Sécurité\tÉcoles\tBadges\t??\t0,5\t/\t\t\t\t2024 pour Province: 250,000€",
        ]
        let text = ([header] + rows).joined(separator: "\n")
        let plan = try SpreadsheetReader().read(Array(text.utf8), file: "in.tsv")
        let radars = try #require(plan.actions.first)
        #expect(radars.progress.value == .known(40))
        #expect(radars.start.planned?.value == .known(Day(year: 2024, month: 3, day: 1)!))
        #expect(radars.end.effective?.value == .known(Day(year: 2024, month: 12, day: 31)!))
        #expect(radars.indicators.map(\.label) == ["Radars posés", "Zones"])
        #expect(radars.indicators.map(\.target) == [10, 3])
        #expect(radars.funding.map(\.source) == [.wallonie, .europe])
        #expect(radars.funding.map(\.amount) == [.known(Money(euros: 12_500)), .known(Money(euros: 500))])
        let guards = plan.actions[1]
        #expect(guards.status == Cell(.unknown, text: "Peut-être", location: SourceLocation(file: "in.tsv", line: 3, column: 4)))
        #expect(guards.progress.value == .unknown)
        #expect(guards.health.value == .unknown)
        #expect(guards.start.planned?.value == .unknown)
        #expect(guards.end.effective?.value == .unknown)
        #expect(guards.indicators.isEmpty && guards.funding.isEmpty)
        let badges = plan.actions[2]
        #expect(badges.status.value == .unknown && badges.health.value == CellValue.none)
        #expect(badges.funding.isEmpty)
        #expect(plan.warnings.map(\.description) == [
            "in.tsv:3:4: warning: \"Peut-être\" is not a status PlanKit knows; its status is unknown. Write one of En cours, A agender, Réalisé, En attente, En pause, Bloqué, Annulé (or not started, in progress, waiting, problem, done, cancelled). [read.unparsed-cell]",
            "in.tsv:3:5: warning: \"140\" is not a progress from 0 to 100; its progress is unknown. Write a number such as 40 or 40 %. [read.unparsed-cell]",
            "in.tsv:3:6: warning: \"moyen\" is not a health PlanKit knows; its health is unknown. Write bon, risque, blocage or pause. [read.unparsed-cell]",
            "in.tsv:3:7: warning: \"31/02/2024\" is not a day PlanKit reads; the date is unknown. Write the day as 31/12/2024 or 2024-12-31. [read.unparsed-cell]",
            "in.tsv:3:8: warning: \"2024\" is not a day PlanKit reads; the date is unknown. Write the day as 31/12/2024 or 2024-12-31. [read.unparsed-cell]",
            "in.tsv:3:9: warning: \"Participants = 40\" is not an indicator as iA.PST writes one (label = reached / expected): one number alone could be either; the cell is kept as written. Write both values, as in \"Participants = 40 / 50\". [read.unparsed-cell]",
            "in.tsv:3:10: warning: \"2025: 500€\" is not a year, a source and an amount; the cell is kept as written and no funding is read from it. Write each part as iA.PST does, \"2022 pour Wallonie: 12500€\", with \" | \" between them. [read.unparsed-cell]",
            "in.tsv:4:5: warning: \"0,5\" could be 0,5 % or 50 %; its progress is unknown. Write the percentage, such as 50 or 0,5 %. [read.unparsed-cell]",
            "in.tsv:4:10: warning: \"2024 pour Province: 250,000€\" has no amount PlanKit reads; the cell is kept as written and no funding is read from it. Write each part as iA.PST does, \"2022 pour Wallonie: 12500€\", with \" | \" between them. [read.unparsed-cell]",
        ])
        #expect(CellAccounting.unaccounted(in: Array(text.utf8), file: "in.tsv", plans: [plan]).isEmpty)
    }

    /// The French template's follow-up columns, field by field.
    @Test func frenchTemplateFollowUp() throws {
        let plan = try Fixtures.plan("plan-action-template.tsv")
        let file = Fixtures.path("plan-action-template.tsv")
        let network = try #require(plan.action("1.1.1"))
        #expect(network.status.value == .known(.inProgress))
        #expect(network.priority == Cell(.known("Élevé"), text: "Élevé", location: SourceLocation(file: file, line: 3, column: 26)))
        #expect(network.start.planned?.value == .known(Day(year: 2024, month: 3, day: 1)!))
        #expect(network.end.planned?.value == .known(Day(year: 2026, month: 12, day: 31)!))
        // `Région` in a French plan is not the Walloon region; `5.000` is five thousand.
        #expect(network.funding == [Funding(
            source: .other, sourceText: "Région", amount: .known(Money(euros: 5_000)), text: "Région",
            location: SourceLocation(file: file, line: 3, column: 18), amountText: "5.000",
            amountLocation: SourceLocation(file: file, line: 3, column: 19))])
        #expect(network.amounts == [YearAmount(year: nil, planned: .known(Money(euros: 45_000)), text: "45 000",
                                               location: SourceLocation(file: file, line: 3, column: 24))])
        #expect(plan.actions.map(\.status.text) == ["En cours", "Réalisé", "À venir", "En pause", "Bloqué", "En cours"])
        #expect(plan.actions.map { $0.status.value.value?.name ?? "-" } == ["in progress", "done", "not started", "waiting", "problem", "in progress"])
        let bus = try #require(plan.action("1.2.1.1"))
        #expect(bus.funding.map(\.sourceText) == ["État", "Département"])
        #expect(bus.funding.map(\.amount) == [.known(Money(euros: 3_000)), .missing])
        #expect(try #require(plan.action("2.1")).amounts.map(\.planned) == [.known(Money(euros: 250_000))])
        // The planned total and the funders disagree.
        let findings = Checker(rules: [ActionFundingMismatch()]).run(on: PlanSet([plan]))
        #expect(findings.map(\.description) == ["\(file):3:24: warning: Action 1.1.1 plans 45.000 € in total but its funders give 5.000 € (Région); make the planned amount and the funding agree. [action.funding-mismatch]"])
    }

    @Test func frenchTemplate() throws {
        let plan = try Fixtures.plan("plan-action-template.tsv")
        #expect(plan.preamble == ["Plan climat air énergie territorial"])
        #expect(plan.objectives.map(\.title) == ["Mobilité", "Énergie", ""])
        #expect(plan.objectives[0].operationalObjectives.map(\.title) == ["Vélo", "Transports en commun / Bus"])
        #expect(Self.ids(plan) == ["1.1.1", "1.1.1.1", "1.1.1.2", "1.2.1.1", "2.1", "1"])
        #expect(plan.actions.map(\.parent) == [nil, "1.1.1", "1.1.1", nil, nil, nil])
        let network = try #require(plan.action("1.1.1"))
        #expect(network.pilots.political.value == .known(["Marc Lenoir"]))
        #expect(network.pilots.services.value == .known(["Service Mobilité", "Service Travaux"]))
        #expect(network.humanResources.value == .known("0,5 ETP"))
        #expect(network.deadline.value == .known(.day(31, month: 12, year: 2026)))
        // A sub-action's row describes the sub-action, not its action.
        let signs = try #require(plan.action("1.1.1.2"))
        #expect(signs.pilots.agents.value == .known(["Paul Durand"]))
        #expect(signs.deadline.value == .known(.year(2025)))
        let lights = try #require(plan.action("2.1"))
        #expect(lights.pilots.agents.value == .known(["Luc Blanc", "Emma Roux"]))
        let description = try #require(plan.warnings.first { $0.location.line == 3 })
        #expect(description.text == "Descriptif: Relier les villages au centre")
    }

    /// A repeated element whose other cells differ keeps its first row's; the differing cells are reported.
    @Test func repeatedElementWithOtherCells() throws {
        let header = "OS Référence\tOS Titre\tOS État\tOO Titre\tACT Titre"
        let text = [header, "1\tSécurité\tEn cours\tÉcoles\tRadars", "1\tSécurité\tFinalisé\tÉcoles\tGardiens"].joined(separator: "\n")
        let plan = try SpreadsheetReader().read(Array(text.utf8), file: "in.tsv")
        #expect(plan.objectives.count == 1)
        #expect(plan.actions.map(\.id) == ["1.1.1", "1.1.2"])
        let warning = try #require(plan.warnings.first { $0.location.line == 3 })
        #expect(warning.description == "in.tsv:3:3: warning: This row repeats an element of line 2 with other cells than that row has; the element keeps its first row's, these are kept in this warning only. Make the repeated cells alike, or give the element its own reference. [read.row-ignored]")
        #expect(warning.text == "OS État: Finalisé")
        #expect(CellAccounting.unaccounted(in: Array(text.utf8), file: "in.tsv", plans: [plan]).isEmpty)
    }

    /// The accounting catches a follow-up cell no warning keeps, and a changed repeated cell.
    @Test func accountingCatchesLostCells() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("iapst-export.tsv"))))
        var plan = try SpreadsheetReader().read(bytes, file: "x.tsv")
        plan.warnings.remove(at: 1)
        // A follow-up field changed: its cell is no longer held.
        plan.objectives[0].operationalObjectives[0].actions[2].status = Cell(.known(.done), text: "Réalisé", location: SourceLocation(file: "x.tsv", line: 3, column: 51))
        let lost = CellAccounting.unaccounted(in: bytes, file: "x.tsv", plans: [plan])
        #expect(lost.map(\.description) == ["x.tsv:3:51: \"En cours\"", "x.tsv:4:47: \"Attente du subside\""])
    }

    /// A header near a layout is refused with the layouts PlanKit knows, and what the nearest lacks.
    @Test func unknownLayoutNamesTheNearest() {
        let text = "Commune de Test\nOS Référence\tOS Titre\tACT Titre\tACT État\n1\tSécurité\tRadars\tEn cours\n"
        #expect(throws: PlanReadError.self) { try SpreadsheetReader().read(Array(text.utf8), file: "in.tsv") }
        do {
            _ = try SpreadsheetReader().read(Array(text.utf8), file: "in.tsv")
        } catch {
            #expect(error.description == "in.tsv:2:1: error: No layout PlanKit knows fits this table; it reads the communes' PST sheet (\"Politique en charge\", \"Échéance\"… over rows \"Objectif stratégique\", \"Action N.M.\"), iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), or a commune's template described in a layout file (--layout). The nearest is iA.PST Export, on line 2: it names \"OS Référence\", \"OS Titre\", \"ACT Titre\", \"ACT État\", but not \"OO Titre\". Rename the columns to the layout's labels, or describe the template in a layout file (--layout).")
        }
    }
}

/// Layout files: a commune's own template, described in JSON.
@Suite struct LayoutFileTests {
    static let example = Fixtures.root.appendingPathComponent("Examples/layout").path

    @Test func workedExample() throws {
        let layout = try LayoutFile.read(path: "\(Self.example)/modave.layout.json")
        #expect(layout.name == "Modave PST")
        #expect(layout.required == ["Axe", "Objectif", "Intitulé de la fiche"])
        let path = "\(Self.example)/pst-modave.tsv"
        let plans = try PlanReader(layout: layout).read(path: path)
        let plan = try #require(plans.first)
        #expect(plan.objectives.map(\.number) == ["1", "2"])
        #expect(plan.objectives.map(\.title) == ["Une commune verte", "Une commune solidaire"])
        #expect(plan.actions.map(\.id) == ["1", "2", "3", "4"])
        #expect(plan.action("2")?.pilots.services.value == .known(["Enseignement", "Cuisine centrale"]))
        #expect(plan.action("1")?.budget.first?.article?.code == "879/124-02")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(CellAccounting.unaccounted(in: bytes, file: path, plans: plans, layout: layout).isEmpty)
        // Without the layout file, the template is refused.
        #expect(throws: PlanReadError.self) { try PlanReader().read(path: path) }
    }

    /// The second worked example: objective rows marked by their first cell, a note, a total left
    /// aside, and follow-up columns.
    @Test func rowMarkersAndFollowUp() throws {
        let layout = try LayoutFile.read(path: "\(Self.example)/ferrieres.layout.json")
        #expect(layout.rowMarkers.map(\.kind) == [.strategic, .operational, .note, .ignored])
        let path = "\(Self.example)/pst-ferrieres.tsv"
        let plans = try PlanReader(layout: layout).read(path: path)
        let plan = try #require(plans.first)
        #expect(plan.objectives.map(\.number) == ["1", "2"])
        #expect(plan.objectives.map(\.title) == ["Une commune verte", "Une commune solidaire"])
        #expect(plan.objectives.map { $0.operationalObjectives.map(\.number) } == [["1.1", "1.2"], ["2.1"]])
        #expect(plan.objectives[0].operationalObjectives.map(\.title) == ["Moins de déchets", "Plus d'arbres"])
        #expect(plan.objectives.map { $0.operationalObjectives.map { $0.actions.map(\.id) } } == [[["1", "2"], ["3"]], [["4"]]])
        let compost = try #require(plan.action("1"))
        #expect(compost.status.value == .known(.inProgress))
        #expect(compost.progress.value == .known(40))
        #expect(compost.start.planned?.value == .known(Day(year: 2025, month: 3, day: 1)!))
        #expect(compost.end.planned?.value == .known(Day(year: 2026, month: 12, day: 31)!))
        #expect(compost.funding.map(\.source) == [.wallonie, .commune])
        #expect(compost.funding.map(\.amount) == [.known(Money(euros: 3_000)), .known(Money(euros: 2_000))])
        #expect(compost.amounts.map(\.planned) == [.known(Money(euros: 5_000))])
        // A year is no start day; 0,4 could be a fraction or a percentage: both unknown, named.
        #expect(plan.action("3")?.start.planned?.value == .unknown)
        #expect(plan.action("4")?.progress.value == .unknown)
        #expect(plan.warnings.map(\.description) == [
            "\(path):8:1: warning: The layout marks this row as a note; it is kept verbatim in this warning, and no field of the plan holds it. [read.row-ignored]",
            "\(path):10:5: warning: \"2026\" is not a day PlanKit reads; the date is unknown. Write the day as 31/12/2024 or 2024-12-31. [read.unparsed-cell]",
            "\(path):13:7: warning: \"0,4\" could be 0,4 % or 40 %; its progress is unknown. Write the percentage, such as 40 or 0,4 %. [read.unparsed-cell]",
            "\(path):14:1: warning: The layout marks this row as a row to leave aside; it is kept verbatim in this warning, and no field of the plan holds it. [read.row-ignored]",
        ])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(CellAccounting.unaccounted(in: bytes, file: path, plans: plans, layout: layout).isEmpty)
        // Without the note's warning, its cell is lost.
        var changed = plan
        changed.warnings.removeFirst()
        #expect(CellAccounting.unaccounted(in: bytes, file: path, plans: [changed], layout: layout).map(\.text) == ["Remarque : la fiche F3 attend l'avis du Collège."])
    }

    /// A funder has one amount: the amount column after it, not a second one.
    @Test func funderAmountsPairOneToOne() throws {
        let json = #"{"columns": [{"label": "Intitulé", "level": "action", "field": "title"}, {"label": "Bailleur", "level": "action", "field": "funder"}, {"label": "Montant", "level": "action", "field": "funder-amount"}, {"label": "Autre montant", "level": "action", "field": "funder-amount"}]}"#
        let layout = try LayoutFile.parse(Array(json.utf8), file: "two.json")
        let text = "Intitulé\tBailleur\tMontant\tAutre montant\nRadars\tWallonie\t1.000\t2.000\nGardiens\t\t500\t\n"
        let plan = try SpreadsheetReader(layout: layout).read(Array(text.utf8), file: "in.tsv")
        #expect(plan.actions[0].funding.map(\.amount) == [.known(Money(euros: 1_000))])
        #expect(plan.actions[1].funding.isEmpty)
        #expect(plan.warnings.map(\.description) == [
            "in.tsv:2:4: warning: \"2.000\" is in a funder-amount column that no funder column comes before (each funder has one amount); it is kept as written, no funding is read. Put a funder column before it in the layout. [read.unparsed-cell]",
            "in.tsv:3:3: warning: \"500\" is an amount with no funder beside it (Bailleur is blank); it is kept as written, no funding is read. Write the funder's name in Bailleur. [read.unparsed-cell]",
        ])
        #expect(CellAccounting.unaccounted(in: Array(text.utf8), file: "in.tsv", plans: [plan], layout: layout).isEmpty)
    }

    /// The layout files Docs/formats.md shows are the example files, word for word.
    @Test(arguments: ["modave.layout.json", "ferrieres.layout.json"])
    func documentedLayoutFile(_ name: String) throws {
        let file = try String(contentsOfFile: "\(Self.example)/\(name)", encoding: .utf8)
        let doc = try String(contentsOf: Fixtures.root.appendingPathComponent("Docs/formats.md"), encoding: .utf8)
        #expect(doc.contains("```json\n" + file + "```"))
    }

    @Test(arguments: [
        ("{\"columns\": 3}", "in.json:1:13: error: \"columns\" must be a non-empty list of columns, each { \"label\": …, \"level\": …, \"field\": … }."),
        ("{\n  \"columns\": [\n    {\"label\": \"Fiche\", \"level\": \"fiche\", \"field\": \"title\"}\n  ]\n}", "in.json:3:33: error: \"level\" must be one of \"strategic\", \"operational\", \"suboperational\", \"action\", \"sub-action\", \"row\"."),
        ("{\"columns\": [{\"label\": \"Fiche\", \"level\": \"action\"}]}", "in.json:1:14: error: This column lacks \"field\"; a column has \"label\", \"level\" and \"field\"."),
        ("{\"colonnes\": []}", "in.json:1:14: error: A layout file has no \"colonnes\"; it has \"name\", \"columns\", and optionally \"rows\", \"required\", \"separators\" and \"walloon\"."),
        ("{\"rows\": [{\"match\": \"^(Objectif\", \"is\": \"strategic\"}]}", "in.json:1:21: error: \"match\" must be a regular expression, such as \"^Objectif stratégique\"."),
        ("{\"rows\": [{\"match\": \"^Axe\", \"is\": \"axis\"}]}", "in.json:1:35: error: \"is\" must be one of \"strategic\", \"operational\", \"note\", \"ignored\"."),
        ("{\"rows\": [{\"match\": \"^Axe\"}]}", "in.json:1:11: error: This row marker lacks \"is\"; a row marker has \"match\" and \"is\"."),
        ("{\"walloon\": \"oui\"}", "in.json:1:13: error: \"walloon\" must be true or false: whether a funder written Région is the Walloon region."),
        ("{\"columns\": [{\"label\": \"Axe\", \"level\": \"strategic\", \"field\": \"title\"}]}", "in.json:1:1: error: The layout names no column of an action's title or number; add one with \"level\": \"action\" and \"field\": \"title\"."),
        ("{\"name\": \"x\",\n \"columns\": [\n", "in.json:3:1: error: The layout file ends where a value was expected; close its objects and lists."),
        ("{\"name\": \"é\" \"x\"}", "in.json:1:14: error: Expected ',' or '}' here."),
    ])
    func badLayoutFile(_ input: (String, String)) {
        #expect(throws: PlanReadError.self) { try LayoutFile.parse(Array(input.0.utf8), file: "in.json") }
        do { _ = try LayoutFile.parse(Array(input.0.utf8), file: "in.json") } catch { #expect(error.description == input.1) }
    }
}

/// The layouts' workbooks, written by LibreOffice and openpyxl (`Scripts/generate-workbook-fixtures.sh`).
@Suite struct LayoutWorkbookTests {
    /// The worked examples read the same from their `.xlsx` and `.ods` twins, with their layout files.
    @Test(arguments: ["modave", "ferrieres"], ["xlsx", "ods"])
    func layoutFileTwins(_ example: String, _ format: String) throws {
        let layout = try LayoutFile.read(path: "\(LayoutFileTests.example)/\(example).layout.json")
        let text = try PlanReader(layout: layout).read(path: "\(LayoutFileTests.example)/pst-\(example).tsv")
        let book = try PlanReader(layout: layout).read(path: WorkbookTests.workbook("pst-\(example).\(format)"))
        #expect(try WorkbookTests.placeless(book) == WorkbookTests.placeless(text))
    }

    /// iA.PST's days as date cells, and one as a bare Excel serial (its format lost): all days.
    @Test func iaPSTDateCellsAndSerial() throws {
        let path = WorkbookTests.workbook("iapst-dates.xlsx")
        let plan = try #require(try PlanReader().read(path: path).first)
        let places = try #require(plan.action("3.4"))
        #expect(places.end.effective == Cell(.known(Day(year: 2022, month: 3, day: 28)!), text: "44648",
                                             location: SourceLocation(file: path + "#Export", line: 2, column: 59)))
        #expect(places.end.planned?.value == .known(Day(year: 2022, month: 3, day: 31)!))
        #expect(plan.action("3")?.start.effective?.text == "15/02/2022")
        #expect(plan.action("3")?.progress.value == .known(40))
        #expect(!plan.warnings.contains { $0.rule == .unparsedCell })
    }

    /// Date cells are days, not 1970's; numbers are read as a text export writes them, and an
    /// amount without its funder is kept as written.
    @Test(arguments: ["xlsx", "ods"])
    func templateWithDateCells(_ format: String) throws {
        let plan = try #require(try PlanReader().read(path: WorkbookTests.workbook("plan-action-dates.\(format)")).first)
        #expect(plan.actions.map(\.id) == ["1.1.1", "1.1.1.1"])
        #expect(plan.action("1.1.1")?.deadline.value == .known(.day(31, month: 12, year: 2026)))
        #expect(plan.action("1.1.1.1")?.deadline.value == .known(.day(30, month: 6, year: 2024)))
        let network = try #require(plan.action("1.1.1"))
        #expect(network.start.planned?.value == .known(Day(year: 2024, month: 3, day: 1)!))
        #expect(network.end.planned?.value == .known(Day(year: 2026, month: 12, day: 31)!))
        #expect(network.funding.map(\.amount) == [.known(Money(euros: 5_000))])
        #expect(network.amounts.map(\.planned) == [.known(Money(cents: 4_500_050))])
        #expect(plan.action("1.1.1.1")?.status.value == .known(.done))
        #expect(plan.warnings.map(\.text) == ["Descriptif: Relier les villages", "5.000"])
        #expect(plan.warnings.map(\.location.description) == ["F3", "S4"].map { WorkbookTests.workbook("plan-action-dates.\(format)") + "#Plan d'action!" + $0 })
        #expect(plan.warnings[1].message == "\"5.000\" is an amount with no funder beside it (Financeur 1 is blank); it is kept as written, no funding is read. Write the funder's name in Financeur 1.")
    }
}
