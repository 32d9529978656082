import ICalendar
public import KalendariumCore

/// One rendered feed with what an HTTP server needs to describe it.
public struct RenderedFeed: Sendable {
    public let name: String
    public let title: String
    public let description: String
    public let text: String
    public let eventCount: Int
    /// The latest LAST-MODIFIED of its events (the build time for an empty feed).
    public let lastModified: UTCInstant
}
