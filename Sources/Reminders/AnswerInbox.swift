public import Feeds
public import KalendariumCore
public import Mail
public import Store

/// One read of the answers maildir (`--mail-in maildir:PATH`): each calendar reply that
/// names a meeting and an invited person is recorded as their answer (via
/// `invitation`), and everything else is moved aside with the reason, never lost
/// (``MaildirInbox``). Run by the daemon on its reminder interval and by
/// `kalendarium remind --mail-in` before its pass, so a pass counts the answers that
/// came in.
public struct AnswerInbox: Sendable {
    public let inbox: MaildirInbox
    public let store: any AnswerStore
    public let settings: FeedSettings

    public init(inbox: MaildirInbox, store: any AnswerStore, settings: FeedSettings) {
        self.inbox = inbox
        self.store = store
        self.settings = settings
    }

    /// Reads what has come in; a store that fails leaves the message to the next read.
    public func read(
        data: CalendarData, recipients: [Recipient], now: UTCInstant
    ) async throws(InboxError)
        -> InboxReport
    {
        let (store, settings) = (self.store, self.settings)
        return try await inbox.process(now: now) { message in
            let parts = message.calendarParts
            guard !parts.isEmpty else {
                return .unmatched(reason: "no calendar reply in it (no text/calendar or application/ics part)")
            }
            let sender = message.from?.email.lowercased()
            var reasons: [String] = []
            for part in parts {
                let reply: CalendarReply
                do throws(NotAReply) { reply = try CalendarReply.parse(part.text, sender: sender) } catch {
                    reasons.append(error.reason)
                    continue
                }
                let matched = data.answerRecord(
                    for: Self.invitationReply(reply, settings: settings, sender: sender), recipients: recipients,
                    now: now)
                switch matched {
                case .success(let record):
                    try await store.recordAnswer(record)
                    return .recorded
                case .failure(let error):
                    reasons.append(error.message)
                }
            }
            return .unmatched(reason: reasons.joined(separator: "; "))
        }
    }

    /// The parsed reply as the core reads it.
    static func invitationReply(_ reply: CalendarReply, settings: FeedSettings, sender: String?) -> InvitationReply {
        let status: InvitationReply.Status =
            switch reply.status {
            case .accepted: .accepted
            case .declined: .declined
            case .tentative: .tentative
            case .delegated: .delegated
            case .needsAction: .needsAction
            }
        return InvitationReply(
            meeting: reply.meetingID(in: settings), uid: reply.uid, attendee: reply.attendee, status: status,
            delegatedTo: reply.delegatedTo.first, comment: reply.comment, stamp: reply.stamp, sender: sender)
    }

    /// The report as lines for the command line and the log: what was recorded, what was
    /// moved aside and why, what failed and stays for the next read.
    public static func lines(_ report: InboxReport) -> [String] {
        report.recorded.map { "answer recorded: \($0)" }
            + report.unmatched.map { "answer not matched, moved aside: \($0.file): \($0.reason)" }
            + report.failed.map { "answer not read, left for the next read: \($0.file): \($0.error)" }
            + report.problems.map { "answers maildir: \($0)" }
    }
}
