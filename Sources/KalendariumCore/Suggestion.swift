/// Suggests the closest known name for a misspelt one ("did you mean …?").
public enum Suggestion {
    /// The candidate within a small edit distance of `name`, if one is clearly closest.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let candidates = Array(candidates)
        let lower = name.lowercased()
        // A truncated or extended name ("ledningsgrupp", "extraordinary") is the likeliest slip.
        if let prefix = candidates.filter({ lower.hasPrefix($0.lowercased()) || $0.lowercased().hasPrefix(lower) })
            .min(by: { abs($0.count - name.count) < abs($1.count - name.count) }), lower.count >= 3
        {
            return prefix
        }
        let scored = candidates.map { ($0, distance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = max(2, name.count / 3)
        return best.1 <= limit ? best.0 : nil
    }

    /// " (did you mean "x"?)" or "" — ready to append to a message.
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
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
