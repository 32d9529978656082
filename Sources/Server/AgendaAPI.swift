import Foundation
public import Hummingbird
public import KalendariumCore
import Presentation
public import Store

/// `/api/v1/meetings/{id}/agenda`: a meeting's agenda as JSON (``AgendaDocument``),
/// and the secretariat's changes to it, the same ones `kalendarium agenda` makes.
/// `{id}` is the meeting's identity or `next:BODY`. Reading is open for a public body
/// and shows what members see (the latest published version); with the bearer token
/// it shows the draft and the proposals too. A members-only body's agenda needs the
/// bearer token or the per-person `?token=` of the kallelse. Writes need the bearer
/// token. An ``AgendaError`` is 404, 409 or 422 by its kind, malformed JSON 400.
public struct AgendaAPI: Sendable {
    let store: any ItemStore & AgendaStore & AgendaTokenStore
    let state: CalendarState
    /// nil: writes are refused (no token configured).
    let token: String?
    let now: @Sendable () -> UTCInstant

    public init(
        store: any ItemStore & AgendaStore & AgendaTokenStore, state: CalendarState, token: String?,
        now: @escaping @Sendable () -> UTCInstant
    ) {
        self.store = store
        self.state = state
        self.token = token
        self.now = now
    }

    static let base = "/api/v1/meetings/{id}/agenda"

    public func register(on router: Router<AppRequestContext>) {
        typealias Handler = @Sendable (Request, AppRequestContext) async throws -> EditedResponse<AgendaBody>
        func route(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
            router.on(RouterPath(Self.base + path), method: method) { request, context in
                try await ItemsAPI.available { try await handler(request, context) }
            }
        }
        router.get(RouterPath(Self.base)) { request, context in
            try await ItemsAPI.available { try await self.show(request, context) }
        }
        route(.post, "/points") { request, context in
            try await self.write(request, context, status: .created) { _ in
                let body = try await request.decode(as: AgendaRequests.PointBody.self, context: context)
                let fields = try body.fields()
                guard fields.title != nil else { throw APIError(.unprocessableContent, "missing field \"title\"") }
                return { [after = body.after] agenda, now throws(AgendaError) in
                    _ = try agenda.add(fields, after: after, at: now)
                }
            }
        }
        route(.patch, "/points/{n}") { request, context in
            try await self.write(request, context) { _ in
                let number = try Self.number(context, "n")
                let fields = try await request.decode(as: AgendaRequests.PointBody.self, context: context).fields()
                return { agenda, now throws(AgendaError) in try agenda.edit(number, fields, at: now) }
            }
        }
        route(.delete, "/points/{n}") { request, context in
            try await self.write(request, context) { _ in
                let number = try Self.number(context, "n")
                return { agenda, now throws(AgendaError) in _ = try agenda.remove(number, at: now) }
            }
        }
        route(.post, "/points/{n}/move") { request, context in
            try await self.write(request, context) { _ in
                let number = try Self.number(context, "n")
                let to = try await request.decode(as: AgendaRequests.MoveBody.self, context: context).to
                return { agenda, now throws(AgendaError) in try agenda.move(number, to: to, at: now) }
            }
        }
        route(.post, "/points/{n}/papers") { request, context in
            try await self.attach(request, context)
        }
        route(.post, "/proposals") { request, context in
            try await self.write(request, context, status: .created) { _ in
                let body = try await request.decode(as: AgendaRequests.ProposalBody.self, context: context)
                let fields = Agenda.PointFields(title: body.title, kind: try body.kind.map(AgendaRequests.kind))
                let today = StockholmTime.local(self.now()).date
                return { agenda, _ throws(AgendaError) in
                    _ = try agenda.propose(fields, by: body.by, reason: body.reason ?? "", on: today)
                }
            }
        }
        route(.post, "/proposals/{key}/accept") { request, context in
            try await self.write(request, context) { _ in
                let key = try Self.number(context, "key")
                return { agenda, now throws(AgendaError) in _ = try agenda.accept(proposal: key, at: now) }
            }
        }
        route(.post, "/proposals/{key}/decline") { request, context in
            try await self.write(request, context) { _ in
                let key = try Self.number(context, "key")
                return { agenda, _ throws(AgendaError) in _ = try agenda.decline(proposal: key) }
            }
        }
        route(.post, "/publish") { request, context in
            try await self.write(request, context) { _ in
                { agenda, now throws(AgendaError) in _ = try agenda.publish(at: now) }
            }
        }
    }

    /// The meeting a request names, in the data being served.
    struct Resolved: Sendable {
        let data: CalendarData
        let meeting: Meeting
        let body: Body?
        let pageURL: String
        let recipients: [Recipient]
    }

    func resolve(_ context: AppRequestContext) throws -> Resolved {
        guard let published = state.published else {
            throw APIError(.serviceUnavailable, "no calendar data loaded yet")
        }
        let raw = try context.parameters.require("id")
        guard let reference = raw.removingPercentEncoding else {
            throw APIError(.badRequest, "\"\(raw)\" is not a meeting's identity")
        }
        let today = StockholmTime.local(now()).date
        let meeting = try Self.checked { () throws(AgendaError) in
            try published.data.meeting(reference: reference, today: today)
        }
        var body: Body?
        if case .body(let slug) = meeting.subject { body = published.data.body(slug) }
        return Resolved(
            data: published.data, meeting: meeting, body: body, pageURL: published.pageURL,
            recipients: published.recipients)
    }

    /// GET: what members see; with the bearer token, the draft and the proposals too.
    func show(_ request: Request, _ context: AppRequestContext) async throws -> AgendaBody {
        let resolved = try resolve(context)
        let secretariat = BearerAuthorization.isAuthorized(request, token: token)
        if let body = resolved.body, !secretariat {
            let personal = request.uri.queryParameters.get("token").map { String($0) }
            guard
                try await MeetingAccess.allows(
                    body, meeting: resolved.meeting.id, token: personal, recipients: resolved.recipients, store: store)
            else {
                throw APIError(
                    .forbidden,
                    "the agendas of \(body.name) are for its members: use the link in the kallelse, or the API token")
            }
        }
        let agenda =
            try await store.agenda(meeting: resolved.meeting.id) ?? resolved.data.newAgenda(for: resolved.meeting)
        return try await document(agenda, resolved, includingDraft: secretariat)
    }

    typealias Change = @Sendable (inout Agenda, UTCInstant) throws(AgendaError) -> Void

    /// Checks the bearer token, resolves the meeting, lets `prepare` read the request
    /// into a change, and runs it on the stored agenda in one transaction.
    func write(
        _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status = .ok, papers: [StoredPaper] = [],
        _ prepare: (Resolved) async throws -> Change
    ) async throws -> EditedResponse<AgendaBody> {
        try BearerAuthorization.check(request, token: token)
        let resolved = try resolve(context)
        let change = try await prepare(resolved)
        let instant = now()
        let meeting = resolved.meeting
        let data = resolved.data
        let agenda = try await Self.checkedAsync {
            try await store.updateAgenda(meeting: meeting.id, create: { data.newAgenda(for: meeting) }, papers: papers)
            {
                (agenda: inout Agenda) throws(AgendaError) in try change(&agenda, instant)
            }.0
        }
        var headers = HTTPFields()
        if status == .created { headers[.location] = "/api/v1/meetings/\(meeting.id)/agenda" }
        return EditedResponse(
            status: status, headers: headers, response: try await document(agenda, resolved, includingDraft: true))
    }

    /// POST `…/points/{n}/papers`: a JSON link, or the file's bytes with `?name=`.
    func attach(_ request: Request, _ context: AppRequestContext) async throws -> EditedResponse<AgendaBody> {
        try BearerAuthorization.check(request, token: token)
        let resolved = try resolve(context)
        let number = try Self.number(context, "n")
        let paper: Paper
        var stored: [StoredPaper] = []
        if request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true {
            paper = try AgendaRequests.link(
                try await request.decode(as: AgendaRequests.LinkBody.self, context: context))
        } else {
            guard let given = request.uri.queryParameters.get("name") else {
                throw APIError(
                    .unprocessableContent,
                    "send the file's bytes with ?name=FILE (its name decides the type), or a JSON link {\"name\", \"url\"}"
                )
            }
            let name = try AgendaRequests.name(String(given))
            let bytes = try await PaperUpload.bytes(request)
            let type = try Self.checked { () throws(AgendaError) in
                try PaperContent.contentType(name: name, bytes: bytes)
            }
            let file = StoredPaper(meeting: resolved.meeting.id, name: name, contentType: type, bytes: bytes)
            stored = [file]
            paper = file.paper
        }
        return try await write(request, context, status: .created, papers: stored) { _ in
            { agenda, now throws(AgendaError) in try agenda.attach(paper, to: number, at: now) }
        }
    }

    func document(_ agenda: Agenda, _ r: Resolved, includingDraft: Bool) async throws -> AgendaBody {
        let items = try await store.items(ItemFilter(body: r.body?.slug, statuses: [.open, .inProgress]))
        return AgendaBody(
            document: AgendaDocument(
                agenda, meeting: r.meeting, data: r.data, openItems: r.body == nil ? [] : items,
                paperURL: { MeetingPage.paperURL(pageURL: r.pageURL, meeting: r.meeting.id, name: $0) },
                includingDraft: includingDraft))
    }

    static func number(_ context: AppRequestContext, _ name: String) throws -> Int {
        let text = try context.parameters.require(name)
        guard let number = Int(text) else { throw APIError(.badRequest, "\"\(text)\" is not a number") }
        return number
    }

    static func status(of error: AgendaError) -> HTTPResponse.Status {
        switch error.kind {
        case .notFound: .notFound
        case .conflict: .conflict
        case .invalid: .unprocessableContent
        }
    }

    static func checked<T>(_ body: () throws(AgendaError) -> T) throws -> T {
        do { return try body() } catch { throw APIError(status(of: error), error.message) }
    }

    static func checkedAsync<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as AgendaError {
            throw APIError(status(of: error), error.message)
        }
    }
}
