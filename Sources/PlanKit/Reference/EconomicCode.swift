/// One entry of the official chart of economic codes of Walloon municipal accounts.
public struct EconomicCode: Sendable, Hashable, Codable {
    /// The code with its sub-code, e.g. `124-02`.
    public var code: String
    /// The official label.
    public var label: String
    /// Whether the code books revenue or expenditure.
    public var flow: Flow
    /// The service the code belongs to.
    public var service: BudgetKind

    /// Revenue (recette) or expenditure (dépense).
    public enum Flow: String, Sendable, Hashable, Codable {
        /// R: revenue.
        case revenue
        /// D: expenditure.
        case expenditure
    }

    /// Creates an entry.
    public init(code: String, label: String, flow: Flow, service: BudgetKind) {
        self.code = code
        self.label = label
        self.flow = flow
        self.service = service
    }

    /// The 672 official codes, keyed by `EEE-SS`.
    public static let table: [String: EconomicCode] = {
        var table: [String: EconomicCode] = [:]
        for line in economicCodesTSV.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else { continue }
            let code = String(fields[0])
            table[code] = EconomicCode(
                code: code, label: String(fields[1]),
                flow: fields[2] == "R" ? .revenue : .expenditure,
                service: fields[3] == "E" ? .extraordinary : .ordinary)
        }
        return table
    }()

    /// Looks up an official code such as `124-02`.
    public static func lookup(_ code: String) -> EconomicCode? { table[code] }
}
