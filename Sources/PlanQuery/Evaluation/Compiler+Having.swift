import PlanKit

extension Compiler {
    /// Whether a group passes `having`.
    typealias GroupPredicate = @Sendable (QueryContext, [Int]) throws(QueryError) -> Truth

    /// Compiles a `having` condition over groups, in the same three-valued logic as `where`.
    static func compileHaving(_ expression: QueryExpression, _ scope: GroupScope) throws(QueryError) -> GroupPredicate {
        switch expression {
        case .and(let terms):
            var predicates: [GroupPredicate] = []
            for term in terms { predicates.append(try compileHaving(term, scope)) }
            let compiled = predicates
            return { c, members throws(QueryError) in
                var result = Truth.yes
                for predicate in compiled {
                    result = result && (try predicate(c, members))
                    if result == .no { return .no }
                }
                return result
            }
        case .or(let terms):
            var predicates: [GroupPredicate] = []
            for term in terms { predicates.append(try compileHaving(term, scope)) }
            let compiled = predicates
            return { c, members throws(QueryError) in
                var result = Truth.no
                for predicate in compiled {
                    result = result || (try predicate(c, members))
                    if result == .yes { return .yes }
                }
                return result
            }
        case .not(let inner):
            let compiled = try compileHaving(inner, scope)
            return { c, members throws(QueryError) in !(try compiled(c, members)) }
        case .comparison(let path, let op, let literal, let location):
            return try compileHaving(.compare(.path(path), op, .literal(literal, location), location), scope)
        case .compare(let left, let op, let right, _):
            let (lt, rt) = try comparisonTypes(left, right, scope.root)
            let l = try groupValue(left, scope, hint: rt.map { Hint($0, right) }), r = try groupValue(right, scope, hint: lt.map { Hint($0, left) })
            return { c, members throws(QueryError) in
                let a = try l(c, members), b = try r(c, members)
                guard a.isKnown, b.isKnown, let order = QueryValue.compare(a, b) else { return .unknown }
                return Truth(op.holds(order))
            }
        case .membership(let path, let literals, let negated, let locations):
            let value = try groupValue(.path(path), scope)
            let type = try resolve(path, scope.root).type
            let values = try literals.enumerated().map { (k, l) throws(QueryError) in
                try convert(l, to: type, path: path, at: QueryExpression.location(ofValue: k, locations, path))
            }
            return { c, members throws(QueryError) in
                let v = try value(c, members)
                guard v.isKnown else { return .unknown }
                let found = Truth(values.contains { QueryValue.compare(v, $0) == 0 })
                return negated ? !found : found
            }
        case .state(let path, let state, let negated):
            let value = try groupValue(.path(path), scope)
            return { c, members throws(QueryError) in
                Truth(Self.isInState(try value(c, members), state) != negated)
            }
        case .operandState(let operand, let state, let negated):
            let value = try groupValue(operand, scope)
            return { c, members throws(QueryError) in
                Truth(Self.isInState(try value(c, members), state) != negated)
            }
        case .truth(let path):
            let value = try groupValue(.path(path), scope)
            return { c, members throws(QueryError) in
                if case .bool(let b) = try value(c, members) { return Truth(b) }
                return .unknown
            }
        case .match(let path, _, _, _):
            throw QueryError("~ in having would match one row of each group; match rows with where instead.", at: path.location)
        }
    }
}
