/// Finds the name closest to a misspelt one, for "did you mean …?".
enum Suggestions {
    /// The candidate within edit distance 2 (or sharing a prefix of 3+) closest to `name`.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let lower = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lower, candidate.lowercased())
            if distance <= (lower.count <= 3 ? 1 : 2) || (lower.count >= 3 && candidate.lowercased().hasPrefix(lower)) {
                if best == nil || distance < best!.1 { best = (candidate, distance) }
            }
        }
        return best?.0
    }

    /// The Levenshtein distance between two short strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
