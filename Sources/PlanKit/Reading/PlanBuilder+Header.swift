import Foundation

/// The header rows of the communes' PST layout: the columns their labels name.
extension PlanBuilder {
    /// The header column a label names, if any.
    static func column(forLabel label: String) -> SpreadsheetReader.Column? {
        let f = TextFolding.fold(label).collapsingSpaces
        if f.isEmpty { return nil }
        // `Service : Mobilité` is a preamble's key and value, not a column's label.
        if let colon = f.firstIndex(of: ":"), !f[f.index(after: colon)...].trimmed.isEmpty { return nil }
        if f.containsBytes("budget") || f.containsBytes("ordinaire") {
            return f.containsBytes("extra") ? .extraordinary : .ordinary
        }
        if f.containsBytes("politique") || f.containsBytes("mandataire") || f.containsBytes("echevin") { return .political }
        if f.containsBytes("service") { return .services }
        if f.containsBytes("agent") || f.containsBytes("responsable") { return .agents }
        if f.containsBytes("echeance") || f.containsBytes("delai") || f.containsBytes("calendrier") || f.containsBytes("date de fin")
            || f.containsBytes("date butoir") || f.containsBytes("date limite") { return .deadline }
        if f == "oo" || f == "code" || f == "n°" || f == "ref" || f == "ref." { return .code }
        if f == "rh" || f.containsBytes("ressources humaines") { return .humanResources }
        return nil
    }

    /// What a recognised column holds, for messages.
    static func meaning(_ column: SpreadsheetReader.Column) -> String {
        switch column {
        case .political: "political pilot"
        case .services: "service in charge"
        case .agents: "agent in charge"
        case .deadline: "deadline"
        case .code: "action code"
        case .ordinary: "ordinary budget"
        case .extraordinary: "extraordinary budget"
        case .humanResources: "human resources"
        }
    }

    /// Refuses header rows that do not fit the PST layout: they must name a deadline column and
    /// at least one pilot column (political, service or agent), or the rows below would be read
    /// as something they are not.
    func checkLayout() throws(PlanReadError) {
        let hasDeadline = columns[SpreadsheetReader.Column.deadline.rawValue] != nil
        let hasPilot = [SpreadsheetReader.Column.political, .services, .agents].contains { columns[$0.rawValue] != nil }
        guard !hasDeadline || !hasPilot else { return }
        var missing: [String] = []
        if !hasDeadline { missing.append("a deadline column (\"Échéance\")") }
        if !hasPilot { missing.append("a pilot column (\"Politique en charge\", \"Service en charge\" or \"Agent en charge\")") }
        let found = headerLabels.map { "\"\($0.label)\" (\(Self.meaning($0.column)))" }.joined(separator: ", ")
        throw PlanReadError(
            location: SourceLocation(file: file, line: headerLine, column: 1),
            message: "The header row does not fit the PST layout: it names \(found), but not \(missing.joined(separator: " nor ")). The layout's labels are \"Politique en charge\", \"Service en charge\", \"Agent en charge\", \"Échéance\", \"OO\", \"Budget ordinaire\", \"Budget extra\" and \"RH\"; rename the columns, or export the plan's sheet in this layout.")
    }

    /// A column's letters: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            name = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
