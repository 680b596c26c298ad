extension PlanDiff {
    /// The least similarity of two folded titles for ``pair(old:new:)`` to pair them: 0.8.
    ///
    /// At 0.8, a title of 100 characters may have up to 20 characters edited (a word added,
    /// a typo fixed, a phrase reworded) and still be the same element; two titles sharing only
    /// their first words are not.
    public static let similarityThreshold = 0.8

    /// Pairs old elements with new ones, each at most once, in three rounds:
    ///
    /// 1. the same number (id) and the same title, exactly;
    /// 2. among those left, the same title exactly, under another number (renumbered); when a
    ///    title occurs several times, in file order;
    /// 3. among those left, titles whose ``similarity(_:_:)`` is at least
    ///    ``similarityThreshold``: every such pair is a candidate, and the candidates are taken
    ///    greedily, the most similar first (ties: the same number first, then the old and the
    ///    new plan's order), skipping any whose old or new element is already paired.
    ///
    /// An old element left over was removed; a new one, added. An element whose title was
    /// rewritten beyond the threshold is removed and added, even under the same number: after
    /// a renumbering, a number alone does not say which action it is.
    ///
    /// - Parameters:
    ///   - old: The old elements' numbers and titles, in file order.
    ///   - new: The new elements' numbers and titles, in file order.
    /// - Returns: For each new element (by index), the index of its old element and how they
    ///   were paired; `nil` for an element added.
    public static func pair(old: [(id: String, title: String)], new: [(id: String, title: String)]) -> [(old: Int, match: Match)?] {
        var result: [(old: Int, match: Match)?] = Array(repeating: nil, count: new.count)
        var oldTaken = Array(repeating: false, count: old.count)

        // 1. Same id and title.
        var byIDAndTitle: [String: [Int]] = [:]
        for (index, element) in old.enumerated() { byIDAndTitle[element.id + "\u{0}" + element.title, default: []].append(index) }
        for (index, element) in new.enumerated() {
            let key = element.id + "\u{0}" + element.title
            guard var candidates = byIDAndTitle[key], !candidates.isEmpty else { continue }
            let match = candidates.removeFirst()
            byIDAndTitle[key] = candidates
            oldTaken[match] = true
            result[index] = (match, .idAndTitle)
        }

        // 2. Same title.
        var byTitle: [String: [Int]] = [:]
        for (index, element) in old.enumerated() where !oldTaken[index] { byTitle[element.title, default: []].append(index) }
        for (index, element) in new.enumerated() where result[index] == nil {
            guard var candidates = byTitle[element.title], !candidates.isEmpty else { continue }
            let match = candidates.removeFirst()
            byTitle[element.title] = candidates
            oldTaken[match] = true
            result[index] = (match, .title)
        }

        // 3. Similar folded titles, the best pairs first.
        let oldLeft = old.indices.filter { !oldTaken[$0] }
        let newLeft = new.indices.filter { result[$0] == nil }
        guard !oldLeft.isEmpty, !newLeft.isEmpty else { return result }
        let oldFolded = Dictionary(uniqueKeysWithValues: oldLeft.map { ($0, folded(old[$0].title)) })
        let newFolded = Dictionary(uniqueKeysWithValues: newLeft.map { ($0, folded(new[$0].title)) })
        var candidates: [(score: Double, sameID: Bool, old: Int, new: Int)] = []
        for o in oldLeft {
            for n in newLeft {
                guard let a = oldFolded[o], let b = newFolded[n], !tooDifferentInLength(a, b) else { continue }
                let score = similarity(folded: a, b)
                if score >= similarityThreshold { candidates.append((score, old[o].id == new[n].id, o, n)) }
            }
        }
        candidates.sort { x, y in
            if x.score != y.score { return x.score > y.score }
            if x.sameID != y.sameID { return x.sameID }
            if x.old != y.old { return x.old < y.old }
            return x.new < y.new
        }
        for candidate in candidates where !oldTaken[candidate.old] && result[candidate.new] == nil {
            oldTaken[candidate.old] = true
            result[candidate.new] = (candidate.old, .similarTitle(candidate.score))
        }
        return result
    }

    /// How alike two titles are, from 0 to 1: once each is folded (lower-cased, accents
    /// stripped, every run of characters other than letters and digits made one space), one
    /// minus their edit distance (Levenshtein, in characters) over the longer's length.
    ///
    ///     PlanDiff.similarity("Redynamiser les Conseils", "Redynamiser les conseils.")  // 1.0
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(folded: folded(a), folded(b))
    }

    /// A title folded for comparison: lower-cased, without accents, words separated by one space.
    static func folded(_ title: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in TextFolding.fold(title).unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace, !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return scalars
    }

    /// ``similarity(_:_:)`` of two folded titles.
    static func similarity(folded a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return 1 - Double(previous[b.count]) / Double(longest)
    }

    /// Whether two folded titles' lengths alone keep them under ``similarityThreshold`` (the
    /// edit distance is at least the difference in length), so that they need not be compared.
    static func tooDifferentInLength(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        let longest = max(a.count, b.count)
        return longest > 0 && 1 - Double(abs(a.count - b.count)) / Double(longest) < similarityThreshold
    }
}
