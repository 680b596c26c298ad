extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey { case rule, location, message, text }

    /// Decodes `{"rule": …, "location": …, "message": …, "text": …}`; a document written before
    /// warnings had rules reads its warnings as ``ReadRule/unparsedCell``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decodeIfPresent(ReadRule.self, forKey: .rule) ?? .unparsedCell,
            location: try container.decode(SourceLocation.self, forKey: .location),
            message: try container.decode(String.self, forKey: .message),
            text: try container.decode(String.self, forKey: .text))
    }

    /// Encodes the rule, location, message and text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(location, forKey: .location)
        try container.encode(message, forKey: .message)
        try container.encode(text, forKey: .text)
    }
}
