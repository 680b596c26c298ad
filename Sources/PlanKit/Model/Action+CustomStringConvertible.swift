extension Action: CustomStringConvertible {
    /// The id and title: `1.2 Créer un conseil des jeunes`.
    public var description: String { "\(id) \(title)" }
}
