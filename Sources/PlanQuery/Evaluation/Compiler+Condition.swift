import PlanKit

extension Compiler {
    /// Compiles a condition to a predicate over row indexes of `root`.
    static func compile(_ expression: QueryExpression, _ root: RecordTypeID, _ matchers: inout [TextMatcher]) throws(QueryError) -> CompiledQuery.Predicate {
        switch expression {
        case .and(let terms):
            var predicates: [CompiledQuery.Predicate] = []
            for term in terms { predicates.append(try compile(term, root, &matchers)) }
            let compiled = predicates
            return { c, i, r in compiled.allSatisfy { $0(c, i, r) } }
        case .or(let terms):
            var predicates: [CompiledQuery.Predicate] = []
            for term in terms { predicates.append(try compile(term, root, &matchers)) }
            let compiled = predicates
            return { c, i, r in compiled.contains { $0(c, i, r) } }
        case .not(let inner):
            let compiled = try compile(inner, root, &matchers)
            return { c, i, r in !compiled(c, i, r) }
        case .comparison(let path, let op, let literal, let location):
            let resolved = try resolve(path, root)
            let value = try convert(literal, to: resolved.type, path: path, at: location)
            let accessor = resolved.accessor
            return { c, i, _ in
                accessor(c, i) { v in
                    guard !v.isState, let r = QueryValue.compare(v, value) else { return false }
                    return op.holds(r)
                }
            }
        case .match(let path, let pattern, let negated, let location):
            let resolved = try resolve(path, root)
            guard [.text, .id, .deadline].contains(resolved.type) else {
                throw QueryError("~ matches text, and '\(path)' is \(resolved.type == .money ? "an amount" : resolved.type.rawValue); compare it with =, <, >.", at: path.location)
            }
            var built = try TextMatcher(pattern, at: location)
            // A literal over a field with a folded column scans the column (see `TextMatcher.start`).
            if built.isLiteral, let column = resolved.foldedColumn { built.column = column }
            let matcher = built
            // The matcher's state in a run is at its index in the run's states.
            let index = matchers.count
            matchers.append(matcher)
            if matcher.column != nil { return negate({ _, i, r in matcher.matchesColumnRow(i, in: r.matchers[index]) }, negated) }
            if let dense = resolved.denseKey {
                // Each value matched once, through the row's number; no number means a missing
                // value, which matches nothing, as the accessor says.
                let test: CompiledQuery.Predicate = { c, i, r in
                    guard let number = dense.index(c, i) else { return false }
                    let run = r.matchers[index]
                    return matcher.matches(number: number, of: dense.count(c), in: run) {
                        switch dense.value(c, number) {
                        case .text(let s), .id(let s): matcher.matches(s, in: c, run)
                        case .deadline(let d): matcher.matches(d.description, in: c, run)
                        default: false
                        }
                    }
                }
                return negate(test, negated)
            }
            let accessor = resolved.accessor
            let test: CompiledQuery.Predicate = { c, i, r in
                let run = r.matchers[index]
                return accessor(c, i) { v in
                    switch v {
                    case .text(let s), .id(let s): matcher.matches(s, in: c, run)
                    case .deadline(let d): matcher.matches(d.description, in: c, run)
                    default: false
                    }
                }
            }
            return negate(test, negated)
        case .membership(let path, let literals, let negated):
            let resolved = try resolve(path, root)
            let values = try literals.map { (l) throws(QueryError) in try convert(l, to: resolved.type, path: path, at: path.location) }
            let accessor = resolved.accessor
            let test: CompiledQuery.Predicate = { c, i, _ in
                accessor(c, i) { v in !v.isState && values.contains { QueryValue.compare(v, $0) == 0 } }
            }
            return negate(test, negated)
        case .state(let path, let state, let negated):
            let resolved = try resolve(path, root)
            if let dense = resolved.denseKey {
                // The value straight from the row's number, without the chain of records; no
                // number means a missing value, as the accessor says.
                let test: CompiledQuery.Predicate = { c, i, _ in
                    guard let number = dense.index(c, i) else { return Self.isInState(.missing, state) }
                    return Self.isInState(dense.value(c, number), state)
                }
                return negate(test, negated)
            }
            let accessor = resolved.accessor
            let test: CompiledQuery.Predicate = { c, i, _ in
                var any = false
                let hit = accessor(c, i) { v in
                    any = true
                    return Self.isInState(v, state)
                }
                return hit || (!any && (state == .missing || state == .empty))
            }
            return negate(test, negated)
        case .truth(let path):
            let resolved = try resolve(path, root)
            guard resolved.type == .bool else {
                throw QueryError("'\(path)' is \(resolved.type.rawValue), not true or false; compare it, as in \(path) = \"…\" or \(path) is unknown.", at: path.location)
            }
            let accessor = resolved.accessor
            return { c, i, _ in accessor(c, i) { $0 == .bool(true) } }
        }
    }
}
