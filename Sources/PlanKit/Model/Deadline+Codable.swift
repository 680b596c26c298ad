extension Deadline: Codable {
    private enum CodingKeys: String, CodingKey { case form, number, year, from, to, month }

    /// Decodes `{"form": "semester", "number": 2, "year": 2020}` and the other forms.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let form = try c.decode(String.self, forKey: .form)
        switch form {
        case "year": self = .year(try c.decode(Int.self, forKey: .year))
        case "semester": self = .semester(try c.decode(Int.self, forKey: .number), year: try c.decode(Int.self, forKey: .year))
        case "quarter": self = .quarter(try c.decode(Int.self, forKey: .number), year: try c.decode(Int.self, forKey: .year))
        case "month": self = .month(try c.decode(Int.self, forKey: .number), year: try c.decode(Int.self, forKey: .year))
        case "end-of-year": self = .endOfYear(try c.decode(Int.self, forKey: .year))
        case "day":
            self = .day(try c.decode(Int.self, forKey: .number), month: try c.decode(Int.self, forKey: .month), year: try c.decode(Int.self, forKey: .year))
        case "period": self = .period(from: try c.decode(Int.self, forKey: .from), to: try c.decode(Int.self, forKey: .to))
        case "ongoing": self = .ongoing
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .form, in: c, debugDescription: "Unknown deadline form \"\(form)\".")
        }
    }

    /// Encodes the form and its numbers.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(form, forKey: .form)
        switch self {
        case .year(let y), .endOfYear(let y): try c.encode(y, forKey: .year)
        case .semester(let n, let y), .quarter(let n, let y), .month(let n, let y):
            try c.encode(n, forKey: .number)
            try c.encode(y, forKey: .year)
        case .period(let from, let to):
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        case .day(let d, let m, let y):
            try c.encode(d, forKey: .number)
            try c.encode(m, forKey: .month)
            try c.encode(y, forKey: .year)
        case .ongoing: break
        }
    }
}
