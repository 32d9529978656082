import CalendarFiles
import Feeds
import Foundation
import Mail
import Testing

@testable import KalendariumCore
@testable import Reminders

/// The kallelse as mail: the invitation where Outlook and Gmail look for it, read back
/// the way the answers inbox reads mail, and a client's REPLY to it matched to the meeting.
@Suite struct KallelseMailTests {
    static let data = CalendarDirectory.load(
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("calendars").path
    ).data
    static let now = UTCInstant(rfc3339: "2021-08-20T07:00:00Z")!
    static let settings = MailSettings(
        from: MailAddress(name: "Kansliet", email: "kansli@example.org")!, unsubscribe: "kansli@example.org",
        feeds: FeedSettings(pageURL: "https://kalender.example.org/", uidDomain: "kalender.example.org"))
    static let recipient = Recipient(name: "Eva Nilsson", email: "Eva.Nilsson@haninge.example")

    static func meeting(_ id: String) throws -> Meeting { try #require(data.meetings.first { $0.id == id }) }

    static func mail(_ ids: [String]) throws -> (MailMessage, InboundMessage) {
        let reminders = try ids.map { id in
            Reminder(
                key: "meeting:\(id):agenda", recipient: recipient, subject: .agenda(try meeting(id), openItems: []))
        }
        let envelope = ReminderPass.Envelope(recipient: recipient, reminders: reminders)
        let set = try FeedSet.build(data: data, settings: settings.feeds, revisions: EventRevisions(), now: now)
        let message = try ReminderMailer.message(
            envelope, data: data, revisions: set.revisions, settings: settings, now: now)
        return (message, try InboundMessage(parsing: Array(MIME.render(message).utf8)))
    }

    @Test func oneKallelseCarriesTheInvitationAsTheLastAlternativeAndAsAFile() throws {
        let (message, read) = try Self.mail(["samarbetskommitten-2021-09-02"])
        let calendar = try #require(message.calendar)
        #expect(calendar.contentType == "text/calendar; charset=utf-8; method=REQUEST")
        #expect(message.attachments.map(\.contentType) == ["application/ics"])
        #expect(message.attachments.first?.filename == "samarbetskommitten-2021-09-02.ics")
        #expect(message.attachments.first?.data == calendar.data)
        let rendered = MIME.render(message, boundarySeed: "s")
        #expect(rendered.contains("Content-Type: multipart/mixed; boundary=\"mix-s\"\r\n"))
        #expect(
            rendered.contains(
                "--alt-s\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n"))
        #expect(read.parts.map(\.contentType) == ["text/plain", "text/html", "text/calendar", "application/ics"])
        #expect(read.calendarParts.map(\.method) == ["REQUEST", nil])
        let text = read.calendarParts[0].text
        #expect(text.contains("METHOD:REQUEST\r\n"))
        #expect(text.contains("UID:samarbetskommitten-2021-09-02@kalender.example.org\r\n"))
        #expect(
            text.replacing("\r\n ", with: "").contains(
                "ATTENDEE;CN=Eva Nilsson;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:Eva.Nilsson@haninge.example"
            ))
        // The invitation is not taken for an answer if it comes back (a forward, a bounce).
        #expect(throws: NotAReply("METHOD:REQUEST is an invitation, not a reply (METHOD:REPLY)")) {
            try CalendarReply.parse(text)
        }
    }

    /// Two kallelser in one mail cannot share one alternative: each is attached as an invitation.
    @Test func twoKallelserAreTwoAttachedInvitations() throws {
        let (message, read) = try Self.mail(["ledningsgruppen-2021-09-08", "samarbetskommitten-2021-09-02"])
        #expect(message.calendar == nil)
        #expect(
            message.attachments.map(\.contentType)
                == Array(repeating: "text/calendar; charset=utf-8; method=REQUEST", count: 2))
        #expect(read.calendarParts.count == 2)
        #expect(read.calendarParts.allSatisfy { $0.method == "REQUEST" && $0.disposition == "attachment" })
    }

    /// What Accept in a calendar app sends back, read by the inbox and matched to the meeting.
    @Test func anAcceptedInvitationComesBackAsTheMeetingsReply() throws {
        let (_, read) = try Self.mail(["samarbetskommitten-2021-09-02"])
        let reply = read.calendarParts[0].text.replacing("METHOD:REQUEST", with: "METHOD:REPLY")
            .replacing("PARTSTAT=NEEDS-ACTION", with: "PARTSTAT=ACCEPTED")
        let answer = try CalendarReply.parse(reply)
        #expect(answer.meetingID(in: Self.settings.feeds) == "samarbetskommitten-2021-09-02")
        #expect(answer.attendee == "eva.nilsson@haninge.example")
        #expect(answer.status == .accepted)
        #expect(answer.organizer == "sekretariat@example.org")
    }
}
