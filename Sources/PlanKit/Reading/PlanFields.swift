/// The parts of an action a spreadsheet reader parses.
///
/// A reader given fewer than ``all`` leaves the other cells blank (their state is missing, their
/// text empty) and reports no warning about them: a query that reads only budget lines need not
/// parse pilots, deadlines or titles. Plans, objectives and action numbers are always read.
public struct PlanFields: OptionSet, Sendable, Hashable {
    /// The raw value of the set.
    public let rawValue: Int

    /// Creates a set from its raw value.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The title cell's title, links, open questions and pending mark (the number is always read).
    public static let titles = PlanFields(rawValue: 1 << 0)
    /// The code column.
    public static let code = PlanFields(rawValue: 1 << 1)
    /// The three pilot columns.
    public static let pilots = PlanFields(rawValue: 1 << 2)
    /// The deadline column.
    public static let deadline = PlanFields(rawValue: 1 << 3)
    /// The ordinary and extraordinary budget columns.
    public static let budget = PlanFields(rawValue: 1 << 4)
    /// The human resources column.
    public static let humanResources = PlanFields(rawValue: 1 << 5)
    /// With ``budget``: each budget line's label, text, note, funding envelope and article label.
    /// Without it, lines have their amounts, articles and stated credits only.
    public static let budgetText = PlanFields(rawValue: 1 << 6)
    /// Every part.
    public static let all: PlanFields = [.titles, .code, .pilots, .deadline, .budget, .budgetText, .humanResources]
}
