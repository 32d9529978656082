import CompressNIO
public import Feeds
public import KalendariumCore
public import NIOCore
import Synchronization

/// A feed ready to serve: its bytes, gzipped once, and the validators for caching.
public struct PublishedFeed: Sendable {
    public let name: String
    public let title: String
    public let description: String
    public let body: ByteBuffer
    public let gzipBody: ByteBuffer
    /// Strong entity tags from the content; the gzip variant has its own (RFC 9110 §8.8.3).
    public let etag: String
    public let gzipETag: String
    public let lastModified: UTCInstant
    /// `lastModified` as an HTTP date, formatted once.
    public let lastModifiedHeader: String
    /// `inline; filename="all.ics"`, so a browser that opens the link names the file.
    public let contentDisposition: String
    public let eventCount: Int

    public init(_ feed: RenderedFeed) throws {
        name = feed.name
        title = feed.title
        description = feed.description
        body = ByteBuffer(string: feed.text)
        var source = body
        gzipBody = try source.compress(with: .gzip())
        let hash = ContentHash.hex(feed.text.utf8)
        etag = "\"\(hash)\""
        gzipETag = "\"\(hash)-gz\""
        lastModified = feed.lastModified
        lastModifiedHeader = HTTPDate.format(feed.lastModified)
        contentDisposition = "inline; filename=\"\(feed.name.split(separator: "/").last ?? "")\""
        eventCount = feed.eventCount
    }
}

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

    public init(
        feeds: [PublishedFeed], data: CalendarData, warnings: [Diagnostic], builtAt: UTCInstant, pageURL: String,
        revisions: EventRevisions = EventRevisions(), directory: String? = nil, generation: Int64? = nil
    ) {
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

/// The server's shared state: swapped whole on each reload, read on every request.
/// A mutex rather than an actor: reads are a pointer copy, and requests never wait
/// behind a reload (the new snapshot is built before the swap).
public final class CalendarState: Sendable {
    private struct Value {
        var published: PublishedCalendar?
        var problems: [String] = []
        var node: NodeRole?
    }

    private let value = Mutex(Value())

    public init() {}

    /// The last good data, or nil before any load has succeeded.
    public var published: PublishedCalendar? { value.withLock { $0.published } }

    /// Why the service is degraded (a broken edit, failed reminders); empty when healthy.
    public var problems: [String] { value.withLock { $0.problems } }

    /// This daemon's part among several, or nil when it runs alone on SQLite.
    public var node: NodeRole? { value.withLock { $0.node } }

    public func setNode(_ role: NodeRole) { value.withLock { $0.node = role } }

    public func publish(_ calendar: PublishedCalendar) {
        value.withLock {
            $0.published = calendar
            $0.problems.removeAll { $0.hasPrefix(CalendarState.dataProblemPrefix) }
        }
    }

    /// Records that the files cannot be used now; the last good data stays published.
    public func reportDataProblem(_ lines: [String]) {
        value.withLock { v in
            v.problems.removeAll { $0.hasPrefix(CalendarState.dataProblemPrefix) }
            v.problems += lines.map { CalendarState.dataProblemPrefix + $0 }
        }
    }

    public func setProblems(_ lines: [String], tag: String) {
        value.withLock { v in
            v.problems.removeAll { $0.hasPrefix(tag) }
            v.problems += lines.map { tag + $0 }
        }
    }

    static let dataProblemPrefix = "calendars: "
}

/// What `/healthz` says about a daemon that shares its database with others.
public struct NodeRole: Sendable, Equatable {
    /// The name it holds leases and publishes calendars under.
    public var name: String
    /// Whether it holds the lease to plan and send reminders now.
    public var sendsReminders: Bool

    public init(name: String, sendsReminders: Bool) {
        self.name = name
        self.sendsReminders = sendsReminders
    }
}
