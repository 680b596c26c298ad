import Foundation
import Testing
@testable import PlanKit

/// The follow-up fields (status, progress, health, priority, start, end, fte, indicators, funding,
/// amounts, parent): one model for every source, read from eComptes, from RH cells and from
/// PlanKit JSON, written back unchanged.
@Suite struct FollowUpTests {
    // MARK: Status, health, funding sources: the words of each source

    @Test(arguments: [
        ("NON_COMMENCE", FollowUpStatus.notStarted), ("EN_COURS", .inProgress), ("EN_ATTENTE", .waiting),
        ("PROBLEME", .problem), ("TERMINE", .done), ("ANNULE_ABANDONNE", .cancelled),
        ("A agender", .notStarted), ("À agender", .notStarted), ("En cours", .inProgress), ("En pause", .waiting),
        ("Réalisé", .done), (" finalisé ", .done), ("Annulé", .cancelled), ("Abandonné", .cancelled),
        ("bloqué", .problem), ("in progress", .inProgress), ("not started", .notStarted), ("done", .done),
    ])
    func statusWords(_ word: String, _ status: FollowUpStatus) {
        #expect(FollowUpStatus(word: word) == status)
    }

    @Test(arguments: FollowUpStatus.allCases)
    func everyStatusReadsFromItsCodeAndItsName(_ status: FollowUpStatus) {
        #expect(FollowUpStatus(rawValue: status.rawValue) == status)
        #expect(FollowUpStatus(word: status.name) == status)
        #expect(ExchangeFields.Status(rawValue: status.rawValue) == status)
    }

    @Test(arguments: ["Peut-être", "", "EN COURS DE", "terminé?"])
    func otherWordsAreNoStatus(_ word: String) {
        #expect(FollowUpStatus(word: word) == nil)
    }

    @Test(arguments: [("bon", Health.good), ("Risque", .risk), ("blocage", .blocked), ("pause", .paused), ("En pause", .paused)])
    func healthWords(_ word: String, _ health: Health) {
        #expect(Health(word: word) == health)
        #expect(Health(word: health.name) == health)
    }

    @Test(arguments: [
        ("Wallonie", FundingSource.wallonie), ("Région wallonne", .wallonie), ("SPW", .wallonie), ("Europe", .europe),
        ("FEDER", .europe), ("Fédéral", .federal), ("FWB", .fwb), ("Province", .province), ("commune", .commune),
        ("Fonds propres", .commune), ("Fondation Roi Baudouin", .other),
    ])
    func fundingSourceWords(_ word: String, _ source: FundingSource) {
        #expect(FundingSource(word: word) == source)
    }

    // MARK: Full-time equivalents from RH cells

    @Test(arguments: [
        ("0,5 ETP", CellValue<Double>.known(0.5)), ("1 ETP agent constatateur", .known(1)), ("2 ETP", .known(2)),
        ("1.5 ETP", .known(1.5)), ("0,25ETP", .known(0.25)), ("??", .unknown), ("/", .none), ("", .missing), ("  ", .missing),
        ("0,5 ou 1 ETP", .unknown), ("1 ETP + 0,5 ETP", .unknown), ("1.000 ETP", .unknown), ("Service travaux", .unknown),
        ("ETP", .unknown), ("2 agents", .unknown), ("½ ETP", .unknown),
    ])
    func fteFromHumanResourcesText(_ text: String, _ value: CellValue<Double>) {
        #expect(FTEReader.value(of: text) == value)
    }

    /// Each RH cell of the fixture: its fte, its text kept, and a located warning for each it cannot read.
    @Test func fteFromSpreadsheetRHCells() throws {
        let plan = try Fixtures.plan("pst-rh.tsv")
        let file = Fixtures.path("pst-rh.tsv")
        #expect(plan.actions.map { "\($0.id) \($0.fte.value) \"\($0.fte.text)\"" } == [
            "1.1 0.5 \"0,5 ETP\"", "1.2 1.0 \"1 ETP agent constatateur\"", "1.3 2.0 \"2 ETP\"", "1.4 1.5 \"1.5 ETP\"",
            "1.5 unknown \"??\"", "1.6 none \"/\"", "1.7 missing \"\"", "1.8 unknown \"0,5 ou 1 ETP\"",
            "1.9 unknown \"1 ETP + 0,5 ETP\"", "1.10 unknown \"1.000 ETP\"", "1.11 unknown \"Service travaux\"",
        ])
        #expect(plan.actions.allSatisfy { $0.fte.location == $0.humanResources.location })
        #expect(plan.warnings.map { "\($0.location) \($0.rule.rawValue) \($0.text)" } == [
            "\(file):15:11 read.unparsed-cell 0,5 ou 1 ETP", "\(file):16:11 read.unparsed-cell 1 ETP + 0,5 ETP",
            "\(file):17:11 read.unparsed-cell 1.000 ETP", "\(file):18:11 read.unparsed-cell Service travaux",
        ])
        #expect(plan.warnings.first?.message == "\"0,5 ou 1 ETP\" is not a number of full-time equivalents PlanKit reads (such as 0,5 ETP); its fte is unknown. Write one number followed by ETP.")
    }

    // MARK: eComptes

    /// Each action of the fixture: its status (and text as written), progress, planned dates, fte and parent.
    @Test func followUpFromEComptes() throws {
        let plan = try Fixtures.plan("ecomptes-follow-up.xml")
        #expect(plan.warnings.isEmpty)
        #expect(plan.actions.map { a in
            [a.id, a.status.value.value?.name ?? a.status.value.stateName, a.status.text, "\(a.progress.value)",
             a.start.planned?.value.value?.description ?? "-", a.end.planned?.value.value?.description ?? "-",
             "\(a.fte.value)", a.parent ?? "-"].joined(separator: " | ")
        } == [
            "1 | not started | NON_COMMENCE | 0.0 | - | - | 0.0 | -",
            "2 | in progress | EN_COURS | 40.0 | 2024-03-01 | 2025-06-30 | 1.0 | -",
            "2.3 | done | TERMINE | 100.0 | 2024-03-01 | 2024-05-31 | 0.5 | 2",
            "4 | waiting | EN_ATTENTE | 10.0 | - | - | 0.2 | -",
            "5 | problem | PROBLEME | 25.0 | - | - | 0.0 | -",
            "6 | done | TERMINE | 80.0 | 2024-01-15 | 2024-04-30 | 0.0 | -",
            "7 | cancelled | ANNULE_ABANDONNE | 0.0 | - | - | 0.0 | -",
            "8 | in progress | EN_COURS | 30.0 | 2024-09-01 | 2024-03-31 | 1.0 | -",
            "9.1 | not started | NON_COMMENCE | 0.0 | - | - | 0.0 | 9",
        ])
    }

    /// An eComptes status outside its six is unknown, its text kept, and named by a located warning.
    @Test func unknownEComptesStatus() throws {
        let path = Fixtures.path("ecomptes-follow-up.xml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "<Statut>PROBLEME</Statut>", with: "<Statut>Bloqué</Statut>")
        let plan = try EComptesReader().read(Array(changed.utf8), file: "changed.xml")
        let action = try #require(plan.action("5"))
        #expect(action.status.value == .unknown && action.status.text == "Bloqué")
        #expect(plan.warnings.map { "\($0.location.line) \($0.rule.rawValue) \($0.text)" } == ["142 read.unparsed-cell Bloqué"])
    }

    /// A status set on an eComptes action is written as its code; the others as read.
    @Test func statusSetOnAnActionIsWrittenAsItsCode() throws {
        var plan = try Fixtures.plan("ecomptes-follow-up.xml")
        let location = plan.actions[0].location
        plan.objectives[0].operationalObjectives[0].actions[0].status = Cell(.known(.done), text: "Réalisé", location: location)
        plan.objectives[0].operationalObjectives[0].actions[0].progress = Cell(.known(100), text: "100", location: location)
        let xml = EComptesWriter(shape: .upload).write(plan)
        #expect(xml.components(separatedBy: "<Statut>TERMINE</Statut>").count == 4)
        #expect(!xml.contains("Réalisé"))
        let reread = try EComptesReader().read(Array(xml.utf8), file: "written.xml")
        #expect(reread.actions[0].status.value == .known(.done))
        #expect(reread.actions[0].progress.value == .known(100))
        #expect(reread.actions.dropFirst().map(\.status.text) == plan.actions.dropFirst().map(\.status.text))
    }

    // MARK: PlanKit JSON

    /// Every follow-up field of the JSON fixture, as its model reads it.
    @Test func followUpFromPlanKitJSON() throws {
        let plan = try Fixtures.plan("follow-up.json")
        let a = try #require(plan.action("1.1"))
        #expect(a.status.value == .known(.done) && a.status.text == "Réalisé")
        #expect(a.progress.value == .known(100))
        #expect(a.health.value == .known(.good) && a.health.text == "bon")
        #expect(a.priority.value == .known("haute"))
        #expect(a.start.planned?.value == .known(try #require(Day(iso: "2024-02-01"))))
        #expect(a.start.effective?.value == .known(try #require(Day(iso: "2024-02-15"))))
        #expect(a.end.planned?.value == .known(try #require(Day(iso: "2024-12-31"))))
        #expect(a.end.effective?.text == "30/11/2024")
        #expect(a.fte.value == .known(0.5) && a.fte.text == "0,5 ETP")
        #expect(a.indicators.map { "\($0.label) \($0.reached ?? -1)/\($0.target ?? -1) \($0.year ?? 0)" } == ["Agents formés 8.0/10.0 2024"])
        #expect(a.funding.map { "\($0.source.name) \($0.sourceText) \($0.amount) \($0.year ?? 0)" } == ["Wallonie Wallonie 2000 2024", "commune Fonds propres 1000 2024"])
        #expect(a.amounts == [YearAmount(year: 2024, planned: .known(Money(euros: 3_000)), actual: .known(Money(euros: 2_500)))])
        #expect(try #require(plan.action("1.3")).parent == "1.1")
        #expect(try #require(plan.action("1.4")).status.value == .unknown)
        #expect(try #require(plan.action("1.5")).fte.value == .known(2))
    }

    /// Written to PlanKit JSON and read back, every field is equal; a file without them (an
    /// earlier PlanKit's) reads with none.
    @Test(arguments: ["follow-up.json", "ecomptes-follow-up.xml", "pst-rh.tsv", "pst-citoyennete.tsv"])
    func planKitJSONRoundTrip(_ name: String) throws {
        let plans = [try Fixtures.plan(name)]
        let bytes = try PlanKitJSON.encode(plans)
        let reread = try PlanKitJSON.decode(bytes, file: "written.json")
        #expect(reread == plans)
        #expect(reread.flatMap(\.actions).map(\.status) == plans.flatMap(\.actions).map(\.status))
        #expect(reread.flatMap(\.actions).map(\.fte) == plans.flatMap(\.actions).map(\.fte))
    }

    @Test func anActionWithoutFollowUpWritesNoneOfItsKeys() throws {
        let action = Action(id: "1", title: "t", location: SourceLocation(file: "f.tsv", line: 1, column: 1))
        let keys = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(action)) as? [String: Any]).keys
        for key in ["status", "progress", "health", "priority", "start", "end", "fte", "indicators", "funding", "amounts", "parent"] {
            #expect(!keys.contains(key))
        }
        #expect(action.status.value == .missing && action.fte.value == .missing && action.parent == nil)
    }
}
