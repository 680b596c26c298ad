import Testing
@testable import PlanKit

/// An amount is read only when its notation has one reading; otherwise its line's amount is
/// unknown, the text is kept and a located warning names it. Amounts that are not one allocation
/// (planned and spent, several years, a range) are never added up.
@Suite struct AmountTrustTests {
    static let here = PlanKit.SourceLocation(file: "pst.tsv", line: 9, column: 8)

    /// A cell's lines as `amount in cents or ??|label or -`, and its warnings as printed.
    static func read(_ cell: String) -> (lines: [String], warnings: [String]) {
        var diagnostics: [Diagnostic] = []
        let lines = BudgetCellParser(kind: .ordinary, location: here).parse(cell, diagnostics: &diagnostics)
        return (lines.map(describe), diagnostics.map(\.description))
    }

    static func describe(_ line: BudgetLine) -> String {
        let amount = line.amount.value.map { String($0.cents) } ?? "??"
        return amount + "|" + (line.label ?? "-")
    }

    static let belgian = "(Belgian notation: dot for thousands, comma for decimals). Its amount counts as unknown."

    static func ambiguous(_ message: String) -> String { "pst.tsv:9:8: warning: \(message) [read.ambiguous-amount]" }
    static func notASum(_ message: String) -> String {
        "pst.tsv:9:8: warning: \(message) Its amount counts as unknown. [read.amounts-not-a-sum]"
    }

    /// Notations with one reading are read whole.
    @Test(arguments: [
        ("1,000,000 €", ["100000000|-"]),
        ("12,345.00 €", ["1234500|-"]),
        ("1,234.56 €", ["123456|-"]),
        ("12.000,- €", ["1200000|-"]),
        ("1500.-", ["150000|-"]),
        ("EUR 3.000", ["300000|-"]),
        ("3 k€", ["300000|-"]),
        ("1,5 k€", ["150000|-"]),
        ("2 M€", ["200000000|-"]),
        ("-500 €", ["-50000|-"]),
        ("+/- 2.000 €", ["200000|+/-"]),
    ] as [(String, [String])])
    func unambiguousNotationsAreRead(_ cell: String, _ lines: [String]) {
        let read = Self.read(cell)
        #expect(read.lines == lines)
        #expect(read.warnings == [])
    }

    /// Variants that were read right already stay so.
    @Test(arguments: [
        ("€1.500", ["150000|-"]),
        ("1 500,00 EUR", ["150000|-"]),
        ("1.500.000 €", ["150000000|-"]),
        ("3.000€/an", ["300000|/an"]),
        ("15.000 € TVAC", ["1500000|TVAC"]),
        ("± 500 €", ["50000|±"]),
        ("0,50 €", ["50|-"]),
    ] as [(String, [String])])
    func notationsReadBeforeStayRead(_ cell: String, _ lines: [String]) {
        let read = Self.read(cell)
        #expect(read.lines == lines)
        #expect(read.warnings == [])
    }

    /// With an article in the same cell, the amount is still read, and the article kept.
    @Test(arguments: [
        ("12.000,- € (Article 840/124-02 Fêtes)", 1_200_000),
        ("-500 € (Article 840/124-02 Fêtes)", -50_000),
        ("EUR 3.000 (Article 840/124-02 Fêtes)", 300_000),
        ("3 k€ (Article 840/124-02 Fêtes)", 300_000),
        ("1,234.56 € (Article 840/124-02 Fêtes)", 123_456),
        ("5000 (Article 840/124-02 Fêtes)", 500_000),
    ] as [(String, Int64)])
    func amountsBesideAnArticleAreRead(_ cell: String, _ cents: Int64) throws {
        var diagnostics: [Diagnostic] = []
        let lines = BudgetCellParser(kind: .ordinary, location: Self.here).parse(cell, diagnostics: &diagnostics)
        let line = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(line.amount == .known(Money(cents: cents)))
        #expect(line.article?.code == "840/124-02")
        #expect(line.articleLabel == "Fêtes")
        #expect(diagnostics.isEmpty)
    }

    /// Notations with two readings, or none in cents, are not read: the line's amount is
    /// unknown, its text kept, and a warning names the notation and what to write.
    @Test(arguments: [
        ("250,000 €", ["??|-"], [
            "\"250,000 €\" could be 250 € or 250 000 €; write 250.000 € or 250 € \(belgian)",
        ]),
        ("1,500 €", ["??|-"], ["\"1,500 €\" could be 1,50 € or 1 500 €; write 1.500 € or 1,50 € \(belgian)"]),
        ("1,234 €", ["??|-"], [
            "\"1,234 €\" could be 1 234 € or 1,234 €, which is not a number of cents; write 1.234 € \(belgian)",
        ]),
        ("5  000 €", ["??|-"], [
            "\"5  000 €\" has more than one space between its digits; write 5.000 € if it is one amount. Its amount counts as unknown.",
        ]),
        (",50 €", ["??|-"], [
            "\",50 €\" starts with a separator, not a digit; write 0,50 € if that is the amount. Its amount counts as unknown.",
        ]),
        ("0,005 €", ["??|-"], ["\"0,005 €\" has more than two decimals, a fraction of a cent; write it rounded to the cent \(belgian)"]),
        ("1.50.000 €", ["??|-"], [
            "\"1.50.000 €\" mixes separators in a way that is not one notation; write it with dots for thousands and a comma before the cents, as in 1.500,50 €. Its amount counts as unknown.",
        ]),
        ("1.500.50 €", ["??|-"], [
            "\"1.500.50 €\" mixes separators in a way that is not one notation; write it with dots for thousands and a comma before the cents, as in 1.500,50 €. Its amount counts as unknown.",
        ]),
        ("1,5000 €", ["??|-"], ["\"1,5000 €\" has more than two decimals, a fraction of a cent; write it rounded to the cent \(belgian)"]),
        ("1500 000 €", ["??|-"], [
            "\"1500 000 €\" mixes separators in a way that is not one notation; write it with dots for thousands and a comma before the cents, as in 1.500,50 €. Its amount counts as unknown.",
        ]),
        // Labelled parts: only the ambiguous one is unknown.
        ("CCE 1,500 € CCCA 3.000 €", ["??|CCE", "300000|CCCA"], [
            "\"1,500 €\" could be 1,50 € or 1 500 €; write 1.500 € or 1,50 € \(belgian)",
        ]),
        // A dash before each of several amounts may mark a list rather than negative amounts.
        ("-3.000 € -2.000 €", ["??|-", "??|-"], [
            "\"-3.000 €\" could be -3 000 € or 3 000 € after a list's dash; write 3.000 € without the dash, or give a negative amount a cell of its own. Its amount counts as unknown.",
            "\"-2.000 €\" could be -2 000 € or 2 000 € after a list's dash; write 2.000 € without the dash, or give a negative amount a cell of its own. Its amount counts as unknown.",
        ]),
    ] as [(String, [String], [String])])
    func ambiguousNotationsAreFlagged(_ cell: String, _ lines: [String], _ warnings: [String]) {
        let read = Self.read(cell)
        #expect(read.lines == lines)
        #expect(read.warnings == warnings.map(Self.ambiguous))
    }

    /// A stated credit in an ambiguous notation is not read; the article is.
    @Test func ambiguousCreditIsFlagged() throws {
        var diagnostics: [Diagnostic] = []
        let cell = "5.000 € (24,850 € à l'article 84021/124-02 Frais animation)"
        let lines = BudgetCellParser(kind: .ordinary, location: Self.here).parse(cell, diagnostics: &diagnostics)
        let line = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(line.amount == .known(Money(cents: 500_000)))
        #expect(line.article?.code == "84021/124-02")
        #expect(line.statedCredit == nil)
        #expect(line.note == "24,850 € à l'article 84021/124-02 Frais animation")
        #expect(diagnostics.map(\.description) == [Self.ambiguous(
            "\"24,850 €\" could be 24,85 € or 24 850 €; write 24.850 € or 24,85 € (Belgian notation: dot for thousands, comma for decimals). The article's credit is kept in the note, not read.")])
    }

    static let range = "not one amount; write the amount allocated, or ?? with the range in parentheses."

    /// Amounts that are not one allocation are not added: one line of unknown amount keeps the
    /// whole cell as its note, and one warning names the cell.
    @Test(arguments: [
        ("2025 : - 10000 € HT prévisionnels - 8000 € HT dépensés",
         "This cell holds planned and spent amounts (10000 €, 8000 €), which are not one allocation and are not added up; write the amount allocated alone, with the others in parentheses."),
        ("10.000 € prévus, 8.000 € réalisés, 2.000 € restants",
         "This cell holds planned, spent and remaining amounts (10.000 €, 8.000 €, 2.000 €), which are not one allocation and are not added up; write the amount allocated alone, with the others in parentheses."),
        ("2024 : 5.000 € 2025 : 6.000 €",
         "This cell holds amounts for several years (2024, 2025: 5.000 €, 6.000 €), which are not added up; write their total if the action gets them all, or ?? with each year's amount in parentheses."),
        ("5.000 € en 2024, 6.000 € en 2025",
         "This cell holds amounts for several years (2024, 2025: 5.000 €, 6.000 €), which are not added up; write their total if the action gets them all, or ?? with each year's amount in parentheses."),
        ("Entre 200 et 500 €", "This cell gives a range (200 to 500 €), \(range)"),
        ("200 à 500 €", "This cell gives a range (200 to 500 €), \(range)"),
        ("2.000 à 3.000 €", "This cell gives a range (2.000 to 3.000 €), \(range)"),
        ("200-500 €", "This cell gives a range (200 to 500 €), \(range)"),
        ("200 - 500 €", "This cell gives a range (200 to 500 €), \(range)"),
        ("200–500 €", "This cell gives a range (200 to 500 €), \(range)"),
        ("200 – 500 €", "This cell gives a range (200 to 500 €), \(range)"),
        ("de 2.000 € à 3.000 € (Article 840/124-02 Fêtes)", "This cell gives a range (2.000 € to 3.000 €), \(range)"),
        ("3.000 € ou 5.000 €",
         "This cell gives a choice (3.000 € or 5.000 €), not one amount; write the amount allocated, or ?? with the choice in parentheses."),
        ("3.000 € / 5.000 €",
         "This cell gives a choice (3.000 € or 5.000 €), not one amount; write the amount allocated, or ?? with the choice in parentheses."),
    ])
    func amountsThatAreNotASumAreNotAdded(_ cell: String, _ message: String) throws {
        var diagnostics: [Diagnostic] = []
        let lines = BudgetCellParser(kind: .ordinary, location: Self.here).parse(cell, diagnostics: &diagnostics)
        let line = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(line.amount == .unknown)
        #expect(line.label == nil)
        #expect(line.note == cell)
        #expect(line.text == cell)
        #expect(line.article?.code == (cell.contains("Article") ? "840/124-02" : nil))
        #expect(diagnostics.map(\.description) == [Self.notASum(message)])
        #expect(diagnostics.map(\.text) == [cell])
    }

    /// Cells whose amounts are one allocation each, or an allocation and a stated credit, are
    /// read as before, without a warning.
    @Test(arguments: [
        ("CCE 3.000 € CCCA 3.000 € CPJ 6.000 € CCPH 3.000 € ??", ["300000|CCE", "300000|CCCA", "600000|CPJ", "300000|CCPH", "??|-"]),
        ("5.000 € (24.850 € à l'article 84021/124-02 Frais animation Cohésion sociale)", ["500000|-"]),
        ("?? (13.000 € à l'article 8325/435-01 Relation et coopération Nord-Sud)", ["??|-"]),
        ("2024 : CCE 3.000 € CCCA 3.000 €", ["300000|2024 : CCE", "300000|CCCA"]),
        ("2019-2024 : 5.000 €", ["500000|2019-2024 :"]),
        ("CCE 3.000 € et CCCA 2.000 € prévus", ["300000|CCE", "200000|et CCCA"]),
        ("10.000 € (8.000 € dépensés)", ["1000000|-"]),
    ] as [(String, [String])])
    func allocationsStillAddUp(_ cell: String, _ lines: [String]) {
        let read = Self.read(cell)
        #expect(read.lines == lines)
        #expect(read.warnings == [])
    }

    /// A number without a currency among words is part of a label, and said so unless it is
    /// small or a year; the amounts beside it are read.
    @Test(arguments: [
        ("CCE 5000 CCCA 3.000 €", ["300000|CCE 5000 CCCA"], ["\"5000\" has no currency, so it is read as part of a label, not as an amount; write 5000 € if it is one."]),
        ("Lot 2 3.000 €", ["300000|Lot 2"], []),
        ("2024 : 3.000 €", ["300000|2024 :"], []),
    ])
    func numbersWithoutCurrencyAmongWordsAreFlagged(_ cell: String, _ lines: [String], _ warnings: [String]) {
        let read = Self.read(cell)
        #expect(read.lines == lines)
        #expect(read.warnings == warnings.map(Self.ambiguous))
    }
}
