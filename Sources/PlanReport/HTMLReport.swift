import Foundation
import PlanQuery

/// Writes a report as one self-contained HTML file: inline CSS and SVG, no reference to
/// anything outside it, well-formed as XML too (every element closed, every attribute quoted).
///
/// Each figure is a `<figure>` holding its chart, its notes, the query that computes it and its
/// data as a table: every cell's `data-value` is the query's value as `plankit query --format csv`
/// writes it, and every column's `data-column` the query's column name.
package struct HTMLReport {
    /// The report.
    package var report: Report

    /// Creates the writer of `report`.
    package init(report: Report) { self.report = report }

    private var text: ReportText { ReportText(language: report.language) }
    private var words: ReportWords { report.language.words }

    /// The whole document.
    package var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(report.language.rawValue)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="plankit report"/>
            <title>\(escapeHTML(words.title))</title>
            <style>
            \(Self.css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(escapeHTML(words.title))</h1>
            <p class="meta">\(escapeHTML(words.today))\(words.colon)<time datetime="\(report.today)">\(report.today)</time> · \(escapeHTML(words.generated))</p>
            \(plansLine)
            <p class="howto"><strong>\(escapeHTML(words.howToRead))</strong> — \(escapeHTML(words.howToReadText))</p>
            </header>
            <nav aria-label="\(escapeHTML(words.contents))">
            <h2>\(escapeHTML(words.contents))</h2>
            <ol>

            """
        for section in report.sections {
            out += "<li><a href=\"#\(section.id)\">\(escapeHTML(section.title))</a></li>\n"
        }
        out += "</ol>\n</nav>\n<main>\n"
        for section in report.sections { out += self.section(section) }
        out += "</main>\n"
        out += "<script>\n//<![CDATA[\n\(Self.sortScript)\n//]]>\n</script>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// The plans loaded and their files; folded when there are many.
    var plansLine: String {
        let list = report.plans.map(escapeHTML).joined(separator: " ; ")
        let label = "\(escapeHTML(words.plansLoaded)) (\(report.plans.count))"
        guard report.plans.count > 5 else { return "<p class=\"meta\">\(label)\(words.colon)\(list)</p>" }
        return "<details class=\"meta\"><summary>\(label)</summary><p>\(list)</p></details>"
    }

    func section(_ section: ReportSection) -> String {
        var out = "<section id=\"\(section.id)\" class=\"report-section\">\n<h2>\(escapeHTML(section.title))</h2>\n"
        out += "<p class=\"intro\">\(escapeHTML(section.intro))</p>\n"
        for figure in section.figures { out += self.figure(figure) }
        return out + "</section>\n"
    }

    func figure(_ figure: ReportFigure) -> String {
        var out = "<figure id=\"\(figure.id)\" class=\"figure\" data-derived=\"\(figure.derived)\">\n"
        out += "<figcaption><h3>\(escapeHTML(figure.title))</h3></figcaption>\n"
        if let failure = figure.failure {
            out += "<p class=\"note failure\">\(escapeHTML(words.notComputed))\(words.colon)\(escapeHTML(failure))</p>\n"
            out += queryLine(figure)
            return out + "</figure>\n"
        }
        if figure.chart == .cards {
            out += cards(figure)
        } else {
            var chart = SVGChart(figure: figure, text: text)
            chart.todayText = report.today
            if let svg = chart.svg { out += "<div class=\"chart-box\">" + svg + "</div>\n" }
        }
        if case .timeline(let deadline, _, let count) = figure.chart { out += undated(figure, deadline: deadline, count: count) }
        for note in figure.notes { out += "<p class=\"note\">\(escapeHTML(note))</p>\n" }
        out += queryLine(figure)
        if figure.chart != .cards, !figure.table.columns.isEmpty { out += table(figure) }
        return out + "</figure>\n"
    }

    func queryLine(_ figure: ReportFigure) -> String {
        if let command = figure.command {
            // The command's rows, or (derived) a table computed from them.
            let label = figure.derived ? words.computedFromCommand : words.command
            return "<p class=\"query\">\(escapeHTML(label))\(words.colon)<code>\(escapeHTML(command))</code></p>\n"
        }
        if figure.derived {
            var out = "<div class=\"query\">\(escapeHTML(words.queries))\(String(words.colon.dropLast()))<ul class=\"queries\">"
            var seen = Set<String>()
            for query in figure.queries where seen.insert(query).inserted {
                out += "<li><code>\(escapeHTML(query))</code></li>"
            }
            return out + "</ul></div>\n"
        }
        return "<p class=\"query\">\(escapeHTML(words.query))\(words.colon)<code>\(escapeHTML(figure.queries.first ?? ""))</code></p>\n"
    }

    func cards(_ figure: ReportFigure) -> String {
        var out = "<div class=\"cards\">\n"
        for (index, row) in figure.table.rows.enumerated() {
            let query = index < figure.queries.count ? figure.queries[index] : ""
            out += "<div class=\"card\" data-query=\"\(escapeHTML(query))\"><span class=\"key\">\(escapeHTML(row[0].text))</span>"
            out += "<span class=\"value\"\(ReportText.isIncomplete(row[1]) ? " data-incomplete=\"true\"" : "") data-value=\"\(escapeHTML(row[1].text))\">\(escapeHTML(text.display(row[1], column: "value")))</span></div>\n"
        }
        return out + "</div>\n"
    }

    /// The actions without a dated deadline (unknown, ongoing, blank), under the timeline.
    func undated(_ figure: ReportFigure, deadline: String, count: String) -> String {
        guard let d = figure.table.columns.firstIndex(of: deadline), let c = figure.table.columns.firstIndex(of: count) else { return "" }
        var totals: [(String, Int64)] = []
        for row in figure.table.rows {
            if case .deadline(let value) = row[d], value.start != nil { continue }
            let name = text.display(row[d], column: deadline)
            let n = Int64(row[c].text) ?? 0
            if let index = totals.firstIndex(where: { $0.0 == name }) { totals[index].1 += n } else { totals.append((name, n)) }
        }
        guard !totals.isEmpty else { return "" }
        let parts = totals.map { "\(escapeHTML($0.0))\(words.colon)\(text.grouped(String($0.1)))" }.joined(separator: " · ")
        return "<p class=\"note undated\">\(escapeHTML(words.notDated))\(words.colon)\(parts)</p>\n"
    }

    func table(_ figure: ReportFigure) -> String {
        let columns = figure.table.columns
        let sortable = figure.id == "communes-table"
        var out = "<table class=\"data\(sortable ? " sortable" : "")\" data-derived=\"\(figure.derived)\""
        if !figure.derived, let query = figure.queries.first { out += " data-query=\"\(escapeHTML(query))\"" }
        if let command = figure.command, !figure.derived { out += " data-command=\"\(escapeHTML(command))\"" }
        if let element = figure.element { out += " data-element=\"\(escapeHTML(element))\"" }
        out += ">\n<caption>\(escapeHTML(words.dataTable)) — \(escapeHTML(figure.title))</caption>\n<thead><tr>"
        for column in columns {
            let heading = column == "file" && columns.contains("line") ? text.heading("location") : text.heading(column)
            out += "<th scope=\"col\" data-column=\"\(escapeHTML(column))\"\(figure.computedColumns.contains(column) ? " data-computed=\"true\"" : "")>\(escapeHTML(heading))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let fileIndex = columns.firstIndex(of: "file"), lineIndex = columns.firstIndex(of: "line"), columnIndex = columns.firstIndex(of: "column")
        for (index, row) in figure.table.rows.enumerated() {
            let mark = figure.marks[index]
            out += mark == nil ? "<tr>" : "<tr class=\"marked\" data-mark=\"\(escapeHTML(mark ?? ""))\">"
            for (position, value) in row.enumerated() {
                let column = columns[position]
                var shown = figure.shownText[index]?[position] ?? text.display(value, column: column)
                if position == fileIndex, let lineIndex {
                    shown = ReportText.location(file: value, line: row[lineIndex], column: columnIndex.map { row[$0] } ?? .missing)
                }
                if position == 0, let mark { shown = "▲ " + shown + " (" + mark + ")" }
                let numeric: Bool = switch value {
                case .money, .integer, .decimal, .incomplete: true
                default: false
                }
                let classes = (numeric ? ["num"] : []) + (ReportText.isIncomplete(value) ? ["incomplete"] : [])
                // The raw value is given only where the text shown differs from it.
                let raw = shown == value.text ? "" : " data-value=\"\(escapeHTML(value.text))\""
                out += "<td\(raw)\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(escapeHTML(shown))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        // A long table is folded under its chart (open it to read or print it); a short one is shown.
        guard figure.table.rows.count > Self.foldedRows else { return out }
        return "<details class=\"data\"><summary>\(escapeHTML(words.dataTable))\(words.colon)\(text.grouped(String(figure.table.rows.count))) \(escapeHTML(words.rowsWord))</summary>\n" + out + "</details>\n"
    }

    /// Tables longer than this are folded in a `<details>` element.
    static let foldedRows = 40

    static let css = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; background: #fff; max-width: 980px; margin: 1.5em auto; padding: 0 1em; line-height: 1.45; font-size: 14px; }
        h1 { font-size: 1.7em; margin: 0 0 .3em; }
        h2 { font-size: 1.35em; border-bottom: 2px solid #1f4e79; padding-bottom: .15em; margin-top: 2em; }
        h3 { font-size: 1.08em; margin: 0 0 .4em; }
        .meta { color: #333; margin: .2em 0; }
        .howto { background: #eef2f7; border-left: 4px solid #1f4e79; padding: .5em .8em; }
        nav ol { columns: 2; }
        figure { margin: 1.2em 0 2em; padding: 0; }
        figcaption { margin-bottom: .3em; }
        .chart-box { overflow-x: auto; }
        svg.chart { display: block; max-width: 100%; height: auto; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        .note { margin: .3em 0; font-size: .95em; }
        .failure { color: #b3261e; font-weight: bold; }
        .query { font-size: .9em; color: #333; margin: .3em 0; }
        .query ul { margin: .2em 0; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; background: #f3f3f3; padding: 0 .2em; overflow-wrap: anywhere; }
        table.data { border-collapse: collapse; font-size: 12px; margin: .4em 0; max-width: 100%; }
        table.data caption { text-align: left; font-size: 12px; color: #333; padding-bottom: .2em; white-space: nowrap; }
        table.data th, table.data td { border: 1px solid #999; padding: 2px 6px; vertical-align: top; text-align: left; }
        table.data th { background: #e6e6e6; }
        table.data td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.marked td { font-weight: bold; background: #f4d6d3; }
        td.incomplete, .card .value[data-incomplete] { font-style: italic; }
        .card .value[data-incomplete] { font-size: 1.2em; }
        table.sortable th { cursor: pointer; }
        details.data summary { cursor: pointer; font-size: .9em; color: #1f4e79; }
        .cards { display: flex; flex-wrap: wrap; gap: .8em; }
        .card { border: 1px solid #999; border-radius: 4px; padding: .5em .9em; min-width: 10em; }
        .card .key { display: block; font-size: .9em; color: #333; }
        .card .value { display: block; font-size: 1.5em; font-weight: bold; }
        @media print {
          body { max-width: none; margin: 0; font-size: 11px; }
          nav { display: none; }
          figure { break-inside: avoid; }
          h2 { break-after: avoid; }
          .howto, tr.marked td, table.data th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """

    /// Sorts the commune table on a header's click; without it the table reads sorted by commune.
    static let sortScript = """
        document.querySelectorAll("table.sortable").forEach(function (table) {
          table.querySelectorAll("th").forEach(function (th, column) {
            th.title = "\\u21C5";
            th.addEventListener("click", function () {
              var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
              var down = th.getAttribute("aria-sort") === "ascending";
              rows.sort(function (a, b) {
                var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
                var nx = parseFloat(x), ny = parseFloat(y);
                var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                return down ? -c : c;
              });
              rows.forEach(function (row) { body.appendChild(row); });
              table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", down ? "descending" : "ascending");
            });
          });
        });
        """
}
