public import Feeds
public import KalendariumCore
public import Mail
import Presentation
public import Store

/// Turns an envelope of reminders into one e-mail: Swedish text and HTML, and for an
/// agenda notice the meeting as `text/calendar` with the UID and SEQUENCE it has in the
/// feeds, so a client that subscribes and opens the attachment shows one event.
public enum ReminderMailer {
    /// - Parameters:
    ///   - tokens: makes the recipient's links to a meeting's page and papers (for a
    ///     members-only body, and for the secretariat and the chair, whose page shows the
    ///     answers) and their answer links.
    ///   - agendas: the latest published agenda versions, so the attached event's text is the feeds'.
    ///   - calendarToken: the recipient's personal calendar token, for the footer's link.
    public static func message(
        _ envelope: ReminderPass.Envelope, data: CalendarData, revisions: EventRevisions, settings: MailSettings,
        now: UTCInstant, tokens: AgendaTokens? = nil, agendas: [String: AgendaVersion] = [:],
        calendarToken: String? = nil
    ) throws -> MailMessage {
        guard let to = MailAddress(name: envelope.recipient.name, email: envelope.recipient.email) else {
            throw MailError(.permanent, "\"\(envelope.recipient.email)\" in recipients.yaml is not an e-mail address")
        }
        let recipient = envelope.recipient
        let links = ReminderText.Links(
            page: { meeting in
                guard let tokens, case .body(let slug) = meeting.subject, let body = data.body(slug),
                    body.admits(recipient)
                else { return nil }
                let staff =
                    recipient.roles.contains(.kansli)
                    || data.chair(of: meeting).map { $0.name.lowercased() == recipient.name.lowercased() } ?? false
                guard body.agendaIsRestricted || staff else { return nil }
                return tokens.token(meeting: meeting.id, email: recipient.email)
            },
            answer: { meeting in tokens?.answerToken(meeting: meeting.id, email: recipient.email) },
            calendar: calendarToken.map { FeedSettings.personalFeedURL(pageURL: settings.feeds.pageBase, token: $0) })
        let text = ReminderText.body(
            envelope, data: data, pageURL: settings.feeds.pageURL, unsubscribe: settings.unsubscribe, links: links)
        var attachments: [MailAttachment] = []
        for reminder in envelope.reminders {
            let meeting: Meeting
            switch reminder.subject {
            case .agenda(let m, _), .notice(let m, _, _): meeting = m
            default: continue
            }
            let ics = try FeedRenderer.attachment(
                for: meeting, data: data, revisions: revisions, settings: settings.feeds, agendas: agendas)
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
