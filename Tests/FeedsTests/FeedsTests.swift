import CalendarFiles
import Foundation
import ICalendar
import KalendariumCore
import Testing

@testable import Feeds

/// The shipped calendars, loaded once.
enum Shipped {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("calendars").path
    static let data = CalendarDirectory.load(directory).data
    static let now = UTCInstant(rfc3339: "2026-11-23T08:00:00Z")!
    static let later = UTCInstant(rfc3339: "2026-11-24T08:00:00Z")!
}

func build(
    _ data: CalendarData, _ revisions: EventRevisions = EventRevisions(), at now: UTCInstant = Shipped.now
) throws -> FeedSet {
    try FeedSet.build(data: data, settings: FeedSettings(), revisions: revisions, now: now)
}

struct MissingFeed: Error { let name: String }

func feed(_ set: FeedSet, _ name: String) throws -> String {
    guard let text = set.text(of: name) else { throw MissingFeed(name: name) }
    return text
}

func events(_ text: String) throws -> [ICalComponent] {
    try ICalendarReader.parse(text).calendar.children("VEVENT")
}

func event(_ text: String, uid: String) throws -> ICalComponent? {
    try events(text).first { $0.property("UID")?.value == .text("\(uid)@kalendarium.sodertornskommunerna.se") }
}

@Suite struct FeedCatalogTests {
    @Test func everyFeedTheProductNames() throws {
        let names = try build(Shipped.data).feeds.map(\.name)
        #expect(
            names == [
                "all.ics", "ledningsgruppen.ics", "samarbetskommitten.ics", "radslag.ics", "sodertornskonferensen.ics",
                "nyckeltalsdagen.ics", "municipality/botkyrka.ics", "municipality/haninge.ics",
                "municipality/huddinge.ics",
                "municipality/nykvarn.ics", "municipality/nynashamn.ics", "municipality/salem.ics",
                "municipality/sodertalje.ics", "municipality/tyreso.ics", "hosts.ics",
            ])
    }

    @Test func feedsParseWithoutErrorsAndCarryTheCalendarProperties() throws {
        for feed in try build(Shipped.data).feeds {
            let (name, text) = (feed.name, feed.text)
            let parsed = try ICalendarReader.parse(text)
            #expect(parsed.errors.isEmpty, "\(name)")
            let cal = parsed.calendar
            for key in [
                "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-CALDESC", "X-WR-TIMEZONE",
                "REFRESH-INTERVAL", "X-PUBLISHED-TTL",
            ] {
                #expect(cal.property(key) != nil, "\(name) lacks \(key)")
            }
            #expect(cal.property("METHOD")?.value == .token("PUBLISH"))
            #expect(cal.children("VTIMEZONE").count == 1)
            // libical leaves commas and semicolons unescaped in X- values; our texts have none.
            for key in ["X-WR-CALNAME", "X-WR-CALDESC"] {
                guard case .text(let t) = cal.property(key)?.value else { Issue.record("\(key) not text"); continue }
                #expect(!t.contains(",") && !t.contains(";"), "\(name) \(key)")
            }
            // No address from recipients.yaml reaches a feed: the one address is the
            // secretariat's functional ORGANIZER.
            let rest = text.split(separator: "\r\n").filter { !$0.hasPrefix("ORGANIZER;") }.joined()
            #expect(!rest.contains("@example.org") && !rest.lowercased().contains("mailto:"))
        }
    }

    @Test func municipalityFeedHoldsItsMeetingsAndHostDuties() throws {
        let salem = try feed(try build(Shipped.data), "municipality/salem.ics")
        let summaries = try events(salem).compactMap { e -> String? in
            if case .text(let s) = e.property("SUMMARY")?.value { return s } else { return nil }
        }
        #expect(summaries.contains("Samarbetskommittén"))  // 2021-09-02 in Salem
        #expect(summaries.contains("Södertörns Rådslag 2019"))  // held in Salem
        #expect(summaries.contains("Salem är värd för Södertörns Rådslag 2027 (datum ej fastställt, våren 2027)"))
        #expect(summaries.contains("Salem är värd för Södertörnskonferensen 2028 (datum ej fastställt, hösten 2028)"))
    }

    @Test func hostsFeedSaysWhoAndWhy() throws {
        let hosts = try feed(try build(Shipped.data), "hosts.ics")
        let e2030 = try #require(try event(hosts, uid: "hosts-radslag-2030"))
        #expect(
            e2030.property("SUMMARY")?.value
                == .text("Södertörns Rådslag 2030 – värd: Tyresö (datum ej fastställt, våren 2030)"))
        #expect(e2030.property("STATUS")?.value == .token("TENTATIVE"))
        guard case .text(let description) = e2030.property("DESCRIPTION")?.value else {
            Issue.record("no description"); return
        }
        #expect(description.hasPrefix("Värdkommun: Tyresö. Enligt turordningen: plats 4 av 8 i cykeln från 2019–2026."))
        let e2019 = try #require(try event(hosts, uid: "hosts-sodertornskonferensen-2019"))
        #expect(e2019.property("SUMMARY")?.value == .text("Södertörnskonferensen 2019 – värd: Nynäshamn och Haninge"))
        #expect(e2019.property("DTSTART")?.value == .date(year: 2019, month: 9, day: 25))
        // From the first known year to ten years ahead.
        #expect(try event(hosts, uid: "hosts-radslag-2036") != nil)
        #expect(try event(hosts, uid: "hosts-radslag-2037") == nil)
    }
}

@Suite struct FeedEventTests {
    @Test func timedMeetingsUseTheStockholmZoneAndTwoDayMeetingsSpanBothDays() throws {
        let all = try feed(try build(Shipped.data), "all.ics")
        let lg = try #require(try event(all, uid: "ledningsgruppen-2019-01-25"))
        #expect(lg.property("DTSTART")?.parameter("TZID") == "Europe/Stockholm")
        #expect(
            lg.property("DTSTART")?.value
                == .localDateTime(year: 2019, month: 1, day: 25, hour: 8, minute: 30, second: 0))
        let planning = try #require(try event(all, uid: "samarbetskommitten-2019-01-17"))
        #expect(
            planning.property("DTSTART")?.value
                == .localDateTime(year: 2019, month: 1, day: 17, hour: 12, minute: 0, second: 0))
        #expect(
            planning.property("DTEND")?.value
                == .localDateTime(year: 2019, month: 1, day: 18, hour: 13, minute: 0, second: 0))
        let radslag = try #require(try event(all, uid: "radslag-2019-04-10"))
        #expect(radslag.property("DTSTART")?.value == .date(year: 2019, month: 4, day: 10))
        #expect(radslag.property("DTEND")?.value == .date(year: 2019, month: 4, day: 11))
    }

    @Test func localTimesAreRightOnBothSidesOfEveryDSTChange() throws {
        // Meetings at 08:30 on the Fridays around each change, 2019–2037.
        var meetings: [Meeting] = []
        for year in 2019...2037 {
            for sunday in [StockholmTime.lastSunday(of: 3, year), StockholmTime.lastSunday(of: 10, year)] {
                for day in [sunday.adding(days: -2), sunday.adding(days: 5)] {
                    meetings.append(
                        Meeting(
                            subject: .body("ledningsgruppen"),
                            schedule: .timed(
                                startDate: day, start: LocalTime(hour: 8, minute: 30)!, endDate: day,
                                end: LocalTime(hour: 11, minute: 0)!)))
                }
            }
        }
        var data = Shipped.data
        data.meetings = meetings
        let text = try feed(try build(data), "ledningsgruppen.ics")
        // With our VTIMEZONE, and with libical's own Europe/Stockholm (the VTIMEZONE removed).
        let ours = try ICalendarReader.events(text)
        let builtin = try ICalendarReader.events(text.replacing(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, with: ""))
        #expect(ours.count == meetings.count)
        for (index, (a, b)) in zip(ours, builtin).enumerated() {
            let m = meetings.sorted { $0.schedule.firstDay! < $1.schedule.firstDay! }[index]
            let expected = StockholmTime.instant(m.schedule.firstDay!, LocalTime(hour: 8, minute: 30)!)
            #expect(a.startUTC == b.startUTC, "\(m.schedule.firstDay!)")
            #expect(
                a.startUTC?.hour == expected.hour && a.startUTC?.day == expected.date.day, "\(m.schedule.firstDay!)")
        }
    }

    @Test func undatedConferencesAreTentative() throws {
        let all = try feed(try build(Shipped.data), "all.ics")
        let nyckeltal = try #require(try event(all, uid: "nyckeltalsdagen-2019"))
        #expect(nyckeltal.property("STATUS")?.value == .token("TENTATIVE"))
        #expect(nyckeltal.property("DTSTART")?.value == .date(year: 2019, month: 9, day: 1))
        #expect(
            nyckeltal.property("SUMMARY")?.value
                == .text("Nyckeltalsdagen 2019 (datum ej fastställt, hösten 2019) (preliminärt)"))
    }

    @Test func descriptionsAreSwedishAndLinkThePage() throws {
        let all = try feed(try build(Shipped.data), "all.ics")
        let extra = try #require(try event(all, uid: "ledningsgruppen-2020-11-26"))
        #expect(extra.property("SUMMARY")?.value == .text("Ledningsgruppen – extra möte"))
        #expect(extra.property("LOCATION")?.value == .text("Digitalt (Teams)"))
        guard case .text(let d) = extra.property("DESCRIPTION")?.value else { Issue.record("no description"); return }
        #expect(
            d.contains(
                "Ledningsgruppen – extra möte\nPlats: Digitalt (Teams)\nOrdförande: Rickard Sundbom (Södertälje)\n"
                    + "Anteckning: Extrainsatt möte."))
        #expect(d.hasSuffix("Kalendarium: http://127.0.0.1:8080/"))
    }
}

@Suite struct RevisionTests {
    func withMeetings(_ transform: (inout [Meeting]) -> Void) -> CalendarData {
        var data = Shipped.data
        transform(&data.meetings)
        return data
    }

    func props(_ text: String, _ uid: String) throws -> (uid: String, seq: Int, modified: String)? {
        guard let e = try event(text, uid: uid), case .integer(let seq) = e.property("SEQUENCE")?.value,
            case .text(let u) = e.property("UID")?.value, let m = e.property("LAST-MODIFIED")?.value
        else { return nil }
        return (u, seq, "\(m)")
    }

    @Test func uidsStayTheSameWhenMeetingsAreAddedRemovedOrReordered() throws {
        let first = try build(Shipped.data)
        let reordered = try build(
            withMeetings {
                $0.reverse(); $0.removeFirst(3)
            }, first.revisions, at: Shipped.later)
        let uid = "samarbetskommitten-2021-09-02"
        let a = try #require(try props(try feed(first, "all.ics"), uid))
        let b = try #require(try props(try feed(reordered, "all.ics"), uid))
        #expect(a.uid == b.uid && a.seq == b.seq && a.modified == b.modified)
    }

    @Test func unchangedDataGivesByteIdenticalFeeds() throws {
        let first = try build(Shipped.data)
        let second = try build(Shipped.data, first.revisions, at: Shipped.later)
        #expect(first.feeds.map(\.text) == second.feeds.map(\.text))
        #expect(first.revisions == second.revisions)
    }

    @Test func cancelledMeetingKeepsUIDAndRaisesSequence() throws {
        // Cancelled before it takes place (a cancellation leaves the feeds a month after its day).
        let uid = "samarbetskommitten-2020-12-10"
        let before = UTCInstant(rfc3339: "2020-11-23T08:00:00Z")!
        let first = try build(Shipped.data, at: before)
        let cancelled = withMeetings { meetings in
            let i = meetings.firstIndex { $0.id == uid }!
            let m = meetings[i]
            meetings[i] = Meeting(
                id: m.id, subject: m.subject, kind: m.kind, schedule: m.schedule, place: m.place,
                status: .cancelled, note: m.note, guests: m.guests, location: m.location)
        }
        let second = try build(cancelled, first.revisions, at: UTCInstant(rfc3339: "2020-11-24T08:00:00Z")!)
        let text = try feed(second, "samarbetskommitten.ics")
        let e = try #require(try event(text, uid: uid))
        #expect(e.property("STATUS")?.value == .token("CANCELLED"))
        #expect(e.property("SEQUENCE")?.value == .integer(1))
        #expect(
            e.property("LAST-MODIFIED")?.value
                == .utcDateTime(year: 2020, month: 11, day: 24, hour: 8, minute: 0, second: 0))
        #expect(e.property("SUMMARY")?.value == .text("INSTÄLLT: Samarbetskommittén"))
        // Other meetings keep their revision.
        let other = try #require(try event(text, uid: "samarbetskommitten-2019-02-07"))
        #expect(other.property("SEQUENCE")?.value == .integer(0))
        #expect(
            other.property("DTSTAMP")?.value
                == .utcDateTime(year: 2020, month: 11, day: 23, hour: 8, minute: 0, second: 0))
    }

    @Test func anEditedMeetingRaisesSequenceOnce() throws {
        let uid = "ledningsgruppen-2021-10-08"
        let first = try build(Shipped.data)
        let moved = withMeetings { meetings in
            let i = meetings.firstIndex { $0.id == uid }!
            let m = meetings[i]
            let day = LocalDate(iso: "2021-10-15")!
            meetings[i] = Meeting(
                id: m.id, subject: m.subject,
                schedule: .timed(
                    startDate: day, start: LocalTime(hour: 9, minute: 0)!,
                    endDate: day, end: LocalTime(hour: 11, minute: 0)!))
        }
        let second = try build(moved, first.revisions, at: Shipped.later)
        let third = try build(moved, second.revisions, at: UTCInstant(rfc3339: "2026-11-25T08:00:00Z")!)
        let seq = try #require(try props(try feed(third, "all.ics"), uid)).seq
        #expect(seq == 1)
        #expect(second.feeds.map(\.text) == third.feeds.map(\.text))
    }
}
