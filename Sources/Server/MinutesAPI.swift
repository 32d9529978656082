import Foundation
public import Hummingbird
public import KalendariumCore
import Presentation
public import Store

/// `/api/v1/meetings/{id}/minutes`: a meeting's minutes as JSON (``MinutesDocument``),
/// and the secretariat's changes to them, the same ones `kalendarium minutes` makes.
/// Reading is open for a public body and shows the latest approved version; with the
/// bearer token it shows the draft. A members-only body's minutes need the bearer token
/// or the per-person `?token=` of the kallelse. Writes need the bearer token; mistakes
/// are 404, 409 or 422 by kind, malformed JSON 400.
public struct MinutesAPI: Sendable {
    let store: any ItemStore & AgendaStore & AgendaTokenStore & MinutesStore & AnswerStore
    let agendas: AgendaAPI
    let token: String?
    let now: @Sendable () -> UTCInstant

    public init(
        store: any ItemStore & AgendaStore & AgendaTokenStore & MinutesStore & AnswerStore, agendas: AgendaAPI,
        token: String?,
        now: @escaping @Sendable () -> UTCInstant
    ) {
        self.store = store
        self.agendas = agendas
        self.token = token
        self.now = now
    }

    static let base = "/api/v1/meetings/{id}/minutes"

    public func register(on router: Router<AppRequestContext>) {
        typealias Handler = @Sendable (Request, AppRequestContext) async throws -> EditedResponse<MinutesBody>
        func route(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
            router.on(RouterPath(Self.base + path), method: method) { request, context in
                try await ItemsAPI.available { try await handler(request, context) }
            }
        }
        router.get(RouterPath(Self.base)) { request, context in
            try await ItemsAPI.available { try await self.show(request, context) }
        }
        route(.post, "/start") { request, context in
            try await self.write(request, context, status: .created) { r in
                let body = try await request.decode(as: MinutesRequests.StartBody.self, context: context)
                // The attendance starts from the answers to the kallelse.
                let answers = MeetingAnswers(
                    meeting: r.meeting, data: r.data, recipients: r.recipients,
                    records: try await store.answers(meetings: [r.meeting.id]))
                let started = r.data.newMinutes(
                    for: r.meeting, agenda: try await store.agenda(meeting: r.meeting.id), secretary: body.secretary,
                    adjuster: body.adjuster, answers: answers)
                return { m, _ throws(AgendaError) in
                    guard m.draft.points.isEmpty else {
                        throw AgendaError(.conflict, "the minutes are started already")
                    }
                    m = started
                    return []
                }
            }
        }
        route(.post, "/attendance") { request, context in
            try await self.write(request, context) { r in
                let person = try await request.decode(as: MinutesRequests.PersonBody.self, context: context)
                    .attendance(in: r.data, year: r.meeting.year)
                return { m, _ throws(AgendaError) in
                    try m.attend(person)
                    return []
                }
            }
        }
        route(.patch, "/chair") { request, context in
            try await self.write(request, context) { _ in
                let body = try await request.decode(as: MinutesRequests.ChairBody.self, context: context)
                return { m, _ throws(AgendaError) in
                    try m.setChair(body.chair, secretary: body.secretary)
                    if let adjuster = body.adjuster { try m.setAdjuster(adjuster) }
                    return []
                }
            }
        }
        route(.post, "/points/{n}/notes") { request, context in
            try await self.write(request, context) { _ in
                let number = try AgendaAPI.number(context, "n")
                let text = try await request.decode(as: MinutesRequests.TextBody.self, context: context).text
                return { m, _ throws(AgendaError) in
                    try m.note(number, text)
                    return []
                }
            }
        }
        route(.post, "/points/{n}/decisions") { request, context in
            try await self.write(request, context, status: .created) { r in
                let number = try AgendaAPI.number(context, "n")
                let body = try await request.decode(as: MinutesRequests.DecisionBody.self, context: context)
                let items = try body.items(meeting: r.meeting, point: number, data: r.data)
                return { m, _ throws(AgendaError) in
                    let index = try m.decide(number, body.text)
                    return items.isEmpty ? [] : [.createItems(items, point: number, decision: index)]
                }
            }
        }
        route(.post, "/follow-ups") { request, context in
            try await self.write(request, context) { r in
                let body = try await request.decode(as: MinutesRequests.FollowUpBody.self, context: context)
                let followUp = try body.followUp()
                let history = Swedish.followUpHistory(followUp.status, note: followUp.note, meeting: r.meeting, r.data)
                return { m, _ throws(AgendaError) in
                    try m.followUp(followUp)
                    return [.followUp(followUp, note: history)]
                }
            }
        }
        route(.post, "/approve") { request, context in
            try await self.write(request, context) { r in
                let by = try await request.decode(as: MinutesRequests.ApproveBody.self, context: context).by
                let name = r.recipients.first { $0.email.lowercased() == by.lowercased() }?.name ?? by
                return { m, now throws(AgendaError) in
                    _ = try m.approve(by: name, at: now)
                    return []
                }
            }
        }
        route(.post, "/correct") { request, context in
            try await self.write(request, context) { _ in
                let reason = try await request.decode(as: MinutesRequests.CorrectBody.self, context: context).reason
                return { m, _ throws(AgendaError) in
                    try m.correct(reason: reason)
                    return []
                }
            }
        }
    }

    /// GET: the latest approved version; with the bearer token, the draft while one is open.
    func show(_ request: Request, _ context: AppRequestContext) async throws -> MinutesBody {
        let r = try agendas.resolve(context)
        let secretariat = BearerAuthorization.isAuthorized(request, token: token)
        if let body = r.body, !secretariat {
            let personal = request.uri.queryParameters.get("token").map { String($0) }
            guard
                try await MeetingAccess.allows(
                    body, meeting: r.meeting.id, token: personal, recipients: r.recipients, store: store)
            else {
                throw APIError(
                    .forbidden,
                    "the minutes of \(body.name) are for its members: use the link in the kallelse, or the API token")
            }
        }
        guard let minutes = try await store.minutes(meeting: r.meeting.id) else {
            throw APIError(.notFound, "\(r.meeting.id) has no minutes yet")
        }
        let content: Minutes.Content
        if secretariat, !minutes.isLocked {
            content = minutes.draft
        } else if let approved = minutes.latestVersion {
            content = approved.content
        } else {
            throw APIError(.notFound, "the minutes of \(r.meeting.id) are not approved yet")
        }
        return try await document(minutes, content, r)
    }

    typealias Change = @Sendable (inout Minutes, UTCInstant) throws(AgendaError) -> [MinutesEffect]

    /// Checks the bearer token, resolves the meeting, lets `prepare` read the request
    /// into a change, and runs it with its effects on the items in one transaction.
    func write(
        _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status = .ok,
        _ prepare: (AgendaAPI.Resolved) async throws -> Change
    ) async throws -> EditedResponse<MinutesBody> {
        try BearerAuthorization.check(request, token: token)
        let r = try agendas.resolve(context)
        guard r.body != nil else { throw APIError(.unprocessableContent, "minutes are for the bodies' meetings") }
        let change = try await prepare(r)
        let instant = now()
        let id = r.meeting.id
        let day = r.meeting.schedule.firstDay ?? StockholmTime.local(instant).date
        let minutes = try await AgendaAPI.checkedAsync {
            try await store.updateMinutes(
                meeting: id, create: { Minutes(meeting: id, draft: .init(), approvers: []) }, on: day
            ) { (m: inout Minutes) throws(AgendaError) in ((), try change(&m, instant)) }.0
        }
        var headers = HTTPFields()
        if status == .created { headers[.location] = "/api/v1/meetings/\(id)/minutes" }
        let content = minutes.isLocked ? minutes.latestVersion!.content : minutes.draft
        return EditedResponse(status: status, headers: headers, response: try await document(minutes, content, r))
    }

    func document(_ minutes: Minutes, _ content: Minutes.Content, _ r: AgendaAPI.Resolved) async throws -> MinutesBody {
        let items = try await store.items(ItemFilter(body: r.body?.slug))
        let view = MinutesView(
            minutes: minutes, content: content, meeting: r.meeting, data: r.data, items: items,
            members: r.data.memberCount(in: r.meeting.year))
        return MinutesBody(document: view.document)
    }
}

/// Minutes as the API answers them: `MinutesDocument`, the JSON `minutes show --format json` prints too.
struct MinutesBody: ResponseEncodable {
    let document: MinutesDocument

    func encode(to encoder: any Encoder) throws { try document.encode(to: encoder) }
}
