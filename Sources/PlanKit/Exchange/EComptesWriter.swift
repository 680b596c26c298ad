/// Writes a plan in the regional eComptes exchange format (schema 201805V1).
///
/// A plan read from eComptes is written back as it was read. A spreadsheet plan is mapped:
/// labels `OS.N - …`, `OO.N - …`, `A.N.M - …`; political pilots as `Mandataire`, services as
/// `Departement`, agents as `Responsable`; a deadline as `DateFin` (the last day of its period);
/// every budget line as an `Article` (an unknown amount is written 0: eComptes has no unknown
/// amount); links to other plans as `Plans`; a pending action as `EN_ATTENTE`.
public struct EComptesWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The XML document for `plan`, UTF-8.
    public func write(_ plan: Plan) -> String {
        var xml = XMLBuilder()
        let fiscalYear = plan.exchange?.fiscalYear ?? plan.period?.lowerBound
            ?? plan.actions.compactMap { $0.deadline.value.value?.year }.min() ?? 2019
        xml.line("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        xml.open("dataroot")
        xml.open("Identifiants")
        xml.leaf("Id", plan.exchange?.id ?? "plankit")
        xml.leaf("TypeAdmin", plan.exchange?.administration ?? "AC")
        xml.leaf("INS", plan.exchange.map { $0.ins.isEmpty ? "0" : $0.ins } ?? "0")
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
            label: (plan.volet ?? "néant").uppercased(), fields: ExchangeFields(elementID: "volet-1", fiscalYear: fiscalYear),
            objectiveCount: plan.objectives.count)]
        var start = 0
        for (v, volet) in volets.enumerated() {
            // Each volet takes its count of objectives, in order; the last takes any left over.
            let all = v == volets.count - 1 ? plan.objectives.dropFirst(start) : plan.objectives.dropFirst(start).prefix(volet.objectiveCount)
            start += volet.objectiveCount
            xml.open("Volet", attributes: [("ElementId", volet.fields.elementID), ("Exercice", String(volet.fields.fiscalYear))])
            element(&xml, label: volet.label, fields: volet.fields, deadline: nil, pilots: nil, lines: [], plans: [], fiscalYear: fiscalYear)
            xml.open("ObjectifStrategiques")
            for os in all {
                let fields = os.exchange ?? ExchangeFields(elementID: "os-\(os.number)", fiscalYear: fiscalYear)
                xml.open("ObjectifStrategique", attributes: [("ElementId", fields.elementID), ("Exercice", String(fields.fiscalYear))])
                element(&xml, label: "OS.\(os.number) - \(os.title)", fields: fields, deadline: nil, pilots: nil, lines: [], plans: [], fiscalYear: fiscalYear)
                xml.open("ObjectifsOperationnels")
                for oo in os.operationalObjectives {
                    let fields = oo.exchange ?? ExchangeFields(elementID: "oo-\(os.number)-\(oo.number)", fiscalYear: fiscalYear)
                    xml.open("ObjectifOperationnel", attributes: [("ElementId", fields.elementID), ("Exercice", String(fields.fiscalYear))])
                    element(&xml, label: "OO.\(oo.number) - \(oo.title)", fields: fields, deadline: nil, pilots: nil, lines: [], plans: [], fiscalYear: fiscalYear)
                    xml.open("Actions")
                    for action in oo.actions {
                        let fields = action.exchange ?? ExchangeFields(
                            elementID: "a-\(action.id)", fiscalYear: fiscalYear, status: action.pending ? .waiting : .notStarted,
                            fte: Self.fte(action.humanResources),
                            description: ExchangeFields.Text(value: action.openQuestions.joined(separator: "; ")))
                        let label = action.exchange != nil ? action.titleCell.text : "A.\(action.id) - \(action.title)"
                        var plans: [String] = []
                        for link in action.links where !plans.contains(link.plan) && !link.plan.isEmpty { plans.append(link.plan) }
                        xml.open("Action", attributes: [("ElementId", fields.elementID), ("Exercice", String(fields.fiscalYear))])
                        element(&xml, label: label, fields: fields, deadline: action.deadline.value.value, pilots: action.exchange == nil ? action.pilots : nil,
                                lines: action.budget, plans: action.exchange?.plans ?? plans, fiscalYear: fiscalYear)
                        xml.close("Action")
                    }
                    xml.close("Actions")
                    xml.close("ObjectifOperationnel")
                }
                xml.close("ObjectifsOperationnels")
                xml.close("ObjectifStrategique")
            }
            xml.close("ObjectifStrategiques")
            xml.close("Volet")
        }
        xml.close("Volets")
        xml.close("PST")
        xml.close("dataroot")
        return xml.text
    }

    /// The fields every element has, in the schema's order.
    private func element(_ xml: inout XMLBuilder, label: String, fields: ExchangeFields, deadline: Deadline?, pilots: Pilots?,
                         lines: [BudgetLine], plans: [String], fiscalYear: Int) {
        xml.leaf("Libelle", Self.cut(label, 255))
        if let start = fields.startDate { xml.leaf("DateDebut", start) }
        if let end = fields.endDate ?? deadline.flatMap(Self.lastDay) { xml.leaf("DateFin", end) }
        text(&xml, "Description", fields.description)
        xml.leaf("Statut", fields.status.rawValue)
        let responsible = fields.responsible ?? pilots.flatMap { Self.person($0.agents) }
        let mandataire = fields.mandataire ?? pilots.flatMap { Self.person($0.political) }
        if let responsible { person(&xml, "Responsable", responsible) }
        if let mandataire { person(&xml, "Mandataire", mandataire) }
        if let department = fields.department ?? pilots?.services.value.value?.joined(separator: " / ") { xml.leaf("Departement", department) }
        xml.leaf("TauxAvancement", fields.progress)
        text(&xml, "RemarqueStatut", fields.statusRemark)
        xml.leaf("ETP", fields.fte)
        xml.list("Plans", "Plan", plans.isEmpty ? fields.plans : plans)
        xml.list("Partenaires", "Partenaire", fields.partners)
        if lines.isEmpty {
            xml.empty("Articles")
        } else {
            xml.open("Articles")
            for line in lines {
                xml.open("Article")
                xml.leaf("Exercice", String(line.fiscalYear ?? line.article?.year ?? fiscalYear))
                xml.leaf("Service", line.kind == .extraordinary ? "E" : "O")
                xml.leaf("Type", line.flow == .revenue ? "R" : "D")
                xml.leaf("CodeArticle", Self.cut(line.article?.code ?? line.note ?? "", 50))
                xml.leaf("Libelle", Self.cut(line.articleLabel ?? line.label ?? line.article?.official?.label ?? "", 255))
                xml.leaf("Montant", line.amount.value?.decimalString ?? "0")
                xml.close("Article")
            }
            xml.close("Articles")
        }
        if fields.projections.isEmpty {
            xml.empty("Projections")
        } else {
            xml.open("Projections")
            for projection in fields.projections {
                xml.open("Projection")
                xml.leaf("Service", projection.service)
                xml.leaf("Type", projection.type)
                xml.leaf("GroupeEco", projection.economicGroup)
                xml.leaf("Libelle", projection.label)
                xml.open("Exercices")
                for amount in projection.amounts {
                    xml.open("Exercice", attributes: [("Valeur", String(amount.year))])
                    xml.leaf("Montant", amount.amount)
                    xml.close("Exercice")
                }
                xml.close("Exercices")
                xml.close("Projection")
            }
            xml.close("Projections")
        }
    }

    private func text(_ xml: inout XMLBuilder, _ name: String, _ text: ExchangeFields.Text) {
        xml.open(name)
        xml.leaf("Mode", text.mode)
        xml.leaf("Valeur", text.value)
        xml.close(name)
    }

    private func person(_ xml: inout XMLBuilder, _ name: String, _ person: ExchangeFields.Person) {
        xml.open(name)
        xml.leaf("Civilite", person.civility)
        xml.leaf("Nom", Self.cut(person.lastName, 100))
        xml.leaf("Prenom", Self.cut(person.firstName, 50))
        xml.leaf("Tel", Self.cut(person.phone, 15))
        xml.leaf("eMail", Self.cut(person.email, 255))
        xml.close(name)
    }

    /// A pilot cell as a person: the names, joined, as the last name.
    static func person(_ cell: Cell<[String]>) -> ExchangeFields.Person? {
        guard let names = cell.value.value, !names.isEmpty else { return nil }
        return ExchangeFields.Person(lastName: names.joined(separator: " / "))
    }

    /// `0,5 ETP` → `0.5`; anything else → `0`.
    static func fte(_ cell: Cell<String>) -> String {
        guard let text = cell.value.value else { return "0" }
        let number = text.prefix { $0.isASCIIDigit || $0 == "," || $0 == "." }.replacingOccurrences(of: ",", with: ".")
        guard !number.isEmpty, Double(number) != nil, !number.hasPrefix(".") else { return "0" }
        return number
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
