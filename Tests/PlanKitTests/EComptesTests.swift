import Foundation
import Testing
@testable import PlanKit

enum XMLLint {
    static let path = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The schema of `shape`, in the repository's reference data.
    static func schema(_ shape: EComptesShape) -> String {
        Fixtures.root.appendingPathComponent("Reference/ecomptes/\(shape.schemaFile)").path
    }

    /// Runs xmllint with `arguments`; its status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/xmllint")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let messages = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, messages)
    }

    /// `xml` in a temporary file for `body`.
    static func withFile<T>(_ xml: String, _ body: (String) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ecomptes-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file.path)
    }

    /// Validates `xml` against the schema of `shape`; returns xmllint's messages, or nil when valid.
    static func validate(_ xml: String, _ shape: EComptesShape) throws -> String? {
        try withFile(xml) { path in
            let result = try run(["--noout", "--schema", schema(shape), path])
            return result.status == 0 ? nil : result.err
        }
    }

    /// The canonical XML of the file at `path` (`xmllint --c14n`), white space between elements aside.
    static func canonical(path: String) throws -> String {
        let result = try run(["--c14n", path])
        return result.out.replacingOccurrences(of: ">[ \t\r\n]+<", with: "><", options: .regularExpression)
    }

    /// The canonical XML of `xml`.
    static func canonical(_ xml: String) throws -> String { try withFile(xml) { try canonical(path: $0) } }
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
        #expect(plan.actions.map(\.parent) == Array(repeating: nil, count: 10) + ["16", "16", "16"] + [nil, nil])
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

    /// `EN_ATTENTE` is eComptes' "waiting for an outside event", not the Collège's confirmation.
    @Test func waitingIsAStatusNotPending() throws {
        let plan = try Fixtures.plan("demo-pst-201805V1.xml")
        #expect(plan.actions.filter { $0.exchange?.status == .waiting }.count == 12)
        #expect(plan.actions.filter(\.pending).isEmpty)
        #expect(ExchangeFields.Status.allCases.map(\.name) == ["not started", "in progress", "waiting", "problem", "done", "cancelled"])
    }

    /// Budget lines of volets, objectives, actions and sub-actions are all read.
    @Test func budgetLinesAtEveryLevel() throws {
        let plan = try Fixtures.plan("ecomptes-export-levels.xml")
        #expect(plan.warnings.isEmpty)
        let volet = try #require(plan.exchange?.volets.first)
        #expect(volet.budget.map(\.amount) == [.known(Money(cents: 500_00))])
        #expect(volet.budget.map(\.flow) == [.revenue])
        let os1 = plan.objectives[0]
        #expect(os1.budget.map { $0.article?.code } == ["104/123-13", "104/742-53"])
        #expect(os1.budget.compactMap(\.amount.value?.cents).reduce(0, +) == 3_813_50)
        #expect(os1.budget.map(\.kind) == [.ordinary, .extraordinary])
        #expect(os1.budget.map(\.fiscalYear) == [2024, 2025])
        let oo2 = os1.operationalObjectives[0]
        #expect(oo2.budget.map(\.amount) == [.known(Money(cents: 250_00))])
        #expect(plan.actions.map(\.id) == ["3", "4", "4.5", "4"])
        #expect(plan.actions.map(\.parent) == [nil, nil, "4", nil])
        #expect(plan.actions[0].budget.map(\.amount) == [.known(Money(cents: 15_000_00))])
        #expect(plan.actions[2].budget.map(\.amount) == [.known(Money(cents: 300_50))])
        // Labels without a prefix keep the element's rank as number and the label as title.
        #expect(os1.operationalObjectives.map(\.number) == ["2", "2"])
        #expect(os1.operationalObjectives[1].title == "Objectif sans préfixe")
        #expect(plan.actions[3].title == "Action sans préfixe")
        // Follow-up fields, as written.
        #expect(oo2.exchange?.responsible?.displayName == "Paul Martin")
        #expect(plan.actions.map { $0.exchange?.status } == [.done, .waiting, .problem, .cancelled])
        #expect(plan.actions.map { $0.exchange?.progressValue } == [100, 12.5, 0, 0])
        #expect(plan.actions[0].exchange?.startDate == "2024-01-15")
        #expect(plan.actions[1].exchange?.fte == "1.5")
        #expect(plan.actions[1].humanResources.value == .known("1.5 ETP"))
        #expect(plan.actions.allSatisfy { !$0.pending })
    }

    @Test(.enabled(if: XMLLint.path != nil, "xmllint is not installed (Scripts/setup.sh installs libxml2-utils)"), arguments: [
        "demo-pst-201805V1.xml", "ecomptes-export-levels.xml", "ecomptes-upload.xml", "ecomptes-missing-elementid.xml",
        "ecomptes-invalid.xml", "pst-citoyennete.tsv", "pst-forms.csv", "pcs-citoyenneville.tsv", "pst-faults.tsv", "pst-cohesion.tsv",
    ], EComptesShape.allCases)
    func writtenFilesValidateAgainstTheirSchema(_ name: String, _ shape: EComptesShape) throws {
        let xml = EComptesWriter(shape: shape).write(try Fixtures.plan(name))
        #expect(try XMLLint.validate(xml, shape) == nil)
    }

    /// A file read and written back in its own shape is the same document.
    @Test(.enabled(if: XMLLint.path != nil, "xmllint is not installed (Scripts/setup.sh installs libxml2-utils)"), arguments: [
        ("demo-pst-201805V1.xml", EComptesShape.export), ("ecomptes-export-levels.xml", .export), ("ecomptes-upload.xml", .upload),
    ])
    func roundTripIsLossless(_ name: String, _ shape: EComptesShape) throws {
        let plan = try Fixtures.plan(name)
        #expect(try XMLLint.validate(String(decoding: try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(name))), as: UTF8.self), shape) == nil)
        let written = EComptesWriter(shape: shape).document(plan)
        #expect(written.notes.isEmpty)
        #expect(try XMLLint.canonical(written.text) == XMLLint.canonical(path: Fixtures.path(name)))
        let back = try EComptesReader().read(Array(written.text.utf8), file: "back.xml")
        #expect(try image(back) == image(plan))
    }

    /// The export written in the upload shape loses its budget and nothing else; the upload
    /// written in the export shape gains empty `Articles` and `Projections` and nothing else.
    @Test(.enabled(if: XMLLint.path != nil, "xmllint is not installed (Scripts/setup.sh installs libxml2-utils)"))
    func shapesDifferByTheBudgetAlone() throws {
        let export = try Fixtures.plan("ecomptes-export-levels.xml"), upload = try Fixtures.plan("ecomptes-upload.xml")
        #expect(try XMLLint.canonical(EComptesWriter(shape: .upload).write(export)) == XMLLint.canonical(path: Fixtures.path("ecomptes-upload.xml")))
        let gained = try XMLLint.canonical(EComptesWriter(shape: .export).write(upload))
        let expected = try XMLLint.canonical(path: Fixtures.path("ecomptes-upload.xml"))
            .replacingOccurrences(of: "<Partenaires></Partenaires>", with: "<Partenaires></Partenaires><Articles></Articles><Projections></Projections>")
            .replacingOccurrences(of: "</Partenaire></Partenaires>", with: "</Partenaire></Partenaires><Articles></Articles><Projections></Projections>")
        #expect(gained == expected)
    }

    /// An `ETP` that is not a finite number (`nan`, `inf`, one too large to hold) is unknown and
    /// named by a warning at its place, besides the schema's; never a number of full-time equivalents.
    @Test(arguments: ["nan", "NaN", "inf", "-infinity", "1e400", "beaucoup"])
    func notFiniteFTEIsUnknown(_ text: String) throws {
        let xml = try String(contentsOfFile: Fixtures.path("ecomptes-follow-up.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<ETP>1</ETP>", with: "<ETP>\(text)</ETP>")
        let plan = try EComptesReader().read(Array(xml.utf8), file: "etp.xml")
        let action = try #require(plan.action("2"))
        #expect(action.fte.value == .unknown)
        #expect(action.humanResources.value == .unknown)
        #expect(action.humanResources.text == text)
        #expect(plan.warnings.filter { $0.rule == .unparsedCell }.map(\.description) == [
            "etp.xml:98:29: warning: \"\(text)\" is not a number of full-time equivalents PlanKit reads (a decimal number such as 0.5); its fte is unknown. [read.unparsed-cell]",
            "etp.xml:200:29: warning: \"\(text)\" is not a number of full-time equivalents PlanKit reads (a decimal number such as 0.5); its fte is unknown. [read.unparsed-cell]",
        ])
        #expect(plan.warnings.contains { $0.rule == .ecomptesInvalid && $0.location.line == 98 })
    }

    @Test func invalidFilesAreReadWithWarnings() throws {
        let missing = try Fixtures.plan("ecomptes-missing-elementid.xml")
        #expect(missing.actions.count == 4)
        #expect(missing.warnings.map(\.description) == [
            "\(Fixtures.path("ecomptes-missing-elementid.xml")):134:60: warning: Element 'Action': The attribute 'ElementId' is required but missing (eComptes upload schema). [read.ecomptes-invalid]",
        ])
        let invalid = try Fixtures.plan("ecomptes-invalid.xml")
        #expect(invalid.warnings.map { "\($0.location.line) \($0.message)" } == [
            "149 Element 'DateFin': '2024-13-01' is not a valid value of the atomic type 'xs:date' (eComptes export schema).",
            "192 Element 'TauxAvancement': [facet 'maxInclusive'] The value '120' is greater than the maximum value allowed ('100') (eComptes export schema).",
            "275 Element 'Projections': This element is not expected. Expected is ( Articles ) (eComptes export schema).",
        ])
        #expect(invalid.warnings.allSatisfy { $0.rule == .ecomptesInvalid })
    }

    /// The messages are xmllint's, line for line.
    @Test(.enabled(if: XMLLint.path != nil, "xmllint is not installed (Scripts/setup.sh installs libxml2-utils)"),
          arguments: [("ecomptes-missing-elementid.xml", EComptesShape.upload), ("ecomptes-invalid.xml", .export)])
    func warningsSayWhatXMLLintSays(_ name: String, _ shape: EComptesShape) throws {
        let path = Fixtures.path(name)
        let lint = try XMLLint.run(["--noout", "--schema", XMLLint.schema(shape), path])
        let said = lint.err.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "Schemas validity error : ") else { return nil }
            let place = line.split(separator: ":")[1]
            return "\(place) \(line[range.upperBound...].dropLast()) (eComptes \(shape.rawValue) schema)."
        }
        #expect(try Fixtures.plan(name).warnings.map { "\($0.location.line) \($0.message)" } == said)
    }

    @Test func spreadsheetPlanSaysWhatWasInvented() throws {
        let written = EComptesWriter().document(try Fixtures.plan("pst-citoyennete.tsv"))
        #expect(written.notes == [
            "14 elements have no ElementId, which eComptes requires; PlanKit wrote ids of its own (volet-1, os-1, oo-1-1, …).",
            "14 people have no civility, which eComptes requires; PlanKit wrote MONSIEUR.",
        ])
        #expect(!written.text.contains("<Articles"))
    }

    @Test func spreadsheetPlanKeepsObjectivesActionsArticlesAndAmounts() throws {
        let plan = try Fixtures.plan("pst-citoyennete.tsv")
        let back = try EComptesReader().read(Array(EComptesWriter(shape: .export).write(plan).utf8), file: "back.xml")
        #expect(back.warnings.isEmpty)
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
