/// A token of the query language.
package struct Token: Sendable, Hashable {
    /// What kind of token this is; the raw value is how messages name it.
    public enum Kind: String, Sendable, Hashable {
        case identifier = "a name"
        case string = "a string"
        case number = "a number"
        case equal = "'='"
        case notEqual = "'!='"
        case less = "'<'"
        case lessEqual = "'<='"
        case greater = "'>'"
        case greaterEqual = "'>='"
        case match = "'~'"
        case notMatch = "'!~'"
        case leftParen = "'('"
        case rightParen = "')'"
        case comma = "','"
        case dot = "'.'"
        case star = "'*'"
        case plus = "'+'"
        case minus = "'-'"
        case slash = "'/'"
        case eof = "the end of the query"
    }

    /// The token's kind.
    public var kind: Kind
    /// The token's text: a name as written, a string's decoded content, a number's digits.
    public var text: String
    /// Where the token is.
    public var location: QueryLocation
    /// The parameter's name, for the value of a parameter `$name`.
    public var parameter: String?

    /// Creates a token.
    public init(kind: Kind, text: String, location: QueryLocation, parameter: String? = nil) {
        self.kind = kind
        self.text = text
        self.location = location
        self.parameter = parameter
    }

    /// Whether this token is the keyword `word` (keywords are case-insensitive).
    public func isKeyword(_ word: String) -> Bool {
        kind == .identifier && text.lowercased() == word
    }

    /// How an error message names this token.
    var display: String {
        switch kind {
        case .identifier: "'\(text)'"
        case .string: "the string \"\(text)\""
        case .number: "the number \(text)"
        default: kind.rawValue
        }
    }
}
