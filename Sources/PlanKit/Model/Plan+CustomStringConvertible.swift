extension Plan: CustomStringConvertible {
    /// The kind, name and file: `PST "PST Citoyenneté" (pst-citoyennete.tsv)`.
    public var description: String {
        (kind == .other ? "plan" : kind.rawValue) + " \"\(name)\" (\(source))"
    }
}
