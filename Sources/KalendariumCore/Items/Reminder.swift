/// One thing one person should be told.
public struct Reminder: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// An item due in `daysLeft` days.
        case itemDue(Item, daysLeft: Int)
        case itemOverdue(Item, daysLate: Int)
        /// A meeting's notice with the body's open items.
        case agenda(Meeting, openItems: [Item])
        /// The daily digest: every open item of the person's bodies.
        case digest(openItems: [Item])
        /// The kallelse of a meeting with an agenda: its latest published version, and
        /// for an update the version the last notice carried and what changed since.
        case notice(Meeting, AgendaNotice, openItems: [Item])
        /// To the secretariat and the chair: the agenda is not published, `daysLeft`
        /// days before the meeting, so no notice can go out.
        case agendaMissing(Meeting, daysLeft: Int)
        /// To a member: the secretariat accepted or declined their proposed point.
        case proposalAnswer(Meeting, AgendaPoint)
        /// Approved minutes, to the body's members and the municipalities' registries,
        /// with the items its decisions created.
        case minutes(Meeting, Minutes, Minutes.Version, newItems: [Item])
        /// To a member who has not answered the kallelse, some working days before.
        case answerReminder(Meeting)
        /// To the chair and the secretariat: the answers so far do not make the quorum.
        case quorumWarning(Meeting, QuorumForecast)
    }

    /// Identifies the reminder across runs and machines: never sent twice under one key.
    public let key: String
    public let recipient: Recipient
    public let subject: Subject
}
