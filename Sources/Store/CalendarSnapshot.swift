public import KalendariumCore

/// The calendar as one daemon published it, so every daemon serves the same feeds:
/// the files of `calendars/`, and the revisions and instant the feeds were built with
/// (so the feeds are byte for byte the same on every node, ETags included).
public struct CalendarSnapshot: Hashable, Sendable {
    public var generation: Int64
    /// Path inside `calendars/` (`2021.yaml`, `external/x.ics`) to its text.
    public var files: [String: String]
    /// A hash of `files`, to tell "the same data" at a glance.
    public var contentHash: String
    /// The newest modification time among the files: the newest edit wins.
    public var editedAt: UTCInstant
    /// The instant the feeds were built as of.
    public var builtAt: UTCInstant
    /// The feeds' event revisions, as JSON (the store does not interpret them).
    public var revisions: String
    /// The daemon that published it.
    public var origin: String

    public init(
        generation: Int64 = 0, files: [String: String], contentHash: String, editedAt: UTCInstant,
        builtAt: UTCInstant, revisions: String, origin: String
    ) {
        self.generation = generation
        self.files = files
        self.contentHash = contentHash
        self.editedAt = editedAt
        self.builtAt = builtAt
        self.revisions = revisions
        self.origin = origin
    }
}
