import Foundation

/// Turns the cells of a workbook's sheet, row by row, into the rows ``PlanBuilder`` reads: a
/// row's cell texts laid end to end in one buffer, each cell a range of it.
struct SheetRows {
    /// A cell of the row being read: its 0-based column, its text and its fill (a colour's key).
    struct Cell {
        var column: Int
        var text: String
        var fill: String?
    }

    /// The most columns read, as in text exports (``DelimitedTable/maximumColumns``).
    static let maximumColumns = DelimitedTable.maximumColumns

    /// The most cells a sheet's repetitions may add: copies of a repeated row's cells (ODS
    /// `number-rows-repeated`) and of values merged down. As many as a sheet of a million rows
    /// of one cell holds; a few bytes cannot stand for billions of cells.
    static let maximumRepeatedCells = 1 << 20

    /// The cells repetitions have added so far (see ``maximumRepeatedCells``).
    var repeatedCells = 0

    /// The cells of the row being read, in any order.
    var cells: [Cell] = []
    /// Values merged down several rows: each covered cell of `column`, down to `lastRow`, reads `text`.
    var mergedDown: [(column: Int, lastRow: Int, text: String, fill: String?)] = []
    /// The row built, its room kept from row to row.
    private var row = DelimitedTable.Row(line: 0)

    /// Adds a cell; blank cells are not kept.
    mutating func add(column: Int, text: String, fill: String?) {
        if text.utf8.contains(where: { $0 > Byte.space }) || fill != nil { cells.append(Cell(column: column, text: text, fill: fill)) }
    }

    /// Notes that the cell at `column` of row `row` is merged down to `lastRow`: the rows below
    /// read its value in that column (a deadline shared by two actions).
    mutating func mergeDown(column: Int, row: Int, lastRow: Int) {
        guard lastRow > row, let cell = cells.last(where: { $0.column == column }),
              cell.text.utf8.contains(where: { $0 > Byte.space }) else { return }
        mergedDown.append((column, lastRow, cell.text, cell.fill))
    }

    /// The row numbered `number` made of the cells added since the last one, and each non-blank
    /// cell's fill by column; the cells are then forgotten.
    mutating func finish(number: Int) -> (row: DelimitedTable.Row, fills: [Int: String]) {
        if !mergedDown.isEmpty {
            mergedDown.removeAll { $0.lastRow < number }
            var filled = Set(cells.lazy.filter { !$0.text.isEmpty }.map(\.column))
            for merged in mergedDown where !filled.contains(merged.column) {
                cells.append(Cell(column: merged.column, text: merged.text, fill: merged.fill))
                filled.insert(merged.column)
                repeatedCells += 1
            }
        }
        cells.sort { $0.column < $1.column }
        row.line = number
        row.bytes.removeAll(keepingCapacity: true)
        row.starts.removeAll(keepingCapacity: true)
        row.ends.removeAll(keepingCapacity: true)
        var fills: [Int: String] = [:]
        for cell in cells {
            // Columns before this cell are blank.
            while row.ends.count < cell.column {
                row.starts.append(row.bytes.count)
                row.ends.append(row.bytes.count)
            }
            if let fill = cell.fill { fills[cell.column] = fill }
            if row.ends.count > cell.column {
                // Two cells in one column (a malformed file): the later one is appended.
                row.bytes.append(Byte.lineFeed)
                row.bytes.append(contentsOf: cell.text.utf8)
                row.ends[cell.column] = row.bytes.count
                continue
            }
            row.starts.append(row.bytes.count)
            row.bytes.append(contentsOf: cell.text.utf8)
            row.ends.append(row.bytes.count)
        }
        cells.removeAll(keepingCapacity: true)
        return (row, fills)
    }

    /// The error for a sheet whose repetitions would add more than ``maximumRepeatedCells`` cells,
    /// at the row that passes the limit.
    static func repeatedCellsError(at location: SourceLocation) -> PlanReadError {
        PlanReadError(
            location: location,
            message: "This row is repeated (or its cells merged down) over more than \(maximumRepeatedCells) cells in all, far more than a plan holds; the sheet is not read. Delete the repeated rows below the plan's table (or unmerge the cells), and save the workbook again.")
    }

    /// A cell reference's 0-based column and 1-based row: `G12` → (6, 12); `nil` when malformed.
    static func reference(_ text: String) -> (column: Int, row: Int)? {
        reference(utf8: text.utf8)
    }

    /// A cell reference's 0-based column and 1-based row, from its UTF-8 bytes.
    static func reference<Bytes: Collection<UInt8>>(utf8: Bytes) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - 64)
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - 96)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
            if letters > 4 || digits > 8 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (column - 1, row)
    }
}

/// Renders the values a workbook stores as the text a cell shows in a text export.
enum WorkbookValue {
    /// A number as a text export writes it: integers without decimals (`2020`, `5000`), others
    /// with a decimal comma and no grouping (`0,5`, `1500,75`). The number is first taken to the
    /// 15 significant digits office software shows (`0.30000000000000004` is `0,3`), then, when
    /// its format shows a fixed number of `decimals`, rounded half away from zero to them, as the
    /// cell shows it (`1493.261` in `#,##0.00 €` is `1493,26`).
    static func number(_ text: String, decimals: Int? = nil) -> String {
        guard let value = Double(text.trimmed), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let shown = String(format: "%.15g", value)
        if let decimals, decimals >= 0, decimals < 15, var exact = Decimal(string: shown) {
            var rounded = Decimal()
            NSDecimalRound(&rounded, &exact, decimals, .plain)
            let written = rounded.description
            if !written.contains("e"), !written.contains("E") {
                return written == "-0" ? "0" : written.replacingOccurrences(of: ".", with: ",")
            }
        }
        let significant = Double(shown) ?? value
        if significant == significant.rounded(), abs(significant) < 1e15 { return String(Int64(significant)) }
        var written = "\(significant)"
        if written.contains("e") {
            written = String(format: "%.15f", significant)
            while written.hasSuffix("0") { written.removeLast() }
        }
        return written.replacingOccurrences(of: ".", with: ",")
    }

    /// A number as ``number(_:decimals:)`` writes it, rounded to the decimals the cell's
    /// `shown` text displays when those are fewer than the number's and the digits agree
    /// (`1493.261` shown `1.493,26 €` is `1493,26`); else the number as it is.
    static func number(_ text: String, shown: String) -> String {
        let plain = number(text)
        guard let comma = plain.utf8.firstIndex(of: UInt8(ascii: ",")) else { return plain }
        func digits(_ written: String) -> Substring {
            let all = String(written.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }.map(Character.init))
            return all.drop { $0 == "0" }
        }
        let shownDigits = digits(shown)
        guard !shownDigits.isEmpty else { return plain }
        let places = plain.utf8.distance(from: comma, to: plain.utf8.endIndex) - 1
        for decimals in 0..<places {
            let rounded = number(text, decimals: decimals)
            if digits(rounded) == shownDigits { return rounded }
        }
        return plain
    }

    /// A date ``date(days:seconds:)`` wrote (`01/05/2022`) as a format of `granularity` shows
    /// it, in a form the deadline grammar reads: `Mai 2022`, `T2 2022`, `2022`.
    static func date(_ written: String, granularity: CellFormat.DateGranularity) -> String {
        let parts = written.prefix(10).split(separator: "/")
        guard granularity != .day, parts.count == 3, let month = Int(parts[1]), (1...12).contains(month) else { return written }
        let year = parts[2]
        switch granularity {
        case .day: return written
        case .month: return "\(monthNames[month - 1]) \(year)"
        case .quarter: return "T\((month + 2) / 3) \(year)"
        case .year: return String(year)
        }
    }

    /// The `read.formula-without-value` warning's message.
    static let formulaWithoutValueMessage = "This cell holds a formula without its computed value; PlanKit does not compute formulas, so the cell counts as unknown (??), never as blank. Open and save the workbook in a spreadsheet program, or write the value."

    /// The months' names, as the deadline grammar reads them.
    static let monthNames = [
        "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre",
    ]

    /// A day (and time) as `31/12/2020` (`31/12/2020 14:30` when the time is not midnight), from
    /// days since 1970-01-01 and seconds in the day.
    static func date(days: Int, seconds: Int) -> String {
        let (y, m, d) = Day.civil(daysSince1970: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let day = "\(two(d))/\(two(m))/\(y)"
        guard seconds > 0 else { return day }
        return "\(day) \(two(seconds / 3600)):\(two(seconds / 60 % 60))"
    }

    /// An Excel serial date: days since 1899-12-30 (the 1900 system, whose serial 60 is the
    /// 29 February 1900 that never was) or since 1904-01-01; `nil` when out of range.
    static func serialDate(_ text: String, date1904: Bool) -> String? {
        guard let serial = Double(text.trimmed), serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var whole = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(whole)) * 86_400).rounded())
        if seconds >= 86_400 { whole += 1 }
        let days: Int
        if date1904 {
            days = whole - 24_107  // 1904-01-01 is 24107 days before 1970-01-01.
        } else {
            // 1899-12-30 is 25569 days before 1970-01-01; serials below 61 count the false 29 February.
            days = whole < 61 ? whole - 25_568 : whole - 25_569
        }
        return date(days: days, seconds: seconds % 86_400)
    }

    /// An ISO date or date-time (`2020-12-31`, `2020-12-31T14:30:00`) as ``date(days:seconds:)`` writes it.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "T", maxSplits: 1)
        let ymd = parts.first.map { $0.split(separator: "-").compactMap { Int($0) } } ?? []
        guard ymd.count == 3 else { return nil }
        var seconds = 0
        if parts.count == 2 {
            let hms = parts[1].split(separator: ":").map { Double($0) ?? 0 }
            let total = (hms.first ?? 0) * 3600 + (hms.count > 1 ? hms[1] * 60 : 0) + (hms.count > 2 ? hms[2] : 0)
            guard total.isFinite, total >= 0, total < 86_400 else { return nil }
            seconds = Int(total)
        }
        let (y, m, d) = (ymd[0], ymd[1], ymd[2])
        guard (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return date(days: Day.daysSince1970(year: y, month: m, day: d), seconds: seconds)
    }
}
