/// Finds the name closest to a misspelt one, for "did you mean …?".
package enum Suggestions {
    /// The candidate within edit distance 2 (or sharing a prefix of 3+) closest to `name`.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let lower = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lower, candidate.lowercased())
            if distance <= max(1, lower.count / 3) || (lower.count >= 3 && candidate.lowercased().hasPrefix(lower)) {
                if distance < best?.1 ?? Int.max { best = (candidate, distance) }
            }
        }
        return best?.0
    }

    /// The edit distance between two short strings, a swap of neighbours counting as one edit
    /// (optimal string alignment).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
