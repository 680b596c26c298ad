import PlanKit

extension Compiler {
    /// `query` with the plan names its `where` and `having` compare normalised as the reader
    /// normalises them (`plan = "PCS 3"` → `plan = "PCS III"`).
    static func normalisingPlanNames(_ query: Query) -> Query {
        guard query.filter != nil || query.having != nil, let root = Schema.collection(query.collection)?.recordTypeID else { return query }
        var query = query
        query.filter = query.filter.map { normalising($0, root) }
        query.having = query.having.map { normalising($0, root) }
        return query
    }

    static func normalising(_ expression: QueryExpression, _ root: RecordTypeID) -> QueryExpression {
        func normalised(_ literal: Literal) -> Literal {
            if case .string(let text) = literal { return .string(PlanName.normalise(text)) }
            return literal
        }
        switch expression {
        case .comparison(let path, let op, let literal, let location):
            guard KnownValues.of(path, from: root)?.planNames == true else { return expression }
            return .comparison(path, op, normalised(literal), location)
        case .compare(.path(let path), let op, .literal(let literal, let at), let location):
            guard KnownValues.of(path, from: root)?.planNames == true else { return expression }
            return .compare(.path(path), op, .literal(normalised(literal), at), location)
        case .compare(.literal(let literal, let at), let op, .path(let path), let location):
            // Written the other way round: `"PCS 3" = plan`.
            guard KnownValues.of(path, from: root)?.planNames == true else { return expression }
            return .compare(.literal(normalised(literal), at), op, .path(path), location)
        case .membership(let path, let literals, let negated, let locations):
            guard KnownValues.of(path, from: root)?.planNames == true else { return expression }
            return .membership(path, literals.map(normalised), negated: negated, at: locations)
        case .and(let terms): return .and(terms.map { normalising($0, root) })
        case .or(let terms): return .or(terms.map { normalising($0, root) })
        case .not(let inner): return .not(normalising(inner, root))
        case .compare, .match, .state, .operandState, .truth: return expression
        }
    }

    /// Warnings for the text literals `query` compares, in `where` or `having`, with a field of
    /// known values (plans, kinds, levels, statuses, rules) that match none of the values
    /// `context` knows.
    public static func warnings(_ query: Query, in context: QueryContext) -> [QueryWarning] {
        guard query.filter != nil || query.having != nil, let root = Schema.collection(query.collection)?.recordTypeID else { return [] }
        var warnings: [QueryWarning] = []
        for condition in [query.filter, query.having].compactMap({ $0 }) { collectWarnings(condition, root, context, &warnings) }
        return warnings
    }

    static func collectWarnings(_ expression: QueryExpression, _ root: RecordTypeID, _ context: QueryContext, _ warnings: inout [QueryWarning]) {
        func check(_ path: Path, _ literal: Literal, at location: QueryLocation) {
            guard case .string(let written) = literal, let known = KnownValues.of(path, from: root) else { return }
            let values = known.values(context)
            let text = known.planNames ? PlanName.normalise(written) : written
            guard !values.isEmpty, !values.contains(text) else { return }
            let hint = Suggestions.closest(to: text, in: values).map { "did you mean \"\($0)\"?" }
                ?? (values.count <= 8 ? "the \(known.noun)s are \(values.map { "\"\($0)\"" }.joined(separator: ", "))." : "no \(known.noun) is close to it.")
            // The text as the query writes it; the nearest value is found from its normal form.
            let subject = known.planNames ? "No \(known.noun) is named \"\(written)\"" : "\"\(text)\" is no \(known.noun)"
            warnings.append(QueryWarning("\(subject); \(hint) The query runs as written.", at: location))
        }
        switch expression {
        case .comparison(let path, let op, let literal, let location):
            if op == .equal || op == .notEqual { check(path, literal, at: location) }
        case .compare(.path(let path), let op, .literal(let literal, _), let location):
            if op == .equal || op == .notEqual { check(path, literal, at: location) }
        case .compare(.literal(let literal, let at), let op, .path(let path), _):
            // Written the other way round: `"pst-citoyenete" = plan`; the literal is shown.
            if op == .equal || op == .notEqual { check(path, literal, at: at) }
        case .membership(let path, let literals, _, let locations):
            // Each text shown where it is written.
            for (k, literal) in literals.enumerated() { check(path, literal, at: QueryExpression.location(ofValue: k, locations, path)) }
        case .and(let terms), .or(let terms):
            for term in terms { collectWarnings(term, root, context, &warnings) }
        case .not(let inner):
            collectWarnings(inner, root, context, &warnings)
        case .compare, .match, .state, .operandState, .truth:
            break
        }
    }
}
