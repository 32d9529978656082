import Hummingbird
import KalendariumCore

/// `GET /calendars/<name>.ics`: feeds from memory, with validators and gzip.
struct FeedRoutes: Sendable {
    let state: CalendarState
    let options: ServerOptions

    func respond(name: String, request: Request) throws -> Response {
        // Names are looked up, never joined onto a path, so `..` or `%2F` find nothing.
        guard let published = state.published else {
            throw HTTPError(.serviceUnavailable, message: "No valid calendar data yet; see /healthz.\n")
        }
        guard let feed = published.feeds[name] else { throw HTTPError(.notFound, message: "No feed called \(name).\n") }
        if let token = options.feedTokens[name] {
            // A wrong or missing token looks like a feed that does not exist.
            guard let given = request.uri.queryParameters.get("token"), ConstantTime.equal(given, token) else {
                throw HTTPError(.notFound, message: "No feed called \(name).\n")
            }
        }
        let gzip = Self.acceptsGzip(request.headers[.acceptEncoding])
        let etag = gzip ? feed.gzipETag : feed.etag
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.eTag] = etag
        headers[.lastModified] = HTTPDate.format(feed.lastModified)
        headers[.cacheControl] =
            "\(options.feedTokens[name] == nil ? "public" : "private"), max-age=\(options.feedMaxAge)"
        headers[.vary] = "Accept-Encoding"
        if Self.notModified(request, etag: etag, lastModified: feed.lastModified) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentDisposition] = "inline; filename=\"\(name.split(separator: "/").last ?? "")\""
        if gzip { headers[.contentEncoding] = "gzip" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: gzip ? feed.gzipBody : feed.body))
    }

    /// RFC 9110 §13.1.2: If-None-Match wins over If-Modified-Since; weak comparison.
    static func notModified(_ request: Request, etag: String, lastModified: UTCInstant) -> Bool {
        if let match = request.headers[.ifNoneMatch] {
            let tags = match.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }
            return tags.contains("*") || tags.contains { strip($0) == strip(etag) }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
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
