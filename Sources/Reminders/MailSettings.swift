public import Feeds
public import Mail

/// Who reminders come from, and where people write to stop them.
public struct MailSettings: Sendable {
    public var from: MailAddress
    /// The mailto address in List-Unsubscribe and the footer.
    public var unsubscribe: String
    public var feeds: FeedSettings

    public init(from: MailAddress, unsubscribe: String, feeds: FeedSettings) {
        self.from = from
        self.unsubscribe = unsubscribe
        self.feeds = feeds
    }
}
