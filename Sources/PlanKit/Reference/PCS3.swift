/// Reference data of the Plan de cohésion sociale 2020-2025 (PCS III).
public enum PCS3 {
    /// The plan's normalised name.
    public static let planName = "PCS III"

    /// The seven axes, numbered 1 to 7, with their official titles.
    public static let axes: [Int: String] = {
        var axes: [Int: String] = [:]
        for line in pcs3AxesTSV.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2, let number = Int(fields[0]) { axes[number] = String(fields[1]) }
        }
        return axes
    }()

    /// Whether `code` is well formed for a PCS III action (`axis.sub-axis.NN`, axis 1-7).
    public static func isWellFormedActionCode(_ code: String) -> Bool {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let axis = Int(parts[0]), axes[axis] != nil, parts[2].count == 2 else { return false }
        return true
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0-9.
    var isASCIIDigit: Bool { asciiValue.map { Byte.isASCIIDigit($0) } ?? false }
}
