public import Feeds
import ICalendar
public import KalendariumCore
public import Mail

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
        let factory = FeedEventFactory(data: data, settings: settings.feeds)
        for reminder in envelope.reminders {
            guard case .agenda(let meeting, _) = reminder.subject else { continue }
            let event = FeedRenderer.component(
                factory.event(for: meeting), revisions: revisions, settings: settings.feeds)
            let calendar = ICalComponent(
                "VCALENDAR",
                properties: [
                    ICalProperty("VERSION", .text("2.0")), ICalProperty("PRODID", .text(FeedRenderer.productID)),
                    ICalProperty("METHOD", .token("PUBLISH")),
                ], components: [StockholmZone.component, event])
            let ics = try ICalendarWriter.serialize(calendar)
            attachments.append(
                MailAttachment(
                    filename: "\(meeting.id).ics",
                    contentType: "text/calendar; charset=utf-8; method=PUBLISH", data: Array(ics.utf8)))
        }
        return MailMessage(
            from: settings.from, to: to, subject: ReminderText.subject(envelope, data: data), date: now,
            messageID: "\(ContentHash.hex(envelope.key))@\(settings.feeds.uidDomain)", text: text, html: html(text),
            attachments: attachments,
            extraHeaders: [
                ("List-Unsubscribe", "<mailto:\(settings.unsubscribe)?subject=avregistrera>"),
                ("Auto-Submitted", "auto-generated"),
            ])
    }

    /// The text as simple HTML, every character escaped.
    static func html(_ text: String) -> String {
        let escaped = text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;")
        let paragraphs = escaped.components(separatedBy: "\n\n").map {
            "<p>" + $0.replacing("\n", with: "<br>\n") + "</p>"
        }
        return "<!doctype html><html lang=\"sv\"><body style=\"font-family: sans-serif\">\n"
            + paragraphs.joined(separator: "\n") + "\n</body></html>\n"
    }
}

extension String {
    func components(separatedBy separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
