/// The lines that differ between two texts, with a few unchanged lines around each
/// change: what the workspace shows before it saves a data file. A longest common
/// subsequence over lines; the data files are a few hundred lines, so the quadratic
/// table is small.
public enum LineDiff {
    public enum Line: Hashable, Sendable {
        case same(String)
        case added(String)
        case removed(String)
        /// Unchanged lines left out.
        case gap
    }

    public static func lines(from before: String, to after: String, context: Int = 3) -> [Line] {
        let a = split(before)
        let b = split(after)
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var all: [Line] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                all.append(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removed lines before the added ones that replace them, as diff(1) shows them.
                all.append(.removed(a[i]))
                i += 1
            } else {
                all.append(.added(b[j]))
                j += 1
            }
        }
        return trimmed(all, context: context)
    }

    static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Keeps `context` unchanged lines on each side of a change; the rest become gaps.
    static func trimmed(_ lines: [Line], context: Int) -> [Line] {
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        var keep = Set<Int>()
        for index in changed { keep.formUnion(max(0, index - context)...min(lines.count - 1, index + context)) }
        var out: [Line] = []
        for index in lines.indices {
            if keep.contains(index) {
                out.append(lines[index])
            } else if out.last != .gap {
                out.append(.gap)
            }
        }
        return out
    }
}
