/// A statement cut from the console's input, with where it starts.
public struct StatementText: Sendable, Equatable {
    /// The statement's text, comments kept, without a trailing `;`.
    public var text: String
    /// The 1-based line where it starts.
    public var line: Int
    /// The 1-based column where it starts.
    public var column: Int

    /// Creates a statement text.
    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }

    /// The text padded so that its first line's columns match the input's.
    public var aligned: String {
        // The spaces made as bytes: a statement late in a long line has thousands.
        String(decoding: [UInt8](repeating: UInt8(ascii: " "), count: max(0, column - 1)), as: UTF8.self) + text
    }
}

/// Cuts input lines into statements.
///
/// A meta-command (`.load …`) is one line. A statement ends at the end of a line, unless a
/// parenthesis or a string is still open, the line ends with `\`, or its last word asks for
/// more (`where`, `and`, `or`, `not`, `by`, `select`, `,`, an operator…). `;` ends a statement
/// mid-line. `--` starts a comment. In scripts, an indented line also continues the statement
/// before it, so clauses can sit on lines of their own.
package struct StatementSplitter {
    /// Whether an indented line continues the statement above it (scripts).
    package let indentedLinesContinue: Bool
    private var held: StatementText?
    private var buffer = ""
    private var startLine = 0
    private var startColumn = 1
    private var lineNumber = 0

    /// Words after which a statement goes on to the next line.
    static let continuationWords: Set<String> = [
        "where", "and", "or", "not", "by", "select", "group", "sort", "order", "in", "is", "as", "assert", "limit",
    ]

    /// Creates a splitter.
    package init(indentedLinesContinue: Bool = false) {
        self.indentedLinesContinue = indentedLinesContinue
    }

    /// Whether a statement has started and is waiting for more lines.
    package var isPending: Bool { !buffer.isEmpty }

    /// Drops a pending statement (Ctrl-C).
    package mutating func reset() {
        buffer = ""
        held = nil
    }

    /// Feeds one line; returns the statements it completes.
    package mutating func feed(_ line: String) -> [StatementText] {
        guard indentedLinesContinue else { return split(line) }
        if let statement = held {
            held = nil
            let continues = (line.first == " " || line.first == "\t") && !line.allSatisfy(\.isWhitespace)
                && !line.drop(while: \.isWhitespace).hasPrefix("--") && !statement.text.hasPrefix(".")
            guard continues else { return [statement] + hold(split(line)) }
            // Reopen the held statement: this line extends it.
            buffer = statement.text
            startLine = statement.line
            startColumn = statement.column
        }
        return hold(split(line))
    }

    /// Keeps the last complete statement back until the next line shows whether it continues.
    private mutating func hold(_ statements: [StatementText]) -> [StatementText] {
        guard indentedLinesContinue, let last = statements.last, buffer.isEmpty else { return statements }
        held = last
        return Array(statements.dropLast())
    }

    private mutating func split(_ line: String) -> [StatementText] {
        lineNumber += 1
        var statements: [StatementText] = []
        let characters = Array(line)
        var quote: Character?
        var index = 0
        var segmentStart = 0
        if buffer.isEmpty {
            // A meta-command runs to the end of the line, or to a `;` outside quotes.
            let leading = characters.prefix { $0 == " " || $0 == "\t" }.count
            if leading < characters.count, characters[leading] == "." {
                var end = leading
                var metaQuote: Character?
                while end < characters.count {
                    let c = characters[end]
                    if let q = metaQuote { if c == q { metaQuote = nil } } else if c == "\"" || c == "'" { metaQuote = c } else if c == ";" { break }
                    end += 1
                }
                let text = String(characters[leading..<end]).trimmingTrailingWhitespace
                statements.append(StatementText(text: text, line: lineNumber, column: leading + 1))
                guard end < characters.count else { return statements }
                segmentStart = end + 1
                index = end + 1
            }
        }
        func begin(at column: Int) {
            if buffer.isEmpty {
                startLine = lineNumber
                startColumn = column + 1
            }
        }
        // Scan the line for `;` outside strings and comments; the buffer keeps the rest.
        var commentAt: Int?
        while index < characters.count {
            let c = characters[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                commentAt = index
                break
            } else if c == ";" {
                let segment = String(characters[segmentStart..<index])
                if !segment.allSatisfy(\.isWhitespace) || !buffer.isEmpty {
                    let skip = segment.prefix { $0.isWhitespace }.count
                    begin(at: segmentStart + skip)
                    append(String(segment.dropFirst(buffer.isEmpty ? skip : 0)))
                    if let statement = flush() { statements.append(statement) }
                }
                segmentStart = index + 1
            }
            index += 1
        }
        let rest = String(characters[segmentStart...])
        let code = commentAt.map { String(characters[segmentStart..<$0]) } ?? rest
        if buffer.isEmpty && code.allSatisfy(\.isWhitespace) {
            return statements
        }
        let skip = buffer.isEmpty ? rest.prefix { $0.isWhitespace }.count : 0
        begin(at: segmentStart + skip)
        append(String(rest.dropFirst(skip)))
        if Self.isComplete(buffer) {
            if let statement = flush() { statements.append(statement) }
        } else if buffer.hasSuffix("\\") {
            buffer.removeLast()
        }
        return statements
    }

    /// Ends the input: the held statement, then a pending one as it is (which will fail to parse).
    package mutating func finish() -> [StatementText] {
        var statements: [StatementText] = []
        if let held { statements.append(held) }
        held = nil
        if let pending = flush() { statements.append(pending) }
        return statements
    }

    private mutating func append(_ text: String) {
        buffer += buffer.isEmpty ? text : "\n" + text
    }

    private mutating func flush() -> StatementText? {
        defer { buffer = "" }
        let text = buffer.trimmingTrailingWhitespace
        guard !text.isEmpty else { return nil }
        return StatementText(text: text, line: startLine, column: startColumn)
    }

    /// Whether `text` is a whole statement.
    package static func isComplete(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        var lastWord = ""
        var lastSymbol: Character?
        var word = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if let q = quote {
                if c == q { quote = nil; lastWord = "\""; lastSymbol = nil }
                index += 1
                continue
            }
            if c == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if c.isLetter || c.isNumber || c == "_" || c == "." {
                word.append(c)
            } else {
                if !word.isEmpty { lastWord = word.lowercased(); lastSymbol = nil; word = "" }
                if c == "\"" || c == "'" { quote = c }
                else if c == "(" { depth += 1; lastSymbol = c; lastWord = "" }
                else if c == ")" { depth -= 1; lastSymbol = nil; lastWord = ")" }
                else if !c.isWhitespace { lastSymbol = c; lastWord = "" }
            }
            index += 1
        }
        if !word.isEmpty { lastWord = word.lowercased(); lastSymbol = nil }
        if quote != nil || depth > 0 { return false }
        if text.trimmingTrailingWhitespace.hasSuffix("\\") { return false }
        if let symbol = lastSymbol, ",=<>~!(".contains(symbol) { return false }
        return !continuationWords.contains(lastWord)
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
