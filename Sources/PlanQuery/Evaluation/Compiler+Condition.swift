import PlanKit

extension Compiler {
    /// Compiles a condition to a predicate over row indexes of `root`, in SQL's three-valued logic
    /// (``Truth``): a comparison, match or membership on an unknown, none or missing value, or on a
    /// path with no value, is unknown.
    ///
    /// A path with several values (an action's budget lines, a cell's agents) is true when the
    /// test is true of any value, else unknown when it is unknown of any, else false.
    static func compile(_ expression: QueryExpression, _ root: RecordTypeID, _ needs: inout RunNeeds) throws(QueryError) -> CompiledQuery.Predicate {
        switch expression {
        case .and(let terms):
            var predicates: [CompiledQuery.Predicate] = []
            for term in terms { predicates.append(try compile(term, root, &needs)) }
            let compiled = predicates
            return { c, i, r in
                var result = Truth.yes
                for predicate in compiled {
                    result = result && predicate(c, i, r)
                    if result == .no { return .no }
                }
                return result
            }
        case .or(let terms):
            var predicates: [CompiledQuery.Predicate] = []
            for term in terms { predicates.append(try compile(term, root, &needs)) }
            let compiled = predicates
            return { c, i, r in
                var result = Truth.no
                for predicate in compiled {
                    result = result || predicate(c, i, r)
                    if result == .yes { return .yes }
                }
                return result
            }
        case .not(let inner):
            let compiled = try compile(inner, root, &needs)
            return { c, i, r in !compiled(c, i, r) }
        case .comparison(let path, let op, let literal, let location):
            let resolved = try resolve(path, root)
            let value = try convert(literal, to: resolved.type, path: path, at: location)
            if let single = resolved.single {
                // One value a row: compared as it is, without enumerating it.
                return { c, i, _ in
                    let v = single(c, i)
                    guard v.isKnown, let r = QueryValue.compare(v, value) else { return .unknown }
                    return Truth(op.holds(r))
                }
            }
            let accessor = resolved.accessor
            return { c, i, _ in
                // Whether a value compared false; whether one was unknown, none or missing.
                var sawFalse = false, sawUnknown = false
                let hit = accessor(c, i) { v in
                    if v.isKnown, let r = QueryValue.compare(v, value) {
                        if op.holds(r) { return true }
                        sawFalse = true
                    } else {
                        sawUnknown = true
                    }
                    return false
                }
                return hit ? .yes : (sawFalse && !sawUnknown ? .no : .unknown)
            }
        case .compare(let left, let op, let right, let location):
            return try compileComparison(left, op, right, root, at: location)
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
            let index = needs.add(matcher)
            if matcher.column != nil {
                return negate({ _, i, r in
                    let run = r.matchers[index]
                    if run.column?.isMissing(i) == true { return .unknown }
                    return Truth(matcher.matchesColumnRow(i, in: run))
                }, negated)
            }
            if let dense = resolved.denseKey {
                // Each value matched once, through the row's number; no number means a missing
                // value, whose match is unknown.
                let test: CompiledQuery.Predicate = { c, i, r in
                    guard let number = dense.index(c, i) else { return .unknown }
                    let run = r.matchers[index]
                    return matcher.matches(number: number, of: dense.count(c), in: run) {
                        switch dense.value(c, number) {
                        case .text(let s), .id(let s): Truth(matcher.matches(s, in: c, run))
                        case .deadline(let d): Truth(matcher.matches(d.description, in: c, run))
                        default: .unknown
                        }
                    }
                }
                return negate(test, negated)
            }
            let accessor = resolved.accessor
            return negate({ c, i, r in
                let run = r.matchers[index]
                var result = Truth.unknown
                var any = false
                _ = accessor(c, i) { v in
                    let truth: Truth = switch v {
                    case .text(let s), .id(let s): Truth(matcher.matches(s, in: c, run))
                    case .deadline(let d): Truth(matcher.matches(d.description, in: c, run))
                    default: .unknown
                    }
                    if any { result = result || truth } else { any = true; result = truth }
                    return result == .yes
                }
                return result
            }, negated)
        case .membership(let path, let literals, let negated, let locations):
            let resolved = try resolve(path, root)
            let values = try literals.enumerated().map { (k, l) throws(QueryError) in
                try convert(l, to: resolved.type, path: path, at: QueryExpression.location(ofValue: k, locations, path))
            }
            return negate(anyValue(resolved.accessor) { v in
                guard v.isKnown else { return .unknown }
                return Truth(values.contains { QueryValue.compare(v, $0) == 0 })
            }, negated)
        case .state(let path, let state, let negated):
            let resolved = try resolve(path, root)
            if let dense = resolved.denseKey {
                // The state of the row's class in the key's column, made once a value.
                let slot = needs.column(dense)
                let bit = DenseColumn.bit(state), missing = Self.isInState(.missing, state)
                return { _, i, r in Truth(r.columns[slot].row(i, passes: bit, missing: missing) != negated) }
            }
            if let single = resolved.single {
                // One value a row (missing when there is none): tested as it is.
                return { c, i, _ in Truth(Self.isInState(single(c, i), state) != negated) }
            }
            let accessor = resolved.accessor
            let test: CompiledQuery.Predicate = { c, i, _ in
                var any = false
                let hit = accessor(c, i) { v in
                    any = true
                    return Self.isInState(v, state)
                }
                return Truth(hit || (!any && (state == .missing || state == .empty)))
            }
            return negate(test, negated)
        case .operandState(let operand, let state, let negated):
            let value = try rowValue(operand, root)
            return { c, i, _ in Truth(Self.isInState(value(c, i), state) != negated) }
        case .truth(let path):
            let resolved = try resolve(path, root)
            guard resolved.type == .bool else {
                throw QueryError("'\(path)' is \(resolved.type.rawValue), not true or false; compare it, as in \(path) = \"…\" or \(path) is unknown.", at: path.location)
            }
            return anyValue(resolved.accessor) { v in
                switch v {
                case .bool(let b): Truth(b)
                default: .unknown
                }
            }
        }
    }

    /// A predicate true when `test` is true of any of the row's values, else unknown when it is
    /// unknown of any or there is no value, else false.
    static func anyValue(_ accessor: @escaping ValueAccessor, _ test: @escaping @Sendable (QueryValue) -> Truth) -> CompiledQuery.Predicate {
        { c, i, _ in
            var sawFalse = false, sawUnknown = false
            let hit = accessor(c, i) { v in
                switch test(v) {
                case .yes: return true
                case .no: sawFalse = true
                case .unknown: sawUnknown = true
                }
                return false
            }
            return hit ? .yes : (sawFalse && !sawUnknown ? .no : .unknown)
        }
    }

    /// Whether `test` is true of any of row `i`'s values (see ``anyValue(_:_:)``).
    static func anyValue(_ accessor: ValueAccessor, _ c: QueryContext, _ i: Int, _ test: (QueryValue) -> Truth) -> Truth {
        withoutActuallyEscaping(test) { test in
            var result = Truth.unknown
            var any = false
            _ = accessor(c, i) { v in
                let truth = test(v)
                if !any { any = true; result = truth } else { result = result || truth }
                return result == .yes
            }
            return result
        }
    }
}
