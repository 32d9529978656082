public import Feeds
public import KalendariumCore

/// What the server shows: the feeds of the last good data, and that data for the page.
public final class PublishedCalendar: Sendable {
    public let feeds: [String: PublishedFeed]
    /// Feed names in catalog order, for the page.
    public let feedNames: [String]
    public let data: CalendarData
    /// The planning warnings of the data (`kalendarium check`).
    public let warnings: [Diagnostic]
    public let builtAt: UTCInstant
    /// The page's public address, ending in `/`; feed links are made from it.
    public let pageURL: String
    /// The event revisions the feeds were built with (reminder attachments reuse them).
    public let revisions: EventRevisions
    /// The directory the data was read from (`recipients.yaml` is read from there too).
    public let directory: String?
    /// The database generation it came from, when daemons share a database.
    public let generation: Int64?
    /// Who gets e-mail (`recipients.yaml` beside the data): a members-only body's page
    /// accepts the token of each person it admits.
    public let recipients: [Recipient]
    /// The latest published agenda versions the feeds were built with, by meeting id.
    public let agendas: [String: AgendaVersion]
    /// The settings the feeds were built with, for the personal feeds built on request.
    public let feedSettings: FeedSettings

    public init(
        feeds: [PublishedFeed], data: CalendarData, warnings: [Diagnostic], builtAt: UTCInstant, pageURL: String,
        revisions: EventRevisions = EventRevisions(), directory: String? = nil, generation: Int64? = nil,
        recipients: [Recipient] = [], agendas: [String: AgendaVersion] = [:], feedSettings: FeedSettings? = nil
    ) {
        self.feedSettings = feedSettings ?? FeedSettings(pageURL: pageURL)
        self.recipients = recipients
        self.agendas = agendas
        self.revisions = revisions
        self.directory = directory
        self.generation = generation
        self.pageURL = pageURL.hasSuffix("/") ? pageURL : pageURL + "/"
        self.feeds = Dictionary(feeds.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.feedNames = feeds.map(\.name)
        self.data = data
        self.warnings = warnings
        self.builtAt = builtAt
    }
}
