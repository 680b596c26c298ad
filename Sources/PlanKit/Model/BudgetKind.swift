/// The service a budget line belongs to: the ordinary or the extraordinary budget.
public enum BudgetKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Service ordinaire: running costs.
    case ordinary
    /// Service extraordinaire: investment.
    case extraordinary
}
