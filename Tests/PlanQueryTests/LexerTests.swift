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
