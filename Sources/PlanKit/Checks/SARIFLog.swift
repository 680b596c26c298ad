import Foundation

/// Findings as a SARIF 2.1.0 log (the Static Analysis Results Interchange Format), the form
/// code-scanning services and editors read.
///
/// One run of the tool `plankit`: the rules that ran are described once in
/// `tool.driver.rules` (their id, summary and documentation from the page on checks, no
/// `helpUri`), and each finding is a result with its `ruleId`, `level` (`error`, `warning`, or
/// `note` for info), `message` and location.
///
/// A location in a text file is a physical location: the file as a relative URI (or a `file:`
/// URI for an absolute path) and a region starting at the line. In an eComptes XML or a JSON
/// file the column counts characters and is the region's `startColumn` too; in a TSV or CSV
/// export the column counts cells (1 = A), which SARIF regions cannot say, so it goes in the
/// result's properties as `cellColumn`. A cell of a workbook's sheet (`book.xlsx#Citoyennete!G12`)
/// is the workbook's URI without a region (a workbook is not text), and a logical location of
/// kind `cell` named `G12`, fully qualified `Citoyennete!G12`. The finding's subject, and a reader
/// warning's cell text, are in the result's properties.
///
///     let findings = Checker().run(on: plans)
///     let json = SARIFLog(findings: findings, rules: Checker.allRules, toolVersion: "0.1.0").json
public struct SARIFLog: Sendable {
    /// The findings, each one result, in order.
    public var findings: [Finding]
    /// The rules that ran, described in the log once each; a finding of a rule not listed here
    /// adds its rule after them.
    public var rules: [any Rule]
    /// The version of `plankit` that wrote the log.
    public var toolVersion: String

    /// Creates a log of `findings` made by `rules`.
    public init(findings: [Finding], rules: [any Rule], toolVersion: String) {
        self.findings = findings
        self.rules = rules
        self.toolVersion = toolVersion
    }

    /// The URI of the schema the log follows.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The log as JSON text (keys sorted, indented), ending with a line break.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value is a string, a number or a boolean: encoding cannot fail.
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The log as the types below, ready to encode.
    private var document: Document {
        var descriptors: [Descriptor] = []
        var index: [String: Int] = [:]
        func add(id: String, severity: Severity, summary: String) {
            guard index[id] == nil else { return }
            index[id] = descriptors.count
            let markdown = RuleDocumentation.markdown(for: id) ?? summary
            descriptors.append(Descriptor(
                id: id, shortDescription: .init(text: summary),
                fullDescription: .init(text: RuleDocumentation.text(for: id) ?? summary),
                help: .init(text: RuleDocumentation.text(for: id) ?? summary, markdown: markdown),
                defaultConfiguration: .init(level: Self.level(severity))))
        }
        for rule in rules { add(id: rule.id, severity: rule.severity, summary: rule.summary) }
        for finding in findings where index[finding.rule] == nil {
            let summary = Checker.rule(finding.rule)?.summary ?? finding.rule
            add(id: finding.rule, severity: finding.severity, summary: summary)
        }
        let results = findings.map { finding in
            var properties = Properties(subject: finding.subject, text: finding.text)
            var location: Location?
            if let place = finding.location {
                location = Self.location(place)
                if !place.isCell, !Self.countsCharacters(place.file), place.column > 0 { properties.cellColumn = place.column }
            }
            return Result(
                ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: Self.level(finding.severity),
                message: .init(text: finding.message), locations: location.map { [$0] }, properties: properties)
        }
        let driver = Driver(name: "plankit", version: toolVersion, rules: descriptors)
        return Document(
            schema: Self.schemaURI, version: "2.1.0",
            runs: [Run(tool: .init(driver: driver), invocations: [.init(executionSuccessful: true)], results: results)])
    }

    /// SARIF's level for a severity: info is a `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// Whether columns in `file` count characters (XML, JSON) rather than cells (TSV, CSV).
    static func countsCharacters(_ file: String) -> Bool {
        let lower = file.lowercased()
        return lower.hasSuffix(".xml") || lower.hasSuffix(".json")
    }

    /// The SARIF location of `place`.
    static func location(_ place: SourceLocation) -> Location {
        var file = place.file
        var logical: [LogicalLocation]?
        if place.isCell, let hash = file.lastIndex(of: "#") {
            let sheet = String(file[file.index(after: hash)...])
            file = String(file[..<hash])
            if let cell = place.cell, place.column > 0 {
                logical = [LogicalLocation(name: cell, fullyQualifiedName: "\(sheet)!\(cell)", kind: "cell")]
            } else {
                logical = [LogicalLocation(name: sheet, fullyQualifiedName: sheet, kind: "sheet")]
            }
        }
        // A workbook is no text: its cell is the logical location, and the location has no region.
        let region: Region? = place.line >= 1 && !place.isCell
            ? Region(startLine: place.line, startColumn: countsCharacters(file) && place.column >= 1 ? place.column : nil)
            : nil
        return Location(physicalLocation: .init(artifactLocation: .init(uri: uri(file)), region: region), logicalLocations: logical)
    }

    /// `path` as a URI reference: a relative path stays relative, an absolute one is a `file:`
    /// URI; bytes outside URI path characters are percent-encoded.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=@".utf8)
        for byte in path.utf8 {
            if allowed.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    // MARK: The log's shape (SARIF 2.1.0 property names)

    struct Document: Encodable {
        var schema: String
        var version: String
        var runs: [Run]

        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Invocation: Encodable { var executionSuccessful: Bool }

    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Descriptor]
    }

    struct Descriptor: Encodable {
        var id: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Help
        var defaultConfiguration: Configuration
    }

    struct Help: Encodable {
        var text: String
        var markdown: String
    }

    struct Configuration: Encodable { var level: String }

    struct Message: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]?
        var properties: Properties
    }

    struct Properties: Encodable {
        var subject: String
        var text: String?
        var cellColumn: Int?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }

    struct LogicalLocation: Encodable {
        var name: String
        var fullyQualifiedName: String
        var kind: String
    }
}

extension String {
    /// The string with zeros before it up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
