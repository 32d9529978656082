import Foundation
public import Hummingbird
import KalendariumCore
import NIOCore
import Presentation
public import Store

/// `GET /meetings/{id}`, the Swedish page of one meeting (with its approved minutes
/// below the agenda), and
/// `GET /meetings/{id}/papers/{name}`, its stored papers. Both show the latest
/// published version only: a draft is the secretariat's until it publishes it. For a
/// members-only body both need the per-person token of the kallelse (``MeetingAccess``).
///
/// Names are looked up, never joined onto a path (the papers are in the store): a
/// name must be a safe paper name (``PaperName/isSafe(_:)``) of that version, so `..`,
/// an encoded `/` or NUL, and papers not yet published are all 404.
public struct MeetingRoutes: Sendable {
    let state: CalendarState
    let store: any ItemStore & AgendaStore & AgendaTokenStore & MinutesStore & AnswerStore

    public init(
        state: CalendarState, store: any ItemStore & AgendaStore & AgendaTokenStore & MinutesStore & AnswerStore
    ) {
        self.state = state
        self.store = store
    }

    public func register(on router: Router<AppRequestContext>) {
        router.get("/meetings/{id}") { request, context in
            try await page(context.parameters.require("id"), request: request)
        }
        router.get("/meetings/{id}/papers/{name}") { request, context in
            try await paper(context.parameters.require("id"), context.parameters.require("name"), request: request)
        }
    }

    /// What a request names, found in the published data; nil for anything else.
    struct Found {
        let published: PublishedCalendar
        let meeting: Meeting
        let body: Body
    }

    func find(_ raw: String) -> Found? {
        guard let published = state.published, let id = raw.removingPercentEncoding,
            let meeting = published.data.meetings.first(where: { $0.id == id }), meeting.schedule.firstDay != nil,
            case .body(let slug) = meeting.subject, let body = published.data.body(slug)
        else { return nil }
        return Found(published: published, meeting: meeting, body: body)
    }

    func page(_ raw: String, request: Request) async throws -> Response {
        guard state.published != nil else { return Self.html(.serviceUnavailable, MeetingPage.unavailable) }
        guard let found = find(raw) else {
            return Self.html(.notFound, MeetingPage.notFound(pageURL: state.published?.pageURL ?? "/"))
        }
        let token = request.uri.queryParameters.get("token").map { String($0) }
        let html: String
        var personal = false
        do {
            let allowed = try await MeetingAccess.allows(
                found.body, meeting: found.meeting.id, token: token, recipients: found.published.recipients,
                store: store)
            var version: AgendaVersion?
            var items: [Item] = []
            if allowed, let latest = try await store.agenda(meeting: found.meeting.id)?.latestVersion {
                version = latest
                items = try await store.items(ItemFilter(body: found.body.slug, statuses: [.open, .inProgress]))
            }
            // The approved minutes below the agenda (behind the same token for members-only bodies).
            var minutesView: MinutesView?
            if allowed, let minutes = try await store.minutes(meeting: found.meeting.id),
                let approved = minutes.latestVersion
            {
                let data = found.published.data
                minutesView = MinutesView(
                    minutes: minutes, content: approved.content, meeting: found.meeting, data: data,
                    items: try await store.items(ItemFilter(body: found.body.slug)),
                    members: data.memberCount(in: found.meeting.year))
            }
            // The secretariat's and the chair's own token (from the quorum warning) shows the answers.
            var answers: MeetingAnswers?
            if try await MeetingAccess.isStaff(
                token, meeting: found.meeting, data: found.published.data, recipients: found.published.recipients,
                store: store)
            {
                answers = MeetingAnswers(
                    meeting: found.meeting, data: found.published.data, recipients: found.published.recipients,
                    records: try await store.answers(meetings: [found.meeting.id]))
            }
            personal = answers != nil
            let linkToken = allowed && found.body.agendaIsRestricted ? token : nil
            html = try MeetingPage.html(
                found.meeting, agenda: version?.points, data: found.published.data, openItems: items,
                paperURL: {
                    MeetingPage.paperURL(
                        pageURL: found.published.pageURL, meeting: found.meeting.id, name: $0, token: linkToken)
                }, pageURL: found.published.pageURL, version: version?.number, restricted: !allowed,
                minutes: minutesView, answers: answers)
        } catch let error as StoreError {
            return Self.html(error.unavailable ? .serviceUnavailable : .internalServerError, MeetingPage.unavailable)
        }
        let etag = "\"\(ContentHash.hex(html))\""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.eTag] = etag
        // Revalidated every time: the agenda may change at any moment; the ETag makes that cheap.
        headers[.cacheControl] = found.body.agendaIsRestricted || personal ? "private, no-cache" : "no-cache"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"
        headers[.xContentTypeOptions] = "nosniff"
        if Self.matches(request.headers[.ifNoneMatch], etag: etag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func paper(_ rawMeeting: String, _ rawName: String, request: Request) async throws -> Response {
        guard let found = find(rawMeeting), let name = rawName.removingPercentEncoding, PaperName.isSafe(name) else {
            return Self.text(.notFound, MeetingPage.paperMissing)
        }
        do {
            guard let version = try await store.agenda(meeting: found.meeting.id)?.latestVersion,
                let listed = version.points.lazy.flatMap(\.papers).first(where: { $0.name == name }),
                case .file(_, _, let sha256) = listed.source
            else { return Self.text(.notFound, MeetingPage.paperMissing) }
            let token = request.uri.queryParameters.get("token").map { String($0) }
            guard
                try await MeetingAccess.allows(
                    found.body, meeting: found.meeting.id, token: token, recipients: found.published.recipients,
                    store: store)
            else {
                return Self.text(.forbidden, MeetingPage.papersForMembers)
            }
            // The bytes must be the ones the published version names.
            guard let stored = try await store.paper(meeting: found.meeting.id, name: name), stored.sha256 == sha256
            else { return Self.text(.notFound, MeetingPage.paperMissing) }
            let etag = "\"\(stored.sha256)\""
            var headers = HTTPFields()
            headers[.contentType] = stored.contentType
            headers[.eTag] = etag
            headers[.cacheControl] = found.body.agendaIsRestricted ? "private, no-cache" : "public, no-cache"
            headers[.xContentTypeOptions] = "nosniff"
            headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
            headers[.contentDisposition] = ContentDisposition.attachment(filename: name)
            if Self.matches(request.headers[.ifNoneMatch], etag: etag) {
                return Response(status: .notModified, headers: headers)
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: stored.bytes)))
        } catch let error as StoreError {
            return Self.text(error.unavailable ? .serviceUnavailable : .internalServerError, "\(error.description)\n")
        }
    }

    /// If-None-Match against one strong tag (weak comparison, RFC 9110 § 13.1.2).
    static func matches(_ header: String?, etag: String) -> Bool {
        guard let header else { return false }
        let tags = header.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }
        return tags.contains("*") || tags.contains { FeedRoutes.strip($0) == FeedRoutes.strip(etag) }
    }

    static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
