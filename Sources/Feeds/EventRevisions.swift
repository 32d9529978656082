public import KalendariumCore

/// The revisions of every event ever published, by UID. A pure value: loading and
/// saving it is the caller's business.
public struct EventRevisions: Hashable, Sendable, Codable {
    public private(set) var byUID: [String: EventRevision]

    public init(byUID: [String: EventRevision] = [:]) { self.byUID = byUID }

    /// Records `events` as of `now`: a new event starts at SEQUENCE 0, a changed one
    /// goes up by one, an unchanged one keeps its revision. Events that disappear keep
    /// theirs, so if they return their SEQUENCE still only grows: a cancelled meeting that
    /// left the feeds after `keepCancelledDays` and is planned again on the same day (the
    /// same UID) comes back with a higher SEQUENCE than the cancellation clients last saw.
    public mutating func record(_ events: [FeedEvent], at now: UTCInstant) {
        for event in events {
            let hash = ContentHash.hex(event.fingerprint)
            if let old = byUID[event.uid] {
                if old.contentHash != hash {
                    byUID[event.uid] = EventRevision(
                        contentHash: hash, sequence: old.sequence + 1, modified: max(now, old.modified))
                }
            } else {
                byUID[event.uid] = EventRevision(contentHash: hash, sequence: 0, modified: now)
            }
        }
    }

    public func revision(of uid: String) -> EventRevision? { byUID[uid] }
}
