import PlanKit

extension Query {
    /// The parts of each action the query reads, so that a loader can parse only those.
    ///
    /// Unknown collections and fields count as reading everything: the compiler reports them.
    public var fieldsRead: PlanFields {
        guard let collection = Schema.collection(collection) else { return .all }
        var fields = Self.ownFields[collection.recordTypeID] ?? []
        var paths: [[String]] = []
        if let filter { filter.collectPaths(into: &paths) }
        if let having {
            // A select item's alias in having reads what the item reads.
            let aliases = Set((select ?? []).compactMap { $0.alias?.lowercased() })
            var havingPaths: [[String]] = []
            having.collectPaths(into: &havingPaths)
            paths += havingPaths.filter { $0.count != 1 || !aliases.contains($0[0].lowercased()) }
        }
        if let select {
            for item in select { item.operand.collectPaths(into: &paths) }
        } else {
            paths += collection.defaultColumns.map { $0.split(separator: ".").map(String.init) }
            if let plan = collection.sourcePlan { paths.append(plan.split(separator: ".").map(String.init)) }
        }
        paths += groupBy.map(\.components)
        paths += sort.map(\.path.components)
        for path in paths { fields.formUnion(Self.fields(path[...], in: collection.recordTypeID)) }
        return fields
    }

    /// What a record of each type needs parsed to exist at all, whatever field is read: budget
    /// lines and articles come from the budget cells, links from the titles, findings from everything.
    static let ownFields: [RecordTypeID: PlanFields] = [
        .budget: .budget, .budgetArticle: .budget, .article: .budget, .link: .titles, .finding: .all,
    ]

    /// What each field reads, by record type; a field leading to a record names that record's type.
    static let fieldTable: [RecordTypeID: [String: (PlanFields, RecordTypeID?)]] = [
        .plan: ["warnings": (.all, nil)],
        .action: [
            "code": (.code, nil), "title": (.titles, nil), "text": (.titles, nil), "questions": (.titles, nil),
            "pending": (.titles, nil), "hr": (.humanResources, nil), "fte": (.humanResources, nil), "pilot": (.pilots, .pilots), "deadline": (.deadline, .deadline),
            "budget": (.budget, .budget), "ordinary": (.budget, nil), "extraordinary": (.budget, nil), "total": (.budget, nil),
            "links": (.titles, .link), "linkedFrom": (.titles, .link), "objective": ([], .objective), "strategic": ([], .objective),
        ],
        .budget: [
            "action": ([], .action), "plan": ([], nil), "article": (.budget, .budgetArticle),
            "label": ([.budget, .budgetText], nil), "funding": ([.budget, .budgetText], nil),
            "note": ([.budget, .budgetText], nil), "text": ([.budget, .budgetText], nil),
        ],
        .budgetArticle: ["label": ([.budget, .budgetText], nil)],
        .link: ["action": ([], .action), "source": ([], .action), "target": ([], .linkTarget)],
        .linkTarget: ["title": (.titles, nil), "action": (.titles, .action), "objective": ([], .objective)],
    ]

    /// What the path reads from a record of type `type`.
    static func fields(_ path: ArraySlice<String>, in type: RecordTypeID) -> PlanFields {
        guard let name = path.first else { return [] }
        guard let field = Schema.recordType(type).field(name) else { return .all }
        guard let (fields, next) = fieldTable[type]?[field.name] else { return ownFields[type] ?? [] }
        guard let next else { return fields }
        return fields.union(Self.fields(path.dropFirst(), in: next))
    }
}

extension QueryExpression {
    /// Appends the components of every path the expression reads.
    func collectPaths(into paths: inout [[String]]) {
        switch self {
        case .comparison(let path, _, _, _), .match(let path, _, _, _), .membership(let path, _, _, _),
             .state(let path, _, _), .truth(let path):
            paths.append(path.components)
        case .operandState(let operand, _, _):
            operand.collectPaths(into: &paths)
        case .compare(let left, _, let right, _):
            left.collectPaths(into: &paths)
            right.collectPaths(into: &paths)
        case .and(let parts), .or(let parts):
            for part in parts { part.collectPaths(into: &paths) }
        case .not(let inner):
            inner.collectPaths(into: &paths)
        }
    }
}

extension Operand {
    /// Appends the components of every path the operand reads.
    func collectPaths(into paths: inout [[String]]) {
        switch self {
        case .path(let path): paths.append(path.components)
        case .literal: break
        case .aggregate(_, let path, _, _): if let path { paths.append(path.components) }
        case .arithmetic(_, let left, let right, _):
            left.collectPaths(into: &paths)
            right.collectPaths(into: &paths)
        case .percent(let inner, _), .year(let inner, _): inner.collectPaths(into: &paths)
        }
    }
}
