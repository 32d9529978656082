/// A meeting's answers as the secretariat and the chair see them: everyone the
/// kallelse goes to, with their current answer and its history, and the quorum
/// forecast. Pure: the records come from the store, the people from `recipients.yaml`.
public struct MeetingAnswers: Sendable {
    public struct Invitee: Hashable, Sendable {
        public let recipient: Recipient
        /// Holds one of the body's member roles, so counts for the quorum.
        public let isMember: Bool
        /// The latest answer; nil if none yet.
        public var answer: AnswerRecord? { history.last }
        /// Every answer, oldest first.
        public let history: [AnswerRecord]
    }

    public let meeting: Meeting
    public let invitees: [Invitee]
    /// Answers from people who no longer get the kallelse (left `recipients.yaml`, changed
    /// body): kept and shown, not counted.
    public let others: [AnswerRecord]
    public let forecast: QuorumForecast

    public init(meeting: Meeting, data: CalendarData, recipients: [Recipient], records: [AnswerRecord]) {
        self.meeting = meeting
        let mine = records.filter { $0.meeting == meeting.id }.sorted { $0.at < $1.at }
        let byEmail = Dictionary(grouping: mine, by: \.email)
        let body: Body? = if case .body(let slug) = meeting.subject { data.body(slug) } else { nil }
        let invited = data.invitees(of: meeting, recipients: recipients)
        let invitees = invited.map { r in
            Invitee(
                recipient: r, isMember: body.map { !r.roles.isDisjoint(with: $0.members) } ?? false,
                history: byEmail[r.email.lowercased()] ?? [])
        }
        self.invitees = invitees
        let invitedEmails = Set(invited.map { $0.email.lowercased() })
        others = mine.filter { !invitedEmails.contains($0.email) }
        let year = meeting.year
        let seats = data.municipalities.filter { $0.isMember(in: year) }.map { m -> QuorumForecast.Seat in
            let people = invitees.filter { $0.isMember && $0.recipient.municipality == m.slug }
            let state: QuorumForecast.Seat.State =
                if people.isEmpty {
                    .nobodyInvited
                } else if people.contains(where: { $0.answer?.answer.represents == true }) {
                    .represented
                } else if people.allSatisfy({ $0.answer.map { $0.answer.kind == .notComing } ?? false }) {
                    .declined
                } else {
                    .unanswered
                }
            return QuorumForecast.Seat(
                municipality: m.slug, name: m.name, state: state, people: people.map(\.recipient.name))
        }
        forecast = QuorumForecast(seats: seats)
    }

    /// The invitee with this address, if the kallelse goes to them.
    public func invitee(_ email: String) -> Invitee? {
        invitees.first { $0.recipient.email.lowercased() == email.lowercased() }
    }

    /// Members who have not answered at all.
    public var unanswered: [Invitee] { invitees.filter { $0.answer == nil } }
}

extension CalendarData {
    /// Everyone a body's meeting sends its kallelse to: those who receive agenda notices
    /// and attend the body (``ReminderPlanner/attends(_:_:)``), in file order.
    public func invitees(of meeting: Meeting, recipients: [Recipient]) -> [Recipient] {
        guard case .body(let slug) = meeting.subject, let body = body(slug) else { return [] }
        return recipients.filter { $0.receives.contains(.agenda) && ReminderPlanner.attends($0, body) }
    }

    /// Checks that `email` may answer `meetingID`'s kallelse at `now`: the meeting is a
    /// body's, not started, and the person is invited to it.
    public func answerable(
        _ meetingID: String, by email: String, recipients: [Recipient], at now: UTCInstant
    ) throws(AgendaError) -> (Meeting, Recipient) {
        guard let meeting = meetings.first(where: { $0.id == meetingID }) else {
            throw AgendaError(.notFound, "there is no meeting \"\(meetingID)\"")
        }
        guard
            let person = invitees(of: meeting, recipients: recipients).first(where: {
                $0.email.lowercased() == email.lowercased()
            })
        else {
            throw AgendaError(
                .notFound, "\(email) does not get the kallelse to \(meetingID) (see recipients.yaml: bodies, receives)")
        }
        switch AnswerWindow(meeting, at: now) {
        case .open: return (meeting, person)
        case .started: throw AgendaError(.conflict, "\(meetingID) has started: answers can no longer be changed")
        case .closed: throw AgendaError(.conflict, "\(meetingID) is over or cancelled: it takes no answers")
        }
    }
}

extension MeetingAnswers {
    /// The minutes' first attendance list, from the answers: who said they come (for
    /// all or part), who sends a substitute, who is kept away (förhinder). Those who
    /// have not answered, or answered "Kanske", are left for the secretary to add.
    public var attendance: [Attendance] {
        invitees.compactMap { invitee -> Attendance? in
            guard let answer = invitee.answer?.answer else { return nil }
            let r = invitee.recipient
            let role: Attendance.Role =
                invitee.isMember ? .member : r.roles.contains(.kansli) ? .secretariat : .guest
            switch answer.kind {
            case .coming: return Attendance(name: r.name, municipality: r.municipality, role: role)
            case .partial:
                return Attendance(name: r.name, municipality: r.municipality, role: role, part: answer.part)
            case .substitute:
                return Attendance(
                    name: r.name, municipality: r.municipality, role: role, present: false,
                    substitute: answer.substitute)
            case .notComing:
                return Attendance(name: r.name, municipality: r.municipality, role: role, present: false)
            case .tentative: return nil
            }
        }
    }
}
