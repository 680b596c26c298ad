import Foundation

/// Telling rows apart by their first words, and the text of their cells.
extension PlanBuilder {
    /// The first words of a cell, folded, without tags and leading white space: enough to tell
    /// rows apart (up to 32 bytes, cut at a character boundary; the longest word told, "objectif
    /// opérationnel", takes 22).
    ///
    /// Written into `folded`, whose room is kept from row to row.
    static func foldedStart(_ cell: ArraySlice<UInt8>, into folded: inout [UInt8]) {
        folded.removeAll(keepingCapacity: true)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { start in
            var count = 0
            var i = cell.startIndex
            while i < cell.endIndex, count < 32 {
                let b = cell[i]
                if b == UInt8(ascii: "<"), let end = Self.tagEnd(cell, at: i) {
                    i = end
                    continue
                }
                if count == 0, b == 32 || (b >= 9 && b <= 13) { i += 1; continue }
                if count == 0, b == 0xC2, i + 1 < cell.endIndex, cell[i + 1] == 0xA0 { i += 2; continue }
                start[count] = b
                count += 1
                i += 1
            }
            if i < cell.endIndex {
                // Cut before a character the limit split.
                while count > 0, start[count - 1] & 0xC0 == 0x80 { count -= 1 }
                if count > 0, start[count - 1] >= 0xC0 { count -= 1 }
            }
            let bytes = UnsafeBufferPointer(rebasing: start[..<count])
            let latin = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
                TextFolding.foldLatin(bytes, into: buffer).map { folded.append(contentsOf: buffer[..<$0]) } != nil
            }
            if !latin { folded.append(contentsOf: TextFolding.fold(String(decoding: bytes, as: UTF8.self)).utf8) }
        }
    }

    /// The index past a `<i>`, `</i>`, `<b>` or `</b>` tag (any case) starting at `i`, if one does.
    static func tagEnd(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int? {
        guard bytes[i] == UInt8(ascii: "<") else { return nil }
        var j = i + 1
        if j < bytes.endIndex, bytes[j] == UInt8(ascii: "/") { j += 1 }
        guard j + 1 < bytes.endIndex, bytes[j] | 0x20 == UInt8(ascii: "i") || bytes[j] | 0x20 == UInt8(ascii: "b"),
              bytes[j + 1] == UInt8(ascii: ">") else { return nil }
        return j + 2
    }

    /// Strips `<i>`, `</i>`, `<b>`, `</b>` (any case) and surrounding white space.
    static func stripTags(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "<")) else { return text.trimmed }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if let end = Self.tagEnd(bytes[...], at: i) {
                i = end
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self).trimmed
    }

    /// The folded words that start rows, as bytes.
    enum Words {
        static let legend = Array("legende".utf8)
        static let strategic = Array("objectif strategique".utf8)
        static let operational = Array("objectif operationnel".utf8)
        static let action = Array("action".utf8)
        static let axis = Array("axe".utf8)
        static let axisNumbered = Array("axe ".utf8)
        static let subAxis = Array("sous-axe".utf8)
        static let subAxisNumbered = Array("sous-axe ".utf8)
    }

    /// Whether folded text starts with `word` followed by a digit (`axe 6`, `sous-axe 6.1`).
    static func startsWithNumbered(_ folded: [UInt8], _ word: [UInt8]) -> Bool {
        guard folded.starts(with: word), folded.count > word.count else { return false }
        return AmountParser.isDigit(folded[word.count])
    }

    /// Whether a header cell is a group heading (`Pilotes`, `Critères "Ressources à mobiliser"`) or
    /// the label of the title column (`Intitulé de l'action`, `Actions`), which name no column read.
    static func isHeaderWord(_ label: String) -> Bool {
        let f = TextFolding.fold(label).trimmed
        return f.hasPrefix("pilote") || f.containsBytes("ressources a mobiliser") || f.hasPrefix("criteres")
            || f.hasPrefix("intitule") || f.hasPrefix("libelle") || f == "actions" || f == "action"
            || f == "objectifs et actions" || f == "objectifs / actions"
    }

    /// Whether a row whose first cell folds to `folded` opens the legend: its first word is
    /// `légende` or `légendes` (not `légendaire`).
    static func opensLegend(_ folded: some Collection<UInt8>) -> Bool {
        guard folded.starts(with: Words.legend) else { return false }
        var rest = folded.dropFirst(Words.legend.count)
        if rest.first == UInt8(ascii: "s") { rest = rest.dropFirst() }
        guard let next = rest.first else { return true }
        return !AmountParser.isLetter(next) && !AmountParser.isDigit(next)
    }

    /// Whether `text` (what comes before a legend's colon) is the word `Légende` or `Légendes` alone.
    static func isLegendWord(_ text: some StringProtocol) -> Bool {
        let folded = TextFolding.fold(text).trimmed
        return folded == "legende" || folded == "legendes"
    }

    /// Whether folded text starts an objective, an axis or an action row.
    static func startsObjectiveOrAction(_ folded: [UInt8]) -> Bool {
        folded.starts(with: Words.strategic) || folded.starts(with: Words.operational) || startsWithNumbered(folded, Words.axisNumbered)
            || startsWithNumbered(folded, Words.subAxisNumbered) || startsActionNumber(folded)
    }

    /// Whether folded text is `action` followed by a number (`action 1.2.`, `action 3`): an action
    /// row, where `Action prioritaire`, a legend's line, is not.
    static func startsActionNumber(_ folded: [UInt8]) -> Bool {
        guard folded.starts(with: Words.action) else { return false }
        var i = Words.action.count
        while i < folded.count, folded[i] == UInt8(ascii: " ") || folded[i] == UInt8(ascii: "\t") || folded[i] == 0xC2 || folded[i] == 0xA0 { i += 1 }
        return i < folded.count && AmountParser.isDigit(folded[i])
    }
}
