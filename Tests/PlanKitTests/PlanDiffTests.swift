import Foundation
import PlanKit
import Testing

/// ``PlanDiff``: pairing elements, comparing fields, budget totals.
@Suite struct PlanDiffTests {
    @Test func similarityFoldsCaseAccentsAndPunctuation() {
        #expect(PlanDiff.similarity("Redynamiser les Conseils", "redynamiser  les conseils.") == 1)
        #expect(PlanDiff.similarity("Créer un lieu", "Creer un lieu") == 1)
        #expect(PlanDiff.similarity("abcd", "abce") == 0.75)
        #expect(PlanDiff.similarity("", "") == 1)
        #expect(PlanDiff.similarity("", "abc") == 0)
    }

    @Test func pairingRounds() {
        let old = [("1.1", "Alpha"), ("1.2", "Bravo"), ("1.3", "Charlie delta echo"), ("1.4", "Zulu")].map { (id: $0.0, title: $0.1) }
        let new = [("1.1", "Alpha"), ("1.2", "Charlie delta echo!"), ("1.3", "Bravo"), ("1.5", "Something else")].map { (id: $0.0, title: $0.1) }
        let pairs = PlanDiff.pair(old: old, new: new)
        #expect(pairs.count == 4)
        #expect(pairs[0]?.old == 0 && pairs[0]?.match == .idAndTitle)
        // Folded, "Charlie delta echo!" is "charlie delta echo": similarity 1 under another number.
        #expect(pairs[1]?.old == 2 && pairs[1]?.match == .similarTitle(1))
        #expect(pairs[2]?.old == 1 && pairs[2]?.match == .title)
        #expect(pairs[3] == nil)
    }

    /// Two old titles alike to one new title: the more similar wins; at equal similarity, the
    /// same number.
    @Test func greedyBestPairs() {
        let old = [(id: "1", title: "Organiser la fête des voisins"), (id: "2", title: "Organiser la fête des voisines")]
        let pairs = PlanDiff.pair(old: old, new: [(id: "3", title: "Organiser la fête des voisines!")])
        #expect(pairs[0]?.old == 1)
        let tie = PlanDiff.pair(old: [(id: "1", title: "abcdefghij"), (id: "2", title: "abcdefghij")], new: [(id: "2", title: "abcdefghiz")])
        #expect(tie[0]?.old == 1)
        #expect(tie[0]?.match == .similarTitle(0.9))
        // Under the threshold, no pair: removed and added.
        #expect(PlanDiff.pair(old: [(id: "1", title: "abcdefghij")], new: [(id: "1", title: "abcdefzzzz")])[0] == nil)
    }

    /// Round 3 finds the pairs the plain similarity would: its filters and banded distance skip
    /// work, not pairs. Titles made from few letters, so that many are alike.
    @Test func fastSimilarityAgreesWithThePlainOne() {
        var seed: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            // A fixed sequence (xorshift), the same on every run.
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(bound))
        }
        let letters = Array("abé ,c")
        for _ in 0..<2000 {
            let a = String((0..<(1 + next(14))).map { _ in letters[next(letters.count)] })
            var b = Array(a)
            for _ in 0..<next(4) {
                switch next(3) {
                case 0 where !b.isEmpty: b.remove(at: next(b.count))
                case 1: b.insert(letters[next(letters.count)], at: next(b.count + 1))
                default: if !b.isEmpty { b[next(b.count)] = letters[next(letters.count)] }
                }
            }
            let other = String(b)
            let pairs = PlanDiff.pair(old: [(id: "1", title: a)], new: [(id: "2", title: other)])
            let plain = PlanDiff.similarity(a, other)
            if a == other {
                #expect(pairs[0]?.match == .title)
            } else if plain >= PlanDiff.similarityThreshold {
                #expect(pairs[0]?.match == .similarTitle(plain), "\(a) / \(other)")
            } else {
                #expect(pairs[0] == nil, "\(a) / \(other)")
            }
        }
    }

    @Test func aPlanAgainstItselfIsEmpty() throws {
        let seed = try Fixtures.plan("pst-citoyennete.tsv")
        let diff = PlanDiff.diff(old: seed, new: seed)
        #expect(diff.isEmpty)
        #expect(diff.pairings.count == 1 + 3 + 9)
        #expect(diff.pairings.allSatisfy { $0.match == .idAndTitle && $0.oldID == $0.newID })
        #expect(diff.totals.map(\.key) == ["ordinary", "extraordinary", "1042/123-13", "8325/435-01", "840/731-53", "84021/124-02", "84022/332-01"])
    }

    /// Changes made through the API: one change each, by field name.
    @Test func fieldsChangedThroughTheAPI() throws {
        let seed = try Fixtures.plan("pst-citoyennete.tsv")
        var edited = seed
        let here = SourceLocation(file: "edited", line: 1, column: 1)
        edited.objectives[0].operationalObjectives[0].actions[0].deadline = Cell(.known(.year(2022)), text: "2022", location: here)
        edited.objectives[0].operationalObjectives[0].actions[0].pending = true
        edited.objectives[0].operationalObjectives[1].title = "Encourager une citoyenneté plus solidaire"
        // Action 3.1 moves to objective 1, and its article changes.
        var moved = edited.objectives[0].operationalObjectives[2].actions.remove(at: 0)
        if case .known(var lines) = moved.ordinaryBudget.value {
            lines[0].article = BudgetArticle(function: "84022", economic: "332", subCode: "02")
            moved.ordinaryBudget.value = .known(lines)
        }
        edited.objectives[0].operationalObjectives[0].actions.append(moved)
        let diff = PlanDiff.diff(old: seed, new: edited)
        #expect(diff.changes.map(\.description) == [
            "changed operational 2 title: Encourager une citoyenneté solidaire → Encourager une citoyenneté plus solidaire (similar title 0.87)",
            "changed action 1.1 deadline: 2020 → 2022",
            "changed action 1.1 pending: no → yes",
            "changed action 3.1 objective: 3 → 1",
            "changed action 3.1 ordinary[1].article: 84022/332-01 → 84022/332-02",
        ])
        #expect(diff.changedTotals.map { "\($0.key): \($0.before?.description ?? "–") → \($0.after?.description ?? "–")" } == [
            "84022/332-01: 30000 € → –", "84022/332-02: – → 30000 €",
        ])
    }
}
