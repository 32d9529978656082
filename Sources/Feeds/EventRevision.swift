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
