import Feeds
import Hummingbird
import KalendariumCore
import Presentation

/// `GET /`: the page people open to subscribe and to see what is coming; its text and
/// layout are `Presentation.PageView`'s.
enum WebPage {
    static func response(state: CalendarState, options: ServerOptions, now: UTCInstant) -> Response {
        let page = state.page(day: StockholmTime.local(now).date) { published, problems in
            let feeds = (published?.feedNames ?? []).filter { options.feedTokens[$0] == nil }.compactMap {
                name -> PageView.Feed? in
                guard let published, let feed = published.feeds[name] else { return nil }
                return PageView.Feed(
                    title: feed.title, description: feed.description,
                    url: FeedSettings.feedURL(pageURL: published.pageURL, name: name))
            }
            return PageView(
                data: published?.data, feeds: feeds, warnings: published?.warnings ?? [],
                problems: problems.map(\.description), builtAt: published?.builtAt
            ).render(now: now)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
