import Hummingbird
import KalendariumCore
import NIOCore

/// `GET /calendars/<name>.ics`: feeds from memory, with validators and gzip.
struct FeedRoutes: Sendable {
    let state: CalendarState
    let options: ServerOptions

    /// The answer, or an `HTTPError` for 404 and 503.
    func answer(name: String, headers requestHeaders: HTTPFields, token: String?) throws -> FeedAnswer {
        // Names are looked up, never joined onto a path, so `..` or `%2F` find nothing.
        guard let published = state.published else {
            throw HTTPError(.serviceUnavailable, message: "No valid calendar data yet; see /healthz.\n")
        }
        guard let feed = published.feeds[name] else { throw HTTPError(.notFound, message: "No feed called \(name).\n") }
        if let secret = options.feedTokens[name] {
            // A wrong or missing token looks like a feed that does not exist.
            guard let token, ConstantTime.equal(token, secret) else {
                throw HTTPError(.notFound, message: "No feed called \(name).\n")
            }
        }
        let gzip = Self.acceptsGzip(requestHeaders[.acceptEncoding])
        let etag = gzip ? feed.gzipETag : feed.etag
        var headers = HTTPFields()
        headers.reserveCapacity(9)
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.eTag] = etag
        headers[.lastModified] = feed.lastModifiedHeader
        headers[.cacheControl] = options.feedTokens[name] == nil ? publicCacheControl : privateCacheControl
        headers[.vary] = "Accept-Encoding"
        if Self.notModified(requestHeaders, etag: etag, lastModified: feed.lastModified) {
            return FeedAnswer(status: .notModified, headers: headers, body: nil)
        }
        headers[.contentDisposition] = feed.contentDisposition
        if gzip { headers[.contentEncoding] = "gzip" }
        return FeedAnswer(status: .ok, headers: headers, body: gzip ? feed.gzipBody : feed.body)
    }

    func respond(name: String, request: Request) throws -> Response {
        let answer = try answer(name: name, headers: request.headers, token: request.uri.queryParameters.get("token"))
        return Response(
            status: answer.status, headers: answer.headers, body: .init(byteBuffer: answer.body ?? ByteBuffer()))
    }

    var publicCacheControl: String { "public, max-age=\(options.feedMaxAge)" }
    var privateCacheControl: String { "private, max-age=\(options.feedMaxAge)" }

    /// RFC 9110 §13.1.2: If-None-Match wins over If-Modified-Since; weak comparison.
    static func notModified(_ headers: HTTPFields, etag: String, lastModified: UTCInstant) -> Bool {
        if let match = headers[.ifNoneMatch] {
            if match == etag { return true }  // the common case: one tag, as sent
            let tags = match.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }
            return tags.contains("*") || tags.contains { strip($0) == strip(etag) }
        }
        if let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return lastModified <= since
        }
        return false
    }

    static func strip(_ tag: some StringProtocol) -> Substring {
        let s = Substring(tag)
        return s.hasPrefix("W/") ? s.dropFirst(2) : s
    }

    /// True unless the client refuses gzip (`gzip;q=0`) or does not list it.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.lowercased().split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
            guard parts.first == "gzip" || parts.first == "x-gzip" || parts.first == "*" else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0
        }
        return false
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
