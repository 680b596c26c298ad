/// The language a report is written in: French (the communes' own) or English.
package enum ReportLanguage: String, Sendable, CaseIterable {
    /// French, the default.
    case fr
    /// English.
    case en

    /// The words of the report in this language.
    package var words: ReportWords { self == .fr ? .french : .english }
}

/// Every sentence and label a report prints, in one language.
package struct ReportWords: Sendable {
    var title: String
    /// What follows a label: ` : ` with a no-break space in French, `: ` in English.
    var colon: String
    var generated: String
    var plansLoaded: String
    var today: String
    var contents: String
    var overview: String
    var keyFigures: String
    var overviewIntro: String
    var communes: String
    var communesIntro: String
    var across: String
    var acrossIntro: String
    var pcs: String
    var pcsIntro: String
    var findings: String
    var findingsIntro: String
    var noFindings: String
    var planSection: String
    var howToRead: String
    var howToReadText: String
    var query: String
    var queries: String
    var derivedFrom: String
    var dataTable: String
    var actionsByObjective: String
    var actionsByStatus: String
    var actionsByPlan: String
    var timeline: String
    var timelineNote: String
    var budgetByKind: String
    var budgetByMain: String
    var budgetByArticle: String
    var budgetByPilot: String
    var creditByArticle: String
    var creditNote: String
    var overcommitted: String
    var overdue: String
    var overdueNone: String
    var statusesUnknown: String
    var noBudget: String
    var noDeadline: String
    var notDated: String
    var countAxis: String
    var findingsAxis: String
    var linksAxis: String
    var noAmount: String
    var pcsCoverage: String
    var amountAxis: String
    var yearAxis: String
    var lanes: [String: String]
    var columns: [String: String]
    var values: [String: String]
    var unknown: String
    var missing: String
    var none: String
    var actionsWord: String
    var rowsWord: String
    var keyActions: String
    var keyOrdinary: String
    var keyExtraordinary: String
    var keyErrors: String
    var keyOverdue: String
    var pcsAxis: String
    var pcsNotCovered: String
    var pcsNoPlan: String
    var pcsLinks: String
    var topNote: String
    var findingsCount: String
    var findingWord: String
    var where_: String
    var sortHint: String
    var notComputed: String
    var legendCredit: String
    var legendAllocated: String
    var legendOver: String
    var legendDue: String
    var legendOverdue: String
    /// What follows the known part of a sum with unknown parts: `montant inconnu`.
    var unknownPart: String
    /// `montant inconnu`, after a count of one.
    var unknownAmount: String
    /// `montants inconnus`, after a count of several.
    var unknownAmounts: String
    /// A sum too large to hold.
    var tooLarge: String
    /// The note under a figure with an incomplete sum.
    var incompleteNote: String
    /// The legend of an incomplete bar.
    var legendIncomplete: String
    /// The "since" section's heading, before the earlier version's file.
    var sinceTitle: String
    /// Its sentence: `%old` and `%new` name the two versions.
    var sinceIntro: String
    var sinceCounts: String
    var sinceNone: String
    /// The note when titles were too many to compare; `%@` names the kind of element.
    var sinceLimit: String
    var sinceElementTitles: [String: String]
    var sinceTotals: String
    var sinceTotalsNone: String
    /// `%@` names the service; the sum follows.
    var sinceKindUnchanged: String
    var sinceUnknownNote: String
    var sincePairings: String
    var sincePairingNote: String
    /// The label of a command line under a figure.
    var command: String
    /// The kinds of element compared, by ``PlanDiff/Element`` raw value.
    var elementNames: [String: String]
    /// The kinds of change, by `f.` or `m.` (the element's gender) and raw value.
    var changeNames: [String: String]
    /// The fields compared, by name.
    var fieldNames: [String: String]
    /// How pairs are matched.
    var matchNames: [String: String]
    /// The groups of budget totals: `budget` (by service), `article`.
    var totalGroups: [String: String]
    /// A version with no line in a group.
    var noLines: String
    /// A difference that cannot be told.
    var notKnown: String
    var quoteOpen: String
    var quoteClose: String
    var legendBefore: String
    /// The label of a command a derived table is computed from.
    var computedFromCommand: String
    /// Before the difference of two incomplete sums' known parts.
    var knownParts: String
    var legendAfter: String
    /// The title of the credit figure per commune.
    var creditByCommune: String
    /// The note under it.
    var creditCommunesNote: String

    static let french = ReportWords(
        title: "Rapport sur les plans stratégiques",
        colon: "\u{a0}: ",
        generated: "Rapport établi par plankit",
        plansLoaded: "Plans chargés",
        today: "Date de référence",
        contents: "Sommaire",
        overview: "Vue d’ensemble",
        keyFigures: "Chiffres clés",
        overviewIntro: "Les chiffres clés des plans chargés. Les montants sont les allocations connues ; un montant encore à préciser (??) n’est jamais compté comme zéro.",
        communes: "Une ligne par commune",
        communesIntro: "Chaque commune chargée, avec ses actions, son budget et ses constats. Le tableau est trié par commune ; dans un navigateur, un clic sur un en-tête le trie sur cette colonne.",
        across: "Tous les plans ensemble",
        acrossIntro: "Les mêmes figures que pour chaque plan, sur l’ensemble des plans chargés.",
        pcs: "PST et PCS",
        pcsIntro: "Les axes du Plan de cohésion sociale (PCS III) auxquels les actions des plans chargés se rattachent, et ceux qu’aucune ne couvre.",
        findings: "Constats des contrôles",
        findingsIntro: "Ce que les contrôles de cohérence (plankit check) relèvent, regroupé par règle, avec l’endroit du fichier concerné.",
        noFindings: "Aucun constat.",
        planSection: "Plan",
        howToRead: "Comment lire ce rapport",
        howToReadText: "Chaque graphique est suivi du tableau de ses chiffres et de la requête PlanQuery qui les calcule : « plankit query 'REQUÊTE' FICHIERS » redonne exactement ce tableau.",
        query: "Requête",
        queries: "Calculé à partir des requêtes",
        derivedFrom: "calculé à partir de",
        dataTable: "Données du graphique",
        actionsByObjective: "Actions par objectif opérationnel",
        actionsByStatus: "Actions par état d’avancement",
        actionsByPlan: "Actions par plan",
        timeline: "Échéances des actions",
        timelineNote: "Chaque bloc couvre la période de l’échéance (année, semestre, trimestre…) et donne le nombre d’actions qui y sont dues.",
        budgetByKind: "Budget par service (ordinaire, extraordinaire)",
        budgetByMain: "Budget par fonction principale",
        budgetByArticle: "Budget par article budgétaire",
        budgetByPilot: "Budget par échevin pilote",
        creditByArticle: "Allocations et crédit inscrit, par article",
        creditNote: "Seuls les articles dont un plan indique le crédit sont dessinés. Un article surengagé (allocations supérieures au crédit) est hachuré et marqué ▲.",
        overcommitted: "surengagé",
        overdue: "en retard",
        overdueNone: "Aucune action en retard.",
        statusesUnknown: "Les plans chargés n’indiquent pas l’état d’avancement des actions : le retard ne peut pas être établi.",
        noBudget: "Aucune ligne de budget.",
        noDeadline: "Aucune échéance datée.",
        notDated: "Sans échéance datée",
        countAxis: "Nombre d’actions",
        findingsAxis: "Nombre de constats",
        linksAxis: "Nombre de liens",
        noAmount: "— (aucun montant connu)",
        pcsCoverage: "Couverture des axes du PCS III",
        amountAxis: "Montant (€)",
        yearAxis: "Année",
        lanes: ["year": "Année", "semester": "Semestre", "quarter": "Trimestre", "month": "Mois", "day": "Jour", "end-of-year": "Fin d’année", "period": "Période"],
        columns: [
            "objective.number": "Objectif", "objective.title": "Intitulé", "count()": "Nombre", "status": "État",
            "deadline": "Échéance", "kind": "Service", "sum(amount)": "Montant", "article.main": "Fonction principale",
            "article": "Article", "action.pilot.political": "Échevin pilote", "max(credit)": "Crédit inscrit",
            "plan": "Plan", "code": "Article", "label": "Libellé", "credit": "Crédit inscrit", "allocated": "Alloué",
            "lines": "Lignes", "action.plan": "Plan", "action": "Action", "ref": "Référence PCS", "rule": "Règle",
            "severity": "Gravité", "subject": "Objet", "message": "Message", "file": "Fichier", "line": "Ligne",
            "column": "Colonne", "commune": "Commune", "name": "Plan", "actions": "Actions", "overdue": "En retard",
            "axis": "Axe", "links": "Liens", "pst": "Actions liées", "pcsActions": "Actions du PCS chargé",
            "uncovered": "Non couvertes", "ordinary": "Ordinaire", "extraordinary": "Extraordinaire",
            "errors": "Erreurs", "warnings": "Avertissements", "plans": "Plans", "total": "Total", "over": "Dépassement",
            "location": "Endroit", "target": "Cible",
            "element": "Élément", "added": "Ajoutés", "removed": "Retirés", "renumbered": "Renumérotés", "changed": "Modifiés",
            "change": "Changement", "old": "Ancien numéro", "new": "Nouveau numéro", "field": "Champ", "before": "Avant",
            "after": "Après", "match": "Appariement", "difference": "Écart",
        ],
        values: [
            "ordinary": "ordinaire", "extraordinary": "extraordinaire", "not started": "pas commencée",
            "in progress": "en cours", "waiting": "en attente", "problem": "problème", "done": "terminée",
            "cancelled": "annulée", "error": "erreur", "warning": "avertissement", "info": "information",
            "resolved": "résolu", "reference": "référence", "unresolved-plan": "plan non chargé",
            "unknown-target": "cible inconnue", "axis": "axe", "sub-axis": "sous-axe", "action": "action",
            "unknown": "inconnu", "yes": "oui", "no": "non",
            "good": "bon", "risk": "risque", "blocked": "blocage", "paused": "pause", "revenue": "recette", "expenditure": "dépense",
            "all years": "toutes les années", "planned": "prévu", "actual": "réel",
        ],
        unknown: "?? (à préciser)",
        missing: "(non renseigné)",
        none: "/ (aucun)",
        actionsWord: "actions",
        rowsWord: "lignes",
        keyActions: "Actions",
        keyOrdinary: "Budget ordinaire",
        keyExtraordinary: "Budget extraordinaire",
        keyErrors: "Erreurs relevées",
        keyOverdue: "Actions en retard",
        pcsAxis: "Axe",
        pcsNotCovered: "non couvert",
        pcsNoPlan: "Aucun PCS n’est chargé : les actions du PCS non couvertes ne peuvent pas être établies ; les liens des plans vers le PCS sont comptés par axe.",
        pcsLinks: "Liens vers le PCS III, par axe",
        topNote: "Les %d premiers ; la requête sans « limit » les donne tous.",
        findingsCount: "constats",
        findingWord: "constat",
        where_: "où",
        sortHint: "trier",
        notComputed: "Cette figure n’a pas pu être calculée",
        legendCredit: "crédit inscrit",
        legendAllocated: "alloué",
        legendOver: "surengagé ▲",
        legendDue: "dues, pas en retard",
        legendOverdue: "en retard",
        unknownPart: "montant inconnu",
        unknownAmount: "montant inconnu",
        unknownAmounts: "montants inconnus",
        tooLarge: "trop grand pour être compté",
        incompleteNote: "« + montant inconnu » : la somme est celle des montants connus ; au moins une ligne a un montant encore à préciser (??), qui n’y est pas compté : la somme réelle est plus élevée, de combien on ne le sait pas. Sur un graphique, sa barre est hachurée en clair et ouverte à droite.",
        legendIncomplete: "somme incomplète (+ montant inconnu)",
        sinceTitle: "Changements depuis la version",
        sinceIntro: "Ce qui a changé de %old à %new : objectifs et actions ajoutés, retirés, renumérotés et modifiés champ par champ, et les totaux du budget qui ont bougé. Chaque élément de l’ancienne version est apparié à au plus un de la nouvelle : d’abord même numéro et même intitulé, puis même intitulé sous un autre numéro, puis intitulés semblables (similarité de 0,8 au moins, casse, accents et ponctuation mis à part) ; la colonne « Appariement » dit comment. La commande sous un tableau de changements en redonne les lignes.",
        sinceCounts: "Éléments changés",
        sinceNone: "Aucune différence : les deux versions disent la même chose.",
        sinceLimit: "Trop de %@ restent sans paire après l’appariement par numéro et par intitulé pour comparer leurs intitulés : ils sont comptés comme retirés et ajoutés, même si certains sont le même élément à l’intitulé retouché.",
        sinceElementTitles: ["strategic": "Objectifs stratégiques : ce qui a changé", "operational": "Objectifs opérationnels : ce qui a changé",
                             "action": "Actions : ce qui a changé"],
        sinceTotals: "Budget avant et après, par service et par article",
        sinceTotalsNone: "Aucun total du budget n’a changé.",
        sinceKindUnchanged: "Budget %@ inchangé\u{a0}: ",
        sinceUnknownNote: "« + N montants inconnus » : la somme est celle des montants connus ; N lignes ont un montant encore à préciser (??), qui n’y est pas compté. Un écart n’est donné que lorsque les deux sommes sont complètes.",
        sincePairings: "Appariement des éléments",
        sincePairingNote: "Chaque élément de l’ancienne version et celui de la nouvelle avec lequel il est apparié, qu’il ait changé ou non. Un élément sans paire est retiré ou ajouté.",
        command: "Commande",
        elementNames: ["strategic": "objectif stratégique", "operational": "objectif opérationnel", "action": "action"],
        changeNames: ["f.added": "ajoutée", "f.removed": "retirée", "f.renumbered": "renumérotée", "f.changed": "modifiée",
                      "m.added": "ajouté", "m.removed": "retiré", "m.renumbered": "renuméroté", "m.changed": "modifié"],
        fieldNames: ["id": "numéro", "title": "intitulé", "objective": "objectif opérationnel", "strategic": "objectif stratégique",
                     "status": "état", "questions": "questions ouvertes", "pilot.political": "échevin pilote",
                     "pilot.service": "service pilote", "pilot.agent": "agent pilote", "deadline": "échéance",
                     "hr": "ressources humaines", "links": "liens", "pending": "en attente du Collège",
                     "ordinary": "budget ordinaire", "extraordinary": "budget extraordinaire",
                     "amount": "montant", "article": "article", "credit": "crédit inscrit",
                     "article.label": "libellé de l’article", "note": "note", "flow": "sens", "year": "exercice",
                     "progress": "avancement", "health": "santé", "priority": "priorité", "parent": "action parente",
                     "start.planned": "début prévu", "start.effective": "début effectif", "end.planned": "fin prévue",
                     "end.effective": "fin effective", "fte": "équivalents temps plein", "responsible": "responsable",
                     "mandataire": "mandataire", "department": "département", "plans": "plans liés", "partners": "partenaires",
                     "code": "code de l’action",
                     "description": "description", "status.remark": "remarque sur l’état", "projections": "projections",
                     "ecomptes.id": "identifiant eComptes", "ecomptes.year": "exercice eComptes", "indicators": "indicateurs",
                     "funding": "financement", "amounts": "montants par année"],
        matchNames: ["same id and title": "même numéro et même intitulé", "same title": "même intitulé",
                     "similar title": "intitulé semblable"],
        totalGroups: ["budget": "service", "article": "article"],
        noLines: "— (aucune ligne)",
        notKnown: "inconnu",
        quoteOpen: "«\u{a0}",
        quoteClose: "\u{a0}»",
        legendBefore: "avant",
        computedFromCommand: "Calculé à partir de la commande",
        knownParts: "montants connus\u{a0}: ",
        legendAfter: "après",
        creditByCommune: "Allocations et crédit inscrit, par commune et par article",
        creditCommunesNote: "Les plans chargés sont de plusieurs communes : chaque article est compté dans sa commune, les allocations de tous les plans de la commune additionnées ; un article n’est jamais additionné d’une commune à l’autre. Les plans qui ne nomment pas leur commune sont comptés ensemble, comme dans le tableau par commune.")

    static let english = ReportWords(
        title: "Strategic plans report",
        colon: ": ",
        generated: "Report written by plankit",
        plansLoaded: "Plans loaded",
        today: "Reference date",
        contents: "Contents",
        overview: "Overview",
        keyFigures: "Key figures",
        overviewIntro: "The key figures of the plans loaded. Amounts are the known allocations; an amount still to be decided (??) is never counted as zero.",
        communes: "One row per commune",
        communesIntro: "Each commune loaded, with its actions, its budget and its findings. The table is sorted by commune; in a browser, clicking a header sorts on that column.",
        across: "All plans together",
        acrossIntro: "The same figures as for each plan, over all the plans loaded.",
        pcs: "PST and PCS",
        pcsIntro: "The axes of the social-cohesion plan (PCS III) that the actions of the plans loaded link to, and those that none covers.",
        findings: "Findings of the checks",
        findingsIntro: "What the consistency checks (plankit check) find, grouped by rule, with the place in the file concerned.",
        noFindings: "No findings.",
        planSection: "Plan",
        howToRead: "How to read this report",
        howToReadText: "Each chart is followed by the table of its figures and the PlanQuery query that computes them: “plankit query 'QUERY' FILES” gives back exactly that table.",
        query: "Query",
        queries: "Computed from the queries",
        derivedFrom: "computed from",
        dataTable: "The chart’s data",
        actionsByObjective: "Actions by operational objective",
        actionsByStatus: "Actions by status",
        actionsByPlan: "Actions by plan",
        timeline: "Deadlines of the actions",
        timelineNote: "Each block spans the deadline’s period (year, semester, quarter…) and gives the number of actions due in it.",
        budgetByKind: "Budget by service (ordinary, extraordinary)",
        budgetByMain: "Budget by main function",
        budgetByArticle: "Budget by budget article",
        budgetByPilot: "Budget by political pilot",
        creditByArticle: "Allocations against the stated credit, by article",
        creditNote: "Only the articles whose credit a plan states are drawn. An over-committed article (allocations above the credit) is hatched and marked ▲.",
        overcommitted: "over-committed",
        overdue: "overdue",
        overdueNone: "No action is overdue.",
        statusesUnknown: "The plans loaded do not give the actions’ status: whether one is overdue cannot be told.",
        noBudget: "No budget lines.",
        noDeadline: "No dated deadline.",
        notDated: "Without a dated deadline",
        countAxis: "Number of actions",
        findingsAxis: "Number of findings",
        linksAxis: "Number of links",
        noAmount: "— (no known amount)",
        pcsCoverage: "Coverage of the PCS III axes",
        amountAxis: "Amount (€)",
        yearAxis: "Year",
        lanes: ["year": "Year", "semester": "Semester", "quarter": "Quarter", "month": "Month", "day": "Day", "end-of-year": "End of year", "period": "Period"],
        columns: [
            "objective.number": "Objective", "objective.title": "Title", "count()": "Count", "status": "Status",
            "deadline": "Deadline", "kind": "Service", "sum(amount)": "Amount", "article.main": "Main function",
            "article": "Article", "action.pilot.political": "Political pilot", "max(credit)": "Stated credit",
            "plan": "Plan", "code": "Article", "label": "Label", "credit": "Stated credit", "allocated": "Allocated",
            "lines": "Lines", "action.plan": "Plan", "action": "Action", "ref": "PCS reference", "rule": "Rule",
            "severity": "Severity", "subject": "Subject", "message": "Message", "file": "File", "line": "Line",
            "column": "Column", "commune": "Commune", "name": "Plan", "actions": "Actions", "overdue": "Overdue",
            "axis": "Axis", "links": "Links", "pst": "Linked actions", "pcsActions": "Actions of the loaded PCS",
            "uncovered": "Not covered", "ordinary": "Ordinary", "extraordinary": "Extraordinary",
            "errors": "Errors", "warnings": "Warnings", "plans": "Plans", "total": "Total", "over": "Excess",
            "location": "Where", "target": "Target",
            "element": "Element", "added": "Added", "removed": "Removed", "renumbered": "Renumbered", "changed": "Changed",
            "change": "Change", "old": "Old number", "new": "New number", "field": "Field", "before": "Before",
            "after": "After", "match": "Pairing", "difference": "Difference",
        ],
        values: ["unknown": "unknown"],
        unknown: "?? (to be decided)",
        missing: "(not given)",
        none: "/ (none)",
        actionsWord: "actions",
        rowsWord: "rows",
        keyActions: "Actions",
        keyOrdinary: "Ordinary budget",
        keyExtraordinary: "Extraordinary budget",
        keyErrors: "Errors found",
        keyOverdue: "Overdue actions",
        pcsAxis: "Axis",
        pcsNotCovered: "not covered",
        pcsNoPlan: "No PCS is loaded: which of its actions are not covered cannot be told; the plans’ links to the PCS are counted by axis.",
        pcsLinks: "Links to the PCS III, by axis",
        topNote: "The first %d; the query without “limit” gives them all.",
        findingsCount: "findings",
        findingWord: "finding",
        where_: "where",
        sortHint: "sort",
        notComputed: "This figure could not be computed",
        legendCredit: "stated credit",
        legendAllocated: "allocated",
        legendOver: "over-committed ▲",
        legendDue: "due, not overdue",
        legendOverdue: "overdue",
        unknownPart: "unknown amount",
        unknownAmount: "unknown amount",
        unknownAmounts: "unknown amounts",
        tooLarge: "too large to count",
        incompleteNote: "“+ unknown amount”: the sum is that of the known amounts; at least one line has an amount still to be decided (??), which is not counted in it: the real sum is higher, by how much is not known. On a chart, its bar is lightly hatched and left open on the right.",
        legendIncomplete: "incomplete sum (+ unknown amount)",
        sinceTitle: "Changes since",
        sinceIntro: "What changed from %old to %new: objectives and actions added, removed, renumbered and changed field by field, and the budget totals that moved. Each element of the earlier version is paired with at most one of the later: first the same number and title, then the same title under another number, then titles alike (similarity 0.8 or more, case, accents and punctuation set aside); the “Pairing” column says how. The command under a table of changes gives its rows back.",
        sinceCounts: "Elements changed",
        sinceNone: "No difference: the two versions say the same.",
        sinceLimit: "Too many %@ are left unpaired by number and title to compare their titles: they are counted as removed and added, though some may be the same element with its title edited.",
        sinceElementTitles: ["strategic": "Strategic objectives: what changed", "operational": "Operational objectives: what changed",
                             "action": "Actions: what changed"],
        sinceTotals: "Budget before and after, by service and article",
        sinceTotalsNone: "No budget total changed.",
        sinceKindUnchanged: "%@ budget unchanged: ",
        sinceUnknownNote: "“+ N unknown amounts”: the sum is that of the known amounts; N lines have an amount still to be decided (??), not counted in it. A difference is given only when both sums are complete.",
        sincePairings: "How elements were paired",
        sincePairingNote: "Each element of the earlier version and the element of the later one it is paired with, changed or not. An element without a pair is removed or added.",
        command: "Command",
        elementNames: ["strategic": "strategic objective", "operational": "operational objective", "action": "action"],
        changeNames: [:],
        fieldNames: [:],
        matchNames: [:],
        totalGroups: ["budget": "service", "article": "article"],
        noLines: "— (no line)",
        notKnown: "unknown",
        quoteOpen: "“",
        quoteClose: "”",
        legendBefore: "before",
        computedFromCommand: "Computed from the command",
        knownParts: "known amounts: ",
        legendAfter: "after",
        creditByCommune: "Allocations against the stated credit, by commune and article",
        creditCommunesNote: "The plans loaded are several communes’: each article is counted within its commune, adding up the allocations of all that commune’s plans; an article is never added up from one commune to another. Plans that name no commune are counted together, as in the commune table.")
}
