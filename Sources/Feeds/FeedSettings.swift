import Presentation

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
    /// Every event's ORGANIZER (RFC 5546 §3.2.1: required in a METHOD:PUBLISH object), a
    /// `mailto:` URI. A functional mailbox of the secretariat, never a person's address:
    /// the feeds are public and outlive the people who keep them.
    public var organizer: String
    /// The ORGANIZER's CN, the name calendar apps show beside it.
    public var organizerName: String
    /// Days after its last day that a cancelled event stays in the feeds. Apple Calendar
    /// keeps a cancelled event struck through for as long as the feed holds it, so old
    /// ones leave; their revisions stay (see `EventRevisions`).
    public var keepCancelledDays: Int

    /// A placeholder, like recipients.yaml's addresses: no document gives the secretariat's mailbox.
    public static let defaultOrganizer = "mailto:sekretariat@example.org"
    public static let defaultOrganizerName = Swedish.secretariat

    public init(
        pageURL: String = "http://127.0.0.1:8080/", uidDomain: String = "kalendarium.sodertornskommunerna.se",
        horizonYears: Int = 10, refreshInterval: String = "PT1H", organizer: String = Self.defaultOrganizer,
        organizerName: String = Self.defaultOrganizerName, keepCancelledDays: Int = 30
    ) {
        self.pageURL = pageURL
        self.uidDomain = uidDomain
        self.horizonYears = horizonYears
        self.refreshInterval = refreshInterval
        self.organizer = organizer
        self.organizerName = organizerName
        self.keepCancelledDays = keepCancelledDays
    }

    /// The page address ending in `/`, as every link below it needs.
    public var pageBase: String { pageURL.hasSuffix("/") ? pageURL : pageURL + "/" }

    /// Where the server publishes the feed called `name` (`/calendars/<name>`): its SOURCE
    /// (RFC 7986 §5.8) and the page's subscribe link.
    public func feedURL(_ name: String) -> String { Self.feedURL(pageURL: pageBase, name: name) }

    /// The same for a page address that already ends in `/`.
    public static func feedURL(pageURL: String, name: String) -> String { pageURL + "calendars/" + name }

    /// A person's own calendar: their meetings, conferences and items' due dates.
    public static func personalFeedURL(pageURL: String, token: String) -> String {
        feedURL(pageURL: pageURL, name: "person/\(token).ics")
    }

    /// An event's UID: its id (a meeting's id) and `@uidDomain`.
    public func uid(_ eventID: String) -> String { "\(eventID)@\(uidDomain)" }

    /// The event id back from a UID of ours (an answer's), nil when the UID is another
    /// domain's: the domain compared without case, as mail domains are.
    public func eventID(fromUID uid: String) -> String? {
        guard let at = uid.lastIndex(of: "@"), uid[uid.index(after: at)...].lowercased() == uidDomain.lowercased()
        else { return nil }
        let id = String(uid[..<at])
        return id.isEmpty ? nil : id
    }

    /// The page's row of one event (`https://…/#ledningsgruppen-2021-05-07`): its URL.
    public func eventURL(anchor: String) -> String { pageBase + "#" + anchor }
}
