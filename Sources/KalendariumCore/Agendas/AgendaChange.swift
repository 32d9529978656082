/// What changed between two published versions of an agenda: what an "Uppdaterad
/// kallelse" lists. Numbers are those of the newer version (or the older one for a
/// removed point).
public enum AgendaChange: Hashable, Sendable, Codable {
    case added(number: Int, title: String)
    case removed(number: Int, title: String)
    case moved(title: String, from: Int, to: Int)
    case changed(number: Int, title: String, fields: [Field])

    public enum Field: String, Hashable, Sendable, Codable, CaseIterable {
        case title, kind, presenter, slot, notes, papers
    }

    /// The changes from `old` to `new` (accepted points, in order), matched by key.
    /// A point counts as moved only when its order among the points both versions
    /// hold changed: adding a point before it renumbers it without moving it.
    public static func between(_ old: [AgendaPoint], _ new: [AgendaPoint]) -> [AgendaChange] {
        let oldIndex = Dictionary(uniqueKeysWithValues: old.enumerated().map { ($1.key, $0) })
        let newKeys = Set(new.map(\.key))
        var changes: [AgendaChange] = []
        for (i, point) in old.enumerated() where !newKeys.contains(point.key) {
            changes.append(.removed(number: i + 1, title: point.title))
        }
        // Points both hold, in the new order, by their old place: those off the
        // longest increasing run are the ones that moved.
        let common = new.enumerated().compactMap { i, p in oldIndex[p.key].map { (new: i, old: $0, point: p) } }
        let staying = Set(longestIncreasingRun(common.map(\.old)).map { common[$0].point.key })
        for (i, point) in new.enumerated() {
            guard let was = oldIndex[point.key] else {
                changes.append(.added(number: i + 1, title: point.title))
                continue
            }
            if !staying.contains(point.key) { changes.append(.moved(title: point.title, from: was + 1, to: i + 1)) }
            let fields = differences(old[was], point)
            if !fields.isEmpty { changes.append(.changed(number: i + 1, title: point.title, fields: fields)) }
        }
        return changes
    }

    static func differences(_ a: AgendaPoint, _ b: AgendaPoint) -> [Field] {
        var fields: [Field] = []
        if a.title != b.title { fields.append(.title) }
        if a.kind != b.kind { fields.append(.kind) }
        if a.presenter != b.presenter { fields.append(.presenter) }
        if a.slot != b.slot { fields.append(.slot) }
        if a.notes != b.notes { fields.append(.notes) }
        if a.papers != b.papers { fields.append(.papers) }
        return fields
    }

    /// Indices into `values` of one longest strictly increasing subsequence (O(n²);
    /// an agenda has a dozen points).
    static func longestIncreasingRun(_ values: [Int]) -> [Int] {
        guard !values.isEmpty else { return [] }
        var length = Array(repeating: 1, count: values.count)
        var previous = Array(repeating: -1, count: values.count)
        for i in values.indices {
            for j in 0..<i where values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var at = length.indices.max { length[$0] < length[$1] }!
        var run: [Int] = []
        while at >= 0 {
            run.append(at)
            at = previous[at]
        }
        return run.reversed()
    }
}
