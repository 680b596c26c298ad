/// Writes a plan in the regional eComptes exchange format (schema 201805V1), in one of its two
/// shapes: the upload (`schema_import_ecomptes_201805V1.xsd`, no budget) or the export
/// (`PST_eComptes_Export_201805V1.xsd`, with `Articles` and `Projections` on every element).
///
/// A plan read from eComptes is written back as it was read: every text as written, every
/// element the file left out left out. A spreadsheet plan is mapped: labels `OS.N - …`,
/// `OO.N - …`, `A.N.M - …`; political pilots as `Mandataire`, services as `Departement`, agents
/// as `Responsable`; a deadline as `DateFin` (the last day of its period); in the export, every
/// budget line as an `Article` of its element (an unknown amount is written 0: eComptes has no
/// unknown amount); links to other plans as `Plans`; every status `NON_COMMENCE`. What the schema
/// requires and the plan does not say (an `ElementId`, a civility) is invented, and
/// ``Written/notes`` says so.
public struct EComptesWriter: Sendable {
    /// The document and what PlanKit had to invent for it.
    public struct Written: Sendable, Hashable {
        /// The XML document, UTF-8.
        public var text: String
        /// One sentence per kind of value the schema requires that the plan does not give, and
        /// that PlanKit invented (ids, civilities); empty when nothing was invented.
        public var notes: [String]
    }

    /// The shape written.
    public var shape: EComptesShape

    /// Creates a writer of `shape`: the upload by default, what a commune sends to eComptes.
    public init(shape: EComptesShape = .upload) {
        self.shape = shape
    }

    /// The XML document for `plan`, UTF-8.
    public func write(_ plan: Plan) -> String { document(plan).text }

    /// Counts of invented values, for the notes.
    private final class Inventions {
        var ids: [String] = []
        var civilities = 0
        /// Values read that the schema does not allow, replaced or left out.
        var replaced: [String] = []

        /// `text` when it is a valid value of `simple`; else `nil`, counted as replaced.
        func valid(_ text: String?, _ simple: EComptesSchema.Simple, _ name: String) -> String? {
            guard let text else { return nil }
            if EComptesSchema.problem(text, simple) == nil { return text }
            replaced.append("\(name) \"\(text)\"")
            return nil
        }
    }

    /// The XML document for `plan`, with what was invented for it.
    public func document(_ plan: Plan) -> Written {
        var xml = XMLBuilder()
        let invented = Inventions()
        let fiscalYear = plan.exchange?.fiscalYear ?? plan.period?.lowerBound
            ?? plan.actions.compactMap { $0.deadline.value.value?.year }.min() ?? 2019
        xml.line("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        xml.open("dataroot")
        xml.open("Identifiants")
        xml.leaf("Id", plan.exchange?.id ?? "plankit")
        xml.leaf("TypeAdmin", invented.valid(plan.exchange?.administration, .enumeration(["AC", "CPAS"]), "TypeAdmin") ?? "AC")
        xml.leaf("INS", invented.valid(plan.exchange?.ins, .integer, "INS") ?? "0")
        xml.leaf("Type", "PST")
        xml.leaf("Exercice", String(fiscalYear))
        xml.leaf("Version", "201805V1")
        xml.leaf("Generateur", Self.cut(plan.exchange?.generator ?? "PlanKit", 50))
        xml.close("Identifiants")
        xml.open("PST")
        xml.open("DescriptionPST")
        xml.leaf("IdPST", Self.cut(plan.exchange?.planID ?? plan.name, 40))
        xml.leaf("Libelle", Self.cut(plan.name, 255))
        xml.leaf("ExerciceDebut", String(plan.period?.lowerBound ?? fiscalYear))
        xml.leaf("ExerciceFin", String(plan.period?.upperBound ?? fiscalYear))
        xml.close("DescriptionPST")
        xml.open("Volets")
        let volets = plan.exchange?.volets ?? [PlanExchange.Volet(
            label: (plan.volet ?? "néant").uppercased(), fields: ExchangeFields(), objectiveCount: plan.objectives.count)]
        var start = 0
        for (v, volet) in volets.enumerated() {
            // Each volet takes its count of objectives, in order; the last takes any left over.
            let all = v == volets.count - 1 ? plan.objectives.dropFirst(start) : plan.objectives.dropFirst(start).prefix(volet.objectiveCount)
            start += volet.objectiveCount
            element(&xml, "Volet", Element(fields: plan.exchange == nil ? nil : volet.fields, id: "volet-\(v + 1)", label: volet.label, lines: volet.budget),
                    fiscalYear: fiscalYear, invented: invented, list: "ObjectifStrategiques", count: all.count) { xml in
                for os in all {
                    let label = Self.label(os.exchange?.label, prefix: "OS", number: os.number, title: os.title)
                    element(&xml, "ObjectifStrategique", Element(fields: os.exchange, id: "os-\(os.number)", label: label, lines: os.budget),
                            fiscalYear: fiscalYear, invented: invented, list: "ObjectifsOperationnels", count: os.operationalObjectives.count) { xml in
                        for oo in os.operationalObjectives {
                            let label = Self.label(oo.exchange?.label, prefix: "OO", number: oo.number, title: oo.title)
                            element(&xml, "ObjectifOperationnel", Element(fields: oo.exchange, id: "oo-\(os.number)-\(oo.number)", label: label, lines: oo.budget),
                                    fiscalYear: fiscalYear, invented: invented, list: "Actions", count: oo.actions.count) { xml in
                                for action in oo.actions {
                                    var plans: [String] = []
                                    for link in action.links where !plans.contains(link.plan) && !link.plan.isEmpty { plans.append(link.plan) }
                                    let exchange = action.exchange
                                    let fields = Self.exchangeFields(of: action)
                                    element(&xml, "Action", Element(
                                        fields: fields, id: "a-\(action.id)",
                                        label: exchange != nil ? action.titleCell.text : "A.\(action.id) - \(action.title)",
                                        deadline: action.deadline.value.value, pilots: exchange == nil ? action.pilots : nil,
                                        lines: action.budget, plans: plans), fiscalYear: fiscalYear, invented: invented, list: nil, count: 0) { _ in }
                                }
                            }
                        }
                    }
                }
            }
        }
        xml.close("Volets")
        xml.close("PST")
        xml.close("dataroot")
        var notes: [String] = []
        if !invented.ids.isEmpty {
            let examples = invented.ids.prefix(3).joined(separator: ", ") + (invented.ids.count > 3 ? ", …" : "")
            notes.append(invented.ids.count == 1
                ? "1 element has no ElementId, which eComptes requires; PlanKit wrote one of its own (\(examples))."
                : "\(invented.ids.count) elements have no ElementId, which eComptes requires; PlanKit wrote ids of its own (\(examples)).")
        }
        if invented.civilities > 0 {
            notes.append(invented.civilities == 1
                ? "1 person has no civility, which eComptes requires; PlanKit wrote MONSIEUR."
                : "\(invented.civilities) people have no civility, which eComptes requires; PlanKit wrote MONSIEUR.")
        }
        if !invented.replaced.isEmpty {
            let examples = invented.replaced.prefix(3).joined(separator: ", ") + (invented.replaced.count > 3 ? ", …" : "")
            notes.append(invented.replaced.count == 1
                ? "1 value the schema does not allow (\(examples)) was replaced by its default, or left out when optional."
                : "\(invented.replaced.count) values the schema does not allow (\(examples)) were replaced by their defaults, or left out when optional.")
        }
        return Written(text: xml.text, notes: notes)
    }

    /// What one volet, objective or action writes.
    private struct Element {
        /// Its exchange fields, when the plan has them.
        var fields: ExchangeFields?
        /// The id written when the fields give none.
        var id: String
        var label: String
        var deadline: Deadline? = nil
        var pilots: Pilots? = nil
        var lines: [BudgetLine]
        /// The plans its links name, written when the fields give no `Plans`.
        var plans: [String] = []
    }

    /// `label` as read when it still says `title`; else `PREFIX.number - title`.
    static func label(_ label: String?, prefix: String, number: String, title: String) -> String {
        if let label, EComptesReader.numbered(label.trimmed, prefix: prefix, rank: 0).1 == title { return label }
        return "\(prefix).\(number) - \(title)"
    }

    /// Writes an element, its fields in the schema's order, then its list of children.
    private func element(_ xml: inout XMLBuilder, _ name: String, _ e: Element, fiscalYear: Int, invented: Inventions,
                         list: String?, count: Int, children: (inout XMLBuilder) -> Void) {
        let fields = e.fields
        let id: String
        if let written = fields?.elementID {
            id = written
        } else {
            id = e.id
            invented.ids.append(id)
        }
        xml.open(name, attributes: [("ElementId", id), ("Exercice", invented.valid(fields?.fiscalYear, .integer, "Exercice") ?? String(fiscalYear))])
        xml.leaf("Libelle", Self.cut(e.label, 255))
        if let start = invented.valid(fields?.startDate, .date, "DateDebut") { xml.leaf("DateDebut", start) }
        if let end = invented.valid(fields?.endDate, .date, "DateFin") ?? e.deadline.flatMap(Self.lastDay) { xml.leaf("DateFin", end) }
        text(&xml, "Description", fields?.description ?? ExchangeFields.Text(), invented)
        xml.leaf("Statut", invented.valid(fields?.statusText, .enumeration(FollowUpStatus.allCases.map(\.rawValue)), "Statut")
                 ?? FollowUpStatus.notStarted.rawValue)
        if let responsible = fields?.responsible ?? e.pilots.flatMap({ Self.person($0.agents) }) {
            person(&xml, "Responsable", responsible, invented)
        }
        if let mandataire = fields?.mandataire ?? e.pilots.flatMap({ Self.person($0.political) }) {
            person(&xml, "Mandataire", mandataire, invented)
        }
        if let department = fields?.department ?? e.pilots?.services.value.value?.joined(separator: " / ") { xml.leaf("Departement", department) }
        xml.leaf("TauxAvancement", invented.valid(fields?.progress, .range(0, 100), "TauxAvancement") ?? "0")
        text(&xml, "RemarqueStatut", fields?.statusRemark ?? ExchangeFields.Text(), invented)
        xml.leaf("ETP", invented.valid(fields?.fte, .range(0, nil), "ETP") ?? "0")
        xml.list("Plans", "Plan", fields?.plans ?? e.plans)
        xml.list("Partenaires", "Partenaire", fields?.partners ?? [])
        if shape == .export {
            articles(&xml, e.lines, written: fields?.articles, fiscalYear: fiscalYear, invented)
            projections(&xml, fields?.projections ?? [], invented)
        }
        if let list, count > 0 || fields?.listsChildren ?? true {
            if count == 0 {
                xml.empty(list)
            } else {
                xml.open(list)
                children(&xml)
                xml.close(list)
            }
        }
        xml.close(name)
    }

    /// An element's `Articles`: its budget lines, with the texts the file wrote when there are as
    /// many as lines (so `15000.00` stays `15000.00`).
    private func articles(_ xml: inout XMLBuilder, _ lines: [BudgetLine], written: [ExchangeFields.Article]?, fiscalYear: Int,
                          _ invented: Inventions) {
        guard !lines.isEmpty else { return xml.empty("Articles") }
        let texts = written.flatMap { $0.count == lines.count ? $0 : nil }
        xml.open("Articles")
        for (i, line) in lines.enumerated() {
            let text = texts?[i]
            xml.open("Article")
            xml.leaf("Exercice", invented.valid(text?.year, .integer, "Exercice") ?? String(line.fiscalYear ?? line.article?.year ?? fiscalYear))
            xml.leaf("Service", invented.valid(text?.service, .enumeration(["O", "E"]), "Service") ?? (line.kind == .extraordinary ? "E" : "O"))
            xml.leaf("Type", invented.valid(text?.type, .enumeration(["R", "D"]), "Type") ?? (line.flow == .revenue ? "R" : "D"))
            xml.leaf("CodeArticle", Self.cut(text?.code ?? line.article?.code ?? line.note ?? "", 50))
            xml.leaf("Libelle", Self.cut(text?.label ?? line.articleLabel ?? line.label ?? line.article?.official?.label ?? "", 255))
            xml.leaf("Montant", invented.valid(text?.amount, .decimal, "Montant") ?? line.amount.value?.decimalString ?? "0")
            xml.close("Article")
        }
        xml.close("Articles")
    }

    private func projections(_ xml: inout XMLBuilder, _ projections: [ExchangeFields.Projection], _ invented: Inventions) {
        guard !projections.isEmpty else { return xml.empty("Projections") }
        xml.open("Projections")
        for projection in projections {
            xml.open("Projection")
            xml.leaf("Service", invented.valid(projection.service, .enumeration(["O", "E"]), "Service") ?? "O")
            xml.leaf("Type", invented.valid(projection.type, .enumeration(["R", "D"]), "Type") ?? "D")
            xml.leaf("GroupeEco", projection.economicGroup ?? "")
            xml.leaf("Libelle", projection.label ?? "")
            if let amounts = projection.amounts, !amounts.isEmpty {
                xml.open("Exercices")
                for amount in amounts {
                    xml.open("Exercice", attributes: [("Valeur", invented.valid(amount.year, .integer, "Valeur") ?? "0")])
                    xml.leaf("Montant", invented.valid(amount.amount, .decimal, "Montant") ?? "0")
                    xml.close("Exercice")
                }
                xml.close("Exercices")
            } else {
                xml.empty("Exercices")
            }
            xml.close("Projection")
        }
        xml.close("Projections")
    }

    private func text(_ xml: inout XMLBuilder, _ name: String, _ text: ExchangeFields.Text, _ invented: Inventions) {
        xml.open(name)
        xml.leaf("Mode", invented.valid(text.mode, .enumeration(["TEXTE", "HTML", "RTF"]), "Mode") ?? "TEXTE")
        xml.leaf("Valeur", text.value ?? "")
        xml.close(name)
    }

    private func person(_ xml: inout XMLBuilder, _ name: String, _ person: ExchangeFields.Person, _ invented: Inventions) {
        xml.open(name)
        let civility = invented.valid(person.civility, .enumeration(["MONSIEUR", "MADAME"]), "Civilite")
        if person.civility == nil { invented.civilities += 1 }
        xml.leaf("Civilite", civility ?? "MONSIEUR")
        xml.leaf("Nom", Self.cut(person.lastName ?? "", 100))
        xml.leaf("Prenom", Self.cut(person.firstName ?? "", 50))
        xml.leaf("Tel", Self.cut(person.phone ?? "", 15))
        xml.leaf("eMail", Self.cut(person.email ?? "", 255))
        xml.close(name)
    }

    /// A pilot cell as a person: the names, joined, as the last name.
    static func person(_ cell: Cell<[String]>) -> ExchangeFields.Person? {
        guard let names = cell.value.value, !names.isEmpty else { return nil }
        return ExchangeFields.Person(lastName: names.joined(separator: " / "), firstName: "", phone: "", email: "")
    }

    /// `0,5 ETP` → `0.5`; anything else → `0`.
    /// The exchange fields an action writes: those it was read with (for another source: its
    /// open questions as description, its ``Action/fte`` as `ETP`), with the follow-up fields
    /// set on it written over them: a status as its eComptes code (its text when that is one), a
    /// progress, full-time equivalents and planned dates as numbers and days.
    static func exchangeFields(of action: Action) -> ExchangeFields {
        var fields = action.exchange ?? ExchangeFields(
            fte: number(action.fte.value) ?? "0", description: ExchangeFields.Text(value: action.openQuestions.joined(separator: "; ")))
        let stored = action.fields
        if let status = stored.status {
            switch status.value {
            case .known(let value): fields.statusText = FollowUpStatus(rawValue: status.text.trimmed) == value ? status.text : value.rawValue
            case .unknown: fields.statusText = status.text
            case .none, .missing: fields.statusText = nil
            }
        }
        if let progress = stored.progress { fields.progress = number(progress.value) }
        if let fte = stored.fte { fields.fte = number(fte.value) }
        if let start = stored.start { fields.startDate = start.planned?.value.value?.description }
        if let end = stored.end { fields.endDate = end.planned?.value.value?.description }
        return fields
    }

    /// A known number as eComptes writes it (`1`, `0.5`); `nil` in any other state.
    static func number(_ value: CellValue<Double>) -> String? {
        guard let value = value.value, value.isFinite else { return nil }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// The last day a deadline allows, as `YYYY-MM-DD`; `nil` when ongoing.
    static func lastDay(_ deadline: Deadline) -> String? {
        guard let year = deadline.year, let month = deadline.month else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        var day = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if case .day(let d, _, _) = deadline { day = d }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// `text` cut to `limit` characters.
    static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

/// Builds indented XML text with escaping.
struct XMLBuilder {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ s: String) { text += String(repeating: "    ", count: depth) + s + "\n" }

    mutating func open(_ name: String, attributes: [(String, String)] = []) {
        line("<\(name)" + attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined() + ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String) { line("<\(name)/>") }

    mutating func leaf(_ name: String, _ value: String) {
        line(value.isEmpty ? "<\(name)/>" : "<\(name)>\(Self.escape(value))</\(name)>")
    }

    mutating func list(_ name: String, _ item: String, _ values: [String]) {
        guard !values.isEmpty else { return empty(name) }
        open(name)
        for value in values { leaf(item, value) }
        close(name)
    }

    /// Escapes markup characters and drops characters XML 1.0 does not allow.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
