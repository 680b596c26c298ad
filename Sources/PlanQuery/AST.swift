import PlanKit

/// A dotted path to a field, such as `budget.article.function`.
public struct Path: Sendable, Hashable, CustomStringConvertible {
    /// The path's names, in order.
    public var components: [String]
    /// Where each name is.
    public var locations: [QueryLocation]

    /// Creates a path.
    public init(components: [String], locations: [QueryLocation]) {
        self.components = components
        self.locations = locations
    }

    /// The path as written: `budget.article.function`.
    public var description: String { components.joined(separator: ".") }

    /// Where the whole path is.
    public var location: QueryLocation {
        guard var first = locations.first, let last = locations.last else { return QueryLocation(offset: 0, line: 1, column: 1) }
        if first.line == last.line { first.length = last.offset + last.length - first.offset }
        return first
    }
}

/// A literal value in a query.
public enum Literal: Sendable, Hashable, CustomStringConvertible {
    /// `"text"`.
    case string(String)
    /// `42`, `1500.5`: kept as written for exact decimal conversion.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A day: `date("2021-07-01")`, or `today()` once read.
    case date(Day)

    /// The literal as a query writes it.
    public var description: String {
        switch self {
        case .date(let d): "date(\"\(d)\")"
        case .string(let s): "\"\(s)\""
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        }
    }

    /// Whether the literal is text or `true`/`false`, which no arithmetic takes.
    var isTextOrTruth: Bool {
        switch self {
        case .string, .bool: true
        case .number, .date: false
        }
    }
}

/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="

    /// Whether a three-way comparison result (negative, zero, positive) satisfies the operator.
    public func holds(_ comparison: Int) -> Bool {
        switch self {
        case .equal: comparison == 0
        case .notEqual: comparison != 0
        case .less: comparison < 0
        case .lessEqual: comparison <= 0
        case .greater: comparison > 0
        case .greaterEqual: comparison >= 0
        }
    }
}

/// A state a value can be in, for `is unknown`, `is none`, `is missing`, `is empty`,
/// `is known`, `is incomplete`.
public enum StateTest: String, Sendable, Hashable, CaseIterable {
    /// `??` in the plan.
    case unknown
    /// `/` in the plan.
    case none
    /// A blank cell, or no value at all.
    case missing
    /// None or missing.
    case empty
    /// A value: neither unknown, none nor missing, nor a sum with unknown parts.
    case known
    /// A sum of known amounts with unknown parts (`15000 + ?`).
    case incomplete
}

/// An arithmetic operator.
public enum ArithmeticOperator: String, Sendable, Hashable, CaseIterable {
    /// `a + b`.
    case add = "+"
    /// `a - b`.
    case subtract = "-"
    /// `a * b`.
    case multiply = "*"
    /// `a / b`: unknown when `b` is zero.
    case divide = "/"

    /// How tightly the operator binds: `*` and `/` before `+` and `-`.
    var precedence: Int { self == .add || self == .subtract ? 1 : 2 }
}

/// A value a condition compares or a column shows: a field, a literal, an aggregate, or
/// arithmetic over them.
public indirect enum Operand: Sendable, Hashable, CustomStringConvertible {
    /// A field.
    case path(Path)
    /// A literal and where it is.
    case literal(Literal, QueryLocation)
    /// An aggregate over the rows of a group: `sum(amount)`, `count(distinct action)`.
    case aggregate(AggregateFunction, Path?, distinct: Bool, QueryLocation)
    /// `a + b`, `a - b`, `a * b`, `a / b`.
    case arithmetic(ArithmeticOperator, Operand, Operand, QueryLocation)
    /// `percent(x)`: `x` as a percentage of the sum of `x` over every row of the result.
    case percent(Operand, QueryLocation)
    /// `year(x)`: the year of the date `x`, a number; `year(today())` is read as a number at once.
    case year(Operand, QueryLocation)

    /// The operand as a query writes it, with parentheses only where precedence needs them.
    public var description: String { description(writing: [:]) }

    /// The operand as ``description`` writes it, but a literal whose location's offset `written`
    /// holds as that text: `today()` or `$year` as written rather than as the value it stands for.
    func description(writing written: [Int: String]) -> String {
        switch self {
        case .path(let path): return path.description
        case .literal(let literal, let location): return written[location.offset] ?? literal.description
        case .aggregate(let function, let path, let distinct, _):
            return "\(function.rawValue)(\(distinct ? "distinct " : "")\(path?.description ?? ""))"
        case .arithmetic(let op, let left, let right, _):
            func side(_ operand: Operand, right: Bool) -> String {
                let text = operand.description(writing: written)
                guard case .arithmetic(let inner, _, _, _) = operand else { return text }
                let wrap = inner.precedence < op.precedence || (right && inner.precedence == op.precedence)
                return wrap ? "(\(text))" : text
            }
            return "\(side(left, right: false)) \(op.rawValue) \(side(right, right: true))"
        case .percent(let inner, _): return "percent(\(inner.description(writing: written)))"
        case .year(let inner, _): return "year(\(inner.description(writing: written)))"
        }
    }

    /// Where the operand starts.
    public var location: QueryLocation {
        switch self {
        case .path(let path): path.location
        case .literal(_, let location), .aggregate(_, _, _, let location), .percent(_, let location), .year(_, let location): location
        case .arithmetic(_, let left, _, _): left.location
        }
    }

    /// Whether the operand contains an aggregate.
    public var hasAggregate: Bool {
        switch self {
        case .path, .literal: false
        case .aggregate: true
        case .arithmetic(_, let left, let right, _): left.hasAggregate || right.hasAggregate
        case .percent(let inner, _), .year(let inner, _): inner.hasAggregate
        }
    }
}

/// A condition of a `where` clause.
public indirect enum QueryExpression: Sendable, Hashable {
    /// `path OP literal`.
    case comparison(Path, ComparisonOperator, Literal, QueryLocation)
    /// `operand OP operand`, when it is more than a path and a literal: `allocated > credit`,
    /// `sum(amount) / count() > 1000`.
    case compare(Operand, ComparisonOperator, Operand, QueryLocation)
    /// `path ~ "regex"` or `path !~ "regex"`.
    case match(Path, pattern: String, negated: Bool, QueryLocation)
    /// `path in ("a", "b")` or `path not in (…)`, with where each value is written (empty for
    /// a query made in code: the path's place stands for them).
    case membership(Path, [Literal], negated: Bool, at: [QueryLocation] = [])
    /// `path is unknown`, `path is not empty`…
    case state(Path, StateTest, negated: Bool)
    /// `sum(amount) is incomplete`, `total / 0 is unknown`: the state of what is more than a path.
    case operandState(Operand, StateTest, negated: Bool)
    /// A boolean field on its own: `pending`.
    case truth(Path)
    /// `a and b and …`: a flat list, so long chains nest no deeper than one level.
    case and([QueryExpression])
    /// `a or b or …`.
    case or([QueryExpression])
    /// `not a`.
    case not(QueryExpression)
}

/// An aggregate function of `select`.
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case count, sum, avg, min, max
}

/// One column of a `select` clause.
public enum SelectItem: Sendable, Hashable {
    /// A field: `pilot.agent`, `title as titre`.
    case path(Path, alias: String?)
    /// An aggregate: `sum(amount)`, `count()`, `count(*)`.
    case aggregate(AggregateFunction, Path?, alias: String?, QueryLocation)
    /// Anything else: arithmetic, `count(distinct p)`, `percent(…)`, `today()`, `$year`;
    /// `written` is its name when a literal in it is named as written.
    case expression(Operand, alias: String?, written: String? = nil)

    /// The column's name: its alias, else the item as a query writes it (`sum(amount)`,
    /// `total * 2`), `today()`, `year(today())` and `$year` as written whatever they stand for.
    public var name: String {
        switch self {
        case .path(let path, let alias): alias ?? path.description
        case .aggregate(let function, let path, let alias, _): alias ?? "\(function.rawValue)(\(path?.description ?? ""))"
        case .expression(let operand, let alias, let written): alias ?? written ?? operand.description
        }
    }

    /// The alias the query gives the column, if any.
    var alias: String? {
        switch self {
        case .path(_, let alias), .aggregate(_, _, let alias, _), .expression(_, let alias, _): alias
        }
    }

    /// The item as an operand.
    var operand: Operand {
        switch self {
        case .path(let path, _): .path(path)
        case .aggregate(let function, let path, _, let location): .aggregate(function, path, distinct: false, location)
        case .expression(let operand, _, _): operand
        }
    }
}

/// A key of `sort by`.
public struct SortKey: Sendable, Hashable {
    /// The column name or path to sort on.
    public var path: Path
    /// Whether to sort in descending order.
    public var descending: Bool

    /// Creates a sort key.
    public init(path: Path, descending: Bool) {
        self.path = path
        self.descending = descending
    }
}

/// A parsed query: `COLLECTION [where …] [group by …] [select [distinct] …] [having …] [sort by …] [limit N]`.
public struct Query: Sendable, Hashable {
    /// The collection's name as written.
    public var collection: String
    /// Where the collection's name is.
    public var collectionLocation: QueryLocation
    /// The `where` condition.
    public var filter: QueryExpression?
    /// The `select` columns, or `nil` for the collection's default columns.
    public var select: [SelectItem]?
    /// The `group by` keys.
    public var groupBy: [Path]
    /// The `sort by` keys.
    public var sort: [SortKey]
    /// The `limit`.
    public var limit: Int?
    /// The `having` condition, over the groups.
    public var having: QueryExpression?
    /// Whether `select distinct` keeps one row of each distinct set of values.
    public var distinct: Bool = false
    /// Where the `having` keyword is.
    public var havingLocation: QueryLocation?

    /// Creates a query.
    public init(collection: String, collectionLocation: QueryLocation, filter: QueryExpression? = nil, select: [SelectItem]? = nil,
                groupBy: [Path] = [], sort: [SortKey] = [], limit: Int? = nil, having: QueryExpression? = nil, distinct: Bool = false,
                havingLocation: QueryLocation? = nil) {
        self.collection = collection
        self.collectionLocation = collectionLocation
        self.filter = filter
        self.select = select
        self.groupBy = groupBy
        self.sort = sort
        self.limit = limit
        self.having = having
        self.distinct = distinct
        self.havingLocation = havingLocation
    }
}

extension QueryExpression {
    /// Where value `k` of an `in` list is written: its place in `locations`, else the path's.
    static func location(ofValue k: Int, _ locations: [QueryLocation], _ path: Path) -> QueryLocation {
        k >= 0 && k < locations.count ? locations[k] : path.location
    }
}
