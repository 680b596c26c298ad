import Foundation
import Testing
@testable import PlanKit

/// Rows are never dropped in silence: an action written on an objective's row is read, cells
/// no column holds are reported, and headers that do not fit the layout are refused.
@Suite struct RowTrustTests {
    static let header = "DOMAINE : MOBILITE\n\t\t\tPolitique en charge\tService en charge\tAgent en charge\tÉchéance\tOO\tBudget ordinaire\tBudget extra\tRH\n"

    func plan(_ text: String) throws -> Plan {
        try SpreadsheetReader().read(Array(text.utf8), file: "in.tsv")
    }

    func error(_ text: String) -> String? {
        do {
            _ = try SpreadsheetReader().read(Array(text.utf8), file: "in.tsv")
            return nil
        } catch {
            return error.description
        }
    }

    /// `Objectif opérationnel 1. Vélo | | Action 1.1. …` with pilots, deadline and an amount on
    /// the same row: the objective and the action are both read, with the action's budget.
    @Test(arguments: [
        ("Objectif opérationnel 1. Vélo\t\tAction 1.1. Créer une piste cyclable", "1", "Vélo"),
        ("<i>Objectif opérationnel 2. Marche</i>\tAction 1.1. Créer une piste cyclable\t", "2", "Marche"),
        ("Sous-axe 6.1 Quartiers\t\tAction 1.1. Créer une piste cyclable", "6.1", "Quartiers"),
    ])
    func anActionOnAnObjectiveRowIsRead(_ start: String, _ number: String, _ title: String) throws {
        let row = start + String(repeating: "\t", count: max(0, 4 - start.split(separator: "\t", omittingEmptySubsequences: false).count))
            + "J. Dupont\tTravaux\tA. Martin\t2021\tA 1.1\t20.000 €\t\t\n"
        let plan = try plan(Self.header + "Objectif stratégique : \"Bouger\"\n" + row + "\t\tAction 1.2. Suivre\tJ. Dupont\tTravaux\tA. Martin\t2022\tA 1.2\t1.000 €\t\t\n")
        let operational = try #require(plan.objectives.first?.operationalObjectives.first)
        #expect(operational.number == number && operational.title == title)
        #expect(operational.actions.map(\.id) == ["1.1", "1.2"])
        let action = operational.actions[0]
        #expect(action.title == "Créer une piste cyclable")
        #expect(action.pilots.political.value == .known(["J. Dupont"]))
        #expect(action.deadline.text == "2021")
        #expect(action.budget.map(\.amount) == [.known(Money(cents: 2_000_000))])
        #expect(plan.warnings.isEmpty)
    }

    /// A PCS axis row holding an action.
    @Test func anActionOnAnAxisRowIsRead() throws {
        let plan = try plan(Self.header + "Axe 6 Cohésion\t\tAction 6.1.01. Soutenir les comités\tJ. Dupont\tPCS\tA. Martin\t2021\t\t4.000 €\t\t\n")
        #expect(plan.kind == .pcs)
        #expect(plan.objectives.map(\.number) == ["6"])
        #expect(plan.actions.map(\.id) == ["6.1.01"])
        #expect(plan.actions.first?.budget.map(\.amount) == [.known(Money(cents: 400_000))])
        #expect(plan.warnings.map(\.rule) == [.misplacedRow])
    }

    /// An objective row with other cells but no action: the cells are named by a warning.
    @Test func otherCellsOfAnObjectiveRowAreReported() throws {
        let plan = try plan(Self.header + "Objectif stratégique : \"Bouger\"\t\t\tJ. Dupont\t\t\t2021\t\t50.000 €\t\t\n"
            + "Objectif opérationnel 1. Vélo\n\t\tAction 1.1. Créer\tJ. Dupont\tTravaux\tA. Martin\t2021\tA 1.1\t\t\t\n")
        #expect(plan.actions.map(\.id) == ["1.1"])
        #expect(plan.warnings.map(\.description) == [
            "in.tsv:3:4: warning: This objective row has other cells, which an objective does not hold; they are kept in this warning only. Move them to an action's row, or name their columns in the header row. [read.row-ignored]",
        ])
        #expect(plan.warnings.first?.text == "D: J. Dupont | G: 2021 | I: 50.000 €")
    }

    /// Cells of an action row in no header column (an unlabelled comment column, a note before
    /// the title) are reported; the action is read.
    @Test func cellsOutsideTheHeaderColumnsAreReported() throws {
        let plan = try plan(Self.header + "Objectif stratégique : \"Bouger\"\nObjectif opérationnel 1. Vélo\n"
            + "\t\tAction 1.1. Créer\tJ. Dupont\tTravaux\tA. Martin\t2021\tA 1.1\t3.000 €\t\t\tÀ revoir en 2022\n"
            + "\tNote\tAction 1.2. Suivre\tJ. Dupont\tTravaux\tA. Martin\t2021\tA 1.2\t\t\t\t\n")
        #expect(plan.actions.map(\.id) == ["1.1", "1.2"])
        #expect(plan.warnings.map(\.description) == [
            "in.tsv:5:12: warning: This row has cells outside the columns the header names; they are kept in this warning only. Move them to an action's row, or name their columns in the header row. [read.row-ignored]",
            "in.tsv:6:2: warning: This row has cells outside the columns the header names; they are kept in this warning only. Move them to an action's row, or name their columns in the header row. [read.row-ignored]",
        ])
        #expect(plan.warnings.map(\.text) == ["L: À revoir en 2022", "B: Note"])
    }

    /// A header row naming only a service and a budget is not the PST layout: refused, naming
    /// what it found and what it lacks, at the header row.
    @Test func headersThatDoNotFitAreRefused() {
        #expect(error("Plan mobilité\nDirection ou service pilote\tBudget prévisionnel 2025\nAxe 1 Mobilité\t3.000 €\nAxe 2 Climat\t\n") == """
            in.tsv:2:1: error: The header row does not fit the PST layout: it names "Direction ou service pilote" (service in charge), "Budget prévisionnel 2025" (ordinary budget), but not a deadline column ("Échéance"). The layout's labels are "Politique en charge", "Service en charge", "Agent en charge", "Échéance", "OO", "Budget ordinaire", "Budget extra" and "RH"; rename the columns, or export the plan's sheet in this layout. PlanKit also reads iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), and a commune's own template described in a layout file (--layout).
            """)
        #expect(error("Échéance\tBudget ordinaire\nObjectif stratégique : X\n") == """
            in.tsv:1:1: error: The header row does not fit the PST layout: it names "Échéance" (deadline), "Budget ordinaire" (ordinary budget), but not a pilot column ("Politique en charge", "Service en charge" or "Agent en charge"). The layout's labels are "Politique en charge", "Service en charge", "Agent en charge", "Échéance", "OO", "Budget ordinaire", "Budget extra" and "RH"; rename the columns, or export the plan's sheet in this layout. PlanKit also reads iA.PST Export (\"OS Titre\", \"OO Titre\", \"ACT Titre\"…), French action-plan template (\"Axe (x)\", \"Titre de la fiche action\"…), and a commune's own template described in a layout file (--layout).
            """)
    }

    /// Errors found at the end of a file name the header row, or the first row read.
    @Test func endOfFileErrorsNameALine() {
        #expect(error("\n\nDOMAINE : X\n\t\tPolitique en charge\tÉchéance\tBudget ordinaire\nrien\n") == """
            in.tsv:4:1: error: The table has headers but no objective or action rows; rows must start with "Objectif stratégique", "Objectif opérationnel N." or "Action N.M.". PlanKit also reads iA.PST Export ("OS Titre", "OO Titre", "ACT Titre"…), French action-plan template ("Axe (x)", "Titre de la fiche action"…), and a commune's own template described in a layout file (--layout).
            """)
        #expect(error("\n\nhello\tworld\n") == """
            in.tsv:3:1: error: No plan table found: expected a header row ("Politique en charge", "Échéance", "Budget ordinaire"…) and rows starting with "Objectif stratégique", "Objectif opérationnel N." or "Action N.M.". PlanKit also reads iA.PST Export ("OS Titre", "OO Titre", "ACT Titre"…), French action-plan template ("Axe (x)", "Titre de la fiche action"…), and a commune's own template described in a layout file (--layout).
            """)
    }

    /// JSON syntax errors name the line and the column where the parser stopped.
    @Test(arguments: [
        ("{\"format\": \"plankit\",\n  \"version\": 1, x\n}", "x.json:2:17: error: This is not valid JSON (Invalid value); fix the JSON or export the plan again with `plankit convert FILE --to json`."),
        ("{\"format\": \"plankit\",\n \"é\": \"ééé\" 1}", "x.json:2:13: error: This is not valid JSON (Invalid value); fix the JSON or export the plan again with `plankit convert FILE --to json`."),
        ("{\"format\": \"plankit\", \"plans\": [", "x.json:1:33: error: This is not valid JSON (Unexpected end of file during JSON parse); fix the JSON or export the plan again with `plankit convert FILE --to json`."),
    ])
    func jsonSyntaxErrorsNameTheirPlace(_ text: String, _ expected: String) {
        #expect(throws: (any Error).self) { try PlanKitJSON.decode(Array(text.utf8), file: "x.json") }
        do {
            _ = try PlanKitJSON.decode(Array(text.utf8), file: "x.json")
        } catch {
            #expect(error.description == expected)
        }
    }

    /// A legend row in the middle of the table does not swallow the objectives and actions after
    /// it; its cells are all kept, and `Légende des couleurs` (no colon) whole.
    @Test func aLegendEndsAtTheNextObjectiveOrAction() throws {
        let plan = try plan(Self.header + "Objectif stratégique : \"Bouger\"\nObjectif opérationnel 1. Vélo\n"
            + "Légende :\tEn attente\tconfirmation du Collège\n"
            + "\t\tAction 1.1. Créer\tJ. Dupont\tTravaux\tA. Martin\t2021\tA 1.1\t3.000 €\t\t\n"
            + "Légende des couleurs\n")
        #expect(plan.actions.map(\.id) == ["1.1"])
        #expect(plan.legend == ["En attente confirmation du Collège", "Légende des couleurs"])
        #expect(plan.warnings.isEmpty)
    }

    /// Header labels PlanKit does not read, and a second column of a kind, are named at the header
    /// row; `Intitulé de l'action` over the title column is a heading, and `Date de fin` a deadline.
    @Test func unreadHeaderLabelsAreReported() throws {
        let plan = try plan("\tIntitulé de l'action\tPolitique en charge\tDate de fin\tBudget ordinaire\tPartenaires\tBudget ordinaire 2022\n"
            + "Objectif stratégique : \"Bouger\"\n\tAction 1.1. Créer\tJ. Dupont\tFin 2021\t3.000 €\tCPAS\t5.000 €\n")
        #expect(plan.actions.first?.deadline.text == "Fin 2021")
        #expect(plan.warnings.map(\.description) == [
            "in.tsv:1:6: warning: The header row names columns PlanKit does not read (or a second column of a kind already read); their cells are reported row by row. Rename the column to one of the layout's labels if it holds pilots, a deadline or a budget. [read.row-ignored]",
            "in.tsv:3:2: warning: Action 1.1 comes before any operational objective; it is kept under an untitled one. [read.misplaced-row]",
            "in.tsv:3:6: warning: This row has cells outside the columns the header names; they are kept in this warning only. Move them to an action's row, or name their columns in the header row. [read.row-ignored]",
        ])
        #expect(plan.warnings.first?.text == "F: Partenaires | G: Budget ordinaire 2022")
    }

    /// A preamble row `Service : Mobilité | Responsable : J. Dupont` is not a header row.
    @Test func keyValueCellsAreNotLabels() throws {
        let plan = try plan("Service : Mobilité\tResponsable : J. Dupont\n" + Self.header
            + "Objectif stratégique : \"Bouger\"\nObjectif opérationnel 1. Vélo\n\t\tAction 1.1. Créer\tJ. Dupont\tTravaux\tA. Martin\t2021\tA 1.1\t\t\t\n")
        #expect(plan.preamble.first == "Service : Mobilité Responsable : J. Dupont")
        #expect(plan.actions.first?.pilots.services.value == .known(["Travaux"]))
        #expect(plan.actions.first?.pilots.agents.value == .known(["A. Martin"]))
    }

    /// A legend opens at the word `Légende` or `Légendes`, not at a word that starts like it; what
    /// comes before its colon is kept unless it is that word alone.
    @Test(arguments: [
        ("Légende : En attente", ["En attente"]),
        ("Légendes : En attente", ["En attente"]),
        ("Légende des couleurs : jaune", ["Légende des couleurs : jaune"]),
    ])
    func aLegendOpensAtItsWord(_ cell: String, _ legend: [String]) throws {
        let plan = try plan(Self.header + "Objectif stratégique : \"Bouger\"\nObjectif opérationnel 1. Vélo\n"
            + "\t\tAction 1.1. Créer\tJ. Dupont\tTravaux\tA. Martin\t2021\tA 1.1\t\t\t\n" + cell + "\n")
        #expect(plan.legend == legend)
        #expect(plan.warnings.isEmpty)
    }

    @Test func aWordThatStartsLikeLegendOpensNone() throws {
        let plan = try plan(Self.header + "Objectif stratégique : \"Bouger\"\nObjectif opérationnel 1. Vélo\n"
            + "Légendaire\n\t\tAction 1.1. Créer\tJ. Dupont\tTravaux\tA. Martin\t2021\tA 1.1\t\t\t\n")
        #expect(plan.legend.isEmpty)
        #expect(plan.actions.map(\.id) == ["1.1"])
        #expect(plan.warnings.map(\.rule) == [.rowIgnored])
    }

    /// A legend line that starts with `Action` but no number (`Action prioritaire`) is the
    /// legend's, as are the lines after it: only an action row (`Action 1.2.`) ends the legend.
    @Test func aLegendLineStartingWithActionStaysInTheLegend() throws {
        let plan = try plan(Self.header + "Objectif stratégique : \"Bouger\"\nObjectif opérationnel 1. Vélo\n"
            + "\t\tAction 1.1. Créer\tJ. Dupont\tTravaux\tA. Martin\t2021\tA 1.1\t\t\t\n"
            + "Légende :\nEn attente confirmation du Collège\nAction prioritaire\nPrioritaire\n")
        #expect(plan.legend == ["En attente confirmation du Collège", "Action prioritaire", "Prioritaire"])
        #expect(plan.actions.map(\.id) == ["1.1"])
        #expect(plan.warnings.isEmpty)
    }
}
