import Foundation
import PlanQuery

/// Writes a report as Markdown: the same sections, figures as tables, each with its query.
package struct MarkdownReport {
    /// The report.
    package var report: Report

    /// Creates the writer of `report`.
    package init(report: Report) { self.report = report }

    private var text: ReportText { ReportText(language: report.language) }
    private var words: ReportWords { report.language.words }

    /// The whole text.
    package var markdown: String {
        var out = "# \(words.title)\n\n"
        out += "\(words.today)\(words.colon)\(report.today) · \(words.generated)\n\n"
        out += "\(words.plansLoaded) (\(report.plans.count))\(words.colon)\(report.plans.map(Self.inline).joined(separator: " ; "))\n\n"
        out += "**\(words.howToRead)** — \(words.howToReadText)\n\n"
        for section in report.sections {
            out += "## \(Self.inline(section.title))\n\n\(Self.inline(section.intro))\n\n"
            for figure in section.figures { out += self.figure(figure) }
        }
        return out
    }

    /// Text in a Markdown line: no line breaks, `|` and Markdown's marks escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\n", "\r", "\t": out += " "
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    func figure(_ figure: ReportFigure) -> String {
        var out = "### \(Self.inline(figure.title))\n\n"
        if let failure = figure.failure { out += "\(words.notComputed)\(words.colon)\(Self.inline(failure))\n\n" }
        for note in figure.notes { out += "\(Self.inline(note))\n\n" }
        if let command = figure.command {
            out += "\(figure.derived ? words.computedFromCommand : words.command)\(words.colon)`` \(command) ``\n\n"
        } else if figure.derived {
            out += "\(words.queries)\(String(words.colon.dropLast()))\n\n" + figure.queries.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .map { "- `` \($0) ``\n" }.joined() + "\n"
        } else if let query = figure.queries.first {
            out += "\(words.query)\(words.colon)`` \(query) ``\n\n"
        }
        guard figure.failure == nil, !figure.table.columns.isEmpty else { return out }
        if figure.chart == .cards {
            for row in figure.table.rows { out += "- \(Self.inline(row[0].text))\(words.colon)**\(Self.inline(text.display(row[1], column: "value")))**\n" }
            return out + "\n"
        }
        let columns = figure.table.columns
        out += "| " + columns.map { Self.inline(text.heading($0)) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { _ in " --- |" }.joined() + "\n"
        for (index, row) in figure.table.rows.enumerated() {
            var cells = zip(columns, row).enumerated().map { position, cell in
                Self.inline(figure.shownText[index]?[position] ?? text.display(cell.1, column: cell.0))
            }
            if let mark = figure.marks[index], !cells.isEmpty { cells[0] = "▲ " + cells[0] + " (" + Self.inline(mark) + ")" }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }
}
