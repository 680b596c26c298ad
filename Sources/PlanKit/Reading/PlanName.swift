/// Normalises the names plans give each other: `PCS 3`, `pcs III`, `PCS3` → `PCS III`.
public enum PlanName {
    private static let acronyms: Set<String> = ["pst", "pcs", "pcdr", "pcdn", "pic", "pcm", "psi", "pap", "paedc"]

    /// The normal form of a plan's name.
    public static func normalise(_ name: some StringProtocol) -> String {
        var words = name.collapsingSpaces.spaceSeparatedWords
        guard let first = words.first else { return "" }
        let folded = TextFolding.fold(first)
        if folded == "pcs3" { return "PCS III" }
        if acronyms.contains(folded) { words[0] = first.uppercased() }
        if words.count >= 2, TextFolding.fold(words[0]) == "pcs" {
            let second = TextFolding.fold(words[1])
            if second == "3" || second == "iii" || second == "2020-2025" { return "PCS III" }
        }
        return words.joinedBySpaces
    }

    /// The name of a plan that names none: its file's name without folder and extension
    /// (`plans/pst-citoyennete.tsv` → `pst-citoyennete`).
    public static func fileStem(_ path: String) -> String {
        guard let name = path.split(separator: "/").last.map(String.init) else { return path }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}
