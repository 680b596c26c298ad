/// Splits a query's text into tokens.
package struct Lexer {
    /// The text's characters after its leading spaces.
    private let characters: [Character]
    /// How many spaces lead the text (a statement aligned under its column in a line).
    private let padding: Int
    private var index = 0
    private var line = 1
    private var column: Int
    private let parameters: [String: String]

    /// Creates a lexer over `text`; `$name` stands for `parameters[name]`.
    public init(_ text: String, parameters: [String: String] = [:]) {
        // Leading spaces are skipped as bytes: a statement late in a long line is aligned
        // with as many, and locations count them without making a character of each.
        // The last space stays when a non-ASCII scalar follows, which may combine with it.
        var padding = text.utf8.prefix { $0 == UInt8(ascii: " ") }.count
        if padding > 0, let next = text.utf8.dropFirst(padding).first, next >= 0x80 { padding -= 1 }
        characters = Array(Substring(text.utf8.dropFirst(padding)))
        self.padding = padding
        column = padding + 1
        self.parameters = parameters
    }

    /// The offset in the text of the character at `index`.
    private var offset: Int { index + padding }

    /// All the tokens of the text, ending with an `eof` token; a parameter `$name` is its
    /// value's token, a number or a string, located where `$name` is.
    ///
    /// - Throws: ``QueryError`` for a character that starts no token, an unterminated string, or a
    ///   parameter `$name` that `parameters` does not hold.
    public static func tokenize(_ text: String, parameters: [String: String] = [:]) throws(QueryError) -> [Token] {
        var lexer = Lexer(text, parameters: parameters)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .eof { return tokens }
        }
    }

    private func location(length: Int = 1) -> QueryLocation {
        QueryLocation(offset: offset, line: line, column: column, length: length)
    }

    private mutating func advance() {
        if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < characters.count ? characters[index + ahead] : nil
    }

    /// The next token.
    public mutating func next() throws(QueryError) -> Token {
        // White space and `--` comments.
        while let c = peek() {
            if c.isWhitespace { advance(); continue }
            if c == "-", peek(1) == "-" {
                while let d = peek(), d != "\n" { advance() }
                continue
            }
            break
        }
        guard let c = peek() else { return Token(kind: .eof, text: "", location: location()) }
        let start = location()
        func single(_ kind: Token.Kind, _ length: Int = 1) -> Token {
            var loc = start
            loc.length = length
            for _ in 0..<length { advance() }
            return Token(kind: kind, text: String(characters[(loc.offset - padding)..<(loc.offset - padding + length)]), location: loc)
        }
        switch c {
        case "=": return peek(1) == "=" ? single(.equal, 2) : single(.equal)
        case "!":
            if peek(1) == "=" { return single(.notEqual, 2) }
            if peek(1) == "~" { return single(.notMatch, 2) }
            throw QueryError("'!' must be followed by '=' or '~'; write != or !~.", at: start)
        case "<":
            if peek(1) == "=" { return single(.lessEqual, 2) }
            if peek(1) == ">" { return single(.notEqual, 2) }
            return single(.less)
        case ">": return peek(1) == "=" ? single(.greaterEqual, 2) : single(.greater)
        case "~": return single(.match)
        case "(": return single(.leftParen)
        case ")": return single(.rightParen)
        case ",": return single(.comma)
        case ".": return single(.dot)
        case "*": return single(.star)
        case "+": return single(.plus)
        case "/": return single(.slash)
        case "-" where peek(1)?.isASCIIDigit != true: return single(.minus)
        case "\"", "'": return try string(quote: c, start: start)
        case "$": return try parameter(start: start)
        default: break
        }
        if c.isASCIIDigit || (c == "-" && peek(1)?.isASCIIDigit == true) {
            var text = ""
            if c == "-" { text.append(c); advance() }
            while let d = peek(), d.isASCIIDigit || d == "_" { if d != "_" { text.append(d) }; advance() }
            if peek() == ".", peek(1)?.isASCIIDigit == true {
                text.append("."); advance()
                while let d = peek(), d.isASCIIDigit { text.append(d); advance() }
            }
            var loc = start
            loc.length = offset - start.offset
            return Token(kind: .number, text: text, location: loc)
        }
        if c.isLetter || c == "_" {
            var text = ""
            while let d = peek(), d.isLetter || d.isNumber || d == "_" || (d == "-" && peek(1)?.isLetter == true) {
                text.append(d); advance()
            }
            var loc = start
            loc.length = text.count
            return Token(kind: .identifier, text: text, location: loc)
        }
        throw QueryError("Unexpected character \(Self.describe(c)); names are letters and digits, strings are in double quotes.", at: start)
    }

    /// `$name`: the parameter's value, as a number when it reads as one, else as a string.
    private mutating func parameter(start: QueryLocation) throws(QueryError) -> Token {
        advance()
        var name = ""
        while let d = peek(), d.isLetter || d.isNumber || d == "_" { name.append(d); advance() }
        var loc = start
        loc.length = name.count + 1
        guard !name.isEmpty else {
            throw QueryError("'$' starts a parameter such as $year; write its name after it.", at: loc)
        }
        guard let value = parameters[name] else {
            throw QueryError("The parameter $\(name) has no value; give one with --param \(name)=VALUE, as in plankit run script.pkq --param \(name)=2021, or in the console with .param \(name)=VALUE.", at: loc)
        }
        return Token(kind: Self.isNumber(value) ? .number : .string, text: value, location: loc, parameter: name)
    }

    /// Whether `text` reads as a number literal: `2021`, `-3`, `1500.50`.
    package static func isNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : text[...]
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    private mutating func string(quote: Character, start: QueryLocation) throws(QueryError) -> Token {
        advance()
        var text = ""
        while let c = peek() {
            if c == quote {
                if peek(1) == quote { text.append(quote); advance(); advance(); continue }
                advance()
                var loc = start
                loc.length = offset - start.offset
                return Token(kind: .string, text: text, location: loc)
            }
            if c == "\\", let next = peek(1), next == quote || next == "\\" {
                text.append(next); advance(); advance(); continue
            }
            text.append(c)
            advance()
        }
        throw QueryError("This string is never closed; end it with \(quote).", at: start)
    }
}

extension Lexer {
    /// `'x'` for a printable character, `U+0000` for a control character.
    static func describe(_ c: Character) -> String {
        guard let scalar = c.unicodeScalars.first else { return "''" }
        if scalar.value < 32 || scalar.value == 127 || (scalar.value >= 0x80 && scalar.value < 0xA0) || scalar == "\u{FFFD}" {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(c)'"
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
}
