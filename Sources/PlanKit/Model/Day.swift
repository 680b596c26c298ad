import Foundation

/// A calendar day (year, month, day), without a time or a time zone: what a plan's dates and
/// deadlines name.
///
/// ```swift
/// let day = Day(iso: "2021-07-01")          // 1 July 2021
/// let today = try Day.today(option: nil, environment: ProcessInfo.processInfo.environment)
/// ```
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, such as 2021.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to the month's last day.
    public var day: Int

    /// A day; `nil` when the month or the day does not exist (`2021-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.lastDay(ofMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2021-07-01` (ISO 8601) or `01/07/2021` (day first, as Belgian plans write it);
    /// `nil` for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            self.init(year: y, month: m, day: d)
            return
        }
        let slashed = text.split(separator: "/", omittingEmptySubsequences: false)
        if slashed.count == 3, (1...2).contains(slashed[0].count), (1...2).contains(slashed[1].count),
           slashed[2].count == 4, let d = Int(slashed[0]), let m = Int(slashed[1]), let y = Int(slashed[2]) {
            self.init(year: y, month: m, day: d)
            return
        }
        return nil
    }

    /// The last day (28 to 31) of a month of a year.
    public static func lastDay(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2021-07-01`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Orders days in time.
    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Why ``today(option:environment:now:)`` refused a date.
    public struct InvalidToday: Error, Sendable, Equatable, CustomStringConvertible {
        /// Where the date came from: `--today` or `PLANKIT_TODAY`.
        public var source: String
        /// The text as given.
        public var text: String
        /// A refusal of `text`, given by `source`.
        public init(source: String, text: String) {
            self.source = source
            self.text = text
        }

        /// One sentence naming the source, the text and the expected form.
        public var description: String {
            "\(source) '\(text)' is not a date; write it as YYYY-MM-DD, such as 2021-07-01."
        }
    }

    /// The day a command takes as today: the `--today` option when given, else the
    /// `PLANKIT_TODAY` environment variable, else the clock's date in the local time zone.
    ///
    /// Scripts and tests give one of the first two so that their answers do not change with the
    /// calendar.
    public static func today(option: String?, environment: [String: String], now: Date = Date()) throws(InvalidToday) -> Day {
        if let option {
            guard let day = Day(iso: option) else { throw InvalidToday(source: "--today", text: option) }
            return day
        }
        if let text = environment["PLANKIT_TODAY"], !text.isEmpty {
            guard let day = Day(iso: text) else { throw InvalidToday(source: "PLANKIT_TODAY", text: text) }
            return day
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? Day(checkedYear: 1970, month: 1, day: 1)
    }
}

extension Deadline {
    /// The first day the deadline's span covers: 1 January of a year, the first day of a
    /// semester, quarter or month, the day itself, or a period's first year; `nil` when ongoing.
    public var start: Day? {
        switch self {
        case .year(let y), .endOfYear(let y): Day(year: y, month: 1, day: 1)
        case .semester(let s, let y): Day(year: y, month: s == 1 ? 1 : 7, day: 1)
        case .quarter(let q, let y): Day(year: y, month: (q - 1) * 3 + 1, day: 1)
        case .month(let m, let y): Day(year: y, month: m, day: 1)
        case .day(let d, let m, let y): Day(year: y, month: m, day: d)
        case .period(let from, _): Day(year: from, month: 1, day: 1)
        case .ongoing: nil
        }
    }

    /// The last day the deadline's span covers, by which the action is due: 31 December of a
    /// year, the last day of a semester, quarter or month, the day itself, or a period's last
    /// year; `nil` when ongoing.
    public var end: Day? {
        switch self {
        case .day(let d, let m, let y): return Day(year: y, month: m, day: d)
        case .ongoing: return nil
        default:
            guard let year, let month else { return nil }
            return Day(year: year, month: month, day: Day.lastDay(ofMonth: month, year: year))
        }
    }
}
