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

/// A state a value can be in, for `is unknown`, `is none`, `is missing`, `is empty`.
public enum StateTest: String, Sendable, Hashable, CaseIterable {
    /// `??` in the plan.
    case unknown
    /// `/` in the plan.
    case none
    /// A blank cell, or no value at all.
    case missing
    /// None or missing.
    case empty
}

/// A condition of a `where` clause.
public indirect enum QueryExpression: Sendable, Hashable {
    /// `path OP literal`.
    case comparison(Path, ComparisonOperator, Literal, QueryLocation)
    /// `path ~ "regex"` or `path !~ "regex"`.
    case match(Path, pattern: String, negated: Bool, QueryLocation)
    /// `path in ("a", "b")` or `path not in (…)`.
    case membership(Path, [Literal], negated: Bool)
    /// `path is unknown`, `path is not empty`…
    case state(Path, StateTest, negated: Bool)
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

    /// The column's name: its alias, else the path or the aggregate as written (`sum(amount)`).
    public var name: String {
        switch self {
        case .path(let path, let alias): alias ?? path.description
        case .aggregate(let function, let path, let alias, _): alias ?? "\(function.rawValue)(\(path?.description ?? ""))"
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

/// A parsed query: `COLLECTION [where …] [group by …] [select …] [sort by …] [limit N]`.
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

    /// Creates a query.
    public init(collection: String, collectionLocation: QueryLocation, filter: QueryExpression? = nil, select: [SelectItem]? = nil,
                groupBy: [Path] = [], sort: [SortKey] = [], limit: Int? = nil) {
        self.collection = collection
        self.collectionLocation = collectionLocation
        self.filter = filter
        self.select = select
        self.groupBy = groupBy
        self.sort = sort
        self.limit = limit
    }
}
