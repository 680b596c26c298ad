extension TableLayout {
    /// The French national action-plan template (Territoires en Transitions' `modele-import-pa`):
    /// a header row of 28 labels, one row per action or sub-action, the hierarchy in the first
    /// three columns (`Axe (x)`, `Sous-axe (x.x)`, `Sous-sous axe (x.x.x)`), no action numbers.
    ///
    /// An axis is a strategic objective, a sub-axis an operational objective; a sub-sub-axis's
    /// title is joined to its sub-axis's, after ` / `. Actions get ids from their place: the
    /// number of their operational objective, then their rank in it (`1.2.3`, the third action
    /// of sub-axis 1.2); a sub-action, its action's id and its rank (`1.2.3.1`). The row's other
    /// cells describe its deepest element: `Élu·e référent·e` is the political pilot,
    /// `Direction ou service pilote` the services, `Personne pilote` the agents (names separated
    /// by commas), `Moyens humains et techniques` the human resources, `Date de fin` the
    /// deadline and planned end, `Date de début` the planned start, `Statut` the status,
    /// `Niveau de priorité` the priority, `Financeur 1…3` with the `Montant € HT` after each the
    /// funding, `Budget prévisionnel total € HT` the amount planned over the action's course. The
    /// other columns (description, governance, objectives, partners…) are kept in a located
    /// warning on each row that fills them.
    public static let frenchTemplate = TableLayout(
        name: "French action-plan template",
        columns: [
            Column(["Axe (x)", "Axe"], .strategic, .title),
            Column(["Sous-axe (x.x)", "Sous-axe"], .operational, .title),
            Column(["Sous-sous axe (x.x.x)", "Sous-sous-axe (x.x.x)", "Sous-sous axe", "Sous-sous-axe"], .suboperational, .title),
            Column(["Titre de la fiche action", "Titre de l'action"], .action, .title),
            Column(["Titre de la sous-action"], .subAction, .title),
            Column(["Descriptif"], .row, .followUp),
            Column(["Instances de gouvernance"], .row, .followUp),
            Column(["Objectifs"], .row, .followUp),
            Column(["Indicateurs liés"], .row, .followUp),
            Column(["Structure pilote"], .row, .followUp),
            Column(["Moyens humains et techniques"], .row, .humanResources),
            Column(["Partenaires"], .row, .followUp),
            Column(["Direction ou service pilote"], .row, .services),
            Column(["Personne pilote"], .row, .agents),
            Column(["Élu·e référent·e", "Élu.e référent.e", "Élu référent"], .row, .political),
            Column(["Participation Citoyenne"], .row, .followUp),
            Column(["Financements"], .row, .followUp),
            Column(["Financeur 1"], .row, .funder),
            Column(["Montant € HT"], .row, .funderAmount),
            Column(["Financeur 2"], .row, .funder),
            Column(["Montant € HT"], .row, .funderAmount),
            Column(["Financeur 3"], .row, .funder),
            Column(["Montant € HT"], .row, .funderAmount),
            Column(["Budget prévisionnel total € HT"], .row, .plannedAmount),
            Column(["Statut"], .row, .status),
            Column(["Niveau de priorité"], .row, .priority),
            Column(["Date de début"], .row, .startPlanned),
            Column(["Date de fin"], .row, .deadline),
        ],
        required: ["Axe (x)", "Titre de la fiche action"], walloon: false)
}
