/// Receives the pieces of what a plan says, for ``Plan/visitContent(_:)``.
protocol PlanContentSink {
    /// Takes one piece.
    mutating func add<Value: Hashable>(_ value: Value)
}

extension Plan {
    /// A hasher of a plan's content.
    private struct HashSink: PlanContentSink {
        var hasher = Hasher()
        mutating func add<Value: Hashable>(_ value: Value) { hasher.combine(value) }
    }

    /// A list of a plan's content, to compare two plans whose hashes are equal.
    private struct ListSink: PlanContentSink {
        var values: [AnyHashable] = []
        mutating func add<Value: Hashable>(_ value: Value) { values.append(AnyHashable(value)) }
    }

    /// Gives `sink` each piece of what the plan says, in order: its kind, name (unless taken from
    /// the file's name), commune, domain, volet and period, its objectives' numbers and titles,
    /// and each action's id, title, deadline and budget lines (kind, amount, article); the budget
    /// lines of volets and objectives too. Sources and locations are left out.
    ///
    /// Two plans that give the same pieces are the same plan, whatever files they were read from
    /// (the seed's `.tsv` and its Excel `.csv`): ``PlanSet`` keeps only the first. The pieces are
    /// values, not texts made for the purpose: hashing a plan allocates nothing.
    func visitContent<Sink: PlanContentSink>(_ sink: inout Sink) {
        sink.add(kind)
        sink.add(name == PlanName.fileStem(source) ? "" : name)
        sink.add(commune)
        sink.add(domain)
        sink.add(volet)
        sink.add(period?.lowerBound)
        sink.add(period?.upperBound)
        func add(_ line: BudgetLine) {
            sink.add(line.kind)
            sink.add(line.amount)
            sink.add(line.article?.code)
        }
        for volet in exchange?.volets ?? [] {
            sink.add(volet.label)
            for line in volet.budget { add(line) }
        }
        for strategic in objectives {
            sink.add(0 as UInt8)
            sink.add(strategic.number)
            sink.add(strategic.title)
            for line in strategic.budget { add(line) }
            for operational in strategic.operationalObjectives {
                sink.add(1 as UInt8)
                sink.add(operational.number)
                sink.add(operational.title)
                for line in operational.budget { add(line) }
                for action in operational.actions {
                    sink.add(2 as UInt8)
                    sink.add(action.id)
                    sink.add(action.titleSlice)
                    sink.add(action.deadlineValue)
                    action.forEachBudgetLine { add($0) }
                }
            }
        }
    }

    /// A hash of ``visitContent(_:)``'s pieces.
    var contentHash: Int {
        var sink = HashSink()
        visitContent(&sink)
        return sink.hasher.finalize()
    }

    /// Whether the plan says the same as `other` (``visitContent(_:)``).
    func sameContent(as other: Plan) -> Bool {
        var mine = ListSink(), theirs = ListSink()
        visitContent(&mine)
        other.visitContent(&theirs)
        return mine.values == theirs.values
    }
}
