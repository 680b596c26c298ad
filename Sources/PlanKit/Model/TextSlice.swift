/// A text held as a slice of a longer one (a title within its cell's text), so that reading it
/// copies nothing; it compares, hashes and encodes as the text it shows.
struct TextSlice: Sendable, Hashable, Codable {
    /// The text.
    var slice: Substring

    /// Holds `slice`.
    init(_ slice: Substring) { self.slice = slice }

    /// Holds the whole of `text`.
    init(_ text: String) { slice = Substring(text) }

    /// Decodes a string.
    init(from decoder: any Decoder) throws {
        slice = Substring(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the text as a string.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(slice))
    }
}
