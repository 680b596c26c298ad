import PlanKit
@testable import PlanReport
import PlanQuery
import Testing

/// How the "since" section shows a field of `plankit diff` and its values: in French as French
/// writes them, in English as the diff does (amounts in euros and `??`, `/` in words in both).
@Suite struct ChangeValueTests {
    /// One field kind: the field, a value as `plankit diff` writes it, the field's French name,
    /// the value in the French report, the value in the English report (and the field's English
    /// name, a budget line's `ordinary [1]: amount`).
    struct Case: Sendable, CustomStringConvertible {
        var field: String
        var value: String?
        var frenchField: String
        var french: String
        var english: String
        /// The field's English name, when not the field itself.
        var englishField: String? = nil
        var description: String { "\(field): \(value ?? "nil")" }
    }

    static let nbsp = "\u{a0}"

    static let cases: [Case] = [
        Case(field: "id", value: "3.3", frenchField: "numéro", french: "3.3", english: "3.3"),
        Case(field: "title", value: "Créer un répertoire", frenchField: "intitulé",
             french: "Créer un répertoire", english: "Créer un répertoire"),
        Case(field: "objective", value: "1.2", frenchField: "objectif opérationnel", french: "1.2", english: "1.2"),
        Case(field: "strategic", value: "2", frenchField: "objectif stratégique", french: "2", english: "2"),
        Case(field: "status", value: "EN_COURS", frenchField: "état", french: "EN_COURS", english: "EN_COURS"),
        Case(field: "status", value: "Réalisé", frenchField: "état", french: "Réalisé", english: "Réalisé"),
        Case(field: "code", value: "A 3.3", frenchField: "code de l’action", french: "A 3.3", english: "A 3.3"),
        Case(field: "questions", value: "Quel lieu ?; Quel budget ?", frenchField: "questions ouvertes",
             french: "Quel lieu ?; Quel budget ?", english: "Quel lieu ?; Quel budget ?"),
        Case(field: "pilot.political", value: "A. Martin / B. Dupont", frenchField: "échevin pilote",
             french: "A. Martin / B. Dupont", english: "A. Martin / B. Dupont"),
        Case(field: "pilot.service", value: "/", frenchField: "service pilote", french: "/ (aucun)", english: "/ (none)"),
        Case(field: "pilot.agent", value: "??", frenchField: "agent pilote", french: "?? (à préciser)", english: "?? (to be decided)"),
        Case(field: "deadline", value: "2e sem. 2020", frenchField: "échéance", french: "2e sem. 2020", english: "2e sem. 2020"),
        Case(field: "ordinary[1]", value: "CCE: 3000", frenchField: "budget ordinaire [1]",
             french: "CCE: 3000", english: "CCE: 3000", englishField: "ordinary [1]"),
        Case(field: "ordinary[CCE].amount", value: "30000 €", frenchField: "budget ordinaire [CCE]\(nbsp): montant",
             french: "30\(nbsp)000\(nbsp)€", english: "€30,000", englishField: "ordinary [CCE]: amount"),
        Case(field: "extraordinary[2].amount", value: "??", frenchField: "budget extraordinaire [2]\(nbsp): montant",
             french: "?? (à préciser)", english: "?? (to be decided)", englishField: "extraordinary [2]: amount"),
        Case(field: "ordinary[1].article", value: "104/123-01", frenchField: "budget ordinaire [1]\(nbsp): article",
             french: "104/123-01", english: "104/123-01", englishField: "ordinary [1]: article"),
        Case(field: "ordinary[1].credit", value: "12000.5 €", frenchField: "budget ordinaire [1]\(nbsp): crédit inscrit",
             french: "12\(nbsp)000,50\(nbsp)€", english: "€12,000.50", englishField: "ordinary [1]: credit"),
        Case(field: "ordinary[1].article.label", value: "Prestations de tiers", frenchField: "budget ordinaire [1]\(nbsp): libellé de l’article",
             french: "Prestations de tiers", english: "Prestations de tiers", englishField: "ordinary [1]: article.label"),
        Case(field: "ordinary[1].funding", value: "Subside 50 %", frenchField: "budget ordinaire [1]\(nbsp): financement",
             french: "Subside 50 %", english: "Subside 50 %", englishField: "ordinary [1]: funding"),
        Case(field: "ordinary[1].note", value: "à confirmer", frenchField: "budget ordinaire [1]\(nbsp): note",
             french: "à confirmer", english: "à confirmer", englishField: "ordinary [1]: note"),
        Case(field: "ordinary[1].flow", value: "revenue", frenchField: "budget ordinaire [1]\(nbsp): sens",
             french: "recette", english: "revenue", englishField: "ordinary [1]: flow"),
        Case(field: "extraordinary[1].flow", value: "expenditure", frenchField: "budget extraordinaire [1]\(nbsp): sens",
             french: "dépense", english: "expenditure", englishField: "extraordinary [1]: flow"),
        Case(field: "ordinary[1].year", value: "2025", frenchField: "budget ordinaire [1]\(nbsp): exercice",
             french: "2025", english: "2025", englishField: "ordinary [1]: year"),
        Case(field: "hr", value: "0,5 ETP", frenchField: "ressources humaines", french: "0,5 ETP", english: "0,5 ETP"),
        Case(field: "fte", value: "0.5", frenchField: "équivalents temps plein", french: "0,5", english: "0.5"),
        Case(field: "fte", value: "1", frenchField: "équivalents temps plein", french: "1", english: "1"),
        Case(field: "links", value: "PCS 1.2; PST Énergie", frenchField: "liens",
             french: "PCS 1.2; PST Énergie", english: "PCS 1.2; PST Énergie"),
        Case(field: "pending", value: "yes", frenchField: "en attente du Collège", french: "oui", english: "yes"),
        Case(field: "pending", value: "no", frenchField: "en attente du Collège", french: "non", english: "no"),
        Case(field: "progress", value: "12.5", frenchField: "avancement", french: "12,5", english: "12.5"),
        Case(field: "progress", value: "1500", frenchField: "avancement", french: "1\(nbsp)500", english: "1500"),
        Case(field: "progress", value: "beaucoup", frenchField: "avancement", french: "beaucoup", english: "beaucoup"),
        Case(field: "health", value: "risque", frenchField: "santé", french: "risque", english: "risque"),
        Case(field: "health", value: "good", frenchField: "santé", french: "bon", english: "good"),
        Case(field: "priority", value: "haute", frenchField: "priorité", french: "haute", english: "haute"),
        Case(field: "start.planned", value: "2024-09-01", frenchField: "début prévu", french: "01/09/2024", english: "2024-09-01"),
        Case(field: "start.effective", value: "15/02/2022", frenchField: "début effectif", french: "15/02/2022", english: "15/02/2022"),
        Case(field: "end.planned", value: "2025-06-30", frenchField: "fin prévue", french: "30/06/2025", english: "2025-06-30"),
        Case(field: "end.effective", value: "fin juin", frenchField: "fin effective", french: "fin juin", english: "fin juin"),
        Case(field: "indicators", value: "Participants = 12.5 / 50 (2024); Taux =  / 0.75", frenchField: "indicateurs",
             french: "Participants = 12,5 / 50 (2024); Taux =  / 0,75", english: "Participants = 12.5 / 50 (2024); Taux =  / 0.75"),
        Case(field: "indicators", value: "Agents formés : 8 sur 10", frenchField: "indicateurs",
             french: "Agents formés : 8 sur 10", english: "Agents formés : 8 sur 10"),
        Case(field: "funding", value: "2024 Wallonie: 2000 €; Fonds propres: ??", frenchField: "financement",
             french: "2024 Wallonie\(nbsp): 2\(nbsp)000\(nbsp)€; Fonds propres\(nbsp): ?? (à préciser)",
             english: "2024 Wallonie: 2000 €; Fonds propres: ??"),
        Case(field: "funding", value: "2025 pour FEDER: 5000€", frenchField: "financement",
             french: "2025 pour FEDER: 5000€", english: "2025 pour FEDER: 5000€"),
        Case(field: "amounts", value: "2024: planned 3000 €, actual 2500 €; all years: planned 1500.5 €", frenchField: "montants par année",
             french: "2024\(nbsp): prévu 3\(nbsp)000\(nbsp)€, réel 2\(nbsp)500\(nbsp)€; toutes les années\(nbsp): prévu 1\(nbsp)500,50\(nbsp)€",
             english: "2024: planned 3000 €, actual 2500 €; all years: planned 1500.5 €"),
        Case(field: "amounts", value: "2025: planned ??, actual /", frenchField: "montants par année",
             french: "2025\(nbsp): prévu ?? (à préciser), réel / (aucun)", english: "2025: planned ??, actual /"),
        Case(field: "parent", value: "9", frenchField: "action parente", french: "9", english: "9"),
        Case(field: "responsible", value: "Marie Dupont", frenchField: "responsable", french: "Marie Dupont", english: "Marie Dupont"),
        Case(field: "mandataire", value: "M. Jean Martin", frenchField: "mandataire", french: "M. Jean Martin", english: "M. Jean Martin"),
        Case(field: "department", value: "Travaux", frenchField: "département", french: "Travaux", english: "Travaux"),
        Case(field: "plans", value: "PST Énergie", frenchField: "plans liés", french: "PST Énergie", english: "PST Énergie"),
        Case(field: "partners", value: "Province; CPAS", frenchField: "partenaires", french: "Province; CPAS", english: "Province; CPAS"),
        Case(field: "description", value: "Isoler 3.5 km de toitures", frenchField: "description",
             french: "Isoler 3.5 km de toitures", english: "Isoler 3.5 km de toitures"),
        Case(field: "status.remark", value: "Attente du subside", frenchField: "remarque sur l’état",
             french: "Attente du subside", english: "Attente du subside"),
        Case(field: "projections", value: "O D 70 Subsides: 2024 1000, 2025 2000.5", frenchField: "projections",
             french: "O D 70 Subsides\(nbsp): 1\(nbsp)000\(nbsp)€ en 2024, 2\(nbsp)000,50\(nbsp)€ en 2025",
             english: "O D 70 Subsides: 2024 1000, 2025 2000.5"),
        Case(field: "ecomptes.id", value: "4711", frenchField: "identifiant eComptes", french: "4711", english: "4711"),
        Case(field: "ecomptes.year", value: "2025", frenchField: "exercice eComptes", french: "2025", english: "2025"),
        Case(field: "end.planned", value: nil, frenchField: "fin prévue", french: "—", english: "—"),
    ]

    /// Each field's name and value, in French and in English.
    @Test(arguments: cases)
    func fieldKind(_ c: Case) throws {
        #expect(ReportText(language: .fr).changeValue(c.value, field: c.field) == c.french)
        #expect(ReportText(language: .en).changeValue(c.value, field: c.field) == c.english)
        let context = QueryContext(PlanSet())
        let day = try #require(Day(iso: "2025-01-01"))
        #expect(ReportBuilder(context: context, files: [], language: .fr, today: day).fieldName(c.field) == c.frenchField)
        #expect(ReportBuilder(context: context, files: [], language: .en, today: day).fieldName(c.field) == (c.englishField ?? c.field))
    }

    /// Every field PlanDiff reports is among the cases, so has a French name and a display.
    @Test func everyFieldIsACase() {
        let fields = Set(Self.cases.map { ReportText.valueKind($0.field) })
        let diffFields = ["id", "title", "objective", "strategic", "status", "code", "questions", "pilot.political", "pilot.service",
                          "pilot.agent", "deadline", "line", "line.amount", "line.article", "line.credit", "line.article.label",
                          "line.funding", "line.note", "line.flow", "line.year", "hr", "fte", "links", "pending", "progress",
                          "health", "priority", "start.planned", "start.effective", "end.planned", "end.effective", "indicators",
                          "funding", "amounts", "parent", "responsible", "mandataire", "department", "plans", "partners",
                          "description", "status.remark", "projections", "ecomptes.id", "ecomptes.year"]
        #expect(fields == Set(diffFields))
    }
}
