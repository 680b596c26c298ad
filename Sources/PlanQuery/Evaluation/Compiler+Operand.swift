import PlanKit

extension Compiler {
    /// A value computed for one group of rows: an aggregate, a grouped field, arithmetic.
    typealias GroupValue = @Sendable (QueryContext, [Int]) throws(QueryError) -> QueryValue

    /// What a grouped query knows while compiling its operands.
    struct GroupScope {
        /// The collection's record type.
        var root: RecordTypeID
        /// The `group by` paths, lower-cased.
        var keys: [String]
        /// Whether the query has a `group by` (rather than aggregates over every row).
        var hasGroupBy: Bool
    }

    /// What a literal compared with an operand is converted to: the operand's type, and the
    /// operand, which the literal's errors name.
    typealias Hint = (type: ValueType, subject: Operand)

    /// The type of an operand's values, for converting the literal it is compared with; `nil`
    /// for a literal.
    ///
    /// - Throws: ``QueryError`` for arithmetic the operand's types do not take.
    static func type(of operand: Operand, _ root: RecordTypeID) throws(QueryError) -> ValueType? {
        switch operand {
        case .path(let path): return try resolve(path, root).type
        case .literal: return nil
        case .aggregate(let function, let path, let distinct, _):
            if function == .count || distinct { return .integer }
            guard let path else { return .integer }
            return try resolve(path, root).type
        case .arithmetic(let op, let left, let right, _):
            return try arithmeticType(op, left, right, root)
        case .percent, .year: return .integer
        }
    }

    /// A literal as a value of the type of the operand it is compared with, or as a number when
    /// no type is known (arithmetic).
    static func literalValue(_ literal: Literal, _ hint: Hint?, at location: QueryLocation) throws(QueryError) -> QueryValue {
        if let (type, subject) = hint {
            let path = Path(components: [subject.description], locations: [extent(of: subject)])
            // Amounts compare with any number: 1/3 of a sum is not a whole number of cents.
            if type == .money, case .number(let text) = literal, Money(decimal: text) == nil, let d = Double(text) { return .decimal(d) }
            return try convert(literal, to: type, path: path, at: location)
        }
        switch literal {
        case .number(let text):
            if let n = Int64(text) { return .integer(n) }
            if let d = Double(text) { return .decimal(d) }
            throw QueryError("\(text) is not a number PlanKit can compute with.", at: location)
        case .date(let day):
            return .date(day)
        case .string, .bool:
            throw QueryError("Arithmetic takes numbers and amounts, not \(literal); remove the quotes or compare the text instead.", at: location)
        }
    }

    /// Compiles an operand for one row; aggregates are refused (they belong in `select` and `having`).
    static func rowValue(_ operand: Operand, _ root: RecordTypeID, hint: Hint? = nil) throws(QueryError) -> CompiledQuery.Collect {
        switch operand {
        case .path(let path):
            return collector(try resolve(path, root).accessor)
        case .literal(let literal, let location):
            let value = try literalValue(literal, hint, at: location)
            return { _, _ in value }
        case .aggregate(let function, _, _, let location):
            throw QueryError("\(function.rawValue)() sums up a group of rows, so it belongs in select or having, not in where; write having \(operand) ….", at: location)
        case .percent(_, let location):
            throw QueryError("percent() is a share of a column's total, so it belongs in select; write select percent(…).", at: location)
        case .arithmetic(let op, let left, let right, _):
            _ = try arithmeticType(op, left, right, root)
            let l = try rowValue(left, root), r = try rowValue(right, root)
            return { c, i in QueryValue.arithmetic(op, l(c, i), r(c, i)) }
        case .year(let inner, _):
            try checkYearArgument(inner, root)
            let value = try rowValue(inner, root)
            return { c, i in value(c, i).year }
        }
    }

    /// Fails unless `operand`, the argument of `year(…)`, is a date.
    static func checkYearArgument(_ operand: Operand, _ root: RecordTypeID) throws(QueryError) {
        guard let type = try type(of: operand, root), type != .date else { return }
        if type == .deadline {
            throw QueryError("year() takes a date, and '\(operand)' is a deadline; write year(\(operand).end), the year it is due by.", at: extent(of: operand))
        }
        throw QueryError("year() takes a date, as in year(deadline.end) or year(today()), and '\(operand)' is \(noun(type)).", at: extent(of: operand))
    }

    /// Compiles `left OP right` for rows: true when it holds of any pair of values, unknown when
    /// a side is unknown, none or missing.
    static func compileComparison(_ left: Operand, _ op: ComparisonOperator, _ right: Operand, _ root: RecordTypeID,
                                  at location: QueryLocation) throws(QueryError) -> CompiledQuery.Predicate {
        let (lt, rt) = try comparisonTypes(left, right, root)
        let lh = rt.map { Hint($0, right) }, rh = lt.map { Hint($0, left) }
        if let l = try rowSingle(left, root, hint: lh), let r = try rowSingle(right, root, hint: rh) {
            // One value on each side, as most fields have: compared without enumerating them.
            return { c, i, _ in
                let a = l(c, i)
                guard a.isKnown else { return .unknown }
                let b = r(c, i)
                guard b.isKnown, let order = QueryValue.compare(a, b) else { return .unknown }
                return Truth(op.holds(order))
            }
        }
        let l = try rowAccessor(left, root, hint: lh), r = try rowAccessor(right, root, hint: rh)
        return { c, i, _ in
            // The usual case first: one value on each side.
            var a = QueryValue.missing, b = QueryValue.missing
            var leftCount = 0, rightCount = 0
            _ = l(c, i) { v in
                leftCount += 1
                if leftCount == 1 { a = v }
                return leftCount > 1
            }
            if leftCount == 1 {
                _ = r(c, i) { v in
                    rightCount += 1
                    if rightCount == 1 { b = v }
                    return rightCount > 1
                }
                if rightCount == 1 {
                    guard a.isKnown, b.isKnown, let order = QueryValue.compare(a, b) else { return .unknown }
                    return Truth(op.holds(order))
                }
            }
            return anyValue(l, c, i) { a in
                guard a.isKnown else { return .unknown }
                return anyValue(r, c, i) { b in
                    guard b.isKnown, let order = QueryValue.compare(a, b) else { return .unknown }
                    return Truth(op.holds(order))
                }
            }
        }
    }

    /// An operand's one value for a row, when it has exactly one: a field of the row itself, or
    /// the value a literal or arithmetic computes; `nil` for a path that may have several or none.
    static func rowSingle(_ operand: Operand, _ root: RecordTypeID, hint: Hint?) throws(QueryError) -> CompiledQuery.Collect? {
        if case .path(let path) = operand { return try resolve(path, root).single }
        return try rowValue(operand, root, hint: hint)
    }

    /// An operand's values for a row: a path's own values, or the one value it computes.
    static func rowAccessor(_ operand: Operand, _ root: RecordTypeID, hint: Hint?) throws(QueryError) -> ValueAccessor {
        if case .path(let path) = operand { return try resolve(path, root).accessor }
        let value = try rowValue(operand, root, hint: hint)
        return { c, i, emit in emit(value(c, i)) }
    }

    /// Compiles an operand for a group of rows: a field must be a `group by` key or depend on
    /// one (`objective.title` after `group by objective`); its value is the group's first row's.
    static func groupValue(_ operand: Operand, _ scope: GroupScope, hint: Hint? = nil) throws(QueryError) -> GroupValue {
        switch operand {
        case .path(let path):
            try checkGrouped(path, scope)
            let collect = collector(try resolve(path, scope.root).accessor)
            return { c, members in members.first.map { collect(c, $0) } ?? .missing }
        case .literal(let literal, let location):
            let value = try literalValue(literal, hint, at: location)
            return { _, _ in value }
        case .aggregate(let function, let path, let distinct, let location):
            guard let path else { return { _, members in .integer(Int64(members.count)) } }
            let resolved = try resolve(path, scope.root)
            if function == .sum || function == .avg, resolved.type != .money, resolved.type != .integer {
                throw QueryError("\(function.rawValue)() adds amounts or numbers, and '\(path)' is \(resolved.type.rawValue); use count(\(path)), or min() and max().", at: path.location)
            }
            if distinct && function != .count {
                throw QueryError("distinct counts different values: write count(distinct \(path)).", at: location)
            }
            let accessor = resolved.accessor, type = resolved.type
            return { c, members throws(QueryError) in
                try CompiledQuery.aggregate(function, accessor, type, members, c, location, distinct: distinct)
            }
        case .arithmetic(let op, let left, let right, _):
            _ = try arithmeticType(op, left, right, scope.root)
            let l = try groupValue(left, scope), r = try groupValue(right, scope)
            return { c, members throws(QueryError) in QueryValue.arithmetic(op, try l(c, members), try r(c, members)) }
        case .year(let inner, _):
            try checkYearArgument(inner, scope.root)
            let value = try groupValue(inner, scope)
            return { c, members throws(QueryError) in try value(c, members).year }
        case .percent(_, let location):
            throw QueryError("percent() stands on its own in select, as in select percent(sum(amount)).", at: location)
        }
    }

    /// Fails unless `path` is a `group by` key or reaches further from one through single records.
    static func checkGrouped(_ path: Path, _ scope: GroupScope) throws(QueryError) {
        let name = path.description.lowercased()
        if scope.keys.contains(name) { return }
        for key in scope.keys where name.hasPrefix(key + ".") {
            if try leadsToOneRecord(key, scope.root) { return }
        }
        throw QueryError(!scope.hasGroupBy
            ? "'\(path)' is neither grouped nor aggregated; add group by \(path), or wrap it in an aggregate such as count() or sum()."
            : "'\(path)' is not in group by; add it to group by, or wrap it in an aggregate such as count() or min().", at: path.location)
    }

    /// Whether the dotted `path` from `root` goes through single records only and ends on one,
    /// so that whatever lies beyond it has one value per value of it.
    static func leadsToOneRecord(_ path: String, _ root: RecordTypeID) throws(QueryError) -> Bool {
        var record = Schema.recordType(root)
        for name in path.split(separator: ".") {
            guard let field = record.field(String(name)), case .record(let next, let many, _) = field.kind, !many else { return false }
            record = Schema.recordType(next)
        }
        return true
    }
}
