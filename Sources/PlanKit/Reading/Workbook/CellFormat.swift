/// What a cell's number format shows of the number it holds: as many decimals as it has, a fixed
/// number of decimals (`0.00`, `#,##0.00 €`), or a date at some granularity (`dd/mm/yyyy`,
/// `mmmm yyyy`, `yyyy`).
enum CellFormat: Equatable {
    /// The number as it is (General, a percentage, a fraction, scientific notation, text).
    case general
    /// A fixed number of decimals: `0` shows none, `0.00` two.
    case decimals(Int)
    /// A date, shown to the day (or with its time), the month, the quarter or the year.
    case date(DateGranularity)

    /// How finely a date format shows its date.
    enum DateGranularity: Equatable {
        case day, month, quarter, year
    }

    /// The fixed number of decimals shown, when the format has one.
    var decimals: Int? {
        if case .decimals(let count) = self { return count }
        return nil
    }

    /// How finely a date format shows its date; `day` for any other format.
    var granularity: DateGranularity {
        if case .date(let granularity) = self { return granularity }
        return .day
    }

    /// Whether the format shows a date or a time.
    var isDate: Bool {
        if case .date = self { return true }
        return false
    }

    /// The format of an Office Open XML format code's first section (the one for positive
    /// numbers): `dmyhs` letters outside quoted text, escapes and brackets make a date; a month
    /// and a year without a day or a time are a month, a year alone a year; digit placeholders
    /// (`0`, `#`, `?`) after a decimal point count the decimals shown; a percent sign, an
    /// exponent or a fraction make it general.
    init(code: String) {
        var inQuotes = false, inBrackets = false, escaped = false
        var day = false, month = false, year = false, time = false
        var placeholders = false, pointSeen = false, afterPoint = false, decimals = 0, other = false
        scan: for character in code {
            if escaped { escaped = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets { if character == "]" { inBrackets = false }; continue }
            if afterPoint, !"0#?".contains(character) { afterPoint = false }
            switch character {
            case "\"": inQuotes = true
            case "\\", "_", "*": escaped = true
            case "[": inBrackets = true
            case ";": break scan
            case "d", "D": day = true
            case "m", "M": month = true
            case "y", "Y": year = true
            case "h", "H", "s", "S": time = true
            case "0", "#", "?":
                placeholders = true
                if afterPoint { decimals += 1 }
            case ".":
                if !pointSeen { pointSeen = true; afterPoint = true }
            case "%", "E", "e", "/": other = true
            default: break
            }
        }
        if day || month || year || time {
            if time || day || (month && !year) { self = .date(.day) }
            else if month { self = .date(.month) }
            else { self = .date(.year) }
        } else if other || !placeholders {
            self = .general
        } else {
            self = .decimals(decimals)
        }
    }

    /// The format of an Office Open XML built-in format id (`numFmtId` below 164 without a
    /// `numFmt` of its own).
    init(builtIn id: Int) {
        switch id {
        case 1, 3, 5, 6, 37, 38, 41, 42: self = .decimals(0)
        case 2, 4, 7, 8, 39, 40, 43, 44: self = .decimals(2)
        case 17: self = .date(.month)  // mmm-yy
        case 14...22, 27...36, 45...47, 50...58: self = .date(.day)
        default: self = .general
        }
    }
}
