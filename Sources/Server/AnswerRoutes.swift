import Foundation
import HTTPTypes
public import Hummingbird
public import KalendariumCore
import NIOCore
import Presentation
public import Store

/// `GET /meetings/{id}/svar?token=…[&svar=kommer]`: the page an answer link in the
/// kallelse opens, and `POST /meetings/{id}/svar`, its confirmation, which alone records
/// the answer: mail scanners that follow links (Outlook's Safe Links) only ever GET.
///
/// The token names no one: it is compared, in constant time and without stopping at a
/// match, with the answer token of everyone the kallelse goes to
/// (``AgendaTokens/answerToken(meeting:email:)``). A wrong token is 403, a meeting that
/// is over or cancelled 410; once it has started the page shows the answer without the
/// form (a POST is 409). A confirmed answer is 303 back to the page, so a reload does
/// not send it again.
public struct AnswerRoutes: Sendable {
    let state: CalendarState
    let store: any AnswerStore & AgendaStore & AgendaTokenStore
    let now: @Sendable () -> UTCInstant

    /// A form is a few fields; anything larger is refused before it is read.
    static let maximumBody = 16 * 1024

    public init(
        state: CalendarState, store: any AnswerStore & AgendaStore & AgendaTokenStore,
        now: @escaping @Sendable () -> UTCInstant
    ) {
        self.state = state
        self.store = store
        self.now = now
    }

    public func register(on router: Router<AppRequestContext>) {
        router.get("/meetings/{id}/svar") { request, context in
            try await respond(context.parameters.require("id"), request: request, form: nil)
        }
        router.post("/meetings/{id}/svar") { request, context in
            let raw = try await request.body.collect(upTo: Self.maximumBody)
            let fields = Self.formFields(String(buffer: raw))
            return try await respond(context.parameters.require("id"), request: request, form: fields)
        }
    }

    /// Who a token belongs to among the meeting's invitees, or nil.
    func person(
        _ token: String?, meeting: Meeting, data: CalendarData, recipients: [Recipient]
    ) async throws
        -> Recipient?
    {
        guard let token, !token.isEmpty, token.utf8.count <= MeetingAccess.maximumTokenLength else { return nil }
        let tokens = AgendaTokens(secret: try await store.agendaTokenSecret())
        var found: Recipient?
        for invitee in data.invitees(of: meeting, recipients: recipients) {
            let match = ConstantTime.equal(token, tokens.answerToken(meeting: meeting.id, email: invitee.email))
            if match && found == nil { found = invitee }
        }
        return found
    }

    func respond(_ raw: String, request: Request, form fields: [(String, String)]?) async throws -> Response {
        guard let published = state.published else { return Self.html(.serviceUnavailable, MeetingPage.unavailable) }
        guard let id = raw.removingPercentEncoding,
            let meeting = published.data.meetings.first(where: { $0.id == id })
        else { return Self.html(.notFound, MeetingPage.notFound(pageURL: published.pageURL)) }
        let query = request.uri.queryParameters
        let token = fields.map { Self.value($0, "token") } ?? query.get("token").map { String($0) }
        do {
            guard
                let person = try await person(
                    token, meeting: meeting, data: published.data, recipients: published.recipients)
            else {
                return Self.html(.forbidden, AnswerPage.invalidLink(pageURL: published.pageURL))
            }
            let window = AnswerWindow(meeting, at: now())
            if window == .closed {
                return Self.html(.gone, AnswerPage.expiredLink(pageURL: published.pageURL))
            }
            let current = try await store.answers(meetings: [meeting.id]).last { $0.email == person.email.lowercased() }
            let agenda = try await store.agenda(meeting: meeting.id)?.latestVersion?.points ?? []
            func page(
                _ status: HTTPResponse.Status, form: AnswerPage.Form, saved: Bool = false, error: String? = nil
            )
                -> Response
            {
                Self.html(
                    status,
                    AnswerPage.html(
                        meeting, person: person, current: current, window: window, data: published.data,
                        agenda: agenda, token: token ?? "", form: form, pageURL: published.pageURL, saved: saved,
                        error: error))
            }
            guard let fields else {
                var form = current.map { AnswerPage.Form($0.answer) } ?? AnswerPage.Form()
                if let chosen = query.get("svar").flatMap({ AnswerChoice(rawValue: String($0)) }) {
                    form.choice = chosen
                }
                return page(.ok, form: form, saved: query.get("sparat") == "1")
            }
            let form = Self.form(fields)
            guard window == .open else {
                return page(.conflict, form: form, error: AnswerPage.startedText)
            }
            switch AnswerPage.answer(form) {
            case .failure(let error):
                return page(.unprocessableContent, form: form, error: error.message)
            case .success(let answer):
                try await store.recordAnswer(
                    AnswerRecord(meeting: meeting.id, email: person.email, answer: answer, at: now(), via: .link))
                var headers = Self.headers
                headers[.location] =
                    MeetingPage.answerURL(
                        pageURL: published.pageURL, meeting: meeting.id, token: token ?? "", choice: nil)
                    + "&sparat=1"
                return Response(status: .seeOther, headers: headers)
            }
        } catch let error as StoreError {
            return Self.html(error.unavailable ? .serviceUnavailable : .internalServerError, MeetingPage.unavailable)
        }
    }

    static func form(_ fields: [(String, String)]) -> AnswerPage.Form {
        AnswerPage.Form(
            choice: AnswerChoice(rawValue: value(fields, "svar")), substitute: value(fields, "ersattare"),
            points: fields.filter { $0.0 == "punkt" }.compactMap { Int($0.1) }.filter { $0 > 0 },
            until: value(fields, "till"), from: value(fields, "fran"), comment: value(fields, "kommentar"))
    }

    static func value(_ fields: [(String, String)], _ name: String) -> String {
        fields.first { $0.0 == name }?.1 ?? ""
    }

    /// `application/x-www-form-urlencoded`, as browsers send a form: `+` is a space.
    static func formFields(_ body: String) -> [(String, String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = parts.first.flatMap(decode) else { return nil }
            return (name, parts.count > 1 ? decode(parts[1]) ?? "" : "")
        }
    }

    /// The token is in the address: no referrer, no cache, no index.
    static var headers: HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Robots-Tag")!] = "noindex"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        return headers
    }

    static func html(_ status: HTTPResponse.Status, _ html: String) -> Response {
        var headers = Self.headers
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
