/// `action.duplicate-id`: two actions of one plan share a number.
public struct ActionDuplicateID: Rule {
    public let id = "action.duplicate-id"
    public let severity = Severity.error
    public let summary = "Two actions of one plan have the same number."
    public init() {}
    public func check(_ plans: PlanSet) -> [Finding] {
        var seen: [String: SourceLocation] = [:]
        var findings: [Finding] = []
        for entry in plans.actions {
            let key = "\(entry.plan)\u{0}\(entry.action.id)"
            if let first = seen[key] {
                findings.append(finding("Action \(entry.action.id) is numbered like the action at line \(first.line); renumber one of them.", subject: entry.action.id, at: entry.action.location))
            } else {
                seen[key] = entry.action.location
            }
        }
        return findings
    }
}

/// `action.code-mismatch`: the title says `Action 1.1` and the code column `A 1.2`.
public struct ActionCodeMismatch: Rule {
    public let id = "action.code-mismatch"
    public let severity = Severity.error
    public let summary = "The action's number in its title differs from its code column."
    public init() {}
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            guard let code = entry.action.code.value.value else { return nil }
            let digits = code.drop { !$0.isASCIIDigit }.trimmed.trimmingTrailingPunctuation
            guard !digits.isEmpty, digits != entry.action.id else { return nil }
            return finding("Action \(entry.action.id) has the code \"\(code)\"; make the title's number and the code agree.", subject: entry.action.id, at: entry.action.code.location)
        }
    }
}

/// `action.unknown-pilot`: a pilot cell says `??`.
public struct ActionUnknownPilot: Rule {
    public let id = "action.unknown-pilot"
    public let severity = Severity.warning
    public let summary = "A pilot of the action (political, service or agent) is ?? (to be decided)."
    public init() {}
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.flatMap { entry -> [Finding] in
            let pilots = entry.action.pilots
            return [("politician", pilots.political), ("service", pilots.services), ("agent", pilots.agents)].compactMap { role, cell in
                guard case .unknown = cell.value else { return nil }
                return finding("Action \(entry.action.id) has no \(role) in charge yet (??).", subject: entry.action.id, at: cell.location)
            }
        }
    }
}

/// `action.unknown-deadline`: the deadline cell says `??` or cannot be read.
public struct ActionUnknownDeadline: Rule {
    public let id = "action.unknown-deadline"
    public let severity = Severity.warning
    public let summary = "The action's deadline is ?? (to be decided) or unreadable."
    public init() {}
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            guard case .unknown = entry.action.deadline.value else { return nil }
            return finding("Action \(entry.action.id) has no deadline yet (\(entry.action.deadline.text.trimmed)).", subject: entry.action.id, at: entry.action.deadline.location)
        }
    }
}

/// `action.missing-deadline`: the deadline cell is blank.
public struct ActionMissingDeadline: Rule {
    public let id = "action.missing-deadline"
    public let severity = Severity.warning
    public let summary = "The action's deadline cell was never filled."
    public init() {}
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.compactMap { entry in
            guard case .missing = entry.action.deadline.value else { return nil }
            return finding("Action \(entry.action.id) has a blank deadline cell; write a deadline, or ?? if it is to be decided.", subject: entry.action.id, at: entry.action.deadline.location)
        }
    }
}

/// `action.open-question`: the title carries a question left open.
public struct ActionOpenQuestion: Rule {
    public let id = "action.open-question"
    public let severity = Severity.info
    public let summary = "The action's title carries an open question, such as (à préciser! Comment?)."
    public init() {}
    public func check(_ plans: PlanSet) -> [Finding] {
        plans.actions.flatMap { entry in
            entry.action.openQuestions.map { question in
                finding("Action \(entry.action.id) leaves a question open: \(question)", subject: entry.action.id, at: entry.action.titleCell.location)
            }
        }
    }
}
