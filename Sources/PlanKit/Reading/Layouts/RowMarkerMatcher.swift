import Foundation

/// Finds which of a layout's ``TableLayout/RowMarker``s a row's first non-blank cell matches,
/// ignoring case and accents, and splits the cell into the matched text and the rest.
struct RowMarkerMatcher {
    /// The markers, each with its compiled expression.
    let markers: [(kind: TableLayout.RowMarker.Kind, expression: NSRegularExpression)]

    init(_ markers: [TableLayout.RowMarker]) {
        self.markers = markers.compactMap { marker in
            Self.compile(marker.pattern).map { (marker.kind, $0) }
        }
    }

    /// The pattern compiled to match folded text; `nil` when it is not a regular expression.
    static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern.folding(options: .diacriticInsensitive, locale: nil), options: [.caseInsensitive])
    }

    /// Whether the layout marks no row.
    var isEmpty: Bool { markers.isEmpty }

    /// `text` with each character folded (lower case, no accents) where that keeps it one
    /// character, so that positions in it are positions in `text`.
    static func folded(_ text: String) -> String {
        String(text.map { character -> Character in
            let folded = String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return folded.count == 1 ? folded.first ?? character : character
        })
    }

    /// The first marker `cell` matches: its kind, the matched text and the text after it.
    func match(_ cell: String) -> (kind: TableLayout.RowMarker.Kind, matched: String, rest: String)? {
        guard !markers.isEmpty else { return nil }
        let folded = Self.folded(cell)
        for (kind, expression) in markers {
            guard let found = expression.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)),
                  let range = Range(found.range, in: folded) else { continue }
            let start = folded.distance(from: folded.startIndex, to: range.lowerBound)
            let end = folded.distance(from: folded.startIndex, to: range.upperBound)
            let lower = cell.index(cell.startIndex, offsetBy: start, limitedBy: cell.endIndex) ?? cell.endIndex
            let upper = cell.index(cell.startIndex, offsetBy: end, limitedBy: cell.endIndex) ?? cell.endIndex
            return (kind, String(cell[lower..<upper]), String(cell[upper...]))
        }
        return nil
    }
}
