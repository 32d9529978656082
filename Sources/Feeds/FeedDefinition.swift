/// One feed before rendering: its file name, its titles and its events.
public struct FeedDefinition: Hashable, Sendable {
    /// The name under `/calendars/`, a contract with subscribers: `all.ics`,
    /// `ledningsgruppen.ics`, `municipality/huddinge.ics`, `hosts.ics`.
    public let name: String
    public let title: String
    public let description: String
    public let events: [FeedEvent]
}
