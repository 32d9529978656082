import ICalendar
import KalendariumCore
import Testing

@testable import Feeds

/// The kallelse as an iTIP invitation (RFC 5546): one ATTENDEE who is asked to answer,
/// the feeds' UID and SEQUENCE, and CANCEL for a cancelled meeting. The feeds stay PUBLISH.
@Suite struct InvitationTests {
    static let settings = FeedSettings(
        pageURL: "https://kalendarium.example.org/", organizer: "mailto:kansliet@sodertorn.example",
        organizerName: "Södertörnskommunernas kansli")
    static let meetingID = "samarbetskommitten-2020-12-10"

    static func invitation(
        _ data: CalendarData = Shipped.data, name: String = "Eva Nilsson"
    ) throws -> (
        Invitation, ICalComponent, FeedSet
    ) {
        let set = try FeedSet.build(
            data: data, settings: settings, revisions: EventRevisions(),
            now: UTCInstant(rfc3339: "2020-11-23T08:00:00Z")!)
        let meeting = try #require(data.meetings.first { $0.id == meetingID })
        let invitation = try FeedRenderer.invitation(
            for: meeting, attendee: name, email: "Eva.Nilsson@haninge.example", data: data, revisions: set.revisions,
            settings: settings)
        return (invitation, try ICalendarReader.parse(invitation.text).calendar, set)
    }

    @Test func theRecipientIsTheOneAttendeeAskedToAnswer() throws {
        let (invitation, calendar, _) = try Self.invitation()
        #expect(invitation.method == .request)
        #expect(invitation.contentType == "text/calendar; charset=utf-8; method=REQUEST")
        #expect(calendar.property("METHOD")?.value == .token("REQUEST"))
        let event = try #require(calendar.children("VEVENT").first)
        let attendees = event.properties.filter { $0.name == "ATTENDEE" }
        #expect(attendees.count == 1)
        let attendee = try #require(attendees.first)
        #expect(attendee.value == .calendarAddress("mailto:Eva.Nilsson@haninge.example"))
        #expect(attendee.parameter("CN") == "Eva Nilsson")
        #expect(attendee.parameter("ROLE") == "REQ-PARTICIPANT")
        #expect(attendee.parameter("PARTSTAT") == "NEEDS-ACTION")
        #expect(attendee.parameter("RSVP") == "TRUE")
        #expect(event.property("ORGANIZER")?.value == .calendarAddress("mailto:kansliet@sodertorn.example"))
        #expect(event.property("ORGANIZER")?.parameter("CN") == "Södertörnskommunernas kansli")
        // As Outlook writes it: ATTENDEE right after ORGANIZER.
        let names = event.properties.map(\.name)
        #expect(names.firstIndex(of: "ATTENDEE") == names.firstIndex(of: "ORGANIZER").map { $0 + 1 })
        #expect(!invitation.text.contains("X-LIC-ERROR"))
        #expect(try ICalendarReader.parse(invitation.text).errors.isEmpty)
    }

    @Test func uidSequenceAndStampAreTheFeeds() throws {
        let (_, calendar, set) = try Self.invitation()
        let invited = try #require(calendar.children("VEVENT").first)
        let text = try #require(set.text(of: "all.ics"))
        let inFeed = try #require(
            try ICalendarReader.parse(text).calendar.children("VEVENT").first {
                $0.property("UID")?.value == .text("\(Self.meetingID)@kalendarium.sodertornskommunerna.se")
            })
        for name in ["UID", "SEQUENCE", "DTSTAMP", "LAST-MODIFIED", "DTSTART", "DTEND", "SUMMARY", "STATUS"] {
            #expect(invited.property(name) == inFeed.property(name), "\(name)")
        }
        // The feeds themselves stay a published calendar, without attendees.
        #expect(try ICalendarReader.parse(text).calendar.property("METHOD")?.value == .token("PUBLISH"))
        #expect(inFeed.property("ATTENDEE") == nil)
    }

    @Test func aCancelledMeetingIsACancelWithTheRaisedSequence() throws {
        let (planned, _, _) = try Self.invitation()
        let plannedSequence = try ICalendarReader.parse(planned.text).calendar.children("VEVENT").first?
            .property("SEQUENCE")
        let data = ClientQuirksTests.with(.cancelled)
        let now = UTCInstant(rfc3339: "2020-11-23T08:00:00Z")!
        let before = try FeedSet.build(
            data: Shipped.data, settings: Self.settings, revisions: EventRevisions(), now: now)
        let after = try FeedSet.build(
            data: data, settings: Self.settings, revisions: before.revisions, now: now.adding(seconds: 60))
        let meeting = try #require(data.meetings.first { $0.id == Self.meetingID })
        let cancel = try FeedRenderer.invitation(
            for: meeting, attendee: "Eva Nilsson", email: "eva@haninge.example", data: data, revisions: after.revisions,
            settings: Self.settings)
        #expect(cancel.method == .cancel)
        #expect(cancel.contentType == "text/calendar; charset=utf-8; method=CANCEL")
        let calendar = try ICalendarReader.parse(cancel.text).calendar
        #expect(calendar.property("METHOD")?.value == .token("CANCEL"))
        let event = try #require(calendar.children("VEVENT").first)
        #expect(event.property("STATUS")?.value == .token("CANCELLED"))
        #expect(event.property("SEQUENCE")?.value == .integer(1))
        #expect(plannedSequence?.value == .integer(0))
        // CANCEL asks no answer: no PARTSTAT, no RSVP.
        let attendee = try #require(event.property("ATTENDEE"))
        #expect(attendee.parameter("RSVP") == nil && attendee.parameter("PARTSTAT") == nil)
        #expect(attendee.value == .calendarAddress("mailto:eva@haninge.example"))
    }

    /// A name with quotes or a line break (recipients.yaml is typed by people) cannot
    /// close the CN parameter or start a property of its own.
    @Test func hostileNamesStayInsideTheParameter() throws {
        let (invitation, calendar, _) = try Self.invitation(name: "Eva \"Evil\"\r\nATTENDEE:mailto:x@evil.example; Ö")
        let event = try #require(calendar.children("VEVENT").first)
        #expect(event.properties.filter { $0.name == "ATTENDEE" }.count == 1)
        #expect(event.property("ATTENDEE")?.parameter("CN") == "Eva  Evil  ATTENDEE:mailto:x@evil.example; Ö")
        #expect(try ICalendarReader.parse(invitation.text).errors.isEmpty)
    }

    @Test func uidsGoBackToMeetingIDs() {
        let settings = FeedSettings(uidDomain: "kalender.example.org")
        #expect(settings.uid("ledningsgruppen-2021-11-19") == "ledningsgruppen-2021-11-19@kalender.example.org")
        #expect(
            settings.eventID(fromUID: "ledningsgruppen-2021-11-19@kalender.example.org") == "ledningsgruppen-2021-11-19"
        )
        #expect(
            settings.eventID(fromUID: "ledningsgruppen-2021-11-19@KALENDER.Example.org") == "ledningsgruppen-2021-11-19"
        )
        #expect(settings.eventID(fromUID: "ledningsgruppen-2021-11-19@other.example.org") == nil)
        #expect(settings.eventID(fromUID: "@kalender.example.org") == nil)
        #expect(settings.eventID(fromUID: "040000008200E00074C5B7101A82E008") == nil)
    }
}
