import Foundation
import PlanQuery
import Testing
@testable import PlanKit
@testable import PlanShell

/// Every stored field of an action (``Action/Fields``) is written to PlanKit JSON, read back,
/// queryable and completed in the console: a field added without its entry here, in the schema or
/// in JSON fails one of these tests.
@Suite struct ActionFieldTableTests {
    /// The query fields each stored field is reached by, on `actions`.
    static let queryFields: [String: [String]] = [
        "id": ["id"], "code": ["code"], "title": ["title"], "titleCell": ["text"], "openQuestions": ["questions"],
        "pilots": ["pilot"], "deadline": ["deadline"], "ordinaryBudget": ["ordinary", "budget"],
        "extraordinaryBudget": ["extraordinary", "budget"], "humanResources": ["hr"], "links": ["links"],
        "pending": ["pending"], "location": ["file", "line"], "exchange": ["responsible", "mandataire", "plans"],
        "status": ["status"], "progress": ["progress"], "health": ["health"], "priority": ["priority"], "start": ["start"],
        "end": ["end"], "fte": ["fte"], "indicators": ["indicators"], "funding": ["funding"], "amounts": ["amounts"],
        "parent": ["parent"],
    ]

    /// The names of the stored fields, in declaration order.
    static let storedFields: [String] = {
        let location = SourceLocation(file: "pst.tsv", line: 1, column: 1)
        return Mirror(reflecting: Action(id: "1", title: "t", location: location).fields).children.compactMap(\.label)
    }()

    /// An action with every field given, none left at its default.
    static func everyField() throws -> Action {
        let location = SourceLocation(file: "pst.tsv", line: 4, column: 2)
        var action = Action(id: "1.2", title: "Agir", location: location, openQuestions: ["Comment?"],
                            links: [CrossLink(relation: .see, plan: "PCS III", element: .plan, ref: nil, text: "PCS", location: location)],
                            pending: true, exchange: ExchangeFields(label: "A.1 - Agir"))
        action.humanResources = Cell(.known("1 ETP"), text: "1 ETP", location: location)
        let day = Cell(.known(try #require(Day(iso: "2024-03-01"))), text: "01/03/2024", location: location)
        action.status = Cell(.known(.done), text: "Réalisé", location: location)
        action.progress = Cell(.known(100), text: "100", location: location)
        action.health = Cell(.known(.good), text: "bon", location: location)
        action.priority = Cell(.known("1"), text: "1", location: location)
        action.start = PlannedDate(planned: day, effective: day)
        action.end = PlannedDate(planned: day)
        action.fte = Cell(.known(1), text: "1 ETP", location: location)
        action.indicators = [Indicator(label: "Agents", target: 2, text: "Agents = / 2", location: location)]
        action.funding = [Funding(source: .wallonie, amount: .known(Money(euros: 5)), year: 2024, text: "2024 pour Wallonie: 5€", location: location)]
        action.amounts = [YearAmount(year: 2024, planned: .known(Money(euros: 5)))]
        action.parent = "1"
        return action
    }

    @Test func everyStoredFieldHasItsQueryFields() {
        #expect(Set(Self.storedFields) == Set(Self.queryFields.keys))
    }

    @Test func everyStoredFieldIsWrittenAndReadBack() throws {
        let action = try Self.everyField()
        let data = try JSONEncoder().encode(action)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        #expect(Set(keys) == Set(Self.storedFields))
        #expect(try JSONDecoder().decode(Action.self, from: data) == action)
    }

    @Test(arguments: Self.storedFields)
    func everyStoredFieldIsQueryableAndCompleted(_ stored: String) throws {
        let fields = Schema.fields(after: [], in: "actions") ?? []
        let completer = Completer { QueryContext(PlanSet([])) }
        for name in Self.queryFields[stored] ?? [] {
            #expect(fields.contains { $0.name == name }, "\(stored): no query field \(name)")
            let line = "actions where \(name)"
            #expect(completer.complete(line, cursor: line.utf8.count).contains(name), "\(stored): \(name) is not completed")
        }
    }
}
