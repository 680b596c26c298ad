import Foundation
import Testing
@testable import PlanKit

/// ``PlanDiff`` compares every stored field of an action (``Action/Fields``) and of its eComptes
/// fields (``ExchangeFields``): one edit of each field, on a fixture that carries follow-up
/// fields, gives exactly its change; a stored field added without its edit here (or its reason
/// not to be compared) fails ``everyStoredFieldIsCompared()``.
@Suite struct PlanDiffFieldTests {
    /// One field's edit: the fixture, the action edited, the edit, and the changes it gives.
    struct Edit: Sendable, CustomTestStringConvertible {
        var field: String
        var fixture: String
        var action: String
        var edit: @Sendable (inout Action) throws -> Void
        var expected: [String]
        var testDescription: String { field }
    }

    static let here = SourceLocation(file: "edited", line: 1, column: 1)
    static func day(_ iso: String) throws -> Day { try #require(Day(iso: iso)) }

    /// PlanKit JSON with every follow-up field, and eComptes with its own.
    static let json = "follow-up.json", ecomptes = "ecomptes-follow-up.xml"

    /// An edit of each stored field of ``Action/Fields``, by name.
    static let edits: [Edit] = [
        Edit(field: "id", fixture: json, action: "1.5", edit: { $0.id = "1.9" }, expected: ["renumbered action 1.5 → 1.9 (same title)"]),
        Edit(field: "code", fixture: json, action: "1.2", edit: { $0.code = Cell(.known("A 1.20"), text: "A 1.20", location: here) },
             expected: ["changed action 1.2 code: A 1.2 → A 1.20"]),
        Edit(field: "title", fixture: json, action: "1.5", edit: { $0.title = "Réaménager l'accueil!" },
             expected: ["changed action 1.5 title: Réaménager l'accueil → Réaménager l'accueil! (similar title 1.00)"]),
        Edit(field: "openQuestions", fixture: json, action: "1.1", edit: { $0.openQuestions = ["Comment?"] },
             expected: ["changed action 1.1 questions: – → Comment?"]),
        Edit(field: "pilots", fixture: json, action: "1.1", edit: { $0.pilots.agents = Cell(.known(["M. Durand"]), text: "M. Durand", location: here) },
             expected: ["changed action 1.1 pilot.agent: J. Dupont → M. Durand"]),
        Edit(field: "deadline", fixture: json, action: "1.1", edit: { $0.deadline = Cell(.known(.year(2025)), text: "2025", location: here) },
             expected: ["changed action 1.1 deadline: 2024 → 2025"]),
        Edit(field: "ordinaryBudget", fixture: json, action: "1.1", edit: { action in
            guard case .known(var lines) = action.ordinaryBudget.value else { return }
            lines[0].amount = .known(Money(cents: 350_000))
            action.ordinaryBudget.value = .known(lines)
        }, expected: ["changed action 1.1 ordinary[1].amount: 3000 € → 3500 €"]),
        Edit(field: "extraordinaryBudget", fixture: json, action: "1.1", edit: {
            let line = BudgetLine(kind: .extraordinary, amount: .known(Money(cents: 100_000)), text: "1.000 €", location: here)
            $0.extraordinaryBudget = Cell(.known([line]), text: "1.000 €", location: here)
        }, expected: ["changed action 1.1 extraordinary[1]: – → 1.000 €"]),
        // The full-time equivalents are read from the RH cell: no longer a number, its text is shown.
        Edit(field: "humanResources", fixture: json, action: "1.2", edit: { $0.humanResources = Cell(.known("Service Travaux"), text: "Service Travaux", location: here) },
             expected: ["changed action 1.2 hr: 1 ETP agent constatateur → Service Travaux", "changed action 1.2 fte: 1 → Service Travaux"]),
        Edit(field: "links", fixture: json, action: "1.1", edit: {
            $0.links = [CrossLink(relation: .related, plan: "PCS III", element: .axis, ref: "6", text: "en lien avec l'axe 6 du PCS III", location: here)]
        }, expected: ["changed action 1.1 links: – → en lien avec l'axe 6 du PCS III"]),
        Edit(field: "pending", fixture: json, action: "1.1", edit: { $0.pending = true }, expected: ["changed action 1.1 pending: no → yes"]),
        Edit(field: "exchange", fixture: ecomptes, action: "2", edit: { $0.exchange?.department = "Travaux" },
             expected: ["changed action 2 department: – → Travaux"]),
        Edit(field: "status", fixture: json, action: "1.2", edit: { $0.status = Cell(.known(.inProgress), text: "En cours", location: here) },
             expected: ["changed action 1.2 status: En pause → En cours"]),
        Edit(field: "progress", fixture: json, action: "1.2", edit: { $0.progress = Cell(.known(30), text: "30", location: here) },
             expected: ["changed action 1.2 progress: 20 → 30"]),
        Edit(field: "health", fixture: json, action: "1.2", edit: { $0.health = Cell(.known(.good), text: "bon", location: here) },
             expected: ["changed action 1.2 health: risque → bon"]),
        Edit(field: "priority", fixture: json, action: "1.1", edit: { $0.priority = Cell(.known("basse"), text: "basse", location: here) },
             expected: ["changed action 1.1 priority: haute → basse"]),
        Edit(field: "start", fixture: json, action: "1.1", edit: { $0.start.effective = Cell(.known(try day("2024-03-01")), text: "01/03/2024", location: here) },
             expected: ["changed action 1.1 start.effective: 15/02/2024 → 01/03/2024"]),
        Edit(field: "end", fixture: json, action: "1.2", edit: { $0.end.planned = Cell(.known(try day("2025-09-30")), text: "30/09/2025", location: here) },
             expected: ["changed action 1.2 end.planned: 30/06/2025 → 30/09/2025"]),
        Edit(field: "fte", fixture: json, action: "1.5", edit: { $0.fte = Cell(.known(3), text: "3", location: here) },
             expected: ["changed action 1.5 fte: 2 → 3"]),
        Edit(field: "indicators", fixture: json, action: "1.1", edit: {
            $0.indicators[0].reached = 9
            $0.indicators[0].text = "Agents formés = 9 / 10"
        }, expected: ["changed action 1.1 indicators: Agents formés = 8 / 10 → Agents formés = 9 / 10"]),
        // The amount changed, its text not: the values are shown.
        Edit(field: "funding", fixture: json, action: "1.2", edit: { $0.funding[0].amount = .known(Money(cents: 600_000)) },
             expected: ["changed action 1.2 funding: 2025 FEDER: 5000 € → 2025 FEDER: 6000 €"]),
        Edit(field: "amounts", fixture: json, action: "1.1", edit: { $0.amounts[0].actual = .known(Money(cents: 260_000)) },
             expected: ["changed action 1.1 amounts: 2024: planned 3000 €, actual 2500 € → 2024: planned 3000 €, actual 2600 €"]),
        Edit(field: "parent", fixture: json, action: "1.3", edit: { $0.parent = "1.2" }, expected: ["changed action 1.3 parent: 1.1 → 1.2"]),
    ]

    /// The stored fields not compared as such, with what is compared instead; an edit of each
    /// (its spelling alone) gives no change.
    static let notCompared: [Edit] = [
        // The title cell's text is read into the number, title, questions and links, compared as such.
        Edit(field: "titleCell", fixture: json, action: "1.1", edit: { $0.titleCell.text = "Action 1.1.  Former les agents" }, expected: []),
        // Where the action sits in its file is not what it is.
        Edit(field: "location", fixture: json, action: "1.1", edit: { $0.location = here }, expected: []),
    ]

    /// An edit of each of an action's ``ExchangeFields``, on eComptes' action 2.
    static let exchangeEdits: [Edit] = [
        Edit(field: "elementID", fixture: ecomptes, action: "2", edit: { $0.exchange?.elementID = "a-2b" },
             expected: ["changed action 2 ecomptes.id: a-2 → a-2b"]),
        Edit(field: "fiscalYear", fixture: ecomptes, action: "2", edit: { $0.exchange?.fiscalYear = "2025" },
             expected: ["changed action 2 ecomptes.year: 2024 → 2025"]),
        Edit(field: "statusText", fixture: ecomptes, action: "2", edit: { $0.exchange?.statusText = "TERMINE" },
             expected: ["changed action 2 status: EN_COURS → TERMINE"]),
        Edit(field: "progress", fixture: ecomptes, action: "2", edit: { $0.exchange?.progress = "45" }, expected: ["changed action 2 progress: 40 → 45"]),
        Edit(field: "fte", fixture: ecomptes, action: "2", edit: { $0.exchange?.fte = "1.5" }, expected: ["changed action 2 fte: 1 → 1.5"]),
        Edit(field: "description", fixture: ecomptes, action: "2", edit: { $0.exchange?.description?.value = "Toiture et châssis" },
             expected: ["changed action 2 description: – → Toiture et châssis"]),
        Edit(field: "statusRemark", fixture: ecomptes, action: "2", edit: { $0.exchange?.statusRemark?.value = "Marché attribué" },
             expected: ["changed action 2 status.remark: – → Marché attribué"]),
        Edit(field: "responsible", fixture: ecomptes, action: "2", edit: { $0.exchange?.responsible = .init(lastName: "Dupont", firstName: "Marie") },
             expected: ["changed action 2 responsible: – → Marie Dupont"]),
        Edit(field: "mandataire", fixture: ecomptes, action: "2", edit: { $0.exchange?.mandataire = .init(civility: "MONSIEUR", lastName: "1er échevin") },
             expected: ["changed action 2 mandataire: – → 1er échevin"]),
        Edit(field: "department", fixture: ecomptes, action: "2", edit: { $0.exchange?.department = "Travaux" },
             expected: ["changed action 2 department: – → Travaux"]),
        Edit(field: "plans", fixture: ecomptes, action: "2", edit: { $0.exchange?.plans = ["PCS", "PST Énergie"] },
             expected: ["changed action 2 plans: – → PCS; PST Énergie"]),
        Edit(field: "partners", fixture: ecomptes, action: "2", edit: { $0.exchange?.partners = ["Province"] },
             expected: ["changed action 2 partners: – → Province"]),
        Edit(field: "startDate", fixture: ecomptes, action: "2", edit: { $0.exchange?.startDate = "2024-04-01" },
             expected: ["changed action 2 start.planned: 2024-03-01 → 2024-04-01"]),
        Edit(field: "endDate", fixture: ecomptes, action: "2", edit: { $0.exchange?.endDate = "2025-07-31" },
             expected: ["changed action 2 end.planned: 2025-06-30 → 2025-07-31"]),
        Edit(field: "projections", fixture: ecomptes, action: "2", edit: {
            $0.exchange?.projections = [.init(service: "O", type: "D", economicGroup: "12", label: "Études",
                                             amounts: [.init(year: "2025", amount: "1500.00")])]
        }, expected: ["changed action 2 projections: – → O D 12 Études: 2025 1500"]),
    ]

    /// The exchange fields not compared as such; an edit of each that keeps what they are read
    /// into gives no change.
    static let exchangeNotCompared: [Edit] = [
        // Read into the number, the title and the parent.
        Edit(field: "label", fixture: ecomptes, action: "2", edit: { $0.exchange?.label = "A.2 -  Isoler l'école" }, expected: []),
        // The texts of the budget lines, compared by value as the lines.
        Edit(field: "articles", fixture: ecomptes, action: "2", edit: { $0.exchange?.articles = [] }, expected: []),
        // How the file writes an empty list.
        Edit(field: "listsChildren", fixture: ecomptes, action: "2", edit: { $0.exchange?.listsChildren.toggle() }, expected: []),
    ]

    /// The names of a value's stored properties.
    static func names(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }

    @Test func everyStoredFieldIsCompared() {
        let action = Action(id: "1", title: "t", location: Self.here)
        #expect(Self.names(action.fields) == Set((Self.edits + Self.notCompared).map(\.field)))
        #expect(Self.names(ExchangeFields()) == Set((Self.exchangeEdits + Self.exchangeNotCompared).map(\.field)))
    }

    /// An objective's stored fields: its number and title (paired, then compared), its place
    /// (not compared), its children (paired and compared as elements of their own), its budget
    /// lines and its eComptes fields (compared: ``objectivesFields()``). A field added to
    /// objectives fails here until it is compared and listed.
    @Test func everyObjectiveFieldIsKnown() {
        let here = Self.here
        #expect(Self.names(StrategicObjective(number: "1", title: "t", location: here))
            == ["number", "title", "location", "operationalObjectives", "budget", "exchangeBox"])
        #expect(Self.names(OperationalObjective(number: "1", title: "t", location: here))
            == ["number", "title", "location", "actions", "budget", "exchangeBox"])
    }

    /// The fixture with action `id` edited.
    static func edited(_ edit: Edit) throws -> (Plan, Plan) {
        let old = try Fixtures.plan(edit.fixture)
        var new = old
        var found = false
        for s in new.objectives.indices {
            for o in new.objectives[s].operationalObjectives.indices {
                for a in new.objectives[s].operationalObjectives[o].actions.indices
                where new.objectives[s].operationalObjectives[o].actions[a].id == edit.action {
                    try edit.edit(&new.objectives[s].operationalObjectives[o].actions[a])
                    found = true
                }
            }
        }
        #expect(found, "no action \(edit.action) in \(edit.fixture)")
        return (old, new)
    }

    /// The edited plan written as a PlanKit JSON file and read back, as `plankit diff` reads it.
    static func written(_ plan: Plan) throws -> Plan {
        let path = NSTemporaryDirectory() + "plankit-diff-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(try PlanKitJSON.encode([plan])).write(to: URL(fileURLWithPath: path))
        return try #require(try PlanReader().read(path: path).first)
    }

    @Test(arguments: edits + notCompared)
    func eachStoredFieldGivesItsChange(_ edit: Edit) throws {
        let (old, new) = try Self.edited(edit)
        #expect(PlanDiff.diff(old: old, new: new).changes.map(\.description) == edit.expected)
        #expect(PlanDiff.diff(old: new, new: old).changes.count == edit.expected.count)
        #expect(PlanDiff.diff(old: old, new: try Self.written(new)).changes.map(\.description) == edit.expected)
    }

    @Test(arguments: exchangeEdits + exchangeNotCompared)
    func eachExchangeFieldGivesItsChange(_ edit: Edit) throws {
        let (old, new) = try Self.edited(edit)
        #expect(PlanDiff.diff(old: old, new: new).changes.map(\.description) == edit.expected)
        #expect(PlanDiff.diff(old: old, new: try Self.written(new)).changes.map(\.description) == edit.expected)
    }

    /// The objectives' own fields: budget lines and eComptes' fields.
    @Test func objectivesFields() throws {
        let old = try Fixtures.plan(Self.ecomptes)
        var new = old
        new.objectives[0].exchange?.progress = "15"
        new.objectives[0].operationalObjectives[0].exchange?.responsible = .init(lastName: "Lambert", firstName: "Anne")
        new.objectives[0].operationalObjectives[0].budget.append(
            BudgetLine(kind: .ordinary, amount: .known(Money(cents: 250_000)), text: "2.500 €", location: Self.here))
        #expect(PlanDiff.diff(old: old, new: new).changes.map(\.description) == [
            "changed strategic 1 progress: 0 → 15",
            "changed operational 1 ordinary[1]: – → 2.500 €",
            "changed operational 1 responsible: – → Anne Lambert",
        ])
    }
}
