import Foundation
public import Hummingbird
public import KalendariumCore
import Presentation
public import Store

/// `/api/v1/meetings/{id}/answers`: the answers to a meeting's kallelse and the quorum
/// forecast (``AnswersDocument``, the same JSON as `kalendarium answers --format json`),
/// and `PUT …/answers/{email}` for an answer the secretariat takes by phone. Both need
/// the bearer token: the answers name people and their addresses.
public struct AnswersAPI: Sendable {
    let store: any AnswerStore
    let agendas: AgendaAPI
    let token: String?
    let now: @Sendable () -> UTCInstant

    public init(store: any AnswerStore, agendas: AgendaAPI, token: String?, now: @escaping @Sendable () -> UTCInstant) {
        self.store = store
        self.agendas = agendas
        self.token = token
        self.now = now
    }

    static let base = "/api/v1/meetings/{id}/answers"

    public func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.base)) { request, context in
            try await ItemsAPI.available {
                try BearerAuthorization.check(request, token: token)
                return AnswersBody(document: try await document(agendas.resolve(context)))
            }
        }
        router.put(RouterPath(Self.base + "/{email}")) { request, context in
            try await ItemsAPI.available {
                try BearerAuthorization.check(request, token: token)
                let r = try agendas.resolve(context)
                let raw = try context.parameters.require("email")
                let email = raw.removingPercentEncoding ?? raw
                let body = try await request.decode(as: AnswerRequest.self, context: context)
                let instant = now()
                let record = try AgendaAPI.checked { () throws(AgendaError) -> AnswerRecord in
                    let (meeting, person) = try r.data.answerable(
                        r.meeting.id, by: email, recipients: r.recipients, at: instant)
                    return AnswerRecord(
                        meeting: meeting.id, email: person.email, answer: try body.answer(), at: instant, via: .api)
                }
                try await store.recordAnswer(record)
                return AnswersBody(document: try await document(r))
            }
        }
    }

    func document(_ r: AgendaAPI.Resolved) async throws -> AnswersDocument {
        let records = try await store.answers(meetings: [r.meeting.id])
        let answers = MeetingAnswers(meeting: r.meeting, data: r.data, recipients: r.recipients, records: records)
        return AnswersDocument(answers, now: now())
    }
}

/// `{"kind": "substitute", "substitute": "…", "part": "until:10:00", "comment": "…"}`.
struct AnswerRequest: Decodable, Sendable {
    let kind: String
    let substitute: String?
    let part: String?
    let comment: String?

    func answer() throws(AgendaError) -> Answer {
        guard let kind = Answer.Kind(rawValue: kind) else {
            throw AgendaError(
                .invalid,
                "kind \"\(kind)\" is not one of " + Answer.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var parsed: Attendance.Part?
        if let part {
            guard let p = Attendance.Part(part) else {
                throw AgendaError(.invalid, "part \"\(part)\" is not points:2,3, until:10:00 or from:09:30")
            }
            parsed = p
        }
        return try Answer(kind, substitute: substitute, part: parsed, comment: comment)
    }
}

struct AnswersBody: ResponseEncodable {
    let document: AnswersDocument

    func encode(to encoder: any Encoder) throws { try document.encode(to: encoder) }
}
