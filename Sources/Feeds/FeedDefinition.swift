public import KalendariumCore

/// One feed before rendering: its file name, its titles and its events.
public struct FeedDefinition: Hashable, Sendable {
    /// The name under `/calendars/`, a contract with subscribers: `all.ics`,
    /// `ledningsgruppen.ics`, `municipality/huddinge.ics`, `hosts.ics`.
    public let name: String
    public let title: String
    public let description: String
    public var events: [FeedEvent]
    /// The calendar's own COLOR (RFC 7986 §5.9) for a feed of one body or conference.
    public var color: CSSColor?

    public init(name: String, title: String, description: String, events: [FeedEvent], color: CSSColor? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.events = events
        self.color = color
    }
}
