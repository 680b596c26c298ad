import Testing
@testable import PlanQuery

@Suite struct LexerTests {
    func kinds(_ text: String) throws -> [Token.Kind] { try Lexer.tokenize(text).map(\.kind) }

    @Test func operators() throws {
        #expect(try kinds("= != < <= > >= ~ !~ <>") == [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .match, .notMatch, .notEqual, .eof])
    }

    @Test func pathsStringsNumbers() throws {
        let tokens = try Lexer.tokenize(#"budget.amount >= 1500.5 and title ~ "a \"b\"" -- comment"#)
        #expect(tokens.map(\.kind) == [.identifier, .dot, .identifier, .greaterEqual, .number, .identifier, .identifier, .match, .string, .eof])
        #expect(tokens[4].text == "1500.5")
        #expect(tokens[8].text == "a \"b\"")
        #expect(tokens[8].location == QueryLocation(offset: 36, line: 1, column: 37, length: 9))
    }

    @Test func accentedNamesAndColumnsInCharacters() throws {
        let tokens = try Lexer.tokenize("é = \"Aînés\"")
        #expect(tokens[2].location.column == 5)
        #expect(tokens[2].text == "Aînés")
    }

    /// A statement aligned under its column with leading spaces (the console pads a statement
    /// late in a line so) has the tokens and locations of its text, moved by the spaces.
    @Test(arguments: [0, 1, 7, 4000])
    func leadingSpacesMoveLocations(_ padding: Int) throws {
        let pad = String(repeating: " ", count: padding)
        for text in ["actions where title ~ \"Aînés\" and id = 1.2", "é = 1", "\t x = 'a'"] {
            let plain = try Lexer.tokenize(text)
            let padded = try Lexer.tokenize(pad + text)
            #expect(padded.map(\.kind) == plain.map(\.kind))
            #expect(padded.map(\.text) == plain.map(\.text))
            #expect(padded.map(\.location) == plain.map { token in
                QueryLocation(offset: token.location.offset + padding, line: 1, column: token.location.column + padding, length: token.location.length)
            })
        }
        #expect(throws: QueryError("Unexpected character '#'; names are letters and digits, strings are in double quotes.",
                                   at: QueryLocation(offset: padding + 8, line: 1, column: padding + 9))) {
            try Lexer.tokenize(pad + "actions #")
        }
    }

    /// A combining mark after the spaces makes one character with the last space, as the text's
    /// characters say (a white space character): the name after it is where its characters put it.
    @Test(arguments: [1, 2, 50])
    func combiningMarkAfterSpaces(_ padding: Int) throws {
        let text = String(repeating: " ", count: padding) + "\u{301}x"
        #expect(Array(text).count == padding + 1)
        let tokens = try Lexer.tokenize(text)
        #expect(tokens.map(\.kind) == [.identifier, .eof])
        #expect(tokens[0].text == "x")
        #expect(tokens[0].location == QueryLocation(offset: padding, line: 1, column: padding + 1, length: 1))
    }

    @Test func unterminatedString() {
        #expect(throws: QueryError("This string is never closed; end it with \".", at: QueryLocation(offset: 14, line: 1, column: 15))) {
            try Lexer.tokenize("actions where \"abc")
        }
    }

    @Test(arguments: [("#", "'#'"), ("\u{0}", "U+0000"), ("\u{7}", "U+0007")])
    func unexpectedCharacters(_ text: String, _ shown: String) {
        #expect(throws: QueryError("Unexpected character \(shown); names are letters and digits, strings are in double quotes.", at: QueryLocation(offset: 8, line: 1, column: 9))) {
            try Lexer.tokenize("actions \(text)")
        }
    }
}
