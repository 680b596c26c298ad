/// Who funds (part of) an action: the region, Europe, the federal state, the French-speaking
/// community, the province, the commune itself, or another.
///
/// ```swift
/// FundingSource(word: "Région wallonne")   // .wallonie
/// FundingSource.federal.name               // "Fédéral"
/// ```
public enum FundingSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// The Walloon region (`Wallonie`, `SPW`, `Région wallonne`).
    case wallonie
    /// The European Union (`Europe`, `FEDER`, `FSE`, `UE`).
    case europe
    /// The federal state (`Fédéral`, `État fédéral`).
    case federal
    /// The Fédération Wallonie-Bruxelles (`FWB`).
    case fwb
    /// The province.
    case province
    /// The commune's own budget (`commune`, `fonds propres`).
    case commune
    /// Any other source; its words are kept in ``Funding/sourceText``.
    case other

    /// The source as queries name it: `Wallonie`, `Europe`, `Fédéral`, `FWB`, `Province`,
    /// `commune`, `other`.
    public var name: String {
        switch self {
        case .wallonie: "Wallonie"
        case .europe: "Europe"
        case .federal: "Fédéral"
        case .fwb: "FWB"
        case .province: "Province"
        case .commune: "commune"
        case .other: "other"
        }
    }

    /// The words it is written with, folded (lower case, without accents).
    public var words: [String] {
        switch self {
        case .wallonie: ["wallonie", "region wallonne", "region", "spw", "rw"]
        case .europe: ["europe", "union europeenne", "ue", "feder", "fse", "feader"]
        case .federal: ["federal", "etat federal", "federale"]
        case .fwb: ["fwb", "federation wallonie-bruxelles", "communaute francaise"]
        case .province: ["province"]
        case .commune: ["commune", "communal", "fonds propres", "ville"]
        case .other: ["other", "autre", "autres"]
        }
    }

    /// The source a plan writes as `word`, ignoring case, accents and the spaces around it;
    /// ``other`` for a word none of the sources' is.
    public init(word: String) {
        let folded = FollowUpStatus.fold(word)
        self = Self.allCases.first { $0.words.contains(folded) } ?? .other
    }
}
