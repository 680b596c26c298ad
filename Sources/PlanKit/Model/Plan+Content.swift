/// Receives the pieces of what a plan says, for ``Plan/visitContent(_:)``.
protocol PlanContentSink {
    /// Takes one piece.
    mutating func add<Value: Hashable>(_ value: Value)
}

extension Plan {
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
    /// (the seed's `.tsv` and its Excel `.csv`): ``PlanSet`` keeps only the first. It compares
    /// plans whose ``contentKey(actions:lines:)`` are equal, rarely: the key tells most apart.
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

    /// A hash of what names the plan (kind, name, commune, domain, volet, period) and of its
    /// numbers of objectives, actions and budget lines: equal for two plans that say the same,
    /// and made without walking the actions' texts. Plans whose keys are equal are compared with
    /// ``sameContent(as:)``; the plans of a region's communes have keys of their own.
    func contentKey(actions: Int, lines: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(name == PlanName.fileStem(source) ? "" : name)
        hasher.combine(commune)
        hasher.combine(domain)
        hasher.combine(volet)
        hasher.combine(period?.lowerBound)
        hasher.combine(period?.upperBound)
        hasher.combine(objectives.count)
        hasher.combine(actions)
        hasher.combine(lines)
        return hasher.finalize()
    }

    /// Whether the plan says the same as `other` (``visitContent(_:)``).
    func sameContent(as other: Plan) -> Bool {
        var mine = ListSink(), theirs = ListSink()
        visitContent(&mine)
        other.visitContent(&theirs)
        return mine.values == theirs.values
    }
}
