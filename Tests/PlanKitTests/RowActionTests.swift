import Foundation
import Testing
@testable import PlanKit

/// Actions read from a spreadsheet are held as their row (``Action/Row``): cells without
/// locations, values that are their text kept as text. They must read, compare, hash, encode and
/// change exactly as actions held in full.
@Suite struct RowActionTests {
    /// The same action, held in full: made through the public initialiser from the fields read.
    static func inFull(_ action: Action) -> Action {
        Action(
            id: action.id, title: action.title, location: action.location, code: action.code, titleCell: action.titleCell,
            openQuestions: action.openQuestions, pilots: action.pilots, deadline: action.deadline,
            ordinaryBudget: action.ordinaryBudget, extraordinaryBudget: action.extraordinaryBudget,
            humanResources: action.humanResources, links: action.links, pending: action.pending,
            exchange: action.exchange)
    }

    static func isRow(_ action: Action) -> Bool {
        if case .row = action.storage { return true }
        return false
    }

    static func json(_ action: Action) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(action), as: UTF8.self)
    }

    @Test(arguments: [
        "pst-citoyennete.tsv", "pst-citoyennete-excel.csv", "pst-citoyennete-utf16.txt", "pst-cohesion.tsv",
        "pcs-citoyenneville.tsv", "pst-faults.tsv", "pst-forms.csv",
    ])
    func rowHeldActionsEqualTheirFieldsInFull(_ name: String) throws {
        let actions = try Fixtures.plan(name).actions
        try #require(!actions.isEmpty)
        for action in actions {
            #expect(Self.isRow(action))
            let full = Self.inFull(action)
            #expect(!Self.isRow(full))
            #expect(full == action && action == full)
            #expect(full.hashValue == action.hashValue)
            #expect(try Self.json(full) == Self.json(action))
            #expect(full.budget == action.budget)
            #expect(full.budgetLineCount == action.budgetLineCount)
        }
    }

    /// Every cell of a row is on the row's line, at its column's number.
    @Test func cellsAreAtTheirColumns() throws {
        let action = try #require(try Fixtures.plan("pst-citoyennete.tsv").action("1.1"))
        let file = Fixtures.path("pst-citoyennete.tsv")
        let located: [(String, PlanKit.SourceLocation)] = [
            ("title", action.titleCell.location), ("political", action.pilots.political.location),
            ("services", action.pilots.services.location), ("agents", action.pilots.agents.location),
            ("deadline", action.deadline.location), ("code", action.code.location),
            ("ordinary", action.ordinaryBudget.location), ("extraordinary", action.extraordinaryBudget.location),
            ("humanResources", action.humanResources.location),
        ]
        #expect(located.map { "\($0.0) \($0.1)" } == [
            "title \(file):12:3", "political \(file):12:4", "services \(file):12:5", "agents \(file):12:6",
            "deadline \(file):12:7", "code \(file):12:8", "ordinary \(file):12:9", "extraordinary \(file):12:10",
            "humanResources \(file):12:11",
        ])
        #expect(action.location.description == "\(file):12:3")
        #expect(action.code.value == .known("A 1.1") && action.code.text == "A 1.1")
        #expect(action.titleCell.value == .known(action.titleCell.text))
    }

    /// Cells a reader does not read are blank and missing, at their column all the same.
    @Test func cellsNotReadAreMissingAtTheirColumn() throws {
        let file = Fixtures.path("pst-citoyennete.tsv")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let plan = try SpreadsheetReader(fields: .budget).read(bytes, file: file)
        let action = try #require(plan.action("1.1"))
        let blanks: [(CellValue<Void>, String, PlanKit.SourceLocation)] = [
            (action.code.value.map { _ in }, action.code.text, action.code.location),
            (action.titleCell.value.map { _ in }, action.titleCell.text, action.titleCell.location),
            (action.pilots.agents.value.map { _ in }, action.pilots.agents.text, action.pilots.agents.location),
            (action.deadline.value.map { _ in }, action.deadline.text, action.deadline.location),
            (action.humanResources.value.map { _ in }, action.humanResources.text, action.humanResources.location),
        ]
        #expect(blanks.map { "\($0.0.stateName) \"\($0.1)\" \($0.2.column)" } == [
            "missing \"\" 8", "missing \"\" 3", "missing \"\" 6", "missing \"\" 7", "missing \"\" 11",
        ])
        let full = try #require(try Fixtures.plan("pst-citoyennete.tsv").action("1.1"))
        #expect(action.ordinaryBudget.text == full.ordinaryBudget.text && !action.ordinaryBudget.text.isEmpty)
        #expect(action.ordinaryBudget.location == full.ordinaryBudget.location)
    }

    /// Changing a field of a row-held action changes that field alone, holds the action in full,
    /// and leaves copies made before unchanged.
    @Test func changingAFieldChangesItAlone() throws {
        let original = try #require(try Fixtures.plan("pst-citoyennete.tsv").action("1.1"))
        let elsewhere = PlanKit.SourceLocation(file: "other.tsv", line: 99, column: 2)

        var changed = original
        changed.code = Cell(.known("B 9"), text: "B 9", location: elsewhere)
        #expect(!Self.isRow(changed) && Self.isRow(original))
        #expect(changed.code == Cell(.known("B 9"), text: "B 9", location: elsewhere))
        #expect(original.code.text == "A 1.1")
        var expected = Self.inFull(original)
        expected.code = Cell(.known("B 9"), text: "B 9", location: elsewhere)
        #expect(changed == expected && changed != original)

        var nested = original
        nested.pilots.agents.value = .known(["X. Y"])
        #expect(nested.pilots.agents.value == .known(["X. Y"]))
        #expect(nested.pilots.agents.text == original.pilots.agents.text)
        #expect(nested.pilots.political == original.pilots.political)
        #expect(original.pilots.agents.value == .known(["Cheffe de projet PCS Service J", "Service Enfance"]))

        var retitled = original
        retitled.title = "Autre titre"
        retitled.pending.toggle()
        retitled.links.removeAll()
        #expect(retitled.title == "Autre titre" && retitled.pending != original.pending && retitled.links.isEmpty)
        #expect(!original.links.isEmpty && original.title != "Autre titre")
        #expect(retitled.deadline == original.deadline && retitled.budget == original.budget)
    }

    /// A row's text holds its cells one after another and gives each back, with any text
    /// appended after them; ranges beyond the row's bytes are clamped, not read.
    @Test func rowTextHoldsEachPart() {
        let parts = ["Action 1.1. Agir", "A 1.1", "2020", "1.000 € CCE", "", "1 ETP"]
        // The parts' bytes one after another, as a row's cells lie in its bytes.
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for part in parts {
            ranges.append(bytes.count..<(bytes.count + part.utf8.count))
            bytes += part.utf8
        }
        let text = Action.RowText(
            bytes, title: ranges[0], code: ranges[1], deadline: ranges[2], ordinary: ranges[3], extraordinary: ranges[4],
            humanResources: ranges[5])
        let all: [Action.RowText.Part] = [.title, .code, .deadline, .ordinary, .extraordinary, .humanResources]
        #expect(all.map { text[$0] } == parts)
        #expect(text.text == parts.joined())
        #expect(text.range(.ordinary) == 25..<38 && text.appendedRange == 43..<43)

        let other = Array("xxAgiryyé€".utf8)
        let appended = Action.RowText(
            other, title: 2..<6, code: 0..<0, deadline: 6..<8, ordinary: 8..<10, extraordinary: 10..<13,
            humanResources: 13..<400, appending: "Titre")
        #expect(all.map { appended[$0] } == ["Agir", "", "yy", "é", "€", ""])
        #expect(String(appended[appended.appendedRange]) == "Titre")
        #expect(appended.text == "Agiryyé€Titre")
    }

    /// An action held in full is changed in place when no other action shares its fields, and
    /// copied first when one does.
    @Test func changesAreInPlaceUnlessShared() throws {
        var action = Self.inFull(try #require(try Fixtures.plan("pst-citoyennete.tsv").action("1.1")))
        action.pending = true
        let box = ObjectIdentifier(action.holder)
        action.pending = false
        action.links.removeAll()
        #expect(ObjectIdentifier(action.holder) == box)
        let copy = action
        action.pending = true
        #expect(ObjectIdentifier(action.holder) != box && ObjectIdentifier(copy.holder) == box)
        #expect(action.pending && !copy.pending)
    }
}
