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
    /// When more than ``similarityPairLimit`` pairs of titles are left for round 3, it is not
    /// run. An old element left over was removed; a new one, added. An element whose title was
    /// rewritten beyond the threshold is removed and added, even under the same number: after
    /// a renumbering, a number alone does not say which action it is.
    ///
    /// - Parameters:
    ///   - old: The old elements' numbers and titles, in file order.
    ///   - new: The new elements' numbers and titles, in file order.
    /// - Returns: For each new element (by index), the index of its old element and how they
    ///   were paired; `nil` for an element added.
    public static func pair(old: [(id: String, title: String)], new: [(id: String, title: String)]) -> [(old: Int, match: Match)?] {
        pairing(old: old, new: new).pairs
    }

    /// The most pairs of titles round 3 of ``pair(old:new:)`` compares: 250 000 (500 old
    /// elements left over against 500 new ones). Beyond, the round is not run, the elements
    /// left over are removed and added, and ``PlanDiff/similarityLimitReached`` says so: two
    /// versions of one plan leave few elements to round 3, two unrelated plans many.
    public static let similarityPairLimit = 250_000

    /// ``pair(old:new:)``, and whether round 3 was left out for exceeding ``similarityPairLimit``.
    static func pairing(old: [(id: String, title: String)], new: [(id: String, title: String)]) -> (pairs: [(old: Int, match: Match)?], limitReached: Bool) {
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
        guard !oldLeft.isEmpty, !newLeft.isEmpty else { return (result, false) }
        guard oldLeft.count * newLeft.count <= similarityPairLimit else { return (result, true) }
        let oldTitles = Dictionary(uniqueKeysWithValues: oldLeft.map { ($0, FoldedTitle(old[$0].title)) })
        let newTitles = Dictionary(uniqueKeysWithValues: newLeft.map { ($0, FoldedTitle(new[$0].title)) })
        var candidates: [(score: Double, sameID: Bool, old: Int, new: Int)] = []
        for o in oldLeft {
            guard let a = oldTitles[o] else { continue }
            for n in newLeft {
                guard let b = newTitles[n], let score = a.similarity(to: b) else { continue }
                candidates.append((score, old[o].id == new[n].id, o, n))
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
        return (result, false)
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

}

/// A title folded for pairing, with what makes most comparisons cheap: its characters, and
/// how many of them fall in each of 128 bins.
struct FoldedTitle {
    /// The folded title's characters (Unicode scalar values).
    let scalars: [UInt32]
    /// How many characters fall in each bin (ASCII by value, anything else in bin 127).
    let histogram: [Int32]

    /// Folds `title` (``PlanDiff/folded(_:)``).
    init(_ title: String) {
        scalars = PlanDiff.folded(title).map(\.value)
        var histogram = [Int32](repeating: 0, count: 128)
        for scalar in scalars { histogram[Int(min(scalar, 127))] += 1 }
        self.histogram = histogram
    }

    /// ``PlanDiff/similarity(_:_:)`` to `other` when it reaches ``PlanDiff/similarityThreshold``;
    /// `nil` below.
    ///
    /// The same value as the plain computation, found faster: pairs whose length difference or
    /// character counts (the bag distance: both are lower bounds of the edit distance) already
    /// exceed the edits the threshold allows are skipped, and the edit distance is computed in
    /// a band of that width, stopping as soon as every cell of a row exceeds it.
    func similarity(to other: FoldedTitle) -> Double? {
        let longest = max(scalars.count, other.scalars.count)
        guard longest > 0 else { return 1 }
        // The most edits that keep the similarity at or above the threshold.
        var limit = Int((1 - PlanDiff.similarityThreshold) * Double(longest))
        while limit >= 0, 1 - Double(limit) / Double(longest) < PlanDiff.similarityThreshold { limit -= 1 }
        while 1 - Double(limit + 1) / Double(longest) >= PlanDiff.similarityThreshold { limit += 1 }
        guard limit >= 0, abs(scalars.count - other.scalars.count) <= limit else { return nil }
        var more = 0, fewer = 0
        for bin in 0..<128 {
            let difference = Int(histogram[bin]) - Int(other.histogram[bin])
            if difference > 0 { more += difference } else { fewer -= difference }
        }
        guard max(more, fewer) <= limit else { return nil }
        let distance = scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in Self.distance(a, b, limit: limit) }
        }
        return distance.map { 1 - Double($0) / Double(longest) }
    }

    /// The Levenshtein distance of `a` and `b` when at most `limit`; `nil` above.
    static func distance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        let beyond = limit + 1
        // Two rows, each m + 1 cells; cells outside the band hold `beyond`.
        let rows = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * (m + 1))
        defer { rows.deallocate() }
        rows.initialize(repeating: beyond)
        guard let base = rows.baseAddress else { return nil }
        var previous = base, current = base + (m + 1)
        for j in 0...min(m, limit) { previous[j] = j }
        for i in 1...n {
            let low = max(1, i - limit), high = min(m, i + limit)
            current[low - 1] = low == 1 ? min(i, beyond) : beyond
            var rowMinimum = current[low - 1]
            let character = a[i - 1]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (character == b[j - 1] ? 0 : 1)
                    let value = min(substitution, previous[j] + 1, current[j - 1] + 1, beyond)
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
            }
            if high < m { current[high + 1] = beyond }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[m] <= limit ? previous[m] : nil
    }
}
