extension Deadline: CustomStringConvertible {
    private static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// A canonical French rendering: `2e sem. 2020`, `T3 2021`, `mai 2022`, `30/06/2020`, `2019-2024`.
    public var description: String {
        switch self {
        case .year(let y): "\(y)"
        case .semester(let s, let y): s == 1 ? "1er sem. \(y)" : "2e sem. \(y)"
        case .quarter(let q, let y): "T\(q) \(y)"
        case .month(let m, let y): "\(Self.monthNames[max(0, min(11, m - 1))]) \(y)"
        case .endOfYear(let y): "fin \(y)"
        case .day(let d, let m, let y): (d < 10 ? "0\(d)" : "\(d)") + "/" + (m < 10 ? "0\(m)" : "\(m)") + "/\(y)"
        case .period(let from, let to): "\(from)-\(to)"
        case .ongoing: "en continu"
        }
    }
}
