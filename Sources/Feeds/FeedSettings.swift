/// What an operator may set about the feeds.
public struct FeedSettings: Hashable, Sendable {
    /// The public address of the web page, linked from every event (`https://kalendarium.example.org/`).
    public var pageURL: String
    /// The domain part of every UID; set once and never change it, or clients see new events.
    public var uidDomain: String
    /// How far ahead `hosts.ics` and the municipality feeds plan host duties.
    public var horizonYears: Int
    /// How often clients should refresh (REFRESH-INTERVAL and X-PUBLISHED-TTL), as an RFC 5545 duration.
    public var refreshInterval: String

    public init(
        pageURL: String = "http://127.0.0.1:8080/", uidDomain: String = "kalendarium.sodertornskommunerna.se",
        horizonYears: Int = 10, refreshInterval: String = "PT1H"
    ) {
        self.pageURL = pageURL
        self.uidDomain = uidDomain
        self.horizonYears = horizonYears
        self.refreshInterval = refreshInterval
    }
}
