import CalendarFiles
import Foundation
import ICalendar
import KalendariumCore
import Presentation
import Testing

@testable import Feeds

/// What each big client needs beyond RFC 5545 (README, "export"): the cancellation in
/// the text for Outlook, old cancellations out of the feeds for Apple, ORGANIZER for
/// RFC 5546, RFC 7986's calendar and event properties, and the conference year's hosts.
@Suite struct ClientQuirksTests {
    static let settings = FeedSettings(pageURL: "https://kalendarium.example.org/")
    static let uid = "samarbetskommitten-2020-12-10"

    static func instant(_ text: String) -> UTCInstant { UTCInstant(rfc3339: text)! }

    static func build(
        _ data: CalendarData, _ revisions: EventRevisions = EventRevisions(), at now: String,
        settings: FeedSettings = Self.settings
    ) throws -> FeedSet {
        try FeedSet.build(data: data, settings: settings, revisions: revisions, now: instant(now))
    }

    /// The shipped data with the committee's meeting of 10 December 2020 given `status`.
    static func with(_ status: Meeting.Status, _ cancellation: Cancellation? = nil) -> CalendarData {
        var data = Shipped.data
        let i = data.meetings.firstIndex { $0.id == uid }!
        let m = data.meetings[i]
        data.meetings[i] = Meeting(
            id: m.id, subject: m.subject, kind: m.kind, schedule: m.schedule, place: m.place, status: status,
            note: m.note, guests: m.guests, chair: m.chair, cancellation: cancellation, location: m.location)
        return data
    }

    static func text(_ component: ICalComponent?, _ name: String) -> String? {
        switch component?.property(name)?.value {
        case .text(let t), .uri(let t), .calendarAddress(let t), .duration(let t): t
        default: nil
        }
    }

    static func lines(_ component: ICalComponent?, _ name: String) -> [String] {
        text(component, name)?.split(separator: "\n").map(String.init) ?? []
    }

    // MARK: Outlook: the cancellation in the text

    @Test func cancelledDescriptionSaysWhenAndWhyFirst() throws {
        let data = Self.with(
            .cancelled, Cancellation(decided: LocalDate(iso: "2020-11-20")!, reason: "budgeten behandlas i januari"))
        let set = try Self.build(data, at: "2020-11-24T08:00:00Z")
        let e = try event(try feed(set, "samarbetskommitten.ics"), uid: Self.uid)
        #expect(Self.text(e, "SUMMARY") == "INSTÄLLT: Samarbetskommittén")
        #expect(e?.property("STATUS")?.value == .token("CANCELLED"))
        let lines = Self.lines(e, "DESCRIPTION")
        #expect(lines.first == "Mötet är inställt (beslutat 20 november 2020): budgeten behandlas i januari.")
        #expect(lines.dropFirst().first == "Samarbetskommittén – ordinarie möte")
        #expect(!lines.contains("Status: inställt"))
        #expect(lines.last == "Kalendarium: https://kalendarium.example.org/")
    }

    @Test func cancelledDescriptionSaysOnlyWhatIsKnown() throws {
        let dateOnly = Self.with(.cancelled, Cancellation(decided: LocalDate(iso: "2020-11-20")!))
        let reasonOnly = Self.with(.cancelled, Cancellation(reason: "Ordföranden är sjuk!"))
        let nothing = Self.with(.cancelled)
        func first(_ data: CalendarData) throws -> String? {
            let set = try Self.build(data, at: "2020-11-24T08:00:00Z")
            return Self.lines(try event(try feed(set, "all.ics"), uid: Self.uid), "DESCRIPTION").first
        }
        #expect(try first(dateOnly) == "Mötet är inställt (beslutat 20 november 2020).")
        #expect(try first(reasonOnly) == "Mötet är inställt: Ordföranden är sjuk!")
        #expect(try first(nothing) == "Mötet är inställt.")
        let conference = Meeting(
            subject: .conference("radslag"), schedule: .undated(year: 2030, season: .spring), status: .cancelled)
        #expect(Swedish.cancellation(conference) == "Konferensen är inställd.")
    }

    // MARK: Apple: old cancellations leave, their SEQUENCE stays

    @Test func cancelledMeetingsLeaveAfterTheCutOffAndKeepTheirSequence() throws {
        let planned = try Self.build(Shipped.data, at: "2020-11-23T08:00:00Z")
        let cancelled = Self.with(.cancelled)
        let seen = try Self.build(cancelled, planned.revisions, at: "2020-11-24T08:00:00Z")
        #expect(try event(try feed(seen, "all.ics"), uid: Self.uid)?.property("SEQUENCE")?.value == .integer(1))
        // 10 December + 30 days: still there on 9 January, gone on 10 January (Stockholm).
        let lastDay = try Self.build(cancelled, seen.revisions, at: "2021-01-09T22:59:00Z")
        #expect(try event(try feed(lastDay, "samarbetskommitten.ics"), uid: Self.uid) != nil)
        let gone = try Self.build(cancelled, lastDay.revisions, at: "2021-01-09T23:00:00Z")
        for rendered in gone.feeds {
            #expect(try event(rendered.text, uid: Self.uid) == nil, "\(rendered.name)")
        }
        #expect(gone.revisions.revision(of: Self.uid)?.sequence == 1)
        // Planned again on the same day: the same UID, a SEQUENCE above the cancellation's.
        let again = try Self.build(Self.with(.planned), gone.revisions, at: "2021-01-11T08:00:00Z")
        let back = try #require(try event(try feed(again, "samarbetskommitten.ics"), uid: Self.uid))
        #expect(back.property("SEQUENCE")?.value == .integer(2))
        #expect(back.property("STATUS")?.value == .token("CONFIRMED"))
        #expect(
            back.property("LAST-MODIFIED")?.value
                == .utcDateTime(year: 2021, month: 1, day: 11, hour: 8, minute: 0, second: 0))
    }

    @Test func theCutOffIsASetting() throws {
        let now = "2020-12-11T08:00:00Z"  // the day after the cancelled meeting
        let kept = try Self.build(Self.with(.cancelled), at: now)
        #expect(try event(try feed(kept, "all.ics"), uid: Self.uid) != nil)
        var sameDay = Self.settings
        sameDay.keepCancelledDays = 0
        let dropped = try Self.build(Self.with(.cancelled), at: now, settings: sameDay)
        #expect(try event(try feed(dropped, "all.ics"), uid: Self.uid) == nil)
        // Planned meetings stay whatever their age.
        #expect(try event(try feed(dropped, "all.ics"), uid: "samarbetskommitten-2019-02-07") != nil)
    }

    // MARK: RFC 5546: ORGANIZER with METHOD:PUBLISH

    @Test func everyEventHasTheSecretariatAsOrganizer() throws {
        var settings = Self.settings
        settings.organizer = "mailto:kansliet@sodertorn.example"
        settings.organizerName = "Södertörnskommunernas kansli"
        let set = try Self.build(Shipped.data, at: "2026-11-23T08:00:00Z", settings: settings)
        for rendered in set.feeds {
            let calendar = try ICalendarReader.parse(rendered.text).calendar
            #expect(calendar.property("METHOD")?.value == .token("PUBLISH"))
            for e in calendar.children("VEVENT") {
                let organizer = e.property("ORGANIZER")
                #expect(organizer?.value == .calendarAddress("mailto:kansliet@sodertorn.example"), "\(rendered.name)")
                #expect(organizer?.parameter("CN") == "Södertörnskommunernas kansli")
            }
        }
        let defaults = try Self.build(Shipped.data, at: "2026-11-23T08:00:00Z")
        let unfolded = try feed(defaults, "all.ics").replacing("\r\n ", with: "")
        let line = unfolded.split(separator: "\r\n").first { $0.hasPrefix("ORGANIZER") }
        #expect(line == "ORGANIZER;CN=Södertörnskommunernas sekretariat:mailto:sekretariat@example.org")
    }

    @Test func theInvitationHasTheFeedsOrganizerURLAndSequence() throws {
        let set = try Self.build(Shipped.data, at: "2026-11-23T08:00:00Z")
        let meeting = try #require(Shipped.data.meetings.first { $0.id == "samarbetskommitten-2021-09-02" })
        let invitation = try FeedRenderer.invitation(
            for: meeting, attendee: "Eva Nilsson", email: "eva@haninge.example", data: Shipped.data,
            revisions: set.revisions, settings: Self.settings)
        let attached = try #require(try ICalendarReader.parse(invitation.text).calendar.children("VEVENT").first)
        let inFeed = try event(try feed(set, "all.ics"), uid: meeting.id)
        for name in ["UID", "DTSTAMP", "ORGANIZER", "URL", "COLOR", "SEQUENCE", "DESCRIPTION"] {
            #expect(attached.property(name) == inFeed?.property(name), "\(name)")
        }
        #expect(attached.property("ORGANIZER")?.parameter("CN") == "Södertörnskommunernas sekretariat")
        #expect(try ICalendarReader.parse(invitation.text).calendar.property("METHOD")?.value == .token("REQUEST"))
    }

    // MARK: RFC 7986

    @Test func calendarsCarryTheRFC7986Properties() throws {
        let set = try Self.build(Shipped.data, at: "2026-11-23T08:00:00Z")
        let all = try ICalendarReader.parse(try feed(set, "all.ics")).calendar
        #expect(all.property("NAME")?.value == .text("Södertörnskommunerna – Alla möten och konferenser"))
        #expect(all.property("DESCRIPTION")?.value == .text(Swedish.allDescription))
        #expect(all.property("URL")?.value == .uri("https://kalendarium.example.org/"))
        #expect(all.property("SOURCE")?.value == .uri("https://kalendarium.example.org/calendars/all.ics"))
        #expect(all.property("REFRESH-INTERVAL")?.value == .duration("PT1H"))
        #expect(all.property("REFRESH-INTERVAL")?.parameter("VALUE") == "DURATION")
        #expect(all.property("COLOR") == nil)  // every subject together: no one colour
        let salem = try ICalendarReader.parse(try feed(set, "municipality/salem.ics")).calendar
        #expect(
            salem.property("SOURCE")?.value == .uri("https://kalendarium.example.org/calendars/municipality/salem.ics"))
        #expect(salem.property("NAME")?.value == .text("Södertörnskommunerna – Salem"))
        // libical writes them as the RFC 7986 properties they are, not as X- properties
        // (SOURCE with an explicit VALUE=URI, which RFC 7986 allows as its only type).
        let text = try feed(set, "all.ics")
        for line in [
            "NAME:Södertörnskommunerna – Alla möten och konferenser", "URL:https://kalendarium.example.org/",
            "SOURCE;VALUE=URI:https://kalendarium.example.org/calendars/all.ics",
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        ] {
            #expect(text.contains("\r\n\(line)\r\n"), "\(line)")
        }
    }

    @Test func eventsAndBodyFeedsHaveTheirColour() throws {
        let set = try Self.build(Shipped.data, at: "2026-11-23T08:00:00Z")
        let all = try feed(set, "all.ics")
        #expect(try event(all, uid: "ledningsgruppen-2021-05-07")?.property("COLOR")?.value == .text("teal"))
        #expect(
            try event(all, uid: "samarbetskommitten-2021-09-02")?.property("COLOR")?.value == .text("darkslateblue"))
        #expect(try event(all, uid: "radslag-2019-04-10")?.property("COLOR")?.value == .text("darkorange"))
        let lg = try ICalendarReader.parse(try feed(set, "ledningsgruppen.ics")).calendar
        #expect(lg.property("COLOR")?.value == .text("teal"))
        let konferensen = try ICalendarReader.parse(try feed(set, "sodertornskonferensen.ics")).calendar
        #expect(konferensen.property("COLOR")?.value == .text("seagreen"))
        // A host duty has its conference's colour.
        let hosts = try feed(set, "hosts.ics")
        #expect(try event(hosts, uid: "hosts-radslag-2027")?.property("COLOR")?.value == .text("darkorange"))
        #expect(all.contains("\r\nCOLOR:teal\r\n"))
    }

    @Test func eventURLsOpenTheirRowOnThePage() throws {
        let set = try Self.build(Shipped.data, at: "2026-11-23T08:00:00Z")
        let all = try feed(set, "all.ics")
        #expect(
            try event(all, uid: "ledningsgruppen-2021-05-07")?.property("URL")?.value
                == .uri("https://kalendarium.example.org/#ledningsgruppen-2021-05-07"))
        #expect(
            try event(all, uid: "sodertornskonferensen-2021")?.property("URL")?.value
                == .uri("https://kalendarium.example.org/#sodertornskonferensen-2021"))
        #expect(
            try event(try feed(set, "hosts.ics"), uid: "hosts-radslag-2027")?.property("URL")?.value
                == .uri("https://kalendarium.example.org/#vardkommuner"))
        // Every meeting's anchor is its id, the `id` of its row on the page.
        let html = PageView(data: Shipped.data, feeds: [], warnings: [], problems: [], builtAt: nil)
            .render(now: Self.instant("2026-11-23T08:00:00Z"))
        for m in Shipped.data.meetings {
            #expect(html.components(separatedBy: "<tr id=\"\(m.id)\">").count == 2, "\(m.id)")
        }
    }

    // MARK: The conference year a moved conference belongs to

    @Test func theMovedConferenceNamesTheHostsOfItsConferenceYear() throws {
        let set = try Self.build(Shipped.data, at: "2026-11-23T08:00:00Z")
        let e = try #require(try event(try feed(set, "all.ics"), uid: "sodertornskonferensen-2021"))
        let hostLine = Self.lines(e, "DESCRIPTION").first { $0.hasPrefix("Värdkommuner:") }
        #expect(hostLine?.hasPrefix("Värdkommuner: Botkyrka och Salem.") == true)
        // And it is in Botkyrka's and Salem's feeds, as their 2020 duty.
        for slug in ["botkyrka", "salem"] {
            #expect(try event(try feed(set, "municipality/\(slug).ics"), uid: "sodertornskonferensen-2021") != nil)
        }
    }
}
