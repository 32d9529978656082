/// What a calendar app's answer to the kallelse's invitation says (an iTIP REPLY,
/// RFC 5546 §3.2.3), as plain values: the mail edge finds and parses it, the core
/// decides what it means (``CalendarData/answerRecord(for:recipients:now:)``).
public struct InvitationReply: Hashable, Sendable {
    /// The ATTENDEE's PARTSTAT (RFC 5545 §3.2.12).
    public enum Status: String, Hashable, Sendable {
        case accepted = "ACCEPTED"
        case declined = "DECLINED"
        case tentative = "TENTATIVE"
        case delegated = "DELEGATED"
        case needsAction = "NEEDS-ACTION"
    }

    /// The meeting the UID names, when the UID is one of ours (`ID@uid-domain`).
    public let meeting: String?
    public let uid: String
    /// The ATTENDEE's address, lowercased, without `mailto:`.
    public let attendee: String
    public let status: Status
    /// DELEGATED-TO's address (or CN), for a delegation: who comes instead.
    public let delegatedTo: String?
    public let comment: String?
    /// DTSTAMP: when the person answered in their calendar app.
    public let stamp: UTCInstant?
    /// The mail's From address, lowercased.
    public let sender: String?

    public init(
        meeting: String?, uid: String, attendee: String, status: Status, delegatedTo: String? = nil,
        comment: String? = nil, stamp: UTCInstant? = nil, sender: String? = nil
    ) {
        self.meeting = meeting
        self.uid = uid
        self.attendee = attendee.lowercased()
        self.status = status
        self.delegatedTo = delegatedTo
        self.comment = comment
        self.stamp = stamp
        self.sender = sender?.lowercased()
    }
}

extension CalendarData {
    /// The answer a calendar reply records, or why it cannot be matched (the mail is
    /// then moved aside for the secretariat, never dropped). The answer's time is the
    /// reply's DTSTAMP (never later than `now`), so a reply read late after downtime
    /// takes its place in the history before a later answer by link; it must be before
    /// the meeting starts, and the meeting not over when the reply is read.
    public func answerRecord(
        for reply: InvitationReply, recipients: [Recipient], now: UTCInstant
    ) -> Result<AnswerRecord, AgendaError> {
        guard let id = reply.meeting else {
            return .failure(AgendaError(.notFound, "the reply's UID \(reply.uid) is not one of Kalendarium's meetings"))
        }
        if let sender = reply.sender, sender != reply.attendee {
            return .failure(
                AgendaError(
                    .invalid, "the reply for \(reply.attendee) was sent by \(sender); only the person may answer"))
        }
        let at = min(reply.stamp ?? now, now)
        // DTSTAMP is the client's word: it places the answer, but a reply read after the
        // meeting is over is refused whatever it says.
        if let meeting = meetings.first(where: { $0.id == id }), AnswerWindow(meeting, at: now) == .closed {
            return .failure(AgendaError(.conflict, "\(id) is over or cancelled: it takes no answers"))
        }
        do throws(AgendaError) {
            _ = try answerable(id, by: reply.attendee, recipients: recipients, at: at)
            let answer: Answer
            switch reply.status {
            case .accepted: answer = try Answer(.coming, comment: reply.comment)
            case .declined: answer = try Answer(.notComing, comment: reply.comment)
            case .tentative: answer = try Answer(.tentative, comment: reply.comment)
            case .delegated:
                answer = try Answer(.substitute, substitute: reply.delegatedTo, comment: reply.comment)
            case .needsAction:
                throw AgendaError(.invalid, "the reply from \(reply.attendee) gives no answer (NEEDS-ACTION)")
            }
            return .success(AnswerRecord(meeting: id, email: reply.attendee, answer: answer, at: at, via: .invitation))
        } catch {
            return .failure(error)
        }
    }
}
