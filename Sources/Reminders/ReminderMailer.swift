public import Feeds
public import KalendariumCore
public import Mail
import Presentation

/// Turns an envelope of reminders into one e-mail: Swedish text and HTML, and for an
/// agenda notice the meeting as `text/calendar` with the UID and SEQUENCE it has in the
/// feeds, so a client that subscribes and opens the attachment shows one event.
public enum ReminderMailer {
    public static func message(
        _ envelope: ReminderPass.Envelope, data: CalendarData, revisions: EventRevisions, settings: MailSettings,
        now: UTCInstant
    ) throws -> MailMessage {
        guard let to = MailAddress(name: envelope.recipient.name, email: envelope.recipient.email) else {
            throw MailError(.permanent, "\"\(envelope.recipient.email)\" in recipients.yaml is not an e-mail address")
        }
        let text = ReminderText.body(
            envelope, data: data, pageURL: settings.feeds.pageURL, unsubscribe: settings.unsubscribe)
        var attachments: [MailAttachment] = []
        for reminder in envelope.reminders {
            let meeting: Meeting
            switch reminder.subject {
            case .agenda(let m, _), .notice(let m, _, _): meeting = m
            default: continue
            }
            let ics = try FeedRenderer.attachment(
                for: meeting, data: data, revisions: revisions, settings: settings.feeds)
            attachments.append(
                MailAttachment(
                    filename: "\(meeting.id).ics",
                    contentType: "text/calendar; charset=utf-8; method=PUBLISH", data: Array(ics.utf8)))
        }
        return MailMessage(
            from: settings.from, to: to, subject: ReminderText.subject(envelope, data: data), date: now,
            messageID: "\(ContentHash.hex(envelope.key))@\(settings.feeds.uidDomain)", text: text,
            html: ReminderText.html(text),
            attachments: attachments,
            extraHeaders: [
                ("List-Unsubscribe", "<mailto:\(settings.unsubscribe)?subject=\(ReminderText.unsubscribeSubject)>"),
                ("Auto-Submitted", "auto-generated"),
            ])
    }
}
