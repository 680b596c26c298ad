import Foundation

/// Reads the follow-up cells of a table laid out one row per action (iA.PST's Export, the French
/// template, a layout file's): status, progress, health, days, indicators, funding, amounts.
///
/// Each reading is taken only when it is the one possible; otherwise the value is unknown, the
/// cell's text is kept, and the returned warning (``ReadRule/unparsedCell``) names the cell and
/// says what to write. `??` is unknown, `/` and `-` none, a blank cell missing, as everywhere.
enum FollowUpCells {
    /// A value read from a cell, and the warning when the cell is not read.
    typealias Read<Value> = (cell: Cell<Value>, warning: Diagnostic?)

    static func unread(_ text: String, _ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.unparsedCell, location: location, message: message, text: text)
    }

    /// Reads a cell with `parse`, which gives the value or the warning's message.
    static func read<Value>(_ text: String, _ location: SourceLocation, _ parse: (String) -> Result<Value, Message>) -> Read<Value> {
        let trimmed = text.trimmed
        if let mark: CellValue<Value> = CellReader.mark(trimmed.utf8) { return (Cell(mark, text: text, location: location), nil) }
        switch parse(trimmed) {
        case .success(let value): return (Cell(.known(value), text: text, location: location), nil)
        case .failure(let message): return (Cell(.unknown, text: text, location: location), unread(text, location, message.text))
        }
    }

    /// Why a cell is not read: one sentence on what is wrong and what to write.
    struct Message: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    /// A status (`En cours`, `Réalisé`, `A agender`, `EN_COURS`).
    static func status(_ text: String, at location: SourceLocation) -> Read<FollowUpStatus> {
        read(text, location) { trimmed in
            FollowUpStatus(word: trimmed).map { .success($0) } ?? .failure(Message(
                "\"\(trimmed)\" is not a status PlanKit knows; its status is unknown. Write one of En cours, A agender, Réalisé, En attente, En pause, Bloqué, Annulé (or not started, in progress, waiting, problem, done, cancelled)."))
        }
    }

    /// A health (`bon`, `risque`, `blocage`, `pause`).
    static func health(_ text: String, at location: SourceLocation) -> Read<Health> {
        read(text, location) { trimmed in
            Health(word: trimmed).map { .success($0) } ?? .failure(Message(
                "\"\(trimmed)\" is not a health PlanKit knows; its health is unknown. Write bon, risque, blocage or pause."))
        }
    }

    /// A plain number: digits, and a decimal comma or point before one or two digits (three
    /// could group thousands); `nil` for anything else.
    static func number(_ text: some StringProtocol) -> Double? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "." }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts.count == 1 || parts[1].count <= 2 else { return nil }
        return Double(parts.joined(separator: "."))
    }

    /// A progress from 0 to 100 (`40`, `40 %`, `62,5`).
    static func progress(_ text: String, at location: SourceLocation) -> Read<Double> {
        read(text, location) { trimmed in
            var digits = Substring(trimmed)
            let percent = digits.hasSuffix("%")
            if percent { digits = digits.dropLast() }
            let core = digits.trimmingCharacters(in: .whitespaces)
            guard let value = number(core), value <= 100 else {
                return .failure(Message("\"\(trimmed)\" is not a progress from 0 to 100; its progress is unknown. Write a number such as 40 or 40 %."))
            }
            if !percent, value > 0, value < 1, value != value.rounded() {
                // A percentage cell of a workbook reads as its fraction: 0,4 may be 40 %.
                return .failure(Message("\"\(trimmed)\" could be \(core) % or \(Int((value * 100).rounded())) %; its progress is unknown. Write the percentage, such as \(Int((value * 100).rounded())) or \(core) %."))
            }
            return .success(value)
        }
    }

    /// Excel serials of the days 1950-01-01 to 2099-12-31 (the 1900 system): a date cell whose
    /// format was lost, as a text export writes it.
    static let serials = 18_264...73_050

    /// A day: `31/12/2024` (a workbook's date cell reads so), `2024-12-31`, a day with a time
    /// (`31/12/2024 14:30`: its day), or an Excel serial (`45657`, the 1900 system).
    static func day(_ text: String, at location: SourceLocation) -> Read<Day> {
        read(text, location) { trimmed in
            if let day = Day(iso: trimmed) { return .success(day) }
            let parts = trimmed.split(separator: " ")
            if parts.count == 2, parts[1].contains(":"), parts[1].allSatisfy({ $0.isASCIIDigit || $0 == ":" }), let day = Day(iso: String(parts[0])) {
                return .success(day)
            }
            if trimmed.allSatisfy(\.isASCIIDigit), let serial = Int(trimmed), serials.contains(serial),
               let written = WorkbookValue.serialDate(trimmed, date1904: false), let day = Day(iso: written) {
                return .success(day)
            }
            return .failure(Message("\"\(trimmed)\" is not a day PlanKit reads; the date is unknown. Write the day as 31/12/2024 or 2024-12-31."))
        }
    }

    /// Result indicators as iA.PST writes them: `label = reached / expected`, ` | ` between them.
    /// Every part read, or none: the warning names the first part that is not.
    static func indicators(_ text: String, at location: SourceLocation) -> (indicators: [Indicator], warning: Diagnostic?) {
        let trimmed = text.trimmed
        guard CellReader.mark(trimmed.utf8) as CellValue<Int>? == nil else { return ([], nil) }
        var indicators: [Indicator] = []
        for part in trimmed.split(separator: "|").map(\.trimmed) where !part.isEmpty {
            guard let equals = part.range(of: " = ", options: .backwards) ?? part.range(of: "=", options: .backwards) else {
                return ([], unread(text, location, "\"\(part)\" is not an indicator as iA.PST writes one (label = reached / expected); the cell is kept as written. Write each indicator so, with \" | \" between them."))
            }
            let label = part[..<equals.lowerBound].trimmed
            let values = part[equals.upperBound...].split(separator: "/", omittingEmptySubsequences: false).map(\.trimmed)
            guard !label.isEmpty, values.count == 2, let reached = number(values[0]), let target = number(values[1]) else {
                return ([], unread(text, location, "\"\(part)\" is not an indicator as iA.PST writes one (label = reached / expected): one number alone could be either; the cell is kept as written. Write both values, as in \"\(label.isEmpty ? "Participants" : label) = 40 / 50\"."))
            }
            indicators.append(Indicator(label: label, target: target, reached: reached, text: part, location: location))
        }
        return (indicators, nil)
    }

    /// The source a funder's name means; in a plan that is not Walloon, `Région` is another source.
    static func source(_ name: String, walloon: Bool) -> FundingSource {
        let source = FundingSource(word: name)
        if source == .wallonie, !walloon, !FollowUpStatus.fold(name).contains("wallon") { return .other }
        return source
    }

    /// An amount of euros, whole: `5.000`, `45 000`, `12500€`, `45000,5`.
    static func amount(_ text: String, at location: SourceLocation, what: String) -> (value: CellValue<Money>, warning: Diagnostic?) {
        let trimmed = text.trimmed
        if let mark: CellValue<Money> = CellReader.mark(trimmed.utf8) { return (mark, nil) }
        let bytes = Array(trimmed.utf8)
        switch AmountParser.parse(bytes, at: 0) {
        case .amount(let money, let end, _)? where end == bytes.count:
            return (.known(money), nil)
        case .unreadable(let notation, let end, _)? where end == bytes.count:
            return (.unknown, unread(text, location, AmountParser.message(for: notation, text: trimmed, outcome: "The \(what) counts as unknown.")))
        default:
            return (.unknown, unread(text, location, "\"\(trimmed)\" is not one amount of euros; the \(what) counts as unknown. Write one amount, such as 5.000 or 1.500,50 €."))
        }
    }

    /// Funding as iA.PST writes it: `2020 pour Wallonie: 2000€ | 2021 pour Europe: 500€` (year,
    /// source, amount). Every part read, or none: the warning names the first part that is not.
    static func funding(_ text: String, at location: SourceLocation, walloon: Bool) -> (funding: [Funding], warning: Diagnostic?) {
        let trimmed = text.trimmed
        guard CellReader.mark(trimmed.utf8) as CellValue<Int>? == nil else { return ([], nil) }
        var funding: [Funding] = []
        for part in trimmed.split(separator: "|").map(\.trimmed) where !part.isEmpty {
            func refuse(_ why: String) -> (funding: [Funding], warning: Diagnostic?) {
                ([], unread(text, location, "\"\(part)\" \(why); the cell is kept as written and no funding is read from it. Write each part as iA.PST does, \"2022 pour Wallonie: 12500€\", with \" | \" between them."))
            }
            let year = part.prefix(4)
            guard year.count == 4, year.allSatisfy(\.isASCIIDigit), let yearValue = Int(year),
                  let pour = part.range(of: " pour "), pour.lowerBound == part.index(part.startIndex, offsetBy: 4),
                  let colon = part.range(of: ":", options: .backwards), colon.lowerBound > pour.upperBound else {
                return refuse("is not a year, a source and an amount")
            }
            let name = part[pour.upperBound..<colon.lowerBound].trimmed
            let amountText = part[colon.upperBound...].trimmed
            let bytes = Array(amountText.utf8)
            guard !name.isEmpty, case .amount(let money, let end, _)? = AmountParser.parse(bytes, at: 0), end == bytes.count else {
                return refuse("has no amount PlanKit reads")
            }
            funding.append(Funding(source: source(name, walloon: walloon), sourceText: name, amount: .known(money), year: yearValue,
                                   text: part, location: location))
        }
        return (funding, nil)
    }
}
