import BlockingPool
import CompressNIO
import Feeds
public import Hummingbird
public import KalendariumCore
import NIOCore
public import Store

/// `GET /calendars/person/{token}.ics`: a person's own calendar (``PersonalFeed``),
/// built on request from the published data, the person's items and their answers,
/// with the same validators, gzip and 304 as the other feeds.
///
/// The token is random and looked up in the store on every request, so a token
/// replaced by `kalendarium people rotate-token` is refused at once, on every daemon of
/// the store. An unknown token, and one whose person has left `recipients.yaml`, look
/// like a feed that does not exist.
public struct PersonalFeedRoutes: Sendable {
    let state: CalendarState
    let store: any ItemStore & AnswerStore & PersonTokenStore
    let options: ServerOptions
    let now: @Sendable () -> UTCInstant

    public init(
        state: CalendarState, store: any ItemStore & AnswerStore & PersonTokenStore, options: ServerOptions,
        now: @escaping @Sendable () -> UTCInstant
    ) {
        self.state = state
        self.store = store
        self.options = options
        self.now = now
    }

    public func register(on router: Router<AppRequestContext>) {
        router.get("/calendars/person/{file}") { request, context in
            try await respond(file: context.parameters.require("file"), request: request)
        }
    }

    static let notFound = HTTPError(.notFound, message: "No such calendar.\n")

    func respond(file: String, request: Request) async throws -> Response {
        guard let published = state.published else {
            throw HTTPError(.serviceUnavailable, message: "No valid calendar data yet; see /healthz.\n")
        }
        guard file.hasSuffix(".ics") else { throw Self.notFound }
        let token = String(file.dropLast(4))
        let items: [Item]
        let answers: [String: AnswerRecord]
        let person: Recipient
        do {
            guard let email = try await store.person(withToken: token),
                let found = published.recipients.first(where: { $0.email.lowercased() == email })
            else { throw Self.notFound }
            person = found
            items = try await store.items(ItemFilter(statuses: [.open, .inProgress]))
            let meetings = published.data.meetings.map(\.id)
            answers = Dictionary(
                try await store.answers(meetings: meetings).filter { $0.email == email }.map { ($0.meeting, $0) }
            ) { _, later in later }
        } catch let error as StoreError {
            throw HTTPError(
                error.unavailable ? .serviceUnavailable : .internalServerError, message: "\(error.description)\n")
        }
        let catalog = FeedCatalog(
            data: published.data, settings: published.feedSettings, today: StockholmTime.local(now()).date,
            agendas: published.agendas)
        let feed = PersonalFeed(person: person, token: token)
        let revisions = published.revisions
        // libical and gzip are CPU work: off the event loop.
        let rendered: Result<(RenderedFeed, ByteBuffer), any Error> = await BlockingPool.run {
            Result {
                let rendered = try feed.render(catalog: catalog, revisions: revisions, items: items, answers: answers)
                var source = ByteBuffer(string: rendered.text)
                return (rendered, try source.compress(with: .gzip()))
            }
        }
        let (text, gzipped): (RenderedFeed, ByteBuffer)
        do { (text, gzipped) = try rendered.get() } catch {
            throw HTTPError(.internalServerError, message: "Building the calendar failed: \(error)\n")
        }
        let gzip = FeedRoutes.acceptsGzip(request.headers[.acceptEncoding])
        let hash = ContentHash.hex(text.text.utf8)
        let etag = gzip ? "\"\(hash)-gz\"" : "\"\(hash)\""
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.eTag] = etag
        headers[.lastModified] = HTTPDate.format(text.lastModified)
        // One person's calendar: no shared cache may keep it.
        headers[.cacheControl] = "private, max-age=\(options.feedMaxAge)"
        headers[.vary] = "Accept-Encoding"
        if FeedRoutes.notModified(request.headers, etag: etag, lastModified: text.lastModified) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentDisposition] = "inline; filename=\"kalender.ics\""
        if gzip { headers[.contentEncoding] = "gzip" }
        return Response(
            status: .ok, headers: headers,
            body: .init(byteBuffer: gzip ? gzipped : ByteBuffer(string: text.text)))
    }
}
