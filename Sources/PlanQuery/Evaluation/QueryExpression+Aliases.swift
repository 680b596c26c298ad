extension QueryExpression {
    /// The condition with each one-name path that is a select item's alias replaced by the
    /// item: `having s > 20000` after `select sum(amount) as s` reads `sum(amount) > 20000`.
    /// `aliases` maps lower-cased aliases to their items.
    func substituting(_ aliases: [String: Operand]) -> QueryExpression {
        guard !aliases.isEmpty else { return self }
        func item(_ path: Path) -> Operand? {
            path.components.count == 1 ? aliases[path.components[0].lowercased()] : nil
        }
        switch self {
        case .comparison(let path, let op, let literal, let location):
            guard let operand = item(path) else { return self }
            if case .path(let field) = operand { return .comparison(field, op, literal, location) }
            return .compare(operand, op, .literal(literal, location), location)
        case .compare(let left, let op, let right, let location):
            return .compare(left.substituting(aliases), op, right.substituting(aliases), location)
        case .membership(let path, let literals, let negated, let locations):
            guard let operand = item(path) else { return self }
            if case .path(let field) = operand { return .membership(field, literals, negated: negated, at: locations) }
            let equalities = literals.enumerated().map { k, literal in
                QueryExpression.compare(operand, .equal, .literal(literal, QueryExpression.location(ofValue: k, locations, path)), path.location)
            }
            let any = equalities.count == 1 ? equalities[0] : .or(equalities)
            return negated ? .not(any) : any
        case .state(let path, let state, let negated):
            guard let operand = item(path) else { return self }
            if case .path(let field) = operand { return .state(field, state, negated: negated) }
            return .operandState(operand, state, negated: negated)
        case .operandState(let operand, let state, let negated):
            return .operandState(operand.substituting(aliases), state, negated: negated)
        case .truth(let path):
            guard case .path(let field)? = item(path) else { return self }
            return .truth(field)
        case .match(let path, let pattern, let negated, let location):
            guard case .path(let field)? = item(path) else { return self }
            return .match(field, pattern: pattern, negated: negated, location)
        case .and(let terms): return .and(terms.map { $0.substituting(aliases) })
        case .or(let terms): return .or(terms.map { $0.substituting(aliases) })
        case .not(let inner): return .not(inner.substituting(aliases))
        }
    }
}

extension Operand {
    /// The operand with each one-name path that is a select item's alias replaced by the item.
    func substituting(_ aliases: [String: Operand]) -> Operand {
        switch self {
        case .path(let path):
            return path.components.count == 1 ? aliases[path.components[0].lowercased()] ?? self : self
        case .literal, .aggregate: return self
        case .arithmetic(let op, let left, let right, let location):
            return .arithmetic(op, left.substituting(aliases), right.substituting(aliases), location)
        case .percent(let inner, let location): return .percent(inner.substituting(aliases), location)
        case .year(let inner, let location): return .year(inner.substituting(aliases), location)
        }
    }
}
