/// Names every record type of the schema, so a field or a collection refers to the type its
/// rows are by a value the compiler checks rather than by a string.
enum RecordTypeID: String, Sendable, Hashable, CaseIterable {
    case plan, objective, action, pilots, deadline, budget
    case budgetArticle = "budget-article"
    case link, article, finding
    /// What a link leads to.
    case linkTarget = "link-target"
    /// The first day a deadline covers.
    case deadlineStart = "deadline-start"
    /// The last day a deadline covers.
    case deadlineEnd = "deadline-end"
    /// An action's follow-up status.
    case status
    /// An objective's follow-up status.
    case objectiveStatus = "objective-status"
    /// An action's health.
    case health
    /// An action's start and end: planned and effective days.
    case start, end
    /// An action's result indicator.
    case indicator
    /// Who funds an action.
    case funding
    /// An action's amounts of a year.
    case yearAmount = "year-amount"
}
