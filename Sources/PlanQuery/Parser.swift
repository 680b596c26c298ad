import PlanKit

/// Parses a query's tokens into a ``Query``.
///
/// Clauses may come in any order after the collection, each at most once. Conditions follow the
/// usual precedence: `not` binds tighter than `and`, which binds tighter than `or`.
package struct Parser {
    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    /// What `today()` stands for.
    private let environment: QueryEnvironment
    /// How the query writes its `$name` parameters and date functions, by their literals' offsets:
    /// a column is named `$year` or `year(today())` whatever the value they stand for.
    private var writtenLiterals: [Int: String] = [:]

    /// How deeply parentheses and `not` may nest.
    public static let maximumDepth = 200

    /// Creates a parser over the tokens of `text`, its parameters and `today()` taken from `environment`.
    public init(_ text: String, environment: QueryEnvironment = QueryEnvironment()) throws(QueryError) {
        tokens = try Lexer.tokenize(text, parameters: environment.parameters)
        self.environment = environment
    }

    /// Creates a parser over tokens; an `eof` token is added when missing.
    public init(tokens: [Token], environment: QueryEnvironment = QueryEnvironment()) {
        self.environment = environment
        var tokens = tokens
        if tokens.last?.kind != .eof {
            let end = tokens.last.map { QueryLocation(offset: $0.location.offset + $0.location.length, line: $0.location.line, column: $0.location.column + $0.location.length) }
                ?? QueryLocation(offset: 0, line: 1, column: 1)
            tokens.append(Token(kind: .eof, text: "", location: end))
        }
        self.tokens = tokens
    }

    /// Whether every token has been consumed.
    public var atEnd: Bool { current.kind == .eof }

    /// Parses `text` as one query, its parameters and `today()` taken from `environment`.
    public static func parse(_ text: String, environment: QueryEnvironment = QueryEnvironment()) throws(QueryError) -> Query {
        var parser = try Parser(text, environment: environment)
        let query = try parser.parseQuery()
        try parser.expectEnd()
        return query
    }

    /// Parses the tokens as one query, to their end.
    public mutating func parseWholeQuery() throws(QueryError) -> Query {
        let query = try parseQuery()
        try expectEnd()
        return query
    }

    var current: Token { tokens[position] }

    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// Fails unless every token has been consumed.
    public mutating func expectEnd() throws(QueryError) {
        guard current.kind == .eof else {
            throw QueryError("Expected the end of the query, found \(current.display); clauses are where, select, group by, having, sort by and limit.", at: current.location)
        }
    }

    mutating func expect(_ kind: Token.Kind, _ what: String? = nil) throws(QueryError) -> Token {
        guard current.kind == kind else {
            throw QueryError("Expected \(what ?? kind.rawValue), found \(current.display).", at: current.location)
        }
        return advance()
    }

    mutating func expectKeyword(_ word: String) throws(QueryError) {
        guard current.isKeyword(word) else {
            throw QueryError("Expected '\(word)', found \(current.display).", at: current.location)
        }
        _ = advance()
    }

    static let clauseKeywords: Set<String> = ["where", "select", "group", "sort", "order", "limit", "having"]

    /// Parses `COLLECTION` and its clauses, stopping at a token that starts no clause.
    public mutating func parseQuery() throws(QueryError) -> Query {
        let name = try expect(.identifier, "a collection (plans, objectives, actions, budget, links, articles, findings)")
        var query = Query(collection: name.text.lowercased(), collectionLocation: name.location)
        var seen: Set<String> = []
        while current.kind == .identifier, Self.clauseKeywords.contains(current.text.lowercased()) {
            let keyword = current
            var clause = keyword.text.lowercased()
            if clause == "order" { clause = "sort" }
            guard seen.insert(clause).inserted else {
                throw QueryError("The \(clause) clause appears twice; merge the two into one.", at: keyword.location)
            }
            _ = advance()
            switch clause {
            case "where":
                query.filter = try parseOr()
            case "having":
                query.havingLocation = keyword.location
                query.having = try parseOr()
            case "select":
                if current.isKeyword("distinct") { query.distinct = true; _ = advance() }
                if current.kind == .eof || current.kind == .comma || (current.kind == .identifier && Self.clauseKeywords.contains(current.text.lowercased())) {
                    let example = query.distinct ? "the columns whose distinct values you want, as in select distinct action" : "the columns you want, as in select id, title"
                    throw QueryError("Expected a column after \(query.distinct ? "distinct" : "select"), found \(current.display); write \(example).", at: current.location)
                }
                query.select = try parseSelect()
            case "group":
                try expectKeyword("by")
                query.groupBy = [try parsePath()]
                while current.kind == .comma { _ = advance(); query.groupBy.append(try parsePath()) }
            case "sort":
                try expectKeyword("by")
                repeat {
                    if current.kind == .comma { _ = advance() }
                    let path = try parseSortTarget()
                    var descending = false
                    if current.isKeyword("desc") { descending = true; _ = advance() } else if current.isKeyword("asc") { _ = advance() }
                    query.sort.append(SortKey(path: path, descending: descending))
                } while current.kind == .comma
            default: // limit
                let number = try expect(.number, "a whole number after limit")
                guard let limit = Int(number.text), limit >= 0 else {
                    throw QueryError("limit takes a whole number from 0 to \(Int.max).", at: number.location)
                }
                query.limit = limit
            }
        }
        return query
    }

    /// A sort key: a path, or an aggregate column such as `sum(amount)`.
    mutating func parseSortTarget() throws(QueryError) -> Path {
        if current.kind == .identifier, tokens[position + 1].kind == .leftParen,
           AggregateFunction(rawValue: current.text.lowercased()) != nil {
            let item = try parseSelectItem()
            guard case .aggregate(_, _, _, let location) = item else { return try parsePath() }
            return Path(components: [item.name], locations: [location])
        }
        return try parsePath()
    }

    /// Parses `name{.name}`.
    public mutating func parsePath() throws(QueryError) -> Path {
        let first = try expect(.identifier, "a field name")
        var components = [first.text]
        var locations = [first.location]
        while current.kind == .dot {
            _ = advance()
            let next = try expect(.identifier, "a field name after '.'")
            components.append(next.text)
            locations.append(next.location)
        }
        return Path(components: components, locations: locations)
    }

    mutating func parseSelect() throws(QueryError) -> [SelectItem] {
        var items = [try parseSelectItem()]
        while current.kind == .comma {
            _ = advance()
            items.append(try parseSelectItem())
        }
        return items
    }

    /// Parses `operand [as alias]`; without an alias, the column is named as written.
    mutating func parseSelectItem() throws(QueryError) -> SelectItem {
        let operand = try parseOperand()
        let named = operand.description(writing: writtenLiterals)
        let written = named == operand.description ? nil : named
        var alias: String?
        if current.isKeyword("as") {
            _ = advance()
            if current.kind == .string { alias = advance().text } else { alias = try expect(.identifier, "a column name after 'as'").text }
        }
        switch operand {
        case .path(let path): return .path(path, alias: alias)
        case .aggregate(let function, let path, false, let location): return .aggregate(function, path, alias: alias, location)
        default: return .expression(operand, alias: alias, written: written)
        }
    }

    /// Parses `operand {(+|-) operand}`, where `*` and `/` bind tighter than `+` and `-`.
    mutating func parseOperand() throws(QueryError) -> Operand {
        var left = try parseTerm()
        while true {
            let op: ArithmeticOperator
            if current.kind == .plus { op = .add } else if current.kind == .minus { op = .subtract } else if current.kind == .number, current.text.hasPrefix("-") {
                // `total -5`: the minus is an operator.
                let token = advance()
                let right = Operand.literal(.number(String(token.text.dropFirst())), token.location)
                left = .arithmetic(.subtract, left, right, token.location)
                continue
            } else { break }
            let location = advance().location
            left = .arithmetic(op, left, try parseTerm(), location)
        }
        return left
    }

    /// Parses `factor {(*|/) factor}`.
    mutating func parseTerm() throws(QueryError) -> Operand {
        var left = try parseFactor()
        while current.kind == .star || current.kind == .slash {
            let token = advance()
            left = .arithmetic(token.kind == .star ? .multiply : .divide, left, try parseFactor(), token.location)
        }
        return left
    }

    /// Parses a literal, a path, an aggregate, `percent(…)`, or an operand in parentheses.
    mutating func parseFactor() throws(QueryError) -> Operand {
        if current.kind == .leftParen {
            try enter("expression")
            defer { depth -= 1 }
            _ = advance()
            let inner = try parseOperand()
            _ = try expect(.rightParen, "')' to close the parenthesis")
            return inner
        }
        if current.kind == .string || current.kind == .number {
            let location = current.location
            if let name = current.parameter { writtenLiterals[location.offset] = "$" + name }
            return .literal(try parseLiteral(), location)
        }
        if current.kind == .identifier, tokens[position + 1].kind == .leftParen {
            let name = current.text.lowercased()
            if name == "year" { return try parseYear() }
            if ["today", "date"].contains(name) {
                let location = current.location
                let start = position
                let literal = try parseDateFunction()
                writtenLiterals[location.offset] = written(from: start)
                return .literal(literal, location)
            }
            if name == "percent" {
                let start = advance().location
                _ = advance()
                try enter("expression")
                defer { depth -= 1 }
                let inner = try parseOperand()
                let close = try expect(.rightParen, "')' to close percent(")
                var location = start
                location.length = close.location.offset + 1 - start.offset
                return .percent(inner, location)
            }
            if let function = AggregateFunction(rawValue: name) {
                let start = advance().location
                _ = advance()
                var path: Path?
                var distinct = false
                if current.kind == .star {
                    _ = advance()
                } else if current.kind != .rightParen {
                    if current.isKeyword("distinct"), tokens[position + 1].kind == .identifier { distinct = true; _ = advance() }
                    path = try parsePath()
                }
                let close = try expect(.rightParen, "')' to close \(function.rawValue)(")
                if function != .count, path == nil {
                    throw QueryError("\(function.rawValue)() needs a field, as in \(function.rawValue)(amount).", at: start)
                }
                var location = start
                location.length = close.location.offset + 1 - start.offset
                return .aggregate(function, path, distinct: distinct, location)
            }
        }
        if current.isKeyword("true") || current.isKeyword("false") || current.kind != .identifier {
            let location = current.location
            return .literal(try parseLiteral(), location)
        }
        return .path(try parsePath())
    }

    /// Enters a parenthesis or a `not` of a condition, or a parenthesis of an `expression`.
    mutating func enter(_ what: String = "condition") throws(QueryError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw QueryError("The \(what) nests more than \(Self.maximumDepth) levels deep; simplify it.", at: current.location)
        }
    }

    mutating func parseOr() throws(QueryError) -> QueryExpression {
        var terms = [try parseAnd()]
        while current.isKeyword("or") {
            _ = advance()
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    mutating func parseAnd() throws(QueryError) -> QueryExpression {
        var terms = [try parseUnary()]
        while current.isKeyword("and") {
            _ = advance()
            terms.append(try parseUnary())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    mutating func parseUnary() throws(QueryError) -> QueryExpression {
        // A level is a parenthesis or a `not`: 200 of them nest, the 201st is refused.
        if current.isKeyword("not") {
            try enter()
            defer { depth -= 1 }
            _ = advance()
            return .not(try parseUnary())
        }
        if current.kind == .leftParen {
            // A condition in parentheses, or an operand in parentheses that a comparison follows:
            // `(ordinary + extraordinary) > 1000`.
            if operandFollows(position) { return try parsePredicate() }
            try enter()
            defer { depth -= 1 }
            _ = advance()
            let inner = try parseOr()
            _ = try expect(.rightParen, "')' to close the parenthesis")
            return inner
        }
        return try parsePredicate()
    }

    mutating func parseLiteral() throws(QueryError) -> Literal {
        let token = current
        switch token.kind {
        case .string: _ = advance(); return .string(token.text)
        case .number: _ = advance(); return .number(token.text)
        case .identifier where token.isKeyword("true") || token.isKeyword("false"):
            _ = advance()
            return .bool(token.isKeyword("true"))
        case .identifier where tokens[position + 1].kind == .leftParen && ["today", "date", "year"].contains(token.text.lowercased()):
            return try parseDateFunction()
        default:
            throw QueryError("Expected a value (a string in double quotes, a number, true or false, today(), date(\"2021-07-01\")), found \(token.display).", at: token.location)
        }
    }

    /// `today()`, `date("2021-07-01")`, or `year(DATE)`: the year of a date, a number.
    mutating func parseDateFunction() throws(QueryError) -> Literal {
        let name = advance()
        _ = try expect(.leftParen)
        let literal: Literal
        switch name.text.lowercased() {
        case "today":
            literal = .date(try environment.day(at: name.location))
        case "date":
            let text = try expect(.string, "a date in double quotes, such as date(\"2021-07-01\")")
            guard let day = Day(iso: text.text) else {
                throw QueryError("\"\(text.text)\" is not a date; write it as \"YYYY-MM-DD\", such as \"2021-07-01\".", at: text.location)
            }
            literal = .date(day)
        default: // year
            let argument = current
            guard case .date(let day) = try parseLiteral() else {
                throw QueryError("year() takes a date, as in year(today()) or year(date(\"2021-07-01\")).", at: argument.location)
            }
            literal = .number(String(day.year))
        }
        _ = try expect(.rightParen, "')' to close \(name.text.lowercased())(")
        return literal
    }

    /// `year(OPERAND)`: the year of a literal date at once, as a number (`year(today())`), or
    /// of a date an operand computes (`year(deadline.end)`).
    mutating func parseYear() throws(QueryError) -> Operand {
        let first = position
        let start = advance().location
        _ = advance()
        try enter()
        defer { depth -= 1 }
        let argument = current
        let inner = try parseOperand()
        let close = try expect(.rightParen, "')' to close year(")
        switch inner {
        case .literal(.date(let day), _):
            writtenLiterals[start.offset] = written(from: first)
            return .literal(.number(String(day.year)), start)
        case .literal:
            throw QueryError("year() takes a date, as in year(today()) or year(date(\"2021-07-01\")).", at: argument.location)
        default:
            var location = start
            if close.location.line == start.line { location.length = close.location.offset + 1 - start.offset }
            return .year(inner, location)
        }
    }

    /// The tokens from `start` to the current one as a query writes them: `today()`,
    /// `date("2021-07-01")`, `$day`.
    func written(from start: Int) -> String {
        tokens[start..<position].map { token in
            if let name = token.parameter { return "$" + name }
            return token.kind == .string ? Literal.string(token.text).description : token.text.lowercased()
        }.joined()
    }

    /// Whether a token after `( … )` shows the parenthesis held an operand, not a condition.
    static func continuesOperand(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .plus, .minus, .star, .slash: true
        default: false
        }
    }

    /// Whether the parenthesis at `start` parses as an operand followed by a comparison.
    mutating func operandFollows(_ start: Int) -> Bool {
        let saved = position, savedDepth = depth
        defer { position = saved; depth = savedDepth }
        position = start
        guard (try? parseOperand()) != nil else { return false }
        return Self.continuesOperand(current.kind)
    }

    mutating func parsePredicate() throws(QueryError) -> QueryExpression {
        if current.kind != .identifier && current.kind != .leftParen && current.kind != .number && current.kind != .string {
            throw QueryError("Expected a condition such as deadline is unknown or budget.amount > 1000, found \(current.display).", at: current.location)
        }
        let left = try parseOperand()
        let op = current
        if let comparison = Self.comparison(op.kind) {
            _ = advance()
            let rightLocation = current.location
            let right = try parseOperand()
            if case .path(let path) = left, case .literal(let literal, _) = right {
                return .comparison(path, comparison, literal, rightLocation)
            }
            return .compare(left, comparison, right, op.location)
        }
        guard case .path(let path) = left else {
            if op.isKeyword("is") {
                let (state, negated) = try parseStateTest()
                return .operandState(left, state, negated: negated)
            }
            throw QueryError("Expected a comparison after \(left), such as \(left) > 1000; found \(current.display).", at: current.location)
        }
        switch op.kind {
        case .match, .notMatch:
            _ = advance()
            let pattern = try expect(.string, "a regular expression in double quotes after \(op.text)")
            return .match(path, pattern: pattern.text, negated: op.kind == .notMatch, pattern.location)
        default:
            break
        }
        if op.isKeyword("is") {
            let (state, negated) = try parseStateTest()
            return .state(path, state, negated: negated)
        }
        if op.isKeyword("in") || (op.isKeyword("not") && tokens[position + 1].isKeyword("in")) {
            let negated = op.isKeyword("not")
            _ = advance()
            if negated { _ = advance() }
            _ = try expect(.leftParen, "'(' to open the list of values")
            var locations = [current.location]
            var values = [try parseLiteral()]
            while current.kind == .comma {
                _ = advance()
                locations.append(current.location)
                values.append(try parseLiteral())
            }
            _ = try expect(.rightParen, "')' to close the list of values")
            return .membership(path, values, negated: negated, at: locations)
        }
        return .truth(path)
    }
}

extension Parser {
    /// The comparison a token is, if it is one.
    static func comparison(_ kind: Token.Kind) -> ComparisonOperator? {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
    }

    /// Parses `is [not] STATE`.
    mutating func parseStateTest() throws(QueryError) -> (StateTest, Bool) {
        _ = advance()
        var negated = false
        if current.isKeyword("not") { negated = true; _ = advance() }
        guard current.kind == .identifier, let state = StateTest(rawValue: current.text.lowercased()) else {
            throw QueryError("Expected known, unknown, none, missing, empty or incomplete after 'is\(negated ? " not" : "")', found \(current.display).", at: current.location)
        }
        _ = advance()
        return (state, negated)
    }
}
