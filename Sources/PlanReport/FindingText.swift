import PlanKit

/// The findings' rules and messages as the report shows them: in English as the rules write
/// them, in French from a table of message templates keyed by rule.
///
/// A French message comes from the first template of its rule that matches the whole English
/// message. A message no template matches (a reader warning PlanKit words case by case, or a
/// message newer than the table) is never shown in English alone: the French report gives the
/// rule's French summary, then the English message as the rule wrote it, announced as such.
package enum FindingText {
    /// A rule's name for a reader: its French name in a French report, its id otherwise.
    package static func ruleName(_ rule: String, language: ReportLanguage) -> String {
        guard language == .fr, let name = french[rule]?.name else { return rule }
        return name
    }

    /// A rule's one-line summary in `language`; `nil` for a rule PlanKit does not have.
    package static func summary(_ rule: String, language: ReportLanguage) -> String? {
        guard language == .fr else { return Checker.rule(rule)?.summary }
        return french[rule]?.summary ?? Checker.rule(rule)?.summary
    }

    /// A finding's message in `language`.
    package static func message(_ message: String, rule: String, language: ReportLanguage) -> String {
        guard language == .fr else { return message }
        if let translated = translated(message, rule: rule) { return translated }
        let summary = french[rule]?.summary ?? "Constat de la règle \(rule)."
        return "\(summary) Message d’origine, en anglais\u{a0}: «\u{a0}\(message)\u{a0}»"
    }

    /// The French of `message` when one of its rule's templates matches it.
    package static func translated(_ message: String, rule: String) -> String? {
        for template in french[rule]?.templates ?? [] {
            if let out = template.translate(message) { return out }
        }
        return nil
    }

    /// A rule's French name, summary and message templates.
    struct Rule: Sendable {
        var name: String
        var summary: String
        var templates: [MessageTemplate] = []
    }

    static let kinds: SlotTranslation = .words(["ordinary": "ordinaire", "extraordinary": "extraordinaire"])
    static let unknownOutcome = " Its amount counts as unknown."
    static let belgian = "(Belgian notation: dot for thousands, comma for decimals)"

    /// The targets a link names: `action 5.5.02 of PCS III`, or a plan.
    static let linkTarget: SlotTranslation = .templates([
        MessageTemplate("action {ref} of {plan}", "l’action {ref} de {plan}"),
        MessageTemplate("sub-axis {ref} of {plan}", "le sous-axe {ref} de {plan}"),
        MessageTemplate("axis {ref} of {plan}", "l’axe {ref} de {plan}"),
        MessageTemplate("plan {ref} of {plan}", "le plan {ref} de {plan}"),
        MessageTemplate("{plan}", "{plan}"),
    ])

    /// Why a link's target cannot be found.
    static let linkReason: SlotTranslation = .templates([
        MessageTemplate("PCS III has axes 1 to 7, not (none)", "le PCS III a les axes 1 à 7, et le lien n’en nomme aucun"),
        MessageTemplate("PCS III has axes 1 to 7, not {ref}", "le PCS III a les axes 1 à 7, pas {ref}"),
        MessageTemplate("the loaded PCS has no axis {ref}", "le PCS chargé n’a pas d’axe {ref}"),
        MessageTemplate("{ref} is no PCS III sub-axis: they read axis.sub-axis, axis 1 to 7",
                        "{ref} n’est pas un sous-axe du PCS III\u{a0}: ils s’écrivent axe.sous-axe, l’axe de 1 à 7"),
        MessageTemplate("the loaded PCS has no sub-axis {ref}", "le PCS chargé n’a pas de sous-axe {ref}"),
        MessageTemplate("{ref} is no PCS III action code: they read axis.sub-axis.NN, axis 1 to 7",
                        "{ref} n’est pas un code d’action du PCS III\u{a0}: ils s’écrivent axe.sous-axe.NN, l’axe de 1 à 7"),
        MessageTemplate("the loaded PCS has no action {ref}", "le PCS chargé n’a pas d’action {ref}"),
        MessageTemplate("{plan} has no action {ref}", "{plan} n’a pas d’action {ref}"),
        MessageTemplate("{plan} has no sub-axis {ref}", "{plan} n’a pas de sous-axe {ref}"),
        MessageTemplate("{plan} has no axis {ref}", "{plan} n’a pas d’axe {ref}"),
    ])

    /// The elements a budget line belongs to: `action 3.2`, `objective OO.1`.
    static let owner: SlotTranslation = .templates([
        MessageTemplate("action {id}", "l’action {id}"),
        MessageTemplate("sub-action {id}", "la sous-action {id}"),
        MessageTemplate("objective {id}", "l’objectif {id}"),
        MessageTemplate("volet {id}", "le volet {id}"),
    ])

    /// What the amount readers say of an amount they do not read, the end of their messages.
    static let amountOutcome: SlotTranslation = .templates([
        MessageTemplate("Its amount counts as unknown.", "Son montant compte comme inconnu."),
        MessageTemplate("The article's credit is kept in the note, not read.", "Le crédit de l’article est gardé dans la note, sans être lu."),
        MessageTemplate("The {what} counts as unknown.", "{what} compte comme inconnu.", slots: ["what": amountWhat]),
    ])

    /// The amount a follow-up cell gives: `planned amount`, `amount of Wallonie` (a funder).
    static let amountWhat: SlotTranslation = .templates([
        MessageTemplate("planned amount", "Le montant prévu"),
        MessageTemplate("amount of {funder}", "Le montant de {funder}"),
    ])

    /// What the amount readers say of an amount whose notation they do not read: in budget
    /// cells (`read.ambiguous-amount`) and follow-up cells (`read.unparsed-cell`) alike.
    static let amountNotations: [MessageTemplate] = [
        MessageTemplate("\"{text}\" could be {a} or {b}; write {c} or {d} \(belgian). {outcome}",
                        "«\u{a0}{text}\u{a0}» peut se lire {a} ou {b}\u{a0}; écrivez {c} ou {d} (notation belge\u{a0}: le point pour les milliers, la virgule pour les décimales). {outcome}",
                        slots: ["outcome": amountOutcome]),
        MessageTemplate("\"{text}\" could be {a} or {b}, which is not a number of cents; write {c} \(belgian). {outcome}",
                        "«\u{a0}{text}\u{a0}» peut se lire {a} ou {b}, qui n’est pas un nombre de centimes\u{a0}; écrivez {c} (notation belge\u{a0}: le point pour les milliers, la virgule pour les décimales). {outcome}",
                        slots: ["outcome": amountOutcome]),
        MessageTemplate("\"{text}\" has more than two decimals, a fraction of a cent; write it rounded to the cent \(belgian). {outcome}",
                        "«\u{a0}{text}\u{a0}» a plus de deux décimales, une fraction de centime\u{a0}; écrivez-le arrondi au centime (notation belge\u{a0}: le point pour les milliers, la virgule pour les décimales). {outcome}",
                        slots: ["outcome": amountOutcome]),
        MessageTemplate("\"{text}\" starts with a separator, not a digit; write 0{text} if that is the amount. {outcome}",
                        "«\u{a0}{text}\u{a0}» commence par un séparateur, pas par un chiffre\u{a0}; écrivez 0{text} si c’est le montant. {outcome}",
                        slots: ["outcome": amountOutcome]),
        MessageTemplate("\"{text}\" has more than one space between its digits; write it as one amount \(belgian). {outcome}",
                        "«\u{a0}{text}\u{a0}» a plus d’un espace entre ses chiffres\u{a0}; écrivez-le comme un seul montant (notation belge\u{a0}: le point pour les milliers, la virgule pour les décimales). {outcome}",
                        slots: ["outcome": amountOutcome]),
        MessageTemplate("\"{text}\" has more than one space between its digits; write {amount} if it is one amount. {outcome}",
                        "«\u{a0}{text}\u{a0}» a plus d’un espace entre ses chiffres\u{a0}; écrivez {amount} si c’est un seul montant. {outcome}",
                        slots: ["outcome": amountOutcome]),
        MessageTemplate("\"{text}\" mixes separators in a way that is not one notation; write it with dots for thousands and a comma before the cents, as in 1.500,50 €. {outcome}",
                        "«\u{a0}{text}\u{a0}» mêle les séparateurs d’une façon qui n’est pas une notation\u{a0}; écrivez-le avec des points pour les milliers et une virgule avant les centimes, comme 1.500,50 €. {outcome}",
                        slots: ["outcome": amountOutcome]),
        MessageTemplate("\"{text}\" could be {a} or {b} after a list's dash; write {c} without the dash, or give a negative amount a cell of its own. {outcome}",
                        "«\u{a0}{text}\u{a0}» peut se lire {a} ou {b} après le tiret d’une liste\u{a0}; écrivez {c} sans le tiret, ou donnez à un montant négatif sa propre case. {outcome}",
                        slots: ["outcome": amountOutcome]),
    ]

    /// French names, summaries and message templates, by rule id.
    static let french: [String: Rule] = [
        "action.code-mismatch": Rule(
            name: "Numéro et code de l’action différents",
            summary: "Le numéro de l’action dans son intitulé diffère de sa colonne de code.",
            templates: [MessageTemplate("Action {id} has the code \"{code}\"; make the title's number and the code agree.",
                                        "L’action {id} porte le code «\u{a0}{code}\u{a0}»\u{a0}; accordez le numéro de son intitulé et son code.")]),
        "action.done-incomplete": Rule(
            name: "Action terminée mais inachevée",
            summary: "Une action est terminée, mais son avancement est inférieur à 100.",
            templates: [MessageTemplate("Action {id} is done ({status}) but its progress is {progress}; set its progress to 100 or its status to in progress.",
                                        "L’action {id} est terminée ({status}) mais son avancement est de {progress}\u{a0}; portez son avancement à 100, ou son état à «\u{a0}en cours\u{a0}».")]),
        "action.duplicate-id": Rule(
            name: "Deux actions au même numéro",
            summary: "Deux actions d’un même plan portent le même numéro.",
            templates: [MessageTemplate("Action {id} is numbered like the action at line {line}; renumber one of them.",
                                        "L’action {id} porte le même numéro que l’action de la ligne {line}\u{a0}; renumérotez l’une des deux.")]),
        "action.end-before-start": Rule(
            name: "Fin avant le début",
            summary: "La date de fin d’une action (prévue ou effective) précède sa date de début.",
            templates: [MessageTemplate("Action {id} ends before it starts: its {kind} end, {end}, is before its {kind} start, {start}; correct one of the two dates.",
                                        "L’action {id} finit avant de commencer\u{a0}: sa fin {kind}, {end}, précède son début, {start}\u{a0}; corrigez l’une des deux dates.",
                                        slots: ["kind": .words(["planned": "prévue", "effective": "effective"])])]),
        "action.funding-mismatch": Rule(
            name: "Montant prévu et financement différents",
            summary: "Le montant prévu d’une action pour une année diffère de la somme de ses financeurs pour cette année\u{a0}; un montant prévu pour toute la durée de l’action, de la somme de tous ses financeurs.",
            templates: [
                MessageTemplate("Action {id} plans {planned} in total but its funders give {total} ({funders}); make the planned amount and the funding agree.",
                                "L’action {id} prévoit {planned} au total, mais ses financeurs donnent {total} ({funders})\u{a0}; accordez le montant prévu et le financement."),
                MessageTemplate("Action {id} plans {planned} for {year} but its funders give {total} ({funders}); make the planned amount and the funding agree.",
                                "L’action {id} prévoit {planned} pour {year}, mais ses financeurs donnent {total} ({funders})\u{a0}; accordez le montant prévu et le financement."),
            ]),
        "action.missing-deadline": Rule(
            name: "Échéance non remplie",
            summary: "La case d’échéance de l’action n’a jamais été remplie.",
            templates: [MessageTemplate("Action {id} has a blank deadline cell; write a deadline, or ?? if it is to be decided.",
                                        "La case d’échéance de l’action {id} est vide\u{a0}; écrivez une échéance, ou ?? si elle reste à fixer.")]),
        "action.open-question": Rule(
            name: "Question laissée ouverte",
            summary: "L’intitulé de l’action porte une question ouverte, comme (à préciser! Comment?).",
            templates: [MessageTemplate("Action {id} leaves a question open: {question}", "L’action {id} laisse une question ouverte\u{a0}: {question}")]),
        "action.unknown-deadline": Rule(
            name: "Échéance à préciser",
            summary: "L’échéance de l’action est ?? (à préciser) ou illisible.",
            templates: [MessageTemplate("Action {id} has no deadline yet ({text}).", "L’action {id} n’a pas encore d’échéance ({text}).")]),
        "action.unknown-parent": Rule(
            name: "Sous-action sans action",
            summary: "L’action dont relève une sous-action n’est pas une action de son plan.",
            templates: [MessageTemplate("Sub-action {id} belongs to action {parent}, which its plan does not have; add action {parent} or correct the parent.",
                                        "La sous-action {id} relève de l’action {parent}, que son plan n’a pas\u{a0}; ajoutez l’action {parent} ou corrigez son action.")]),
        "action.unknown-pilot": Rule(
            name: "Pilote à préciser",
            summary: "Un pilote de l’action (politique, service ou agent) est ?? (à préciser).",
            templates: [MessageTemplate("Action {id} has no {role} in charge yet (??).", "L’action {id} n’a pas encore {role} (??).",
                                        slots: ["role": .words(["politician": "d’échevin en charge", "service": "de service en charge", "agent": "d’agent en charge"])])]),
        "budget.credit-conflict": Rule(
            name: "Crédits différents pour un article",
            summary: "Un même article d’une commune est inscrit avec des crédits différents.",
            templates: [(" in commune {commune}", " de la commune {commune}"),
                        (" in the plans naming no commune", " des plans qui ne nomment pas de commune"), ("", "")].map { english, french in
                MessageTemplate("Article {code}\(english) is stated with credits of {credits}; make the plans agree.",
                                "L’article {code}\(french) est inscrit avec des crédits de {credits}\u{a0}; accordez les plans.",
                                slots: ["credits": .replacing(" and ", " et ")])
            }),
        "budget.kind-mismatch": Rule(
            name: "Article hors de son service",
            summary: "Un article dont le service officiel (ordinaire ou extraordinaire) n’est pas celui de la colonne de budget où il figure.",
            templates: [MessageTemplate("Article {code} belongs to the {service} service, but {owner} charges it in its {kind} budget.",
                                        "L’article {code} relève du service {service}, mais {owner} l’impute à son budget {kind}.",
                                        slots: ["service": kinds, "kind": kinds, "owner": owner])]),
        "budget.overcommitted": Rule(
            name: "Article surengagé",
            summary: "Les allocations connues sur un article d’une commune, additionnées sur les plans chargés de cette commune, dépassent le crédit inscrit.",
            templates: [(" in commune {commune}", " de la commune {commune}"),
                        (" in the plans naming no commune", " des plans qui ne nomment pas de commune"), ("", "")].map { english, french in
                MessageTemplate("Article {code}\(english) has {allocated} € allocated ({what} {owners}), more than its stated credit of {credit} €.",
                                "L’article {code}\(french) a {allocated} alloués ({what} {owners}), plus que son crédit inscrit de {credit} €.",
                                slots: ["allocated": .templates([MessageTemplate("more than can be counted", "plus qu’on ne peut en compter"),
                                                                 MessageTemplate("{n}", "{n} €")]),
                                        "what": .words(["actions": "actions", "elements": "éléments"]),
                                        "owners": .replacing(" in ", " dans ")])
            }),
        "budget.unknown-economic-code": Rule(
            name: "Code économique inconnu",
            summary: "Le code économique d’un article ne figure pas dans la classification officielle des comptes communaux wallons.",
            templates: [MessageTemplate("Article {code}: the economic code {economic} is not in the official chart; check it.",
                                        "Article {code}\u{a0}: le code économique {economic} n’est pas dans la classification officielle\u{a0}; vérifiez-le.")]),
        "deadline.outside-plan": Rule(
            name: "Échéance hors de la période du plan",
            summary: "L’échéance de l’action tombe hors de la période du plan (PÉRIODE\u{a0}: 2019-2024).",
            templates: [MessageTemplate("Action {id} is due in {year}, outside the plan's period {period}.",
                                        "L’action {id} est due en {year}, hors de la période du plan, {period}.")]),
        "link.unknown-target": Rule(
            name: "Lien vers une cible introuvable",
            summary: "Un lien nomme un axe ou une action du PCS qui ne peut exister (axe hors de 1 à 7, code mal formé) ou que le plan chargé n’a pas.",
            templates: [MessageTemplate("Action {id} links to \"{text}\", but {reason}.", "L’action {id} renvoie à «\u{a0}{text}\u{a0}», mais {reason}.",
                                        slots: ["reason": linkReason])]),
        "link.unresolved-plan": Rule(
            name: "Lien vers un plan non chargé",
            summary: "Un lien nomme un plan qui n’est pas chargé\u{a0}: il ne peut pas être vérifié.",
            templates: [MessageTemplate("Action {id} links to {target}, and {plan} is not loaded; load it to check the link.",
                                        "L’action {id} renvoie à {target}, et {plan} n’est pas chargé\u{a0}; chargez-le pour vérifier le lien.",
                                        slots: ["target": linkTarget])]),
        "pcs.uncovered": Rule(
            name: "Action du PCS non couverte",
            summary: "Une action d’un PCS chargé à laquelle aucune action d’un autre plan ne se rattache.",
            templates: [MessageTemplate("PCS action {id} ({title}) has no action of the loaded plans linking to it.",
                                        "L’action {id} du PCS ({title}) n’est reliée à aucune action des plans chargés.")]),
        // The readers' warnings.
        "read.ambiguous-amount": Rule(
            name: "Montant ambigu",
            summary: "Un montant dont l’écriture admet deux lectures, ou qui ne se lit pas entier\u{a0}; sa valeur est inconnue.",
            templates: [
                MessageTemplate("\"{number}\" has no currency, so it is read as part of a label, not as an amount; write {number} € if it is one.",
                                "«\u{a0}{number}\u{a0}» n’a pas de devise\u{a0}: il est lu comme une partie d’un libellé, pas comme un montant\u{a0}; écrivez {number} € si c’en est un."),
            ] + amountNotations),
        "read.amounts-not-a-sum": Rule(
            name: "Plusieurs montants qui ne s’additionnent pas",
            summary: "Plusieurs montants dans une case qui ne forment pas une allocation (prévu et dépensé, plusieurs années, une fourchette).",
            templates: [
                MessageTemplate("This cell gives a range ({a} to {b}), not one amount; write the amount allocated, or ?? with the range in parentheses. Its amount counts as unknown.",
                                "Cette case donne une fourchette ({a} à {b}), pas un montant\u{a0}; écrivez le montant alloué, ou ?? avec la fourchette entre parenthèses. Son montant compte comme inconnu."),
                MessageTemplate("This cell gives a choice ({a} or {b}), not one amount; write the amount allocated, or ?? with the choice in parentheses. Its amount counts as unknown.",
                                "Cette case donne un choix ({a} ou {b}), pas un montant\u{a0}; écrivez le montant alloué, ou ?? avec le choix entre parenthèses. Son montant compte comme inconnu."),
            ]),
        "read.amount-too-large": Rule(
            name: "Montant trop grand",
            summary: "Un montant trop grand pour être tenu en centimes sur 64 bits\u{a0}; sa valeur est inconnue.",
            templates: [MessageTemplate("The amount {digits} is too large to hold in cents; check the cell. It is kept as unknown.",
                                        "Le montant {digits} est trop grand pour être tenu en centimes\u{a0}; vérifiez la case. Il est gardé comme inconnu.")]),
        "read.unparsed-cell": Rule(
            name: "Case illisible",
            summary: "Une case que PlanKit ne sait pas lire\u{a0}; gardée telle quelle, sa valeur inconnue.",
            templates: [
                MessageTemplate("\"{text}\" is not a deadline PlanKit reads; it counts as unknown. Write a day (31/12/2021), a year, \"2e sem. 2020\", \"T3 2021\", \"Mai 2022\", \"fin 2022\", \"2019-2024\" or \"En continu\".",
                                "«\u{a0}{text}\u{a0}» n’est pas une échéance que PlanKit lit\u{a0}; elle compte comme inconnue. Écrivez un jour (31/12/2021), une année, «\u{a0}2e sem. 2020\u{a0}», «\u{a0}T3 2021\u{a0}», «\u{a0}Mai 2022\u{a0}», «\u{a0}fin 2022\u{a0}», «\u{a0}2019-2024\u{a0}» ou «\u{a0}En continu\u{a0}»."),
                MessageTemplate("No amount found in this budget cell; write an amount such as 3.000 €, or ?? when it is unknown. It is kept as one line of unknown amount.",
                                "Aucun montant dans cette case de budget\u{a0}; écrivez un montant comme 3.000 €, ou ?? s’il est inconnu. Elle est gardée comme une ligne de montant inconnu."),
                MessageTemplate("Unknown status \"{text}\"; eComptes knows ANNULE_ABANDONNE, NON_COMMENCE, EN_COURS, EN_ATTENTE, PROBLEME and TERMINE, so its status is unknown.",
                                "État inconnu «\u{a0}{text}\u{a0}»\u{a0}; eComptes connaît ANNULE_ABANDONNE, NON_COMMENCE, EN_COURS, EN_ATTENTE, PROBLEME et TERMINE\u{a0}: son état est inconnu."),
                MessageTemplate("\"{text}\" is not an amount PlanKit reads (a decimal number of euros, at most two decimals); it counts as unknown.",
                                "«\u{a0}{text}\u{a0}» n’est pas un montant que PlanKit lit (un nombre décimal d’euros, deux décimales au plus)\u{a0}; il compte comme inconnu."),
                MessageTemplate("\"{text}\" is not an article code FUNCTION/ECONOMIC-SUB; the line keeps it in its note.",
                                "«\u{a0}{text}\u{a0}» n’est pas un code d’article FONCTION/ÉCONOMIQUE-SOUS-CODE\u{a0}; la ligne le garde dans sa note."),
                MessageTemplate("\"{text}\" is not a status PlanKit knows; its status is unknown. Write one of En cours, A agender, Réalisé, En attente, En pause, Bloqué, Annulé (or not started, in progress, waiting, problem, done, cancelled).",
                                "«\u{a0}{text}\u{a0}» n’est pas un état que PlanKit connaît\u{a0}; son état est inconnu. Écrivez l’un de ceux-ci\u{a0}: En cours, A agender, Réalisé, En attente, En pause, Bloqué, Annulé (ou, en anglais, not started, in progress, waiting, problem, done, cancelled)."),
                MessageTemplate("\"{text}\" is not a health PlanKit knows; its health is unknown. Write bon, risque, blocage or pause.",
                                "«\u{a0}{text}\u{a0}» n’est pas un indice de santé que PlanKit connaît\u{a0}; l’indice de santé est inconnu. Écrivez bon, risque, blocage ou pause."),
                MessageTemplate("\"{text}\" is not a progress from 0 to 100; its progress is unknown. Write a number such as 40 or 40 %.",
                                "«\u{a0}{text}\u{a0}» n’est pas un avancement de 0 à 100\u{a0}; son avancement est inconnu. Écrivez un nombre comme 40 ou 40\u{a0}%."),
                MessageTemplate("\"{text}\" could be {a} % or {b} %; its progress is unknown. Write the percentage, such as {b} or {a} %.",
                                "«\u{a0}{text}\u{a0}» peut se lire {a}\u{a0}% ou {b}\u{a0}%\u{a0}; son avancement est inconnu. Écrivez le pourcentage, comme {b} ou {a}\u{a0}%."),
                MessageTemplate("\"{text}\" is not a day PlanKit reads; the date is unknown. Write the day as 31/12/2024 or 2024-12-31.",
                                "«\u{a0}{text}\u{a0}» n’est pas un jour que PlanKit lit\u{a0}; la date est inconnue. Écrivez le jour sous la forme 31/12/2024 ou 2024-12-31."),
                MessageTemplate("\"{text}\" is not an indicator as iA.PST writes one (label = reached / expected); the cell is kept as written. Write each indicator so, with \" | \" between them.",
                                "«\u{a0}{text}\u{a0}» n’est pas un indicateur tel qu’iA.PST l’écrit (libellé = atteint / attendu)\u{a0}; la case est gardée telle quelle. Écrivez chaque indicateur ainsi, séparés par «\u{a0}|\u{a0}»."),
                MessageTemplate("\"{text}\" is not an indicator as iA.PST writes one (label = reached / expected): one number alone could be either; the cell is kept as written. Write both values, as in \"{example}\".",
                                "«\u{a0}{text}\u{a0}» n’est pas un indicateur tel qu’iA.PST l’écrit (libellé = atteint / attendu)\u{a0}: un nombre seul pourrait être l’un ou l’autre\u{a0}; la case est gardée telle quelle. Écrivez les deux valeurs, comme «\u{a0}{example}\u{a0}»."),
                MessageTemplate("\"{text}\" is not one amount of euros; the {what} counts as unknown. Write one amount, such as 5.000 or 1.500,50 €.",
                                "«\u{a0}{text}\u{a0}» n’est pas un montant en euros\u{a0}; {what} compte comme inconnu. Écrivez un seul montant, comme 5.000 ou 1.500,50 €.",
                                slots: ["what": .templates([MessageTemplate("planned amount", "le montant prévu"),
                                                            MessageTemplate("amount of {funder}", "le montant de {funder}")])]),
                MessageTemplate("\"{text}\" {why}; the cell is kept as written and no funding is read from it. Write each part as iA.PST does, \"2022 pour Wallonie: 12500€\", with \" | \" between them.",
                                "«\u{a0}{text}\u{a0}» {why}\u{a0}; la case est gardée telle quelle et aucun financement n’en est lu. Écrivez chaque partie comme iA.PST, «\u{a0}2022 pour Wallonie: 12500€\u{a0}», séparées par «\u{a0}|\u{a0}».",
                                slots: ["why": .words(["is not a year, a source and an amount": "n’est pas une année, une source et un montant",
                                                       "has no amount PlanKit reads": "n’a pas de montant que PlanKit lit"])]),
                MessageTemplate("\"{text}\" is not a number of full-time equivalents PlanKit reads (a decimal number such as 0.5); its fte is unknown.",
                                "«\u{a0}{text}\u{a0}» n’est pas un nombre d’équivalents temps plein que PlanKit lit (un nombre décimal comme 0.5)\u{a0}; il est inconnu."),
                MessageTemplate("\"{text}\" is not a progress rate PlanKit reads (a decimal number such as 40); its progress is unknown.",
                                "«\u{a0}{text}\u{a0}» n’est pas un taux d’avancement que PlanKit lit (un nombre décimal comme 40)\u{a0}; l’avancement est inconnu."),
                MessageTemplate("This cell points at shared string {index}, but the workbook holds {count}; its text is lost, and it counts as unknown (??). The workbook is damaged: open it in a spreadsheet program, check the cell and save it again.",
                                "Cette case renvoie à la chaîne partagée {index}, mais le classeur n’en compte que {count}\u{a0}; son texte est perdu, et elle compte comme inconnue (??). Le classeur est endommagé\u{a0}: ouvrez-le dans un tableur, vérifiez la case et enregistrez-le à nouveau."),
                MessageTemplate("\"{text}\" is an amount with no funder beside it ({funder} is blank); it is kept as written, no funding is read. Write the funder's name in {funder}.",
                                "«\u{a0}{text}\u{a0}» est un montant sans financeur à côté ({funder} est vide)\u{a0}; il est gardé tel quel, aucun financement n’en est lu. Écrivez le nom du financeur dans {funder}."),
                MessageTemplate("\"{text}\" is in a funder-amount column that no funder column comes before (each funder has one amount); it is kept as written, no funding is read. Put a funder column before it in the layout.",
                                "«\u{a0}{text}\u{a0}» est dans une colonne de montant de financeur qu’aucune colonne de financeur ne précède (chaque financeur a un montant)\u{a0}; il est gardé tel quel, aucun financement n’en est lu. Placez une colonne de financeur avant elle dans la mise en page."),
                MessageTemplate("\"{text}\" is not a number of full-time equivalents PlanKit reads (such as 0,5 ETP); its fte is unknown. Write one number followed by ETP.",
                                "«\u{a0}{text}\u{a0}» n’est pas un nombre d’équivalents temps plein que PlanKit lit (comme 0,5 ETP)\u{a0}; il est inconnu. Écrivez un nombre suivi de ETP."),
            ] + amountNotations),
        "read.invalid-encoding": Rule(
            name: "Octets invalides",
            summary: "Des octets invalides dans l’encodage du fichier\u{a0}; lus comme leurs caractères Windows-1252 en UTF-8, U+FFFD en UTF-16."),
        "read.row-ignored": Rule(
            name: "Ligne hors du plan",
            summary: "Une ligne, ou des cases d’une ligne, qui n’appartiennent à aucun objectif ni aucune action\u{a0}; gardées telles quelles.",
            templates: [
                MessageTemplate("This row is neither an objective nor an action; it is kept verbatim. Start it with \"Objectif stratégique\", \"Objectif opérationnel N.\" or \"Action N.M.\" if it belongs to the plan.",
                                "Cette ligne n’est ni un objectif ni une action\u{a0}; elle est gardée telle quelle. Commencez-la par «\u{a0}Objectif stratégique\u{a0}», «\u{a0}Objectif opérationnel N.\u{a0}» ou «\u{a0}Action N.M.\u{a0}» si elle fait partie du plan."),
                MessageTemplate("The header row names columns the {layout} layout does not have; their cells are reported row by row. Rename them to the layout's labels, or describe them in a layout file (--layout).",
                                "La ligne d’en-tête nomme des colonnes que la mise en page {layout} n’a pas\u{a0}; leurs cases sont signalées ligne par ligne. Renommez-les d’après les libellés de la mise en page, ou décrivez-les dans un fichier de mise en page (--layout)."),
                MessageTemplate("This row names no objective, action or sub-action (its {layout} hierarchy columns are blank); it is kept verbatim. Fill in its titles if it belongs to the plan.",
                                "Cette ligne ne nomme ni objectif, ni action, ni sous-action (ses colonnes de hiérarchie {layout} sont vides)\u{a0}; elle est gardée telle quelle. Remplissez ses intitulés si elle fait partie du plan."),
                MessageTemplate("This row repeats an element of line {lines} with other cells than that row has; the element keeps its first row's, these are kept in this warning only. Make the repeated cells alike, or give the element its own reference.",
                                "Cette ligne répète un élément de la ligne {lines} avec d’autres cases que celle-ci\u{a0}; l’élément garde celles de sa première ligne, celles-ci ne sont gardées que dans cet avertissement. Rendez les cases répétées identiques, ou donnez à l’élément sa propre référence."),
                MessageTemplate("This objective row has other cells, which an objective does not hold; they are kept in this warning only. Move them to an action's row, or name their columns in the header row.",
                                "Cette ligne d’objectif a d’autres cases, qu’un objectif ne contient pas\u{a0}; elles ne sont gardées que dans cet avertissement. Déplacez-les sur la ligne d’une action, ou nommez leurs colonnes dans la ligne d’en-tête."),
                MessageTemplate("This row has cells outside the columns the header names; they are kept in this warning only. Move them to an action's row, or name their columns in the header row.",
                                "Cette ligne a des cases hors des colonnes que l’en-tête nomme\u{a0}; elles ne sont gardées que dans cet avertissement. Déplacez-les sur la ligne d’une action, ou nommez leurs colonnes dans la ligne d’en-tête."),
                MessageTemplate("The layout marks this row as {what}; it is kept verbatim in this warning, and no field of the plan holds it.",
                                "La mise en page marque cette ligne comme {what}\u{a0}; elle est gardée telle quelle dans cet avertissement, et aucun champ du plan ne la contient.",
                                slots: ["what": .words(["a note": "une note", "a row to leave aside": "une ligne à laisser de côté"])]),
                MessageTemplate("This objective row has other cells than its title; no field of the plan holds them, they are kept in this warning only.",
                                "Cette ligne d’objectif a d’autres cases que son intitulé\u{a0}; aucun champ du plan ne les contient, elles ne sont gardées que dans cet avertissement."),
                MessageTemplate("This row's cells that no field of the plan holds (an objective's follow-up, categories, partners, descriptions, comments…) and its cells outside the {layout} columns are kept in this warning only.",
                                "Les cases de cette ligne qu’aucun champ du plan ne contient (suivi d’un objectif, catégories, partenaires, descriptions, commentaires…) et ses cases hors des colonnes de la mise en page {layout} ne sont gardées que dans cet avertissement."),
                MessageTemplate("The header row names columns PlanKit does not read (or a second column of a kind already read); their cells are reported row by row. Rename the column to one of the layout's labels if it holds pilots, a deadline or a budget.",
                                "La ligne d’en-tête nomme des colonnes que PlanKit ne lit pas (ou une deuxième colonne d’une sorte déjà lue)\u{a0}; leurs cases sont signalées ligne par ligne. Renommez la colonne d’un des libellés de la mise en page si elle contient des pilotes, une échéance ou un budget."),
            ]),
        "read.misplaced-row": Rule(
            name: "Ligne mal placée",
            summary: "Un objectif ou une action sans objectif au-dessus\u{a0}; gardé sous un objectif sans titre.",
            templates: [
                MessageTemplate("Action {id} comes before any operational objective; it is kept under an untitled one.",
                                "L’action {id} vient avant tout objectif opérationnel\u{a0}; elle est gardée sous un objectif sans titre."),
                MessageTemplate("This sub-action has no action on its row; it is kept as an action of its own. Fill in its action's title.",
                                "Cette sous-action n’a pas d’action sur sa ligne\u{a0}; elle est gardée comme une action à part entière. Remplissez l’intitulé de son action."),
                MessageTemplate("This operational objective comes before any strategic objective; it is kept under an untitled one.",
                                "Cet objectif opérationnel vient avant tout objectif stratégique\u{a0}; il est gardé sous un objectif sans titre."),
            ]),
        "read.duplicate-plan": Rule(
            name: "Plan chargé deux fois",
            summary: "Un fichier ou un plan chargé deux fois\u{a0}; seul le premier est compté.",
            templates: [
                MessageTemplate("The {what} of this file is already loaded (the file is named twice); it is counted once.",
                                "{what} de ce fichier est déjà chargé (le fichier est nommé deux fois)\u{a0}; il est compté une fois.",
                                slots: ["what": .templates([MessageTemplate("plan \"{name}\"", "Le plan «\u{a0}{name}\u{a0}»"),
                                                            MessageTemplate("{kind} \"{name}\"", "Le {kind} «\u{a0}{name}\u{a0}»")])]),
                MessageTemplate("This {what} says the same as the one already loaded from {file}; it is counted once, from {file}. Load one of the two files.",
                                "{what} dit la même chose que celui déjà chargé depuis {file}\u{a0}; il est compté une fois, depuis {file}. Chargez l’un des deux fichiers.",
                                slots: ["what": .templates([MessageTemplate("plan \"{name}\"", "Ce plan «\u{a0}{name}\u{a0}»"),
                                                            MessageTemplate("{kind} \"{name}\"", "Ce {kind} «\u{a0}{name}\u{a0}»")])]),
            ]),
        "read.ecomptes-invalid": Rule(
            name: "Fichier eComptes hors schéma",
            summary: "Un fichier eComptes qui ne suit aucun des deux schémas eComptes (envoi ou export)\u{a0}; ce qui peut être lu l’est.",
            // The validator's own words are English: given as such.
            templates: [MessageTemplate("{detail} (eComptes {schema} schema).",
                                        "Le fichier ne suit pas le schéma eComptes {schema} (le validateur dit, en anglais\u{a0}: «\u{a0}{detail}\u{a0}»).",
                                        slots: ["schema": .words(["export": "d’export", "upload": "d’envoi"])])]),
        "read.formula-without-value": Rule(
            name: "Formule sans valeur",
            summary: "Une formule de classeur sans valeur calculée\u{a0}; la case compte comme inconnue, jamais comme vide.",
            templates: [MessageTemplate("This cell holds a formula without its computed value; PlanKit does not compute formulas, so the cell counts as unknown (??), never as blank. Open and save the workbook in a spreadsheet program, or write the value.",
                                        "Cette case contient une formule sans sa valeur calculée\u{a0}; PlanKit ne calcule pas les formules, la case compte donc comme inconnue (??), jamais comme vide. Ouvrez et enregistrez le classeur dans un tableur, ou écrivez la valeur.")]),
        "read.hidden-content": Rule(
            name: "Contenu masqué",
            summary: "Une feuille ou une ligne masquée d’un classeur qui contient quelque chose\u{a0}; lue comme les autres.",
            templates: [
                MessageTemplate("This row is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan.",
                                "Cette ligne est masquée dans le classeur\u{a0}; elle est lue comme les autres. Supprimez-la si elle ne fait pas partie du plan."),
                MessageTemplate("This sheet is hidden in the workbook; it is read like the others. Delete it if it is not part of the plan, or load the other sheets by name (book.{ext}#Sheet).",
                                "Cette feuille est masquée dans le classeur\u{a0}; elle est lue comme les autres. Supprimez-la si elle ne fait pas partie du plan, ou chargez les autres feuilles par leur nom (classeur.{ext}#Feuille)."),
            ]),
        "read.sheet-skipped": Rule(
            name: "Feuille sans plan",
            summary: "Une feuille de classeur qui ne contient pas de tableau de plan\u{a0}; elle est passée.",
            templates: [
                MessageTemplate("This sheet is a chart, which holds no plan table; it is skipped.",
                                "Cette feuille est un graphique, qui ne contient pas de tableau de plan\u{a0}; elle est passée."),
                // The reader's reason is English: given as such.
                MessageTemplate("This sheet is skipped: it holds no plan table PlanKit reads ({reason})",
                                "Cette feuille est passée\u{a0}: elle ne contient aucun tableau de plan que PlanKit lit (le lecteur dit, en anglais\u{a0}: «\u{a0}{reason}\u{a0}»)."),
            ]),
    ]
}
