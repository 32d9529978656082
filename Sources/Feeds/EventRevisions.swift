public import KalendariumCore

/// What the feeds remember between runs about each event, so that DTSTAMP,
/// LAST-MODIFIED and SEQUENCE change only when that event changes (RFC 5545 §3.8.7):
/// clients use SEQUENCE to tell an update from a stale copy.
public struct EventRevision: Hashable, Sendable, Codable {
    /// FNV-1a 64 of the event's fingerprint, in hex.
    public var contentHash: String
    public var sequence: Int
    /// When this revision was first seen.
    public var modified: UTCInstant

    public init(contentHash: String, sequence: Int, modified: UTCInstant) {
        self.contentHash = contentHash
        self.sequence = sequence
        self.modified = modified
    }
}

/// The revisions of every event ever published, by UID. A pure value: loading and
/// saving it is the caller's business.
public struct EventRevisions: Hashable, Sendable, Codable {
    public private(set) var byUID: [String: EventRevision]

    public init(byUID: [String: EventRevision] = [:]) { self.byUID = byUID }

    /// Records `events` as of `now`: a new event starts at SEQUENCE 0, a changed one
    /// goes up by one, an unchanged one keeps its revision. Events that disappear keep
    /// theirs, so if they return their SEQUENCE still only grows.
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
