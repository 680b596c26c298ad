import Foundation

/// Reads a PST from the regional eComptes exchange format (schema 201805V1, in its upload or
/// export shape) into the model.
///
/// Volet → strategic objective → operational objective → action. Labels such as
/// `OS.1 - …`, `OO.2 - …`, `A.3 - …` give numbers; a sub-action `A.16 - SA.17 - …` gets the id
/// `16.17` and the ``Action/parent`` `16`. `Mandataire` is the political pilot, `Departement` the
/// service, `Responsable` the agent, `DateFin` the deadline, `Plans` the links; the `Articles` of
/// each element are its budget lines (a volet's and an objective's included). Every text is kept
/// as written in ``ExchangeFields``, so that ``EComptesWriter`` writes the same document back.
public struct EComptesReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads the plan in `bytes`.
    ///
    /// A file that fits neither eComptes schema (the upload or the export) is read all the same,
    /// each violation reported as a ``ReadRule/ecomptesInvalid`` warning.
    ///
    /// - Throws: ``PlanReadError`` for malformed XML or a document that is not an eComptes PST.
    public func read(_ bytes: [UInt8], file: String) throws(PlanReadError) -> Plan {
        let root = try XMLElement.parse(Data(bytes), file: file)
        guard root.name == "dataroot", let identifiers = root.child("Identifiants"), let pst = root.child("PST") else {
            throw PlanReadError(location: root.location, message: "This XML is not an eComptes PST export: it needs <dataroot> with <Identifiants> and <PST>.")
        }
        let shape = EComptesSchema.shape(of: root)
        var warnings: [Diagnostic] = EComptesSchema(shape: shape).violations(of: root).map { violation in
            let message = violation.message.hasSuffix(".") ? String(violation.message.dropLast()) : violation.message
            return Diagnostic(.ecomptesInvalid, location: violation.location, message: "\(message) (eComptes \(shape.rawValue) schema).",
                              text: violation.element)
        }
        let description = pst.child("DescriptionPST")
        let start = description?.value("ExerciceDebut").flatMap { Int($0) }
        let end = description?.value("ExerciceFin").flatMap { Int($0) }
        var plan = Plan(
            kind: .pst, name: description?.child("Libelle")?.text ?? "PST",
            period: start.flatMap { s in end.flatMap { e in s <= e ? s...e : nil } }, source: file)
        var volets: [PlanExchange.Volet] = []
        for volet in pst.child("Volets")?.children("Volet") ?? [] {
            let list = volet.child("ObjectifStrategiques")
            let objectives = list?.children("ObjectifStrategique") ?? []
            var voletFields = fields(volet, &warnings)
            voletFields.listsChildren = list != nil
            volets.append(PlanExchange.Volet(
                label: volet.child("Libelle")?.text ?? "", fields: voletFields, objectiveCount: objectives.count,
                budget: lines(volet, &warnings)))
            if plan.volet == nil { plan.volet = volet.value("Libelle") }
            for (s, os) in objectives.enumerated() {
                let (number, title) = Self.numbered(os.value("Libelle") ?? "", prefix: "OS", rank: s + 1)
                let list = os.child("ObjectifsOperationnels")
                var strategicFields = fields(os, &warnings)
                strategicFields.listsChildren = list != nil
                var strategic = StrategicObjective(number: number, title: title, location: os.location,
                                                   budget: lines(os, &warnings), exchange: strategicFields)
                for (o, oo) in (list?.children("ObjectifOperationnel") ?? []).enumerated() {
                    let (number, title) = Self.numbered(oo.value("Libelle") ?? "", prefix: "OO", rank: o + 1)
                    let list = oo.child("Actions")
                    var operationalFields = fields(oo, &warnings)
                    operationalFields.listsChildren = list != nil
                    var operational = OperationalObjective(number: number, title: title, location: oo.location,
                                                           budget: lines(oo, &warnings), exchange: operationalFields)
                    for (a, element) in (list?.children("Action") ?? []).enumerated() {
                        operational.actions.append(action(element, rank: a + 1, file: file, warnings: &warnings))
                    }
                    strategic.operationalObjectives.append(operational)
                }
                plan.objectives.append(strategic)
            }
        }
        plan.exchange = PlanExchange(
            id: identifiers.child("Id")?.text ?? "", administration: identifiers.child("TypeAdmin")?.text ?? "AC",
            ins: identifiers.value("INS") ?? "", fiscalYear: identifiers.value("Exercice").flatMap { Int($0) } ?? start ?? 0,
            generator: identifiers.child("Generateur")?.text ?? "", planID: description?.child("IdPST")?.text ?? "", volets: volets)
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

    /// The parent's id of a sub-action's label (`A.16 - SA.17 - title` → `16`); `nil` for any other label.
    static func parent(_ label: String) -> String? {
        let parts = label.components(separatedBy: " - ")
        guard parts.count >= 3, parts[0].hasPrefix("A."), parts[1].hasPrefix("SA.") else { return nil }
        return String(parts[0].dropFirst(2))
    }

    func person(_ element: XMLElement?) -> ExchangeFields.Person? {
        guard let element else { return nil }
        return ExchangeFields.Person(
            civility: element.child("Civilite")?.text, lastName: element.child("Nom")?.text,
            firstName: element.child("Prenom")?.text, phone: element.child("Tel")?.text, email: element.child("eMail")?.text)
    }

    func text(_ element: XMLElement?) -> ExchangeFields.Text? {
        guard let element else { return nil }
        return ExchangeFields.Text(mode: element.child("Mode")?.text, value: element.child("Valeur")?.text)
    }

    /// The texts of every child named `item` of the child `list`; `nil` when `list` is absent.
    func items(_ element: XMLElement, _ list: String, _ item: String) -> [String]? {
        element.child(list).map { $0.children(item).map(\.text) }
    }

    func fields(_ element: XMLElement, _ warnings: inout [Diagnostic]) -> ExchangeFields {
        let statusText = element.child("Statut")?.text
        if let statusText, FollowUpStatus(rawValue: statusText.trimmed) == nil {
            warnings.append(Diagnostic(.unparsedCell, location: element.child("Statut")?.location ?? element.location,
                                       message: "Unknown status \"\(statusText)\"; eComptes knows ANNULE_ABANDONNE, NON_COMMENCE, EN_COURS, EN_ATTENTE, PROBLEME and TERMINE, so its status is unknown.",
                                       text: statusText))
        }
        for (name, what) in [("ETP", "a number of full-time equivalents PlanKit reads (a decimal number such as 0.5); its fte"),
                             ("TauxAvancement", "a progress rate PlanKit reads (a decimal number such as 40); its progress")] {
            guard let child = element.child(name), case .unknown = Action.number(child.text) else { continue }
            let text = child.text
            warnings.append(Diagnostic(.unparsedCell, location: child.location,
                                       message: "\"\(text)\" is not \(what) is unknown.", text: text))
        }
        let projections = element.child("Projections").map { list in
            list.children("Projection").map { p in
                ExchangeFields.Projection(
                    service: p.child("Service")?.text, type: p.child("Type")?.text, economicGroup: p.child("GroupeEco")?.text,
                    label: p.child("Libelle")?.text,
                    amounts: p.child("Exercices").map { years in
                        years.children("Exercice").map { year in
                            ExchangeFields.Projection.YearAmount(year: year.attributes["Valeur"], amount: year.child("Montant")?.text)
                        }
                    })
            }
        }
        let articles = element.child("Articles").map { list in
            list.children("Article").map { a in
                ExchangeFields.Article(
                    year: a.child("Exercice")?.text, service: a.child("Service")?.text, type: a.child("Type")?.text,
                    code: a.child("CodeArticle")?.text, label: a.child("Libelle")?.text, amount: a.child("Montant")?.text)
            }
        }
        return ExchangeFields(
            label: element.child("Libelle")?.text, elementID: element.attributes["ElementId"], fiscalYear: element.attributes["Exercice"],
            statusText: statusText, progress: element.child("TauxAvancement")?.text, fte: element.child("ETP")?.text,
            description: text(element.child("Description")), statusRemark: text(element.child("RemarqueStatut")),
            responsible: person(element.child("Responsable")), mandataire: person(element.child("Mandataire")),
            department: element.child("Departement")?.text,
            plans: items(element, "Plans", "Plan"), partners: items(element, "Partenaires", "Partenaire"),
            startDate: element.child("DateDebut")?.text, endDate: element.child("DateFin")?.text,
            articles: articles, projections: projections)
    }

    /// The budget lines of an element's `Articles`, in file order.
    func lines(_ element: XMLElement, _ warnings: inout [Diagnostic]) -> [BudgetLine] {
        (element.child("Articles")?.children("Article") ?? []).map { article in
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
            return BudgetLine(
                kind: kind, amount: amount, article: parsed, articleLabel: article.value("Libelle").flatMap { $0.isEmpty ? nil : $0 },
                note: parsed == nil && !code.isEmpty ? code : nil,
                flow: article.value("Type") == "R" ? .revenue : .expenditure, fiscalYear: article.value("Exercice").flatMap { Int($0) },
                text: [code, amountText].filter { !$0.isEmpty }.joined(separator: " "), location: article.location)
        }
    }

    func action(_ element: XMLElement, rank: Int, file: String, warnings: inout [Diagnostic]) -> Action {
        let label = element.child("Libelle")?.text ?? ""
        let (id, title) = Self.actionID(label.trimmed, rank: rank)
        let exchange = fields(element, &warnings)
        let location = element.location
        func nameCell(_ name: String?, at child: XMLElement?) -> Cell<[String]> {
            guard let name, !name.isEmpty else { return Cell(.missing, text: "", location: child?.location ?? location) }
            return Cell(.known([name]), text: name, location: child?.location ?? location)
        }
        var ordinary: [BudgetLine] = [], extraordinary: [BudgetLine] = []
        for line in lines(element, &warnings) {
            if line.kind == .ordinary { ordinary.append(line) } else { extraordinary.append(line) }
        }
        let articlesLocation = element.child("Articles")?.location ?? location
        let deadline: Cell<Deadline>
        if let end = exchange.endDate?.trimmed {
            let value: CellValue<Deadline> = DeadlineParser.date(end).map { .known($0) } ?? .unknown
            deadline = Cell(value, text: end, location: element.child("DateFin")?.location ?? location)
        } else {
            deadline = Cell(.missing, text: "", location: location)
        }
        let links = (exchange.plans ?? []).map(\.trimmed).filter { !$0.isEmpty }.map {
            CrossLink(relation: .see, plan: PlanName.normalise($0), element: .plan, ref: nil, text: $0, location: element.child("Plans")?.location ?? location)
        }
        let fte = exchange.fte?.trimmed ?? ""
        return Action(
            id: id, title: title, location: location,
            code: Cell(.known(label.trimmed.components(separatedBy: " - ").first ?? ""), text: label, location: location),
            titleCell: Cell(.known(label), text: label, location: element.child("Libelle")?.location ?? location),
            pilots: Pilots(
                political: nameCell(exchange.mandataire?.displayName, at: element.child("Mandataire")),
                services: nameCell(exchange.department?.trimmed, at: element.child("Departement")),
                agents: nameCell(exchange.responsible?.displayName, at: element.child("Responsable"))),
            deadline: deadline,
            ordinaryBudget: Cell(ordinary.isEmpty ? .missing : .known(ordinary), text: "", location: articlesLocation),
            extraordinaryBudget: Cell(extraordinary.isEmpty ? .missing : .known(extraordinary), text: "", location: articlesLocation),
            humanResources: humanResources(fte, at: element.child("ETP")?.location ?? location, or: location),
            links: links, exchange: exchange)
    }

    /// The human-resources cell of an eComptes `ETP`: missing when blank or 0, `fte ETP` when a
    /// finite number, else unknown (its text kept), as ``Action/fte`` reads it.
    func humanResources(_ fte: String, at location: SourceLocation, or elementLocation: SourceLocation) -> Cell<String> {
        switch Action.number(fte) {
        case .known(let n) where n != 0: Cell(.known("\(fte) ETP"), text: fte, location: location)
        case .known, .missing, .none: Cell(.missing, text: "", location: elementLocation)
        case .unknown: Cell(.unknown, text: fte, location: location)
        }
    }
}
