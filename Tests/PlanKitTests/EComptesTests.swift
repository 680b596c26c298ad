import Foundation
import Testing
@testable import PlanKit

enum XMLLint {
    static let path = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let schema = Fixtures.root.appendingPathComponent("Reference/ecomptes/PST_eComptes_Export_201805V1.xsd").path

    /// Validates `xml` against the eComptes schema; returns xmllint's messages, or nil when valid.
    static func validate(_ xml: String) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ecomptes-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", schema, file.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let messages = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : messages
    }
}

/// A plan's JSON image without locations and sources, to compare plans read from different files.
func image(_ plan: Plan) throws -> NSDictionary {
    func strip(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (key, item) in dictionary where !["location", "source"].contains(key) { out[key] = strip(item) }
            return out
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
    }
    let json = try JSONSerialization.jsonObject(with: Data(try PlanKitJSON.encode([plan])))
    return strip(json) as? NSDictionary ?? [:]
}

@Suite struct EComptesTests {
    @Test func demoImportsWhole() throws {
        let plan = try Fixtures.plan("demo-pst-201805V1.xml")
        #expect(plan.name == "PST 2019-2024")
        #expect(plan.period == 2019...2024)
        #expect(plan.exchange?.ins == "99999")
        #expect(plan.exchange?.volets.map(\.label) == ["NEANT"])
        #expect(plan.objectives.map(\.number) == ["1", "10", "21"])
        #expect(plan.objectives.flatMap(\.operationalObjectives).map(\.number) == ["2", "6", "11", "15", "22"])
        #expect(plan.actions.map(\.id) == ["3", "4", "5", "7", "8", "9", "12", "13", "14", "16", "16.17", "16.18", "16.19", "20", "23"])
        #expect(plan.warnings.isEmpty)
        let a3 = try #require(plan.action("3"))
        #expect(a3.title == "Engager 2 agents pour le Service Population")
        #expect(a3.deadline.value == .known(.day(30, month: 6, year: 2020)))
        #expect(a3.pilots.political.value == .known(["1er échevin"]))
        #expect(a3.pilots.services.value == .known(["Service Population"]))
        #expect(a3.exchange?.status == .inProgress)
        #expect(a3.exchange?.plans == ["Plan de formation du personnel", "Plan de gestion"])
        let lines = plan.actions.flatMap(\.budget)
        #expect(lines.count == 20)
        #expect(lines.compactMap(\.amount.value?.cents).reduce(0, +) == 1_980_055)
        let a14 = try #require(plan.action("14")?.budget)
        #expect(a14.map { $0.article?.code } == ["xxx/wal-14.2019", "xxx/eur-14.2019", "xxx/fwb-14.2020", "xxx/vil-14.2020"])
        #expect(a14[2].amount == .known(Money(cents: 515_55)))
        #expect(a14[2].fiscalYear == 2020)
        #expect(a14[2].flow == .expenditure)
    }

    @Test(.enabled(if: XMLLint.path != nil, "xmllint is not installed (Scripts/setup.sh installs libxml2-utils)"),
          arguments: ["demo-pst-201805V1.xml", "pst-citoyennete.tsv", "pst-forms.csv", "pcs-citoyenneville.tsv", "pst-faults.tsv"])
    func writtenFilesValidateAgainstTheSchema(_ name: String) throws {
        let xml = EComptesWriter().write(try Fixtures.plan(name))
        #expect(try XMLLint.validate(xml) == nil)
    }

    @Test func demoRoundTripsUnchanged() throws {
        let plan = try Fixtures.plan("demo-pst-201805V1.xml")
        let written = EComptesWriter().write(plan)
        let back = try EComptesReader().read(Array(written.utf8), file: "back.xml")
        #expect(try image(back) == image(plan))
        #expect(EComptesWriter().write(back) == written)
    }

    @Test func spreadsheetPlanKeepsObjectivesActionsArticlesAndAmounts() throws {
        let plan = try Fixtures.plan("pst-citoyennete.tsv")
        let back = try EComptesReader().read(Array(EComptesWriter().write(plan).utf8), file: "back.xml")
        #expect(back.objectives.map(\.title) == plan.objectives.map(\.title))
        #expect(back.objectives.flatMap(\.operationalObjectives).map(\.title) == plan.objectives.flatMap(\.operationalObjectives).map(\.title))
        #expect(back.actions.map(\.id) == plan.actions.map(\.id))
        #expect(back.actions.map(\.title) == plan.actions.map(\.title))
        let original = plan.actions.flatMap(\.budget), returned = back.actions.flatMap(\.budget)
        #expect(returned.map { $0.article?.code } == original.map { $0.article?.code })
        #expect(returned.map(\.kind) == original.map(\.kind))
        // Known amounts survive; eComptes has no unknown amount, so ?? comes back as 0.
        #expect(returned.map { $0.amount.value?.cents ?? -1 } == original.map { $0.amount.value?.cents ?? 0 })
        #expect(back.action("3.1")?.deadline.value == .known(.day(31, month: 12, year: 2020)))
        #expect(back.action("1.1")?.pilots.political.value == .known(["S. Boulanger"]))
        #expect(back.action("1.2")?.links.map(\.plan) == ["PCS III", "PST Aînés", "PST Culture"])
    }

    @Test func malformedXML() {
        #expect(throws: PlanReadError.self) { try EComptesReader().read(Array("<dataroot><PST>".utf8), file: "x.xml") }
        #expect(throws: PlanReadError(location: SourceLocation(file: "x.xml", line: 1, column: 7), message: "This XML is not an eComptes PST export: it needs <dataroot> with <Identifiants> and <PST>.")) {
            try EComptesReader().read(Array("<other/>".utf8), file: "x.xml")
        }
    }

    @Test(arguments: [("1500", Int64(150000)), ("515.55", 51555), ("12.5", 1250), ("0", 0), ("-3.25", -325), ("7.100", 710)])
    func decimalAmounts(_ text: String, _ cents: Int64) {
        #expect(Money(decimal: text) == Money(cents: cents))
    }

    @Test(arguments: ["1.234", "abc", "", "1e5", "99999999999999999999", "1.", ".5"])
    func notDecimalAmounts(_ text: String) {
        #expect(Money(decimal: text) == nil)
    }
}
