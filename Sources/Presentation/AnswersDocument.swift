public import KalendariumCore

/// The JSON shape of a meeting's answers, shared by `kalendarium answers MEETING
/// --format json` and `GET /api/v1/meetings/{id}/answers`. Every key is present.
public struct AnswersDocument: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        let kind: String
        let substitute: String?
        let part: String?
        let comment: String?
        let at: String
        let via: String

        init(_ record: AnswerRecord) {
            kind = record.answer.kind.rawValue
            substitute = record.answer.substitute
            part = record.answer.part?.text
            comment = record.answer.comment
            at = record.at.description
            via = record.via.rawValue
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(substitute, forKey: .substitute)
            try c.encode(part, forKey: .part)
            try c.encode(comment, forKey: .comment)
            try c.encode(at, forKey: .at)
            try c.encode(via, forKey: .via)
        }

        enum CodingKeys: String, CodingKey { case kind, substitute, part, comment, at, via }
    }

    struct Invitee: Encodable, Sendable {
        let name: String
        let email: String
        let municipality: String?
        let member: Bool
        let answer: Entry?
        let history: [Entry]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(email, forKey: .email)
            try c.encode(municipality, forKey: .municipality)
            try c.encode(member, forKey: .member)
            try c.encode(answer, forKey: .answer)
            try c.encode(history, forKey: .history)
        }

        enum CodingKeys: String, CodingKey { case name, email, municipality, member, answer, history }
    }

    struct Other: Encodable, Sendable {
        let email: String
        let answer: Entry
    }

    struct Seat: Encodable, Sendable {
        let municipality: String
        let name: String
        let state: String
        let people: [String]
    }

    struct Forecast: Encodable, Sendable {
        let members: Int
        let needed: Int
        let represented: Int
        let reached: Bool
        let reachable: Bool
        let seats: [Seat]
    }

    let meeting: String
    /// `open` (answers taken), `started` (shown, not changed) or `closed`.
    let window: String
    let forecast: Forecast
    let invitees: [Invitee]
    let others: [Other]

    public init(_ answers: MeetingAnswers, now: UTCInstant) {
        meeting = answers.meeting.id
        window =
            switch AnswerWindow(answers.meeting, at: now) {
            case .open: "open"
            case .started: "started"
            case .closed: "closed"
            }
        let f = answers.forecast
        forecast = Forecast(
            members: f.members, needed: f.needed, represented: f.represented, reached: f.reached,
            reachable: f.reachable,
            seats: f.seats.map {
                Seat(municipality: $0.municipality, name: $0.name, state: $0.state.rawValue, people: $0.people)
            })
        invitees = answers.invitees.map { invitee in
            Invitee(
                name: invitee.recipient.name, email: invitee.recipient.email.lowercased(),
                municipality: invitee.recipient.municipality, member: invitee.isMember,
                answer: invitee.answer.map(Entry.init), history: invitee.history.map(Entry.init))
        }
        others = answers.others.map { Other(email: $0.email, answer: Entry($0)) }
    }
}
