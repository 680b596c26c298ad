import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanKit
@testable import PlanReport
import Testing

/// The findings in a French report speak French; in an English one, the rules' own words.
@Suite struct FindingTextTests {
    /// The seed's French report: every finding's message, in French, and none in English.
    @Test func theSeedsFindingsInFrench() throws {
        let report = try WrittenReport.make(.seed)
        let cells = try report.nodes("//section[@id='findings']//table[thead/tr/th/@data-column='message']/tbody/tr/td[2]")
        let messages = cells.map { $0.stringValue ?? "" }
        #expect(messages == [
            "L’action 2.2 laisse une question ouverte\u{a0}: à préciser! Comment?",
            "L’action 2.3 laisse une question ouverte\u{a0}: à préciser! Comment?",
            "L’action 3.2 laisse une question ouverte\u{a0}: soutien financier? Logistique? Promotionnel?",
            "L’action 1.2 n’a pas encore d’échéance (??).",
            "L’action 2.1 n’a pas encore d’échéance (??).",
            "L’action 2.2 n’a pas encore d’échéance (??).",
            "L’action 2.3 n’a pas encore d’échéance (??).",
            "L’action 3.2 n’a pas encore d’échéance (??).",
            "L’action 3.3 n’a pas encore d’échéance (??).",
            "L’action 2.3 n’a pas encore de service en charge (??).",
            "L’action 2.3 n’a pas encore d’agent en charge (??).",
            "L’action 3.1 n’a pas encore d’agent en charge (??).",
            "L’action 3.2 n’a pas encore d’agent en charge (??).",
            "L’action 3.3 n’a pas encore d’agent en charge (??).",
            "L’action 1.2 renvoie à l’action 5.5.02 de PCS III, et PCS III n’est pas chargé\u{a0}; chargez-le pour vérifier le lien.",
            "L’action 1.2 renvoie à PST Aînés, et PST Aînés n’est pas chargé\u{a0}; chargez-le pour vérifier le lien.",
            "L’action 1.2 renvoie à PST Culture, et PST Culture n’est pas chargé\u{a0}; chargez-le pour vérifier le lien.",
            "L’action 1.3 renvoie à l’action 6.1.04 de PCS III, et PCS III n’est pas chargé\u{a0}; chargez-le pour vérifier le lien.",
        ])
        // The English messages, as `plankit check` writes them, appear nowhere as shown text;
        // they stay each cell's raw value.
        let english = try report.answer("findings select message").rows.map { $0[0].text }
        #expect(english.count == messages.count)
        for message in english {
            #expect(!messages.contains(message))
            #expect(cells.contains { $0.value("data-value") == message })
        }
        // The rules' titles and summaries too.
        let titles = try report.nodes("//section[@id='findings']/figure/figcaption/h3").map { $0.stringValue ?? "" }
        #expect(titles == [
            "Constats des contrôles",
            "Question laissée ouverte (action.open-question) — 3 constats",
            "Échéance à préciser (action.unknown-deadline) — 6 constats",
            "Pilote à préciser (action.unknown-pilot) — 5 constats",
            "Lien vers un plan non chargé (link.unresolved-plan) — 4 constats",
        ])
        for rule in ["action.open-question", "action.unknown-deadline", "action.unknown-pilot", "link.unresolved-plan"] {
            #expect(!report.html.contains(try #require(Checker.rule(rule)?.summary)))
        }
    }

    /// The English report keeps the rules' own words.
    @Test func englishKeepsTheRulesWords() throws {
        let report = try WrittenReport.make(.seed, language: "en")
        let cells = try report.nodes("//section[@id='findings']//table[thead/tr/th/@data-column='message']/tbody/tr/td[2]")
        #expect(cells.map { $0.stringValue ?? "" } == (try report.answer("findings select message sort by rule, file, line, column").rows.map { $0[0].text }))
        #expect(cells.allSatisfy { $0.value("data-value") == nil })
        #expect(report.html.contains("action.open-question — 3 findings"))
    }

    /// Every rule has a French name and summary.
    @Test func everyRuleHasFrench() {
        for rule in Checker.allRules {
            #expect(FindingText.french[rule.id] != nil, "\(rule.id)")
            #expect(FindingText.ruleName(rule.id, language: .fr) != rule.id, "\(rule.id)")
            #expect(FindingText.summary(rule.id, language: .fr) != rule.summary, "\(rule.id)")
            #expect(FindingText.summary(rule.id, language: .en) == rule.summary, "\(rule.id)")
        }
    }

    /// The plans of the examples and the fixtures: every finding their checks give has a
    /// French template, each file alone and the examples together.
    @Test func everyFixturesFindingTranslates() throws {
        let fixtures = Plankit.file("Tests/Fixtures")
        var sets: [[String]] = [[Plankit.file("Examples/")]]
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures).sorted()
            + (try FileManager.default.contentsOfDirectory(atPath: fixtures + "/workbooks").sorted().map { "workbooks/" + $0 })
        // (Not the workbooks made to be too large to read.)
        let large = ["workbooks/million-rows.xlsx", "workbooks/zip-bomb.xlsx", "workbooks/many-entries.xlsx"]
        for name in names where [".tsv", ".csv", ".txt", ".xml", ".json", ".xlsx", ".ods"].contains(where: name.hasSuffix) && !large.contains(name) {
            sets.append([fixtures + "/" + name])
        }
        var checked = 0
        for files in sets {
            guard let paths = try? PlanReader.planFiles(files), let plans = try? PlanSet(reading: paths) else { continue }
            for finding in Checker().run(on: plans) {
                #expect(FindingText.translated(finding.message, rule: finding.rule) != nil, "\(finding.rule): \(finding.message)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// Each rule's messages, written as the rules write them, translate; the slots that name
    /// words (roles, services, kinds of date) are translated too.
    @Test(arguments: [
        ("action.unknown-pilot", "Action 1.2 has no politician in charge yet (??).", "L’action 1.2 n’a pas encore d’échevin en charge (??)."),
        ("action.end-before-start", "Action 1.1 ends before it starts: its planned end, 2020-01-31, is before its planned start, 2020-03-01; correct one of the two dates.",
         "L’action 1.1 finit avant de commencer\u{a0}: sa fin prévue, 2020-01-31, précède son début, 2020-03-01\u{a0}; corrigez l’une des deux dates."),
        ("action.unknown-parent", "Sub-action 1.1.1 belongs to action 1.9, which its plan does not have; add action 1.9 or correct the parent.",
         "La sous-action 1.1.1 relève de l’action 1.9, que son plan n’a pas\u{a0}; ajoutez l’action 1.9 ou corrigez son action."),
        ("budget.kind-mismatch", "Article 104/123-13 belongs to the ordinary service, but action 2.1 charges it in its extraordinary budget.",
         "L’article 104/123-13 relève du service ordinaire, mais l’action 2.1 l’impute à son budget extraordinaire."),
        ("budget.credit-conflict", "Article 840/124-02 is stated with credits of 24850 € and 25000 €; make the plans agree.",
         "L’article 840/124-02 est inscrit avec des crédits de 24850 € et 25000 €\u{a0}; accordez les plans."),
        ("budget.overcommitted", "Article 840/124-02 has more than can be counted € allocated (elements OO.1, 3.2), more than its stated credit of 100 €.",
         "L’article 840/124-02 a plus qu’on ne peut en compter alloués (éléments OO.1, 3.2), plus que son crédit inscrit de 100 €."),
        ("link.unknown-target", "Action 1.1 links to \"axe 9 du PCS\", but PCS III has axes 1 to 7, not 9.",
         "L’action 1.1 renvoie à «\u{a0}axe 9 du PCS\u{a0}», mais le PCS III a les axes 1 à 7, pas 9."),
        ("link.unknown-target", "Action 1.1 links to \"6.1.99\", but the loaded PCS has no action 6.1.99.",
         "L’action 1.1 renvoie à «\u{a0}6.1.99\u{a0}», mais le PCS chargé n’a pas d’action 6.1.99."),
        ("pcs.uncovered", "PCS action 6.1.01 (Soutenir (et animer) les conseils) has no action of the loaded plans linking to it.",
         "L’action 6.1.01 du PCS (Soutenir (et animer) les conseils) n’est reliée à aucune action des plans chargés."),
        ("deadline.outside-plan", "Action 2.1 is due in 2026, outside the plan's period 2019-2024.",
         "L’action 2.1 est due en 2026, hors de la période du plan, 2019-2024."),
    ])
    func templates(_ rule: String, _ english: String, _ french: String) {
        #expect(FindingText.translated(english, rule: rule) == french)
        #expect(FindingText.message(english, rule: rule, language: .en) == english)
    }

    /// A word outside a slot's closed set, or a message no template knows, is never shown in
    /// English alone: the rule's French summary comes first, and the English is announced.
    @Test func untranslatedMessagesSaySo() {
        #expect(FindingText.translated("Action 1.2 has no mayor in charge yet (??).", rule: "action.unknown-pilot") == nil)
        #expect(FindingText.message("Something new.", rule: "action.unknown-pilot", language: .fr)
            == "Un pilote de l’action (politique, service ou agent) est ?? (à préciser). Message d’origine, en anglais\u{a0}: «\u{a0}Something new.\u{a0}»")
        #expect(FindingText.message("Something new.", rule: "x.unknown", language: .fr)
            == "Constat de la règle x.unknown. Message d’origine, en anglais\u{a0}: «\u{a0}Something new.\u{a0}»")
    }

    /// The matcher: slots match the shortest text that lets the rest match, a slot named twice
    /// holds the same text, and the whole message must match.
    @Test func matching() {
        let template = MessageTemplate("{a} and {b}, then {a}.", "{b} / {a}")
        #expect(template.match("x and y, z, then x.") == ["a": "x", "b": "y, z"])
        #expect(template.match("x and y, then w.") == nil)
        #expect(template.match("x and y, then x. More") == nil)
        #expect(template.translate("one and two, then one.") == "two / one")
        #expect(MessageTemplate.pieces("A {x} b") == [.text("A "), .slot("x"), .text(" b")])
    }
}
