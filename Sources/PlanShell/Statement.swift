import PlanKit
import PlanQuery

/// What an assertion expects of its query.
package enum Expectation: Sendable, Equatable {
    /// `is empty`: no rows.
    case empty
    /// `is not empty`: at least one row.
    case notEmpty
    /// `OP literal`: the query's single value compares so with the literal.
    case compare(ComparisonOperator, Literal, QueryLocation)
}

/// A statement of the console or of a script.
package enum Statement: Sendable {
    /// A query whose result is printed.
    case query(Query)
    /// `assert QUERY is empty`, `assert QUERY is not empty`, `assert QUERY OP VALUE`.
    case assertion(Query, Expectation)
    /// `check [RULE, …]`: run the consistency rules and print their findings.
    case check([String])
    /// A meta-command such as `.load FILE`.
    case meta(MetaCommand)

    /// Parses one statement's text.
    ///
    /// - Throws: ``QueryError`` with a location in `text`.
    package static func parse(_ text: String, environment: QueryEnvironment = QueryEnvironment()) throws(QueryError) -> Statement {
        // Looked for in bytes: the text may lead with thousands of aligning spaces.
        if text.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) == UInt8(ascii: ".") {
            return .meta(try MetaCommand.parse(text))
        }
        let tokens = try Lexer.tokenize(text, parameters: environment.parameters)
        guard let first = tokens.first else { throw QueryError("Empty statement.", at: QueryLocation(offset: 0, line: 1, column: 1)) }
        if first.isKeyword("check") {
            var rules: [String] = []
            var index = 1
            while tokens[index].kind != .eof {
                var name = ""
                while tokens[index].kind == .identifier || tokens[index].kind == .dot {
                    name += tokens[index].text
                    index += 1
                }
                guard !name.isEmpty else {
                    throw QueryError("Expected a rule id such as budget.overcommitted after check, found \(tokens[index].kind == .eof ? "the end" : "'\(tokens[index].text)'").", at: tokens[index].location)
                }
                guard Checker.rule(name) != nil else {
                    let ids = Checker.allRules.map(\.id)
                    throw QueryError("Unknown rule '\(name)'; rules are \(ids.joined(separator: ", ")).", at: tokens[index - 1].location)
                }
                rules.append(name)
                if tokens[index].kind == .comma { index += 1 }
            }
            return .check(rules)
        }
        if first.isKeyword("assert") {
            return try parseAssertion(Array(tokens.dropFirst()), assertToken: first, environment: environment)
        }
        var parser = Parser(tokens: tokens, environment: environment)
        return .query(try parser.parseWholeQuery())
    }

    static func parseAssertion(_ tokens: [Token], assertToken: Token, environment: QueryEnvironment) throws(QueryError) -> Statement {
        // tokens ends with eof.
        let body = Array(tokens.dropLast())
        let n = body.count
        func query(_ slice: ArraySlice<Token>) throws(QueryError) -> Query {
            var slice = Array(slice)
            if slice.first?.kind == .leftParen, slice.last?.kind == .rightParen {
                slice = Array(slice.dropFirst().dropLast())
            }
            var parser = Parser(tokens: slice, environment: environment)
            let query = try parser.parseQuery()
            try parser.expectEnd()
            return query
        }
        if n >= 3, body[n - 1].isKeyword("empty"), body[n - 2].isKeyword("not"), body[n - 3].isKeyword("is") {
            return .assertion(try query(body[..<(n - 3)]), .notEmpty)
        }
        if n >= 2, body[n - 1].isKeyword("empty"), body[n - 2].isKeyword("is") {
            return .assertion(try query(body[..<(n - 2)]), .empty)
        }
        let operators: [Token.Kind: ComparisonOperator] = [
            .equal: .equal, .notEqual: .notEqual, .less: .less, .lessEqual: .lessEqual, .greater: .greater, .greaterEqual: .greaterEqual,
        ]
        if n >= 2, let op = operators[body[n - 2].kind], body.contains(where: { $0.isKeyword("select") }) {
            let literalToken = body[n - 1]
            let literal: Literal
            switch literalToken.kind {
            case .string: literal = .string(literalToken.text)
            case .number: literal = .number(literalToken.text)
            case .identifier where literalToken.isKeyword("true") || literalToken.isKeyword("false"):
                literal = .bool(literalToken.isKeyword("true"))
            default:
                throw QueryError("Expected a value after \(body[n - 2].text), found '\(literalToken.text)'.", at: literalToken.location)
            }
            return .assertion(try query(body[..<(n - 2)]), .compare(op, literal, literalToken.location))
        }
        let end = tokens.last?.location ?? assertToken.location
        throw QueryError("An assertion ends with 'is empty' or 'is not empty', or compares a one-value select with a value, as in assert budget select sum(amount) = 70000.", at: end)
    }
}
