extension CellValue: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey { case state, value }

    /// Decodes `{"state": "known", "value": …}` or `{"state": "unknown"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let state = try container.decode(String.self, forKey: .state)
        switch state {
        case "known": self = .known(try container.decode(Value.self, forKey: .value))
        case "unknown": self = .unknown
        case "none": self = .none
        case "missing": self = .missing
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: container,
                debugDescription: "Unknown state \"\(state)\"; expected known, unknown, none or missing.")
        }
    }

    /// Encodes the state and, when known, the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stateName, forKey: .state)
        if case .known(let value) = self { try container.encode(value, forKey: .value) }
    }
}
