/// What changed between two versions of a plan: objectives and actions added, removed,
/// renumbered and changed field by field, and the budget totals before and after.
///
/// ``diff(old:new:)`` first pairs each element of the old plan with its counterpart in the new
/// one (``Match`` says how; see ``PlanDiff/pair(old:new:)`` for the rules), then compares the
/// pairs field by field. Only values are compared, not where they sit in the file nor how
/// their cells are spelt when they read the same (`2e sem. 2020` and `2ème semestre 2020`):
/// a plan and its PlanKit JSON conversion have no difference.
///
///     let changes = PlanDiff.diff(old: lastYear, new: thisYear)
///     for change in changes.changes { print(change) }
///     // changed action 1.1 ordinary[CCE].amount: 3000 € → 3500 €
///
/// A report's "since" section lists ``changes`` and ``changedTotals``.
public struct PlanDiff: Sendable, Hashable {
    /// The kind of element compared.
    public enum Element: String, Sendable, Hashable, CaseIterable, Codable {
        /// A strategic objective, numbered by ``StrategicObjective/number``.
        case strategicObjective = "strategic"
        /// An operational objective, numbered by ``OperationalObjective/number``.
        case operationalObjective = "operational"
        /// An action, numbered by ``Action/id``.
        case action
    }

    /// How an old element was paired with a new one.
    public enum Match: Sendable, Hashable {
        /// The same number and the same title.
        case idAndTitle
        /// The same title under another number.
        case title
        /// Titles alike once folded (case, accents, punctuation and spacing set aside), with
        /// their similarity, from ``PlanDiff/similarityThreshold`` to 1.
        case similarTitle(Double)

        /// `same id and title`, `same title`, `similar title 0.93` (two decimals, rounded down).
        public var description: String {
            switch self {
            case .idAndTitle: "same id and title"
            case .title: "same title"
            case .similarTitle(let score): "similar title " + PlanDiff.twoDecimals(score)
            }
        }
    }

    /// An old element and the new element it was paired with.
    public struct Pairing: Sendable, Hashable {
        /// The kind of the two elements.
        public var element: Element
        /// The old element's number.
        public var oldID: String
        /// The new element's number.
        public var newID: String
        /// How they were paired.
        public var match: Match
    }

    /// What kind of change a ``Change`` is.
    public enum ChangeKind: String, Sendable, Hashable, CaseIterable, Codable {
        /// An element of the new plan only.
        case added
        /// An element of the old plan only.
        case removed
        /// A pair whose numbers differ.
        case renumbered
        /// A field of a pair whose values differ.
        case changed
    }

    /// One difference.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        /// What kind of change.
        public var kind: ChangeKind
        /// The element concerned.
        public var element: Element
        /// Its number in the old plan; `nil` when added.
        public var oldID: String?
        /// Its number in the new plan; `nil` when removed.
        public var newID: String?
        /// The field that changed (`title`, `pilot.agent`, `ordinary[CCE].amount`; `id` when
        /// renumbered); `nil` for an element added or removed.
        public var field: String?
        /// The old value as text: the title of an element removed; `nil` when the field had none.
        public var before: String?
        /// The new value as text: the title of an element added; `nil` when the field has none.
        public var after: String?
        /// How the element was paired; `nil` for an element added or removed.
        public var match: Match?

        /// The change on one line: `added action 3.5: TITLE`, `removed action 2.1: TITLE`,
        /// `renumbered action 3.3 → 3.4 (same title)`, `changed action 3.1 ordinary[1].amount:
        /// 30000 € → 35000 €` (`3.3 → 3.4` for an element also renumbered; `–` for no value;
        /// the pairing in parentheses when by similar titles).
        public var description: String {
            let old = oldID ?? "–", new = newID ?? "–"
            switch kind {
            case .added: return "added \(element.rawValue) \(new): \(after ?? "")"
            case .removed: return "removed \(element.rawValue) \(old): \(before ?? "")"
            case .renumbered: return "renumbered \(element.rawValue) \(old) → \(new)" + (match.map { " (\($0.description))" } ?? "")
            case .changed:
                var text = "changed \(element.rawValue) " + (old == new ? old : "\(old) → \(new)")
                text += " \(field ?? ""): \(before ?? "–") → \(after ?? "–")"
                if case .similarTitle? = match, let match { text += " (\(match.description))" }
                return text
            }
        }
    }

    /// The budget of one group of lines on one side: the sum of the known amounts and the
    /// number of lines whose amount is not known.
    public struct BudgetSum: Sendable, Hashable, CustomStringConvertible {
        /// The sum of the known amounts; `nil` when it does not fit in 64-bit cents.
        public var known: Money?
        /// The lines whose amount is unknown (`??`), not counted in ``known``.
        public var unknownLines: Int

        /// `71000 €`, `71000 € + 2 unknown`; `too large` when the sum does not fit.
        public var description: String {
            (known.map { "\($0) €" } ?? "too large") + (unknownLines > 0 ? " + \(unknownLines) unknown" : "")
        }
    }

    /// The budget of one group of lines, before and after.
    public struct Total: Sendable, Hashable {
        /// How the lines are grouped.
        public enum Group: String, Sendable, Hashable, CaseIterable, Codable {
            /// By service: ``BudgetKind/ordinary`` or ``BudgetKind/extraordinary``.
            case kind
            /// By budget article's code.
            case article
        }

        /// How the lines are grouped.
        public var group: Group
        /// The group's key: `ordinary`, `extraordinary`, or an article's code.
        public var key: String
        /// The old plan's lines in the group; `nil` when it has none.
        public var before: BudgetSum?
        /// The new plan's lines in the group; `nil` when it has none.
        public var after: BudgetSum?
    }

    /// Every pair of elements, changed or not: strategic objectives, then operational ones,
    /// then actions, each in the new plan's order.
    public var pairings: [Pairing]
    /// The differences: for each kind of element, those removed (in the old plan's order),
    /// then those added, renumbered or changed (in the new plan's order), a pair's fields in
    /// the order ``diff(old:new:)`` lists them.
    public var changes: [Change]
    /// The budget per service (ordinary, then extraordinary), then per article (by code),
    /// before and after, of every budget line of the plans (actions' and objectives' own).
    public var totals: [Total]

    /// The kinds of element whose titles were too many to compare for similarity (more than
    /// ``similarityPairLimit`` pairs left after pairing by number and title): those left over
    /// are removed and added, though some may be the same element with its title edited.
    public var similarityLimitReached: [Element] = []

    /// The totals whose sums differ before and after.
    public var changedTotals: [Total] { totals.filter { $0.before != $0.after } }

    /// Whether the plans have no difference: no change, and no total that differs.
    public var isEmpty: Bool { changes.isEmpty && changedTotals.isEmpty }

    /// Creates a diff from its parts.
    public init(pairings: [Pairing], changes: [Change], totals: [Total]) {
        self.pairings = pairings
        self.changes = changes
        self.totals = totals
    }

    /// `value` with two decimals, rounded down: 0.956 → `0.95`, 1 → `1.00`.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((max(0, min(1, value)) * 100 + 1e-9).rounded(.down))
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
    }
}
