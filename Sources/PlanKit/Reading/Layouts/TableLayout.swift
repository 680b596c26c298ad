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
        /// The status (``Action/status``): `En cours`, `Réalisé`, `A agender`… (``FollowUpStatus/init(word:)``).
        case status
        /// The progress, 0 to 100 (``Action/progress``): `40`, `40 %`.
        case progress
        /// The health (``Action/health``): `bon`, `risque`, `blocage`, `pause`.
        case health
        /// The priority, as written (``Action/priority``).
        case priority
        /// The planned start day (`01/03/2024`, an Excel serial, `2024-03-01`).
        case startPlanned = "start.planned"
        /// The effective start day.
        case startEffective = "start.effective"
        /// The planned end day (a ``deadline`` column that holds a day gives it too).
        case endPlanned = "end.planned"
        /// The effective end day.
        case endEffective = "end.effective"
        /// Result indicators as iA.PST writes them: `label = reached / target | …`.
        case indicators
        /// Funding as iA.PST writes it: `2022 pour Wallonie: 12500€ | 2023 pour Europe: 500€`.
        case funding
        /// A funder's name (the template's `Financeur 1`), its amount in the ``funderAmount``
        /// column after it.
        case funder
        /// The amount of the ``funder`` column nearest before it (the template's `Montant € HT`).
        case funderAmount = "funder-amount"
        /// The amount planned over the action's whole course (`Budget prévisionnel total € HT`).
        case plannedAmount = "planned-amount"
        /// A follow-up cell no field of the plan holds (description, categories, comments, an
        /// objective's status…): its cells are kept, row by row, in a located warning that names
        /// the column.
        case followUp = "follow-up"
    }

    /// Rows a layout file marks by their first non-blank cell: objective rows between the action
    /// rows, notes, rows to leave aside (subtotals, repeated headers).
    public struct RowMarker: Sendable, Hashable {
        /// What a marked row is.
        public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
            /// A strategic objective: the cell's text after the match is its title (a leading
            /// number, its number); the action rows under it belong to it.
            case strategic
            /// An operational objective, read as a strategic one.
            case operational
            /// A note: kept verbatim in a `read.row-ignored` warning that says so.
            case note
            /// A row to leave aside: kept verbatim in a `read.row-ignored` warning that says so.
            case ignored
        }

        /// A regular expression that the row's first non-blank cell matches, ignoring case and
        /// accents (`^Objectif stratégique`).
        public var pattern: String
        /// What the rows it matches are.
        public var kind: Kind

        /// Creates a row marker.
        public init(_ pattern: String, _ kind: Kind) {
            self.pattern = pattern
            self.kind = kind
        }
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
    /// The rows marked by their first cell (a layout file's `rows`); none in the built-in layouts.
    public var rowMarkers: [RowMarker]
    /// Whether the plans are Walloon: a funder written `Région` is the Walloon region. The
    /// French template's is not (its `Région` is a French region, another source).
    public var walloon: Bool

    /// Creates a layout.
    public init(name: String, columns: [Column], required: [String], nameSeparators: [String] = [",", "\n", " / "],
                rowMarkers: [RowMarker] = [], walloon: Bool = true) {
        self.name = name
        self.columns = columns
        self.required = required
        self.nameSeparators = nameSeparators
        self.rowMarkers = rowMarkers
        self.walloon = walloon
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
