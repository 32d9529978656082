public import Feeds
public import KalendariumCore
public import Mail
import Presentation
public import Store

/// Turns an envelope of reminders into one e-mail: Swedish text and HTML, and for an
/// agenda notice an iTIP invitation to the recipient (`FeedRenderer.invitation`) with
/// the UID and SEQUENCE the meeting has in the feeds, so that the calendar app can
/// answer it and a client that also subscribes updates one event.
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
        var invitations: [(meeting: Meeting, invitation: Invitation)] = []
        for reminder in envelope.reminders {
            let meeting: Meeting
            switch reminder.subject {
            case .agenda(let m, _), .notice(let m, _, _): meeting = m
            default: continue
            }
            let invitation = try FeedRenderer.invitation(
                for: meeting, attendee: recipient.name, email: to.email, data: data, revisions: revisions,
                settings: settings.feeds, agendas: agendas)
            invitations.append((meeting, invitation))
        }
        let (calendar, attachments) = layout(invitations)
        return MailMessage(
            from: settings.from, to: to, subject: ReminderText.subject(envelope, data: data), date: now,
            messageID: "\(ContentHash.hex(envelope.key))@\(settings.feeds.uidDomain)", text: text,
            html: ReminderText.html(text),
            attachments: attachments, calendar: calendar,
            extraHeaders: [
                ("List-Unsubscribe", "<mailto:\(settings.unsubscribe)?subject=\(ReminderText.unsubscribeSubject)>"),
                ("Auto-Submitted", "auto-generated"),
            ])
    }

    /// Where the invitations go in the mail. One (the usual kallelse) goes as Gmail sends
    /// its own: `text/calendar; method=REQUEST` as the body's last alternative, where
    /// Outlook shows Accept and Decline, and the same bytes attached as `application/ics`
    /// for clients that only offer attachments (the iPhone's Mail). Attached under another
    /// type, the copy is a file, not a second invitation to process. Several (two bodies
    /// meeting on one day) cannot share one alternative, so each is attached as
    /// `text/calendar` with its method, the form RFC 6047 describes for any iMIP part.
    static func layout(
        _ invitations: [(meeting: Meeting, invitation: Invitation)]
    ) -> (CalendarAlternative?, [MailAttachment]) {
        if invitations.count == 1, let only = invitations.first {
            let data = Array(only.invitation.text.utf8)
            return (
                CalendarAlternative(method: only.invitation.method.rawValue, data: data),
                [MailAttachment(filename: "\(only.meeting.id).ics", contentType: "application/ics", data: data)]
            )
        }
        return (
            nil,
            invitations.map {
                MailAttachment(
                    filename: "\($0.meeting.id).ics", contentType: $0.invitation.contentType,
                    data: Array($0.invitation.text.utf8))
            }
        )
    }
}
