/// A reference from an action to another plan, such as `(en lien avec l'action 5.5.02 du PCS III)`.
public struct CrossLink: Sendable, Hashable, Codable {
    /// How the plan words the link.
    public enum Relation: String, Sendable, Hashable, Codable, CaseIterable {
        /// `en lien avec`: the action contributes to the target.
        case related = "en lien avec"
        /// `cfr`: see also.
        case see = "cfr"
    }

    /// What the link points at within the target plan.
    public enum Element: String, Sendable, Hashable, Codable, CaseIterable {
        /// An axis (`l'axe 6`).
        case axis
        /// A sub-axis (`le sous-axe 6.1`).
        case subAxis = "sub-axis"
        /// An action (`l'action 5.5.02`).
        case action
        /// The whole plan (`cfr PST Aînés`).
        case plan
    }

    /// The wording of the link.
    public var relation: Relation
    /// The target plan, normalised: `PCS III`, `PST Aînés`.
    public var plan: String
    /// What the link points at.
    public var element: Element
    /// The axis number or action code (`6`, `5.5.02`), `nil` for a whole plan.
    public var ref: String?
    /// The parenthesis the link was read from, without its parentheses.
    public var text: String
    /// The cell the link was read from.
    public var location: SourceLocation

    /// Creates a link.
    public init(relation: Relation, plan: String, element: Element, ref: String?, text: String, location: SourceLocation) {
        self.relation = relation
        self.plan = plan
        self.element = element
        self.ref = ref
        self.text = text
        self.location = location
    }
}
