/// When an action is due, in every form the plans write it.
public enum Deadline: Sendable, Hashable {
    /// `2020`.
    case year(Int)
    /// `2e sem. 2020`, `1er semestre 2021`: semester 1 or 2 of a year.
    case semester(Int, year: Int)
    /// `T3 2021`: quarter 1 to 4 of a year.
    case quarter(Int, year: Int)
    /// `Mai 2022`: month 1 to 12 of a year.
    case month(Int, year: Int)
    /// `fin 2022`: the end of a year.
    case endOfYear(Int)
    /// `30/06/2020` or `2020-06-30` (eComptes' DateFin): a day.
    case day(Int, month: Int, year: Int)
    /// `2019-2024`: a period; its deadline is its end.
    case period(from: Int, to: Int)
    /// `En continu`: ongoing, no deadline.
    case ongoing

    /// The year the action is due: a period's end year; `nil` when ongoing.
    public var year: Int? {
        switch self {
        case .year(let y), .semester(_, let y), .quarter(_, let y), .month(_, let y), .endOfYear(let y):
            y
        case .day(_, _, let y): y
        case .period(_, let to): to
        case .ongoing: nil
        }
    }

    /// The last month (1-12) of the deadline's year by which the action is due.
    public var month: Int? {
        switch self {
        case .year, .endOfYear, .period: 12
        case .semester(let s, _): s * 6
        case .quarter(let q, _): q * 3
        case .month(let m, _), .day(_, let m, _): m
        case .ongoing: nil
        }
    }

    /// The form's name: `year`, `semester`, `quarter`, `month`, `end-of-year`, `period`, `ongoing`.
    public var form: String {
        switch self {
        case .year: "year"
        case .semester: "semester"
        case .quarter: "quarter"
        case .month: "month"
        case .endOfYear: "end-of-year"
        case .day: "day"
        case .period: "period"
        case .ongoing: "ongoing"
        }
    }

    /// A sortable key: year × 10 000 + month × 100 + day (31 for a whole month); ongoing sorts last.
    public var sortKey: Int {
        guard let year, let month else { return Int.max }
        if case .day(let d, _, _) = self { return year * 10_000 + month * 100 + d }
        return year * 10_000 + month * 100 + 31
    }
}
