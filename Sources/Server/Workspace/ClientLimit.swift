import Synchronization

/// At most `limit` events per key in a sliding `window`, in this daemon's memory: the
/// per-client limit on sign-in requests. It forgets the oldest keys beyond
/// `maximumKeys`, so a flood of addresses cannot grow it without bound. (The
/// per-address limit is in the store, shared by every daemon.)
final class ClientLimit: Sendable {
    let limit: Int
    let window: Duration
    let maximumKeys: Int
    private let seen = Mutex<[String: [ContinuousClock.Instant]]>([:])

    init(limit: Int, window: Duration, maximumKeys: Int = 10_000) {
        self.limit = limit
        self.window = window
        self.maximumKeys = maximumKeys
    }

    /// Counts one event for `key`; false when it is over the limit (and then not counted).
    func allow(_ key: String, at now: ContinuousClock.Instant = .now) -> Bool {
        seen.withLock { seen in
            var times = (seen[key] ?? []).filter { now - $0 < window }
            guard times.count < limit else {
                seen[key] = times
                return false
            }
            times.append(now)
            seen[key] = times
            if seen.count > maximumKeys {
                // Drop the keys whose last event is oldest.
                let stale = seen.sorted { ($0.value.last ?? now) < ($1.value.last ?? now) }
                for (key, _) in stale.prefix(seen.count - maximumKeys) { seen[key] = nil }
            }
            return true
        }
    }
}
