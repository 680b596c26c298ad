/// How a header row fits a ``TableLayout``: the layout's column each cell names, the required
/// labels it lacks, and the cells that are none of the layout's labels.
struct LayoutMatch {
    /// The layout's column index of each cell index that names one.
    var columns: [Int: Int] = [:]
    /// The required labels the row does not name.
    var missing: [String] = []
    /// The non-blank cells that name no column of the layout.
    var unknown: [(index: Int, label: String)] = []
    /// The labels found, as the row writes them.
    var found: [String] = []

    /// Whether the layout fits: every required label named, and more labels known than not.
    var fits: Bool { missing.isEmpty && columns.count >= 2 && columns.count > unknown.count }

    /// Each folded label's columns in `layout`, in order: the n-th cell with a label takes the n-th column.
    static func labels(_ layout: TableLayout) -> [String: [Int]] {
        var byLabel: [String: [Int]] = [:]
        for (index, column) in layout.columns.enumerated() {
            for label in column.labels { byLabel[TableLayout.fold(label), default: []].append(index) }
        }
        return byLabel
    }

    /// Matches `cells` (a row's) against `layout`.
    init(_ layout: TableLayout, cells: [String]) {
        self.init(layout, labels: Self.labels(layout), cells: cells, folded: cells.map(TableLayout.fold))
    }

    /// Matches `cells` (a row's), `folded` by ``TableLayout/fold(_:)``, against `layout`, whose
    /// ``labels(_:)`` are `byLabel`.
    init(_ layout: TableLayout, labels byLabel: [String: [Int]], cells: [String], folded foldedCells: [String]) {
        var taken: Set<Int> = []
        for (index, cell) in cells.enumerated() {
            let folded = foldedCells[index]
            guard !folded.isEmpty else { continue }
            if let column = byLabel[folded]?.first(where: { !taken.contains($0) }) {
                // A column with several labels is taken once.
                taken.insert(column)
                columns[index] = column
                found.append(cell.trimmed)
            } else {
                unknown.append((index, cell.trimmed))
            }
        }
        for label in layout.required {
            let folded = TableLayout.fold(label)
            let named = columns.values.contains { layout.columns[$0].labels.contains { TableLayout.fold($0) == folded } }
            if !named { missing.append(label) }
        }
    }

    /// The first of `layouts` that `cells` fit, with its match.
    static func first(of layouts: [TableLayout], cells: [String]) -> (TableLayout, LayoutMatch)? {
        for layout in layouts {
            let match = LayoutMatch(layout, cells: cells)
            if match.fits { return (layout, match) }
        }
        return nil
    }
}

/// The layouts a reader tries, and the header row that came nearest when none fits, for the
/// error that says so.
struct LayoutRecognition {
    /// The layouts tried before the communes' PST layout: a layout file's alone, or the built-in ones.
    let layouts: [TableLayout]
    /// Each layout's ``LayoutMatch/labels(_:)``.
    let labels: [[String: [Int]]]
    /// The built-in layouts' labels, folded once.
    static let builtInLabels = TableLayout.builtIn.map(LayoutMatch.labels)
    /// The nearest layout seen so far: its name, the line, the labels found and missing.
    var nearest: (layout: TableLayout, line: Int, match: LayoutMatch)?

    init(layout: TableLayout?) {
        layouts = layout.map { [$0] } ?? TableLayout.builtIn
        labels = layout.map { [LayoutMatch.labels($0)] } ?? Self.builtInLabels
    }

    /// The layout `row` is the header of; else notes how near it came.
    mutating func recognise(_ row: DelimitedTable.Row) -> (TableLayout, LayoutMatch)? {
        // A header names two columns at least.
        guard (0..<row.count).filter({ !row.isBlank($0) }).count >= 2 else { return nil }
        let cells = row.cells
        let folded = cells.map(TableLayout.fold)
        for (layout, labels) in zip(layouts, labels) {
            let match = LayoutMatch(layout, labels: labels, cells: cells, folded: folded)
            if match.fits { return (layout, match) }
            if match.columns.count >= 2, match.columns.count > (nearest?.match.columns.count ?? 1) {
                nearest = (layout, row.line, match)
            }
        }
        return nil
    }

    /// The layouts PlanKit knows, for messages.
    func known(file: Bool) -> String {
        let names = ["the communes' PST sheet (\"Politique en charge\", \"Échéance\"… over rows \"Objectif stratégique\", \"Action N.M.\")"]
            + layouts.map { "\($0.name) (\($0.required.map { "\"\($0)\"" }.joined(separator: ", "))…)" }
        return names.joined(separator: ", ") + (file ? "" : ", or a commune's template described in a layout file (--layout)")
    }

    /// The error's sentence on the nearest layout, when a header row came near one.
    var nearestSentence: String? {
        guard let (layout, line, match) = nearest else { return nil }
        let found = match.found.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
        return "The nearest is \(layout.name), on line \(line): it names \(found)\(match.found.count > 8 ? "…" : ""), but not \(match.missing.map { "\"\($0)\"" }.joined(separator: ", "))\(match.missing.isEmpty ? "more of its labels than others" : "")."
    }

    /// `error` (the PST layout's refusal) with the layouts PlanKit knows, and the nearest one.
    func refusal(_ error: PlanReadError, file: Bool) -> PlanReadError {
        var message = error.message
        if let nearestSentence {
            message = "No layout PlanKit knows fits this table; it reads \(known(file: file)). \(nearestSentence) Rename the columns to the layout's labels, or describe the template in a layout file (--layout)."
        } else {
            message += " PlanKit also reads " + layouts.map { "\($0.name) (\($0.required.map { "\"\($0)\"" }.joined(separator: ", "))…)" }.joined(separator: ", ")
                + (file ? "." : ", and a commune's own template described in a layout file (--layout).")
        }
        return PlanReadError(location: nearest.map { error.location.moved(line: $0.line, column: 1) } ?? error.location, message: message)
    }
}
