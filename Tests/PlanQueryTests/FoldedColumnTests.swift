import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// `~` on action titles scans a folded column; it must answer what folding each title answers.
@Suite struct FoldedColumnTests {
    /// The fixtures, and a plan whose titles need every kind of folding: accents, ligatures,
    /// curly apostrophes, no-break spaces, upper case, and scripts beyond Latin.
    static let context: QueryContext = {
        let tsv = """
            \t\tPolitique en charge\tService en charge\tÉchéance\tBudget ordinaire
            Objectif stratégique : "Tout"
            Objectif opérationnel 1. Titres
            \tAction 1.1. Éducation au cœur de l’ÉCOLE\tA\tB\t2020\t
            \tAction 1.2. Ελληνικά και café\tA\tB\t2020\t
            \tAction 1.3. Straße\u{00A0}piétonne\tA\tB\t2020\t
            \tAction 1.4. ÆSOP et œuvre\tA\tB\t2020\t
            \tAction 1.5. 中文 culture\tA\tB\t2020\t

            """
        do {
            let extra = try PlanReader().read(Array(tsv.utf8), file: "titles.tsv")
            let fixtures = try ["pst-citoyennete.tsv", "pst-forms.csv", "pcs-citoyenneville.tsv", "pst-cohesion.tsv"]
                .flatMap { try PlanReader().read(path: Fixtures.path($0)) }
            return QueryContext(PlanSet(fixtures + extra))
        } catch {
            fatalError("titles unreadable: \(error)")
        }
    }()

    static let patterns = [
        "citoyen", "CITOYEN", "éducation", "education", "coeur", "l'ecole", "l’école", "ελληνικα", "café", "strasse pietonne",
        "aesop", "oeuvre", "中文", "culture", "^action", "^educ", "^redynamiser", "ecole$", "culture$", "^straße piétonne$",
        "", "^", "zzz", "e", "é",
    ]

    @Test(arguments: patterns)
    func columnScanMatchesRowByRowFolding(_ pattern: String) throws {
        // `(?:)` makes the same pattern a regular expression, which folds each title as it matches.
        let literal = try run("actions where title ~ \"\(pattern)\" select id, plan", Self.context)
        let regex = try run("actions where title ~ \"\(pattern)(?:)\" select id, plan", Self.context)
        #expect(literal.rows.map { $0.map(\.text) } == regex.rows.map { $0.map(\.text) })
        let negated = try run("actions where title !~ \"\(pattern)\" select id", Self.context)
        #expect(negated.rows.count + literal.rows.count == Self.context.planSet.actions.count)
    }

    /// `~` on a budget line's text or label scans a folded column too, and answers as folding
    /// each text; on lines without a label the match is unknown, so neither `~` nor `!~` keeps them.
    @Test(arguments: [
        ("text", "frais"), ("text", "FRAIS"), ("text", "€"), ("text", "article 104"), ("text", "^cce"), ("text", "€$"),
        ("text", "cohesion"), ("text", "cohésion"), ("text", ""), ("text", "zzz"), ("text", "e"),
        ("label", "cce"), ("label", "CCE"), ("label", "^cc"), ("label", "e$"), ("label", ""), ("label", "zzz"),
        ("label", "ccca"), ("label", "é"),
    ])
    func lineColumnsMatchRowByRowFolding(_ field: String, _ pattern: String) throws {
        let literal = try run("budget where \(field) ~ \"\(pattern)\" select action, kind, amount, \(field)", Self.context)
        let regex = try run("budget where \(field) ~ \"\(pattern)(?:)\" select action, kind, amount, \(field)", Self.context)
        #expect(literal.rows.map { $0.map(\.text) } == regex.rows.map { $0.map(\.text) })
        let negated = try run("budget where \(field) !~ \"\(pattern)\" select action", Self.context)
        let labelled = Self.context.planSet.budgetLines.filter { $0.line.label != nil }.count
        #expect(negated.rows.count + literal.rows.count == (field == "label" ? labelled : Self.context.planSet.budgetLines.count))
        #expect(labelled > 0 && labelled < Self.context.planSet.budgetLines.count)
        if pattern.isEmpty { #expect(literal.rows.count == (field == "label" ? labelled : Self.context.planSet.budgetLines.count)) }
    }

    @Test func columnFindsWhatTheTitlesSay() throws {
        // Several plans are loaded: the plan column comes first, then the id.
        func ids(_ query: String) throws -> [String] { try run(query, Self.context).rows.map { $0[1].text } }
        #expect(try ids("actions where title ~ \"coeur de l'ecole\" select id") == ["1.1"])
        #expect(try ids("actions where title ~ \"ελληνικά\" select id") == ["1.2"])
        #expect(try ids("actions where title ~ \"^straße piétonne$\" select id") == ["1.3"])
    }
}
