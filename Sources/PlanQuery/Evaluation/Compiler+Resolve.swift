import PlanKit

extension Compiler {
    struct Resolved {
        var accessor: ValueAccessor
        var type: ValueType
        /// The folded column of a field at the root of the collection, when it has one.
        var foldedColumn: FoldedColumn.Key? = nil
        /// The small number of the row the value depends on, when it has one.
        var denseKey: DenseKey? = nil
        /// The row's one value, when the path has exactly one a row (a field of the row itself).
        var single: (@Sendable (QueryContext, Int) -> QueryValue)? = nil
    }

    /// Resolves a dotted path from a record type to a value accessor.
    static func resolve(_ path: Path, _ root: RecordTypeID) throws(QueryError) -> Resolved {
        var record = Schema.recordType(root)
        var hop: RecordAccessor?
        // Whether every record on the way is the root's row itself.
        var sameRow = true
        for (index, name) in path.components.enumerated() {
            let location = path.locations[index]
            guard let field = record.field(name) else {
                let names = record.fields.map(\.name)
                let subject = index == 0 ? root.rawValue : path.components[..<index].joined(separator: ".")
                let hint = Suggestions.closest(to: name, in: names).map { "did you mean '\($0)'?" } ?? "fields are \(names.joined(separator: ", "))."
                throw QueryError("Unknown field '\(name)' on \(subject); \(hint)", at: location)
            }
            let isLast = index == path.components.count - 1
            switch field.kind {
            case .value(let type, let accessor):
                guard isLast else {
                    throw QueryError("'\(field.name)' is a \(type.rawValue) and has no fields; end the path at \(path.components[...index].joined(separator: ".")).", at: path.locations[index + 1])
                }
                return Resolved(accessor: chain(hop, accessor), type: type, foldedColumn: hop == nil || sameRow ? field.foldedColumn : nil,
                                denseKey: sameRow ? field.denseKey : nil, single: sameRow ? field.single : nil)
            case .record(let typeID, _, let accessor):
                let next = Schema.recordType(typeID)
                hop = chain(hop, accessor)
                sameRow = sameRow && field.sameRow
                record = next
                if isLast {
                    guard let (type, selfAccessor) = record.selfValue else {
                        throw QueryError("'\(path)' is a record; name one of its fields: \(record.fields.map(\.name).joined(separator: ", ")).", at: location)
                    }
                    return Resolved(accessor: chain(hop, selfAccessor), type: type, denseKey: sameRow ? record.selfDense : nil,
                                    single: sameRow ? record.selfSingle : nil)
                }
            }
        }
        throw QueryError("Expected a field name.", at: path.location)
    }

    static func isInState(_ value: QueryValue, _ state: StateTest) -> Bool {
        // Matched by case, not compared with `==`, which would compare payloads.
        switch (state, value) {
        case (.unknown, .unknown), (.none, .none), (.missing, .missing), (.empty, .none), (.empty, .missing): true
        case (.incomplete, _): value.isIncomplete
        case (.known, _): value.isKnown
        default: false
        }
    }

    /// How a path that ends on an action or an objective through single records (`action`,
    /// `objective`, `source`) reaches it: the record's place in its table, which no other record
    /// of any plan shares, and how many places the table has.
    struct RecordIdentity {
        /// Visits the record's place.
        let place: RecordAccessor
        /// The number of places.
        let count: @Sendable (QueryContext) -> Int

        /// The place as a value, for grouping with other keys.
        var value: ValueAccessor {
            let place = place
            return { c, i, emit in place(c, i) { j in emit(.integer(Int64(j))) } }
        }
    }

    /// The identity of the record `path` ends on, when it is an action or an objective reached
    /// through single records; `nil` for any other path.
    static func recordIdentity(_ path: Path, _ root: RecordTypeID) throws(QueryError) -> RecordIdentity? {
        var record = Schema.recordType(root)
        var hop: RecordAccessor?
        for name in path.components {
            guard let field = record.field(name), case .record(let next, let many, let accessor) = field.kind, !many else { return nil }
            hop = chain(hop, accessor)
            record = Schema.recordType(next)
        }
        guard let hop else { return nil }
        switch record.id {
        case .action: return RecordIdentity(place: hop, count: { $0.planSet.actions.count })
        case .objective: return RecordIdentity(place: hop, count: { $0.planSet.objectives.count })
        default: return nil
        }
    }

    static func negate(_ test: @escaping CompiledQuery.Predicate, _ negated: Bool) -> CompiledQuery.Predicate {
        guard negated else { return test }
        return { c, i, r in !test(c, i, r) }
    }

    static func chain(_ hop: RecordAccessor?, _ accessor: @escaping ValueAccessor) -> ValueAccessor {
        guard let hop else { return accessor }
        return { context, index, emit in hop(context, index) { j in accessor(context, j, emit) } }
    }

    static func chain(_ hop: RecordAccessor?, _ accessor: @escaping RecordAccessor) -> RecordAccessor {
        guard let hop else { return accessor }
        return { context, index, visit in hop(context, index) { j in accessor(context, j, visit) } }
    }

}
