/// What the HTTP layer needs to know beyond the published data.
public struct ServerOptions: Sendable {
    /// Feeds that need `?token=…`, by feed name. Calendar apps cannot send headers,
    /// so the secret travels in the subscription URL; keep such URLs private.
    public var feedTokens: [String: String]
    /// Cache lifetime clients and proxies may keep a feed without asking again.
    public var feedMaxAge: Int

    public init(feedTokens: [String: String] = [:], feedMaxAge: Int = 300) {
        self.feedTokens = feedTokens
        self.feedMaxAge = feedMaxAge
    }
}
