import Dispatch
import Foundation
import PlanKit
import Testing
@testable import PlanQuery

/// A compiled query runs on any number of contexts at once, and a context serves any number of
/// runs at once: every answer given from many threads equals the answer of a run on its own.
@Suite struct ConcurrentQueryTests {
    /// A plan of `actions` actions whose titles need folding and whose budget cells hold labelled
    /// lines charged to `articles` distinct articles, so the plans differ in their number of
    /// articles.
    static func plan(_ name: String, actions: Int, articles: Int) -> [Plan] {
        let words = ["Éducation à la culture", "Rénovation de l’église", "Sécurité routière", "Citoyenneté active",
                     "Cœur de village", "Mobilité douce", "Accueil des aînés", "Bibliothèque et lecture"]
        let labels = ["CCE", "CCCA", "Fournitures", "Frais", "Subside"]
        var tsv = "\t\tPolitique en charge\tService en charge\tÉchéance\tBudget ordinaire\n"
        tsv += "Objectif stratégique : \"\(name)\"\n"
        for action in 0..<actions {
            if action % 10 == 0 { tsv += "Objectif opérationnel \(action / 10 + 1). Objectif \(action / 10 + 1)\n" }
            let title = "\(words[action % words.count]) n° \(action)"
            // Two lines a cell, each with its article; every third cell has a line without one.
            let first = "\(labels[action % labels.count]) \(1 + action % 7).000 € (Article \(840 + action % articles)10/123-\(action % 3 + 1)0)"
            let second = action % 3 == 0 ? "\(2 + action % 5).500 €"
                : "\(labels[(action + 2) % labels.count]) \(2 + action % 5).500 € (Article \(760 + action % articles)01/124-02)"
            tsv += "\tAction \(action / 10 + 1).\(action % 10 + 1). \(title)\tS. Boulanger\tPCS\t\(2020 + action % 6)\t\(first) \(second)\n"
        }
        do {
            return try PlanReader().read(Array(tsv.utf8), file: "\(name).tsv")
        } catch {
            fatalError("generated plan unreadable: \(error)")
        }
    }

    /// Three sets of plans, each with its own number of rows and of articles.
    static let planSets: [PlanSet] = {
        do {
            let fixtures = try ["pst-citoyennete.tsv", "pst-cohesion.tsv", "pst-forms.csv", "pst-faults.tsv", "pcs-citoyenneville.tsv"]
                .flatMap { try PlanReader().read(path: Fixtures.path($0)) }
            return [PlanSet(fixtures), PlanSet(plan("grand", actions: 300, articles: 40)), PlanSet(plan("petit", actions: 120, articles: 9))]
        } catch {
            fatalError("fixtures unreadable: \(error)")
        }
    }()

    /// Every way a query matches text: literals through the folded columns of titles, line texts
    /// and labels; values of a line's article matched once an article; regular expressions, which
    /// have a time budget; `=` and `in` on texts; grouping.
    static let queries = [
        "actions where title ~ \"a\" select id, plan",
        "actions where title ~ \"culture\" select count()",
        "actions where title !~ \"^education\" select id, title",
        "actions where title ~ \"eglise$\" or title ~ \"coeur\" select id",
        "budget where text ~ \"article\" select action, amount, text",
        "budget where label ~ \"cc\" select action, label, amount",
        "budget where label !~ \"^frais$\" and text ~ \"€\" select count(), sum(amount)",
        "budget where article ~ \"^84\" select count(amount), sum(amount)",
        "budget where article.code ~ \"84\" select action, amount, article",
        "budget where article.main ~ \"^7\" and article ~ \"-02$\" select action, article",
        "budget where article ~ \"^8[0-9]+1\" group by article.main select article.main, count(), sum(amount)",
        "actions where title ~ \"cit(o|e)yen|s[eé]curit\" select id, title",
        "actions where title ~ \"^(education|mobilite) \" and pilot.service ~ \"p.s\" select id",
        "budget where article.economicCode ~ \"^12[34]-\" and label ~ \"[a-z]{3,}\" select action, label, article.economicCode",
        "actions where title = \"Mobilité douce n° 5\" or id in (\"1.1\", \"1.2\", \"3.4\") select id, title",
        "budget where kind = \"ordinary\" and label in (\"CCE\", \"Frais\", \"cce\") select action, label, amount",
        "budget group by article select article, count(), sum(amount)",
        "budget where article is not missing group by article.main, kind select article.main, kind, count(), sum(amount)",
        "actions group by deadline.year select deadline.year, count()",
        // State tests and grouping through the dense columns a shared context makes on first use.
        "budget where article is not missing group by article.main select article.main, count() having count() > 1",
        "budget where article.year is missing and article.service is not missing group by article.service select article.service, count()",
    ]

    /// The threads that run a query at once, and the runs of each.
    static let threads = 8, runs = 6

    /// The rows of `table` as text, for comparing answers.
    static func rows(_ table: ResultTable) -> [[String]] { table.rows.map { $0.map(\.text) } }

    /// What the runs from many threads found wrong; guarded by `lock`.
    final class Mismatches: @unchecked Sendable {
        private let lock = NSLock()
        private var found: [String] = []

        func add(_ message: String) {
            lock.lock()
            defer { lock.unlock() }
            found.append(message)
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return found
        }
    }

    @Test func compiledQueriesAnswerAlikeFromManyThreads() throws {
        let compiled = try Self.queries.map { try Compiler.compile(try Parser.parse($0)) }
        // The answers of runs on their own, each over a context of its own.
        let serial = try compiled.map { query in try Self.planSets.map { Self.rows(try query.run(QueryContext($0))) } }
        // Every query finds something somewhere, and something differs between the sets.
        for (index, answers) in serial.enumerated() {
            #expect(answers.contains { !$0.isEmpty && $0 != [["0"]] }, "\(Self.queries[index]) finds nothing")
        }
        #expect(Set(Self.planSets.map { $0.lineArticles.count }).count == Self.planSets.count)

        // Shared contexts, cold: their folded columns are built by whichever run needs them first.
        let shared = Self.planSets.map { QueryContext($0) }
        let mismatches = Mismatches()
        // One query at a time, from every thread at once.
        for q in compiled.indices {
            DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
                for run in 0..<Self.runs {
                    let s = (thread + run) % Self.planSets.count
                    // Every other run over a context of its own, the others over the shared one.
                    let context = run % 2 == 0 ? shared[s] : QueryContext(Self.planSets[s])
                    do {
                        let answer = Self.rows(try compiled[q].run(context))
                        if answer != serial[q][s] {
                            mismatches.add("\(Self.queries[q]) on set \(s): \(answer.count) rows instead of \(serial[q][s].count)")
                        }
                    } catch {
                        mismatches.add("\(Self.queries[q]) on set \(s): \(error)")
                    }
                }
            }
        }
        #expect(mismatches.all == [])
    }

    /// A run whose regular expressions run out of time stops with an error, and runs of the same
    /// compiled query at the same time keep their own budget and answer in full.
    @Test func eachRunHasItsOwnRegexBudget() throws {
        let query = try Compiler.compile(try Parser.parse("actions where title ~ \"(cit|s[eé]c|mob)[a-z]*\" select id, plan"))
        let context = QueryContext(Self.planSets[1])
        let expected = Self.rows(try query.run(context))
        #expect(!expected.isEmpty)
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            for run in 0..<Self.runs * 2 {
                // Every fourth run has no time at all: it may stop early, and must then say so.
                let starved = (thread + run) % 4 == 0
                do {
                    let answer = Self.rows(try query.run(context, regexBudget: starved ? 0 : CompiledQuery.defaultRegexBudget))
                    if answer != expected { mismatches.add("\(starved ? "starved" : "full") run: \(answer.count) rows instead of \(expected.count)") }
                } catch {
                    if !starved { mismatches.add("full run: \(error)") }
                }
            }
        }
        #expect(mismatches.all == [])
    }
}
