import PlanKit
import PlanQuery

/// Draws a figure's rows as inline SVG: horizontal bars, credit against allocations, or
/// deadlines on a time axis.
///
/// Every mark carries its row's data (`data-label`, `data-value`) so that a test can compare
/// the drawing with the table; colours differ in lightness and over-committed or overdue marks
/// are hatched and carry a sign, so the charts read in grey print.
package struct SVGChart {
    /// The figure drawn.
    package var figure: ReportFigure
    /// How values are written.
    package var text: ReportText

    /// Creates the chart of `figure`.
    package init(figure: ReportFigure, text: ReportText) {
        self.figure = figure
        self.text = text
    }

    static let width = 760.0
    static let labelWidth = 250.0
    static let valueWidth = 130.0
    static let rowHeight = 22.0
    static let barHeight = 14.0
    static let dark = "#1f4e79"
    static let light = "#c6d4e3"
    static let alert = "#b3261e"
    /// Between light and dark: the lines of a light incomplete bar.
    static let middle = "#8aa5c2"

    /// The SVG, or `nil` when the figure has nothing to draw.
    package var svg: String? {
        switch figure.chart {
        case .bars(let labels, let value): return barChart(labels: labels, value: value)
        case .credit(let labels, let allocated, let credit): return creditChart(labels: labels, allocated: allocated, credit: credit)
        case .timeline(let deadline, _, let count): return timelineChart(deadline: deadline, count: count)
        case .beforeAfter(let bars): return beforeAfterChart(bars)
        case .cards, .table: return nil
        }
    }

    private var words: ReportWords { text.language.words }

    // MARK: Pieces

    func n(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    func short(_ label: String, _ limit: Int = 33) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }

    func open(height: Double, columns: [String] = []) -> String {
        let id = figure.id
        let data = columns.isEmpty ? "" : " data-columns=\"\(escapeHTML(columns.joined(separator: "|")))\""
        return """
            <svg class="chart"\(data) role="img" aria-labelledby="\(id)-svgtitle" \
            width="\(n(Self.width))" height="\(n(height))" viewBox="0 0 \(n(Self.width)) \(n(height))">\
            <title id="\(id)-svgtitle">\(escapeHTML(figure.title))</title>\
            <defs><pattern id="\(id)-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#f4d6d3"/><line x1="0" y1="0" x2="0" y2="6" stroke="\(Self.alert)" stroke-width="3"/></pattern>\
            <pattern id="\(id)-part" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(-45)">\
            <rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="\(Self.dark)" stroke-width="2"/></pattern>\
            <pattern id="\(id)-partlight" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(-45)">\
            <rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="\(Self.middle)" stroke-width="2"/></pattern></defs>
            """
    }

    /// A value's length on the chart: a sum with unknown parts is drawn as its known part, in
    /// ``incompleteBar(x:y:width:height:)``'s style.
    func number(_ value: QueryValue) -> Double? {
        switch value {
        case .money(let m), .incomplete(let m): m.euros
        case .integer(let i): Double(i)
        case .decimal(let d): d
        default: nil
        }
    }

    /// A bar whose value is a sum with unknown parts: its known part, lightly hatched, with a
    /// dashed outline left open on the right and a dashed tail, so that it never reads as a whole sum.
    func incompleteBar(x: Double, y: Double, width: Double, height: Double, light: Bool = false) -> String {
        let w = max(width, 1), right = x + w
        let colour = light ? Self.middle : Self.dark
        var out = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(height))\" fill=\"url(#\(figure.id)-\(light ? "partlight" : "part"))\" stroke=\"none\"/>"
        out += "<path d=\"M\(n(right)) \(n(y)) H\(n(x)) V\(n(y + height)) H\(n(right))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
        out += "<line x1=\"\(n(right))\" y1=\"\(n(y + height / 2))\" x2=\"\(n(right + 14))\" y2=\"\(n(y + height / 2))\" stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>"
        return out
    }

    /// The known amount of a sum: all of it, or its known part when some parts are unknown.
    static func knownPart(_ value: QueryValue) -> Money? {
        switch value {
        case .money(let m), .incomplete(let m): m
        default: nil
        }
    }

    /// The legend of an incomplete bar, at `(x, y)`.
    func incompleteLegend(x: Double, y: Double) -> String {
        "<g class=\"legend\" font-size=\"12\">" + incompleteBar(x: x, y: y, width: 14, height: 10)
            + "<text x=\"\(n(x + 36))\" y=\"\(n(y + 9))\">\(escapeHTML(words.legendIncomplete))</text></g>"
    }

    /// The axis's step and number of steps: a step of 1, 2 or 5 times a power of ten (at least 1
    /// when counting), and at most five steps reaching `value`.
    static func scale(_ value: Double, whole: Bool) -> (step: Double, steps: Int) {
        guard value > 0 else { return (1, 1) }
        var power = 1.0
        while power * 10 <= value / 4 { power *= 10 }
        while power > value / 4 && power > (whole ? 1 : 0.01) { power /= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] {
            let step = max(factor * power, whole ? 1 : 0)
            let steps = Int((value / step).rounded(.up))
            if steps <= 5 { return (step, max(steps, 1)) }
        }
        return (10 * power, Int((value / (10 * power)).rounded(.up)))
    }

    /// A tick's value: whole euros below 10 000 €, then thousands (`250 k€`) or millions (`12,5 M€`).
    func tickText(_ value: Double, money: Bool) -> String {
        let whole = Int64(value.rounded())
        guard money else { return text.grouped(String(whole)) }
        let fr = text.language == .fr
        func scaled(_ divisor: Double, _ unit: String) -> String {
            let number = value / divisor
            var digits = number == number.rounded() ? String(Int64(number)) : String((number * 10).rounded() / 10)
            if fr { digits = digits.replacingOccurrences(of: ".", with: ",") }
            return fr ? "\(digits)\u{a0}\(unit)€" : "€\(digits)\(unit)"
        }
        if abs(value) >= 1_000_000 { return scaled(1_000_000, "M") }
        if abs(value) >= 10_000 { return scaled(1_000, "k") }
        return text.euros(Money(cents: whole * 100))
    }

    /// The value axis under the bars: a tick per step, and its label.
    func axis(top: Double, scale: (step: Double, steps: Int), money: Bool, valueWidth: Double = valueWidth) -> String {
        let left = Self.labelWidth, span = Self.width - Self.labelWidth - valueWidth
        var out = "<g class=\"axis\"><line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left + span))\" y2=\"\(n(top))\" stroke=\"#333\"/>"
        for step in 0...scale.steps {
            let x = left + span * Double(step) / Double(scale.steps)
            out += "<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(top + 4))\" stroke=\"#333\"/>"
            out += "<text x=\"\(n(x))\" y=\"\(n(top + 16))\" text-anchor=\"middle\" font-size=\"11\">\(escapeHTML(tickText(scale.step * Double(step), money: money)))</text>"
        }
        let name = money ? words.amountAxis : (figure.axisLabel ?? words.countAxis)
        out += "<text x=\"\(n(left + span / 2))\" y=\"\(n(top + 32))\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">\(escapeHTML(name))</text></g>"
        return out
    }

    func label(_ row: [QueryValue], _ columns: [Int]) -> (raw: String, shown: String) {
        let raw = columns.map { row[$0].text }.joined(separator: " · ")
        let shown = columns.map { text.display(row[$0], column: figure.table.columns[$0]) }.joined(separator: " · ")
        return (raw, shown)
    }

    // MARK: Bars

    func barChart(labels: [String], value: String) -> String? {
        let columns = figure.table.columns
        let labelColumns = labels.compactMap { columns.firstIndex(of: $0) }
        guard let valueColumn = columns.firstIndex(of: value), !figure.table.rows.isEmpty else { return nil }
        let money = figure.table.rows.contains {
            switch $0[valueColumn] {
            case .money, .incomplete: true
            default: false
            }
        }
        let incomplete = figure.table.rows.contains { ReportText.isIncomplete($0[valueColumn]) }
        let top = incomplete ? 20.0 : 0
        // Room for the words of an incomplete sum beside the longest bar.
        let valueWidth = incomplete ? 230.0 : Self.valueWidth
        let scale = Self.scale(figure.table.rows.compactMap { number($0[valueColumn]) }.max() ?? 0, whole: !money)
        let maximum = scale.step * Double(scale.steps)
        let span = Self.width - Self.labelWidth - valueWidth
        let height = Double(figure.table.rows.count) * Self.rowHeight + 50 + top
        var out = open(height: height, columns: labels + [value])
        if incomplete { out += incompleteLegend(x: Self.labelWidth, y: 4) }
        for (index, row) in figure.table.rows.enumerated() {
            let y = top + Double(index) * Self.rowHeight + 4
            let (raw, shown) = label(row, labelColumns)
            let amount = number(row[valueColumn])
            let mark = figure.marks[index]
            let width = amount.map { span * max(0, $0) / maximum } ?? 0
            let fill = mark == nil ? Self.dark : "url(#\(figure.id)-hatch)"
            let partial = ReportText.isIncomplete(row[valueColumn])
            out += "<g class=\"bar\" data-label=\"\(escapeHTML(raw))\" data-value=\"\(escapeHTML(row[valueColumn].text))\"\(partial ? " data-incomplete=\"true\"" : "")><title>\(escapeHTML(shown))\(words.colon)\(escapeHTML(text.display(row[valueColumn], column: value)))</title>"
            out += "<text x=\"\(n(Self.labelWidth - 8))\" y=\"\(n(y + 12))\" text-anchor=\"end\" font-size=\"12\">\(escapeHTML(short(shown)))</text>"
            if partial {
                out += incompleteBar(x: Self.labelWidth, y: y + 1, width: width, height: Self.barHeight)
            } else if amount != nil {
                out += "<rect x=\"\(n(Self.labelWidth))\" y=\"\(n(y + 1))\" width=\"\(n(max(width, 1)))\" height=\"\(n(Self.barHeight))\" fill=\"\(fill)\" stroke=\"\(mark == nil ? Self.dark : Self.alert)\"/>"
            }
            var valueText = text.display(row[valueColumn], column: value)
            if let mark { valueText = "▲ " + valueText + " (" + mark + ")" }
            out += "<text x=\"\(n(Self.labelWidth + width + (partial ? 20 : 6)))\" y=\"\(n(y + 12))\" font-size=\"12\"\(mark == nil ? "" : " font-weight=\"bold\"")>\(escapeHTML(valueText))</text></g>"
        }
        out += axis(top: top + Double(figure.table.rows.count) * Self.rowHeight + 6, scale: scale, money: money, valueWidth: valueWidth)
        return out + "</svg>"
    }

    // MARK: Credit against allocations

    func creditChart(labels: [String], allocated: String, credit: String) -> String? {
        let columns = figure.table.columns
        let labelColumns = labels.compactMap { columns.firstIndex(of: $0) }
        guard labelColumns.count == labels.count, let allocatedColumn = columns.firstIndex(of: allocated),
              let creditColumn = columns.firstIndex(of: credit) else { return nil }
        // Drawn: the articles with a stated credit, over-committed first, then by credit.
        let drawn = figure.table.rows.indices.filter { number(figure.table.rows[$0][creditColumn]) != nil }
            .sorted { a, b in
                let ma = figure.marks[a] != nil, mb = figure.marks[b] != nil
                if ma != mb { return ma }
                return (number(figure.table.rows[a][creditColumn]) ?? 0) > (number(figure.table.rows[b][creditColumn]) ?? 0)
            }
            .prefix(25)
        guard !drawn.isEmpty else { return nil }
        let scale = Self.scale(drawn.flatMap { [number(figure.table.rows[$0][creditColumn]), number(figure.table.rows[$0][allocatedColumn])] }.compactMap { $0 }.max() ?? 0, whole: false)
        let maximum = scale.step * Double(scale.steps)
        let pair = 34.0
        let incomplete = drawn.contains { ReportText.isIncomplete(figure.table.rows[$0][allocatedColumn]) }
        let valueWidth = incomplete ? 230.0 : Self.valueWidth
        let span = Self.width - Self.labelWidth - valueWidth
        let legend = incomplete ? 42.0 : 24.0
        let height = Double(drawn.count) * pair + 50 + legend
        var out = open(height: height)
        // Legend.
        out += "<g class=\"legend\" font-size=\"12\">"
        out += "<rect x=\"\(n(Self.labelWidth))\" y=\"4\" width=\"14\" height=\"10\" fill=\"\(Self.light)\" stroke=\"#555\"/><text x=\"\(n(Self.labelWidth + 18))\" y=\"13\">\(escapeHTML(words.legendCredit))</text>"
        out += "<rect x=\"\(n(Self.labelWidth + 130))\" y=\"4\" width=\"14\" height=\"10\" fill=\"\(Self.dark)\"/><text x=\"\(n(Self.labelWidth + 148))\" y=\"13\">\(escapeHTML(words.legendAllocated))</text>"
        out += "<rect x=\"\(n(Self.labelWidth + 240))\" y=\"4\" width=\"14\" height=\"10\" fill=\"url(#\(figure.id)-hatch)\" stroke=\"\(Self.alert)\"/><text x=\"\(n(Self.labelWidth + 258))\" y=\"13\">\(escapeHTML(words.legendOver))</text></g>"
        if incomplete { out += incompleteLegend(x: Self.labelWidth, y: 22) }
        for (position, index) in drawn.enumerated() {
            let row = figure.table.rows[index]
            let y = legend + Double(position) * pair + 2
            let mark = figure.marks[index]
            let stated = number(row[creditColumn]) ?? 0
            let used = number(row[allocatedColumn])
            let (raw, shown) = self.label(row, labelColumns)
            let partial = ReportText.isIncomplete(row[allocatedColumn])
            out += "<g class=\"credit\" data-label=\"\(escapeHTML(raw))\"\(partial ? " data-incomplete=\"true\"" : "") data-credit=\"\(escapeHTML(row[creditColumn].text))\" data-value=\"\(escapeHTML(row[allocatedColumn].text))\"\(mark == nil ? "" : " data-mark=\"over\"")>"
            out += "<title>\(escapeHTML(shown))\(words.colon)\(escapeHTML(words.legendCredit)) \(escapeHTML(text.display(row[creditColumn], column: credit))), \(escapeHTML(words.legendAllocated)) \(escapeHTML(text.display(row[allocatedColumn], column: allocated)))</title>"
            out += "<text x=\"\(n(Self.labelWidth - 8))\" y=\"\(n(y + 19))\" text-anchor=\"end\" font-size=\"12\"\(mark == nil ? "" : " font-weight=\"bold\"")>\(escapeHTML((mark == nil ? "" : "▲ ") + short(shown, 30)))</text>"
            let creditWidth = span * stated / maximum
            out += "<rect x=\"\(n(Self.labelWidth))\" y=\"\(n(y))\" width=\"\(n(max(creditWidth, 1)))\" height=\"12\" fill=\"\(Self.light)\" stroke=\"#555\"/>"
            out += "<text x=\"\(n(Self.labelWidth + creditWidth + 6))\" y=\"\(n(y + 10))\" font-size=\"11\">\(escapeHTML(text.display(row[creditColumn], column: credit)))</text>"
            let usedWidth = span * max(0, used ?? 0) / maximum
            if partial, mark == nil {
                out += incompleteBar(x: Self.labelWidth, y: y + 14, width: usedWidth, height: 12)
            } else if used != nil {
                let fill = mark == nil ? Self.dark : "url(#\(figure.id)-hatch)"
                out += "<rect x=\"\(n(Self.labelWidth))\" y=\"\(n(y + 14))\" width=\"\(n(max(usedWidth, 1)))\" height=\"12\" fill=\"\(fill)\" stroke=\"\(mark == nil ? Self.dark : Self.alert)\"/>"
            }
            var usedText = text.display(row[allocatedColumn], column: allocated)
            if partial, mark != nil {
                // Over-committed by its known part alone: hatched as such, and still open on the right.
                out += "<line x1=\"\(n(Self.labelWidth + usedWidth))\" y1=\"\(n(y + 20))\" x2=\"\(n(Self.labelWidth + usedWidth + 14))\" y2=\"\(n(y + 20))\" stroke=\"\(Self.alert)\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>"
            }
            if mark != nil, let a = Self.knownPart(row[allocatedColumn]), case .money(let c) = row[creditColumn] {
                usedText = "▲ " + usedText + " (+" + text.euros(Money(cents: a.cents - c.cents)) + ")"
            }
            out += "<text x=\"\(n(Self.labelWidth + usedWidth + (partial ? 20 : 6)))\" y=\"\(n(y + 24))\" font-size=\"11\"\(mark == nil ? "" : " font-weight=\"bold\" fill=\"\(Self.alert)\"")>\(escapeHTML(usedText))</text></g>"
        }
        out += axis(top: legend + Double(drawn.count) * pair + 4, scale: scale, money: true, valueWidth: valueWidth)
        return out + "</svg>"
    }

    // MARK: Before and after

    /// Two bars per total: before (light) and after (dark); a sum with unknown parts is drawn as
    /// its known part, in the incomplete style, and a version without lines gets no bar.
    func beforeAfterChart(_ bars: [BeforeAfterBar]) -> String? {
        guard !bars.isEmpty else { return nil }
        let incomplete = bars.contains { ReportText.isIncomplete($0.before) || ReportText.isIncomplete($0.after) }
        let valueWidth = incomplete ? 230.0 : Self.valueWidth
        let scale = Self.scale(bars.flatMap { [number($0.before), number($0.after)] }.compactMap { $0 }.max() ?? 0, whole: false)
        let maximum = scale.step * Double(scale.steps)
        let span = Self.width - Self.labelWidth - valueWidth
        let pair = 34.0
        let legend = incomplete ? 42.0 : 24.0
        var out = open(height: Double(bars.count) * pair + 50 + legend)
        out += "<g class=\"legend\" font-size=\"12\">"
        out += "<rect x=\"\(n(Self.labelWidth))\" y=\"4\" width=\"14\" height=\"10\" fill=\"\(Self.light)\" stroke=\"#555\"/><text x=\"\(n(Self.labelWidth + 18))\" y=\"13\">\(escapeHTML(words.legendBefore))</text>"
        out += "<rect x=\"\(n(Self.labelWidth + 130))\" y=\"4\" width=\"14\" height=\"10\" fill=\"\(Self.dark)\"/><text x=\"\(n(Self.labelWidth + 148))\" y=\"13\">\(escapeHTML(words.legendAfter))</text></g>"
        if incomplete { out += incompleteLegend(x: Self.labelWidth, y: 22) }
        for (position, bar) in bars.enumerated() {
            let y = legend + Double(position) * pair + 2
            out += "<g class=\"change\" data-label=\"\(escapeHTML(bar.label))\" data-before=\"\(escapeHTML(bar.beforeText))\" data-after=\"\(escapeHTML(bar.afterText))\">"
            out += "<title>\(escapeHTML(bar.shown))\(words.colon)\(escapeHTML(words.legendBefore)) \(escapeHTML(shown(bar.before))), \(escapeHTML(words.legendAfter)) \(escapeHTML(shown(bar.after)))</title>"
            out += "<text x=\"\(n(Self.labelWidth - 8))\" y=\"\(n(y + 19))\" text-anchor=\"end\" font-size=\"12\">\(escapeHTML(short(bar.shown, 30)))</text>"
            for (offset, value, fill, stroke) in [(0.0, bar.before, Self.light, "#555"), (14.0, bar.after, Self.dark, Self.dark)] {
                let width = span * max(0, number(value) ?? 0) / maximum
                let partial = ReportText.isIncomplete(value)
                if partial {
                    out += incompleteBar(x: Self.labelWidth, y: y + offset, width: width, height: 12, light: offset == 0)
                } else if number(value) != nil {
                    out += "<rect x=\"\(n(Self.labelWidth))\" y=\"\(n(y + offset))\" width=\"\(n(max(width, 1)))\" height=\"12\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
                }
                out += "<text x=\"\(n(Self.labelWidth + width + (partial ? 20 : 6)))\" y=\"\(n(y + offset + 10))\" font-size=\"11\">\(escapeHTML(shown(value)))</text>"
            }
            out += "</g>"
        }
        out += axis(top: legend + Double(bars.count) * pair + 4, scale: scale, money: true, valueWidth: valueWidth)
        return out + "</svg>"
    }

    /// A total as the chart writes it: `—` for a version without lines.
    private func shown(_ value: QueryValue) -> String {
        value == .missing ? words.noLines : text.display(value, column: "value")
    }

    // MARK: Timeline

    /// One block per dated deadline: the actions due in its span, and how many are overdue.
    package struct Block: Equatable {
        /// The deadline.
        package var deadline: Deadline
        /// The actions due.
        package var due: Int64
        /// Those overdue.
        package var overdue: Int64
    }

    /// The dated deadlines of the figure's rows, in order, with their counts summed over statuses.
    package static func blocks(_ table: ResultTable, deadline: String, count: String) -> [Block] {
        guard let d = table.columns.firstIndex(of: deadline), let c = table.columns.firstIndex(of: count) else { return [] }
        let o = table.columns.firstIndex(of: "overdue")
        var blocks: [Block] = []
        for row in table.rows {
            guard case .deadline(let value) = row[d], value.start != nil, value.end != nil else { continue }
            let due = Int64(row[c].text) ?? 0
            let overdue = o.flatMap { Int64(row[$0].text) } ?? 0
            if let index = blocks.firstIndex(where: { $0.deadline == value }) {
                blocks[index].due += due
                blocks[index].overdue += overdue
            } else {
                blocks.append(Block(deadline: value, due: due, overdue: overdue))
            }
        }
        return blocks.sorted { $0.deadline.sortKey < $1.deadline.sortKey }
    }

    func timelineChart(deadline: String, count: String) -> String? {
        let blocks = Self.blocks(figure.table, deadline: deadline, count: count)
        guard !blocks.isEmpty else { return nil }
        func position(_ day: Day) -> Double {
            Double(day.year) + (Double(day.month - 1) + Double(day.day - 1) / Double(Day.lastDay(ofMonth: day.month, year: day.year))) / 12
        }
        func after(_ day: Day) -> Double {
            position(day) + 1.0 / 12 / Double(Day.lastDay(ofMonth: day.month, year: day.year))
        }
        var first = blocks.compactMap { $0.deadline.start?.year }.min() ?? 2020
        var last = blocks.compactMap { $0.deadline.end?.year }.max() ?? first
        let todayDay = Day(iso: todayText)
        let showToday = todayDay.map { $0.year >= first - 1 && $0.year <= last + 1 } ?? false
        if showToday, let todayDay {
            first = min(first, todayDay.year)
            last = max(last, todayDay.year)
        }
        let left = 120.0, right = 20.0, top = 40.0, laneHeight = 28.0
        let span = Self.width - left - right
        let years = Double(last - first + 1)
        func x(_ value: Double) -> Double { left + span * (value - Double(first)) / years }
        func labelWidth(_ label: String) -> Double { Double(label.count) * 7.5 + 6 }
        /// Where a block's count goes: inside a bar without overdue actions when it fits, else
        /// beside the bar, on its right or, when the chart ends first, on its left.
        func placement(_ block: Block, _ x0: Double, _ x1: Double) -> (x: Double, anchor: String, from: Double, to: Double) {
            let width = labelWidth(Self.timelineLabel(block, text: text))
            if block.overdue == 0, width < x1 - x0 { return ((x0 + x1) / 2, "middle", x0, x1) }
            if x1 + 3 + width <= Self.width || x0 - 3 - width < left { return (x1 + 3, "start", x0, x1 + 3 + width) }
            return (x0 - 3, "end", x0 - 3 - width, x1)
        }
        let laneOrder = ["year", "end-of-year", "semester", "quarter", "month", "day", "period"]
        // Each form gets a lane; blocks whose drawing (bar and count) would overlap go on sub-lanes.
        var rows: [(form: String, sub: Int)] = []
        var placed: [(block: Block, row: Int)] = []
        for form in laneOrder {
            var ends: [Double] = []
            for block in blocks where block.deadline.form == form {
                guard let start = block.deadline.start, let end = block.deadline.end else { continue }
                let drawn = placement(block, x(position(start)), x(after(end)))
                let sub = ends.firstIndex { $0 <= drawn.from + 0.5 } ?? ends.count
                if sub == ends.count { ends.append(drawn.to); rows.append((form, sub)) } else { ends[sub] = drawn.to }
                placed.append((block, rows.firstIndex { $0.form == form && $0.sub == sub } ?? 0))
            }
        }
        let height = top + Double(rows.count) * laneHeight + 44
        var out = open(height: height)
        // Legend.
        out += "<g class=\"legend\" font-size=\"12\"><rect x=\"\(n(left))\" y=\"4\" width=\"14\" height=\"10\" fill=\"\(Self.light)\" stroke=\"\(Self.dark)\"/><text x=\"\(n(left + 18))\" y=\"13\">\(escapeHTML(words.legendDue))</text>"
        out += "<rect x=\"\(n(left + 170))\" y=\"4\" width=\"14\" height=\"10\" fill=\"url(#\(figure.id)-hatch)\" stroke=\"\(Self.alert)\"/><text x=\"\(n(left + 188))\" y=\"13\">\(escapeHTML(words.legendOverdue))</text></g>"
        // Years and semesters.
        let bottom = top + Double(rows.count) * laneHeight
        out += "<g class=\"axis\">"
        for year in first...(last + 1) {
            let xv = x(Double(year))
            out += "<line x1=\"\(n(xv))\" y1=\"\(n(top))\" x2=\"\(n(xv))\" y2=\"\(n(bottom + 4))\" stroke=\"#888\"/>"
            if year <= last {
                out += "<line x1=\"\(n(x(Double(year) + 0.5)))\" y1=\"\(n(top))\" x2=\"\(n(x(Double(year) + 0.5)))\" y2=\"\(n(bottom))\" stroke=\"#ccc\" stroke-dasharray=\"2 3\"/>"
                out += "<text x=\"\(n(x(Double(year) + 0.5)))\" y=\"\(n(bottom + 18))\" text-anchor=\"middle\" font-size=\"12\">\(year)</text>"
            }
        }
        out += "<line x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(left + span))\" y2=\"\(n(bottom))\" stroke=\"#333\"/>"
        out += "<text x=\"\(n(left + span / 2))\" y=\"\(n(bottom + 36))\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">\(escapeHTML(words.yearAxis))</text></g>"
        // Lane names.
        for (index, row) in rows.enumerated() where row.sub == 0 {
            out += "<text x=\"\(n(left - 8))\" y=\"\(n(top + Double(index) * laneHeight + 18))\" text-anchor=\"end\" font-size=\"12\">\(escapeHTML(words.lanes[row.form] ?? row.form))</text>"
        }
        if showToday, let todayDay {
            let xv = x(position(todayDay))
            out += "<g class=\"today\"><line x1=\"\(n(xv))\" y1=\"\(n(top - 4))\" x2=\"\(n(xv))\" y2=\"\(n(bottom))\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
            out += "<text x=\"\(n(xv))\" y=\"\(n(top - 7))\" text-anchor=\"\(xv > Self.width - 100 ? "end" : "middle")\" font-size=\"11\">\(escapeHTML(todayText))</text></g>"
        }
        for (block, row) in placed {
            guard let start = block.deadline.start, let end = block.deadline.end else { continue }
            let x0 = x(position(start)), x1 = x(after(end))
            let y = top + Double(row) * laneHeight + 4
            let late = block.overdue > 0
            let label = Self.timelineLabel(block, text: text)
            out += "<g class=\"due\" data-deadline=\"\(escapeHTML(block.deadline.description))\" data-value=\"\(block.due)\" data-overdue=\"\(block.overdue)\">"
            out += "<title>\(escapeHTML(block.deadline.description)) : \(block.due) \(escapeHTML(words.actionsWord))\(late ? ", \(block.overdue) \(escapeHTML(words.overdue))" : "")</title>"
            // The whole bar, light; its overdue part, hatched, from its start, as long as the
            // overdue actions' share of those due.
            let width = max(x1 - x0 - 1, 2)
            out += "<rect x=\"\(n(x0 + 0.5))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"20\" fill=\"\(Self.light)\" stroke=\"\(Self.dark)\"/>"
            if late {
                let share = block.due > 0 ? min(Double(block.overdue) / Double(block.due), 1) : 1
                out += "<rect class=\"overdue\" data-overdue=\"\(block.overdue)\" x=\"\(n(x0 + 0.5))\" y=\"\(n(y))\" width=\"\(n(width * share))\" height=\"20\" fill=\"url(#\(figure.id)-hatch)\" stroke=\"\(Self.alert)\" stroke-width=\"1.5\"/>"
            }
            let place = placement(block, x0, x1)
            out += "<text x=\"\(n(place.x))\" y=\"\(n(y + 14))\" font-size=\"12\"\(place.anchor == "start" ? "" : " text-anchor=\"\(place.anchor)\"")\(late ? " font-weight=\"bold\"" : "")>\(escapeHTML(label))</text></g>"
        }
        return out + "</svg>"
    }

    /// A timeline block's count as written beside or in its bar: `4`, or `4 (1 overdue)` when
    /// some of its actions are overdue.
    package static func timelineLabel(_ block: Block, text: ReportText) -> String {
        let due = text.grouped(String(block.due))
        guard block.overdue > 0 else { return due }
        return "\(due) (\(text.grouped(String(block.overdue))) \(text.language.words.overdue))"
    }

    /// The reference day, as the report gives it.
    package var todayText = ""
}
