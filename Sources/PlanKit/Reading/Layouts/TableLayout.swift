/// A plan laid out one row per action (or per path to an action), its hierarchy in columns:
/// iA.PST's "Export" report, the French national action-plan template, or a commune's own
/// template described by a layout file (``LayoutFile``).
///
/// Each column the layout knows has one or more labels, a level (the element of the row it
/// describes) and a field of that element. A header row is recognised when it names every
/// ``required`` column (``LayoutRecognition``); the rows under it are then read by
/// ``TableBuilder``.
///
/// ```swift
/// let layout = TableLayout.iaPST
/// print(layout.columns.count)   // 70
/// ```
public struct TableLayout: Sendable, Hashable {
    /// The element of a row a column describes.
    public enum Level: String, Sendable, Hashable, CaseIterable, Codable {
        /// The strategic objective (iA.PST's `OS …`, the template's `Axe (x)`).
        case strategic
        /// The operational objective (`OO …`, `Sous-axe (x.x)`).
        case operational
        /// A level between the operational objective and the action (`Sous-sous axe (x.x.x)`):
        /// its title is joined to the operational objective's, after ` / `.
        case suboperational
        /// The action (`ACT …`, `Titre de l'action`).
        case action
        /// The sub-action (`SUBACT …`, `Titre de la sous-action`).
        case subAction = "sub-action"
        /// The deepest element the row names: its sub-action when it has one, else its action.
        case row
    }

    /// What a column holds of its element.
    public enum Field: String, Sendable, Hashable, CaseIterable, Codable {
        /// The element's reference or number (`OS Référence`: `3` or `OS.3`).
        case number
        /// The element's title.
        case title
        /// The political pilot (mandataire, élu référent).
        case political
        /// The services in charge.
        case services
        /// The agents in charge.
        case agents
        /// The deadline (échéance, date de fin).
        case deadline
        /// The ordinary budget, in the communes' cell grammar.
        case ordinary
        /// The extraordinary budget, in the communes' cell grammar.
        case extraordinary
        /// The human resources.
        case humanResources = "human-resources"
        /// A follow-up field (status, progress, health, priority, dates, indicators, funding,
        /// description, comments…): its cells are kept, row by row, in a located warning that
        /// names the column.
        case followUp = "follow-up"
    }

    /// A column the layout knows.
    public struct Column: Sendable, Hashable {
        /// Its labels, as written (the first one is named in messages); a header cell matches one
        /// when both fold alike (case, accents, spaces, `’` and `'`, `·` and `.`).
        public var labels: [String]
        /// The element the column describes.
        public var level: Level
        /// What it holds of that element.
        public var field: Field

        /// Creates a column.
        public init(_ labels: [String], _ level: Level, _ field: Field) {
            self.labels = labels
            self.level = level
            self.field = field
        }
    }

    /// The layout's name, for messages (`iA.PST Export`).
    public var name: String
    /// Its columns; a label may repeat (the template's three `Montant € HT`): the n-th header
    /// cell with that label is the n-th column that has it.
    public var columns: [Column]
    /// The labels a header row must name for the layout to fit, in the layout's order.
    public var required: [String]
    /// What separates names in a pilot cell (`, ` in iA.PST and the template).
    public var nameSeparators: [String]

    /// Creates a layout.
    public init(name: String, columns: [Column], required: [String], nameSeparators: [String] = [",", "\n", " / "]) {
        self.name = name
        self.columns = columns
        self.required = required
        self.nameSeparators = nameSeparators
    }

    /// The layouts PlanKit knows besides the communes' PST sheet: iA.PST's "Export" report and
    /// the French national action-plan template.
    public static let builtIn: [TableLayout] = [.iaPST, .frenchTemplate]

    /// A label folded for comparison: lower case, no accents, `’` as `'`, `·` as `.`, white space collapsed.
    static func fold(_ label: some StringProtocol) -> String {
        var text = String(label)
        // `’` (E2 80 99), `•` (E2 80 A2) and `·` (C2 B7) are looked for in the bytes first.
        if text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xC2 }), text.contains("’") || text.contains("·") || text.contains("•") {
            text = text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "·", with: ".").replacingOccurrences(of: "•", with: ".")
        }
        return TextFolding.fold(text).collapsingSpaces.trimmed
    }
}
