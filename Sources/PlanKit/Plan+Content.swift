extension Plan {
    /// Calls `visit` with each piece of what the plan says, in order: its kind, name (unless taken
    /// from the file's name), commune,
    /// domain, volet and period, its objectives' numbers and titles, and each action's id,
    /// title, deadline and budget lines (kind, amount, article). Sources and locations are left out.
    ///
    /// Two plans that visit the same pieces are the same plan, whatever files they were read from
    /// (the seed's `.tsv` and its Excel `.csv`): ``PlanSet`` keeps only the first.
    func visitContent(_ visit: (String) -> Void) {
        visit(kind.rawValue)
        // A name taken from the file's name (no `PLAN :` line) says nothing of the plan.
        visit(name == PlanName.fileStem(source) ? "" : name)
        visit(commune ?? "")
        visit(domain ?? "")
        visit(volet ?? "")
        visit(period.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "")
        for strategic in objectives {
            visit("OS")
            visit(strategic.number)
            visit(strategic.title)
            for operational in strategic.operationalObjectives {
                visit("OO")
                visit(operational.number)
                visit(operational.title)
                for action in operational.actions {
                    visit("A")
                    visit(action.id)
                    visit(action.title)
                    visit("\(action.deadlineValue)")
                    action.forEachBudgetLine { line in
                        visit(line.kind.rawValue)
                        visit(line.amount.value.map { String($0.cents) } ?? "\(line.amount)")
                        visit(line.article?.code ?? "")
                    }
                }
            }
        }
    }

    /// A hash of ``visitContent(_:)``'s pieces.
    var contentHash: Int {
        var hasher = Hasher()
        visitContent { hasher.combine($0) }
        return hasher.finalize()
    }

    /// Whether the plan says the same as `other` (``visitContent(_:)``).
    func sameContent(as other: Plan) -> Bool {
        var mine: [String] = [], theirs: [String] = []
        visitContent { mine.append($0) }
        other.visitContent { theirs.append($0) }
        return mine == theirs
    }
}
