/// The documentation of PlanKit's rules, as the page on consistency checks (`Docs/checks.md`)
/// gives it: one section per rule, kept in the library so that outputs carrying rule
/// descriptions (``SARIFLog``) need no file beside the executable.
///
/// `Scripts/generate-rule-docs.py` copies the page's sections into the library; a test checks
/// that they agree.
public enum RuleDocumentation {
    /// The documentation of the rule `id` in Markdown, its paragraphs separated by blank lines;
    /// `nil` for a rule the page does not document.
    ///
    ///     RuleDocumentation.markdown(for: "action.unknown-pilot")
    ///     // "**Warning.** A pilot cell (political, service or agent) says `??`: nobody is in charge yet."
    public static func markdown(for id: String) -> String? { pages[id] }

    /// The documentation of the rule `id` as plain text: the Markdown without its `**` and
    /// backticks; `nil` for a rule the page does not document.
    public static func text(for id: String) -> String? {
        pages[id].map { $0.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "") }
    }
}
