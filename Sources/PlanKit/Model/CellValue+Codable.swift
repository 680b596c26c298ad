extension CellValue: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey { case state, value }

    /// Decodes `{"state": "known", "value": …}` or `{"state": "unknown"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let state = try container.decode(String.self, forKey: .state)
        guard let parsed = CellState(name: state) else {
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: container,
                debugDescription: "Unknown state \"\(state)\"; expected known, unknown, none or missing.")
        }
        self = try CellValue(parsed) { try container.decode(Value.self, forKey: .value) }
    }

    /// Encodes the state and, when known, the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stateName, forKey: .state)
        if case .known(let value) = self { try container.encode(value, forKey: .value) }
    }
}
