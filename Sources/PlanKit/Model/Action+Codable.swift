extension Action: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, code, title, titleCell, openQuestions, pilots, deadline, ordinaryBudget
        case extraordinaryBudget, humanResources, links, pending, location, exchange
    }

    /// Decodes an action; its ``budget`` is derived from the two budget cells.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            code: try c.decode(Cell<String>.self, forKey: .code),
            title: try c.decode(String.self, forKey: .title),
            titleCell: try c.decode(Cell<String>.self, forKey: .titleCell),
            openQuestions: try c.decode([String].self, forKey: .openQuestions),
            pilots: try c.decode(Pilots.self, forKey: .pilots),
            deadline: try c.decode(Cell<Deadline>.self, forKey: .deadline),
            ordinaryBudget: try c.decode(Cell<[BudgetLine]>.self, forKey: .ordinaryBudget),
            extraordinaryBudget: try c.decode(Cell<[BudgetLine]>.self, forKey: .extraordinaryBudget),
            humanResources: try c.decode(Cell<String>.self, forKey: .humanResources),
            links: try c.decode([CrossLink].self, forKey: .links),
            pending: try c.decode(Bool.self, forKey: .pending),
            location: try c.decode(SourceLocation.self, forKey: .location),
            exchange: try c.decodeIfPresent(ExchangeFields.self, forKey: .exchange))
    }

    /// Encodes the action's cells; ``budget`` is not written, being derived.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(code, forKey: .code)
        try c.encode(title, forKey: .title)
        try c.encode(titleCell, forKey: .titleCell)
        try c.encode(openQuestions, forKey: .openQuestions)
        try c.encode(pilots, forKey: .pilots)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(ordinaryBudget, forKey: .ordinaryBudget)
        try c.encode(extraordinaryBudget, forKey: .extraordinaryBudget)
        try c.encode(humanResources, forKey: .humanResources)
        try c.encode(links, forKey: .links)
        try c.encode(pending, forKey: .pending)
        try c.encode(location, forKey: .location)
        try c.encodeIfPresent(exchange, forKey: .exchange)
    }
}
