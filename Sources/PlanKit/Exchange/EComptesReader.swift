import Foundation

/// Reads a PST from the regional eComptes exchange format (schema 201805V1) into the model.
///
/// Volet → strategic objective → operational objective → action. Labels such as
/// `OS.1 - …`, `OO.2 - …`, `A.3 - …` give numbers; a sub-action `A.16 - SA.17 - …` gets the id
/// `16.17`. `Mandataire` is the political pilot, `Departement` the service, `Responsable` the
/// agent, `DateFin` the deadline, `Articles` the budget lines, `Plans` the links; the rest is kept
/// in ``ExchangeFields``.
public struct EComptesReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads the plan in `bytes`.
    ///
    /// - Throws: ``PlanReadError`` for malformed XML or a document that is not an eComptes PST.
    public func read(_ bytes: [UInt8], file: String) throws(PlanReadError) -> Plan {
        let root = try XMLElement.parse(Data(bytes), file: file)
        guard root.name == "dataroot", let identifiers = root.child("Identifiants"), let pst = root.child("PST") else {
            throw PlanReadError(location: root.location, message: "This XML is not an eComptes PST export: it needs <dataroot> with <Identifiants> and <PST>.")
        }
        var warnings: [Diagnostic] = []
        let description = pst.child("DescriptionPST")
        let start = description?.value("ExerciceDebut").flatMap { Int($0) }
        let end = description?.value("ExerciceFin").flatMap { Int($0) }
        var plan = Plan(
            kind: .pst, name: description?.value("Libelle") ?? "PST",
            period: start.flatMap { s in end.flatMap { e in s <= e ? s...e : nil } }, source: file)
        var volets: [PlanExchange.Volet] = []
        for volet in pst.child("Volets")?.children("Volet") ?? [] {
            let objectives = volet.child("ObjectifStrategiques")?.children("ObjectifStrategique") ?? []
            volets.append(PlanExchange.Volet(label: volet.value("Libelle") ?? "", fields: fields(volet, &warnings), objectiveCount: objectives.count))
            if plan.volet == nil { plan.volet = volet.value("Libelle") }
            for (s, os) in objectives.enumerated() {
                let (number, title) = Self.numbered(os.value("Libelle") ?? "", prefix: "OS", rank: s + 1)
                var strategic = StrategicObjective(number: number, title: title, location: os.location, exchange: fields(os, &warnings))
                for (o, oo) in (os.child("ObjectifsOperationnels")?.children("ObjectifOperationnel") ?? []).enumerated() {
                    let (number, title) = Self.numbered(oo.value("Libelle") ?? "", prefix: "OO", rank: o + 1)
                    var operational = OperationalObjective(number: number, title: title, location: oo.location, exchange: fields(oo, &warnings))
                    for (a, element) in (oo.child("Actions")?.children("Action") ?? []).enumerated() {
                        operational.actions.append(action(element, rank: a + 1, file: file, warnings: &warnings))
                    }
                    strategic.operationalObjectives.append(operational)
                }
                plan.objectives.append(strategic)
            }
        }
        plan.exchange = PlanExchange(
            id: identifiers.value("Id") ?? "", administration: identifiers.value("TypeAdmin") ?? "AC",
            ins: identifiers.value("INS") ?? "", fiscalYear: identifiers.value("Exercice").flatMap { Int($0) } ?? start ?? 0,
            generator: identifiers.value("Generateur") ?? "", planID: description?.value("IdPST") ?? "", volets: volets)
        plan.warnings = warnings
        return plan
    }

    /// `OS.1 - title` → (`1`, `title`); a label without a prefix keeps its rank as number.
    static func numbered(_ label: String, prefix: String, rank: Int) -> (String, String) {
        let parts = label.components(separatedBy: " - ")
        guard parts.count >= 2, parts[0].hasPrefix(prefix + ".") else { return (String(rank), label) }
        return (String(parts[0].dropFirst(prefix.count + 1)), parts.dropFirst().joined(separator: " - "))
    }

    /// `A.3 - title` → (`3`, `title`); `A.16 - SA.17 - title` → (`16.17`, `title`).
    static func actionID(_ label: String, rank: Int) -> (String, String) {
        var parts = label.components(separatedBy: " - ")
        guard parts.count >= 2, parts[0].hasPrefix("A.") else { return (String(rank), label) }
        var id = String(parts.removeFirst().dropFirst(2))
        if parts.count >= 2, parts[0].hasPrefix("SA.") {
            id += "." + parts.removeFirst().dropFirst(3)
        }
        return (id, parts.joined(separator: " - "))
    }

    func person(_ element: XMLElement?) -> ExchangeFields.Person? {
        guard let element else { return nil }
        return ExchangeFields.Person(
            civility: element.value("Civilite") ?? "MONSIEUR", lastName: element.value("Nom") ?? "",
            firstName: element.value("Prenom") ?? "", phone: element.value("Tel") ?? "", email: element.value("eMail") ?? "")
    }

    func text(_ element: XMLElement?) -> ExchangeFields.Text {
        ExchangeFields.Text(mode: element?.value("Mode") ?? "TEXTE", value: element?.child("Valeur")?.text ?? "")
    }

    func fields(_ element: XMLElement, _ warnings: inout [Diagnostic]) -> ExchangeFields {
        let statusText = element.value("Statut") ?? ""
        let status = ExchangeFields.Status(rawValue: statusText) ?? {
            warnings.append(Diagnostic(.unparsedCell, location: element.child("Statut")?.location ?? element.location,
                                       message: "Unknown status \"\(statusText)\"; it is read as NON_COMMENCE.", text: statusText))
            return .notStarted
        }()
        let projections = (element.child("Projections")?.children("Projection") ?? []).map { p in
            ExchangeFields.Projection(
                service: p.value("Service") ?? "", type: p.value("Type") ?? "", economicGroup: p.value("GroupeEco") ?? "",
                label: p.value("Libelle") ?? "",
                amounts: (p.child("Exercices")?.children("Exercice") ?? []).map { year in
                    ExchangeFields.Projection.YearAmount(year: year.attributes["Valeur"].flatMap { Int($0) } ?? 0, amount: year.value("Montant") ?? "0")
                })
        }
        return ExchangeFields(
            elementID: element.attributes["ElementId"] ?? "", fiscalYear: element.attributes["Exercice"].flatMap { Int($0) } ?? 0,
            status: status, progress: element.value("TauxAvancement") ?? "0", fte: element.value("ETP") ?? "0",
            description: text(element.child("Description")), statusRemark: text(element.child("RemarqueStatut")),
            responsible: person(element.child("Responsable")), mandataire: person(element.child("Mandataire")),
            department: element.value("Departement"),
            plans: (element.child("Plans")?.children("Plan") ?? []).map { $0.text.trimmed },
            partners: (element.child("Partenaires")?.children("Partenaire") ?? []).map { $0.text.trimmed },
            startDate: element.value("DateDebut"), endDate: element.value("DateFin"), projections: projections)
    }

    func action(_ element: XMLElement, rank: Int, file: String, warnings: inout [Diagnostic]) -> Action {
        let label = element.value("Libelle") ?? ""
        let (id, title) = Self.actionID(label, rank: rank)
        let exchange = fields(element, &warnings)
        let location = element.location
        func nameCell(_ name: String?, at child: XMLElement?) -> Cell<[String]> {
            guard let name, !name.isEmpty else { return Cell(.missing, text: "", location: child?.location ?? location) }
            return Cell(.known([name]), text: name, location: child?.location ?? location)
        }
        var ordinary: [BudgetLine] = [], extraordinary: [BudgetLine] = []
        for article in element.child("Articles")?.children("Article") ?? [] {
            let code = article.value("CodeArticle") ?? ""
            let amountText = article.value("Montant") ?? ""
            let amount: CellValue<Money>
            if let money = Money(decimal: amountText) {
                amount = .known(money)
            } else {
                amount = .unknown
                warnings.append(Diagnostic(.unparsedCell, location: article.child("Montant")?.location ?? article.location,
                                           message: "\"\(amountText)\" is not an amount PlanKit reads (a decimal number of euros, at most two decimals); it counts as unknown.",
                                           text: amountText))
            }
            let kind: BudgetKind = article.value("Service") == "E" ? .extraordinary : .ordinary
            let parsed = BudgetArticle(lenient: code)
            if parsed == nil && !code.isEmpty {
                warnings.append(Diagnostic(.unparsedCell, location: article.child("CodeArticle")?.location ?? article.location,
                                           message: "\"\(code)\" is not an article code FUNCTION/ECONOMIC-SUB; the line keeps it in its note.", text: code))
            }
            let line = BudgetLine(
                kind: kind, amount: amount, article: parsed, articleLabel: article.value("Libelle").flatMap { $0.isEmpty ? nil : $0 },
                note: parsed == nil && !code.isEmpty ? code : nil,
                flow: article.value("Type") == "R" ? .revenue : .expenditure, fiscalYear: article.value("Exercice").flatMap { Int($0) },
                text: [code, amountText].filter { !$0.isEmpty }.joined(separator: " "), location: article.location)
            if kind == .ordinary { ordinary.append(line) } else { extraordinary.append(line) }
        }
        let articlesLocation = element.child("Articles")?.location ?? location
        let deadline: Cell<Deadline>
        if let end = exchange.endDate {
            let value: CellValue<Deadline> = DeadlineParser.date(end).map { .known($0) } ?? .unknown
            deadline = Cell(value, text: end, location: element.child("DateFin")?.location ?? location)
        } else {
            deadline = Cell(.missing, text: "", location: location)
        }
        let links = exchange.plans.map {
            CrossLink(relation: .see, plan: PlanName.normalise($0), element: .plan, ref: nil, text: $0, location: element.child("Plans")?.location ?? location)
        }
        return Action(
            id: id, code: Cell(.known(label.components(separatedBy: " - ").first ?? ""), text: label, location: location),
            title: title, titleCell: Cell(.known(label), text: label, location: element.child("Libelle")?.location ?? location),
            openQuestions: [],
            pilots: Pilots(
                political: nameCell(exchange.mandataire?.displayName, at: element.child("Mandataire")),
                services: nameCell(exchange.department, at: element.child("Departement")),
                agents: nameCell(exchange.responsible?.displayName, at: element.child("Responsable"))),
            deadline: deadline,
            ordinaryBudget: Cell(ordinary.isEmpty ? .missing : .known(ordinary), text: "", location: articlesLocation),
            extraordinaryBudget: Cell(extraordinary.isEmpty ? .missing : .known(extraordinary), text: "", location: articlesLocation),
            humanResources: exchange.fte == "0" ? Cell(.missing, text: "", location: location)
                : Cell(.known("\(exchange.fte) ETP"), text: exchange.fte, location: element.child("ETP")?.location ?? location),
            links: links, pending: exchange.status == .waiting, location: location, exchange: exchange)
    }
}
