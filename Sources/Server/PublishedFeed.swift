import CompressNIO
public import Feeds
public import KalendariumCore
public import NIOCore

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
