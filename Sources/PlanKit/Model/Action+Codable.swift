extension Action: Codable {
    /// Decodes an action: one key per field of ``Fields``; its ``budget`` is derived from the two
    /// budget cells. A field added after a file was written is absent from it and takes its default.
    public init(from decoder: any Decoder) throws {
        holder = FieldsBox(try Fields(from: decoder))
    }

    /// Encodes the action's fields, one key each; ``budget`` is not written, being derived.
    public func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
    }
}
