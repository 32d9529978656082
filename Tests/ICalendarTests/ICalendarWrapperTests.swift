import Foundation
import Testing

@testable import ICalendar

@Suite struct ICalendarWrapperTests {
    static let hostile = "Rad ett\nBCC: angripare@example.org; \"citat\", komma \\ backslash 🚆 Överenskommelse"

    func calendar(_ events: [ICalComponent]) -> ICalComponent {
        ICalComponent(
            "VCALENDAR",
            properties: [
                ICalProperty("VERSION", .text("2.0")), ICalProperty("PRODID", .text("-//Test//Test//SV")),
                ICalProperty("X-WR-CALNAME", .text("Ledningsgruppen – Södertörn \\ test")),
            ], components: events)
    }

    func event(_ uid: String, summary: String = "Möte") -> ICalComponent {
        ICalComponent(
            "VEVENT",
            properties: [
                ICalProperty("UID", .text(uid)),
                ICalProperty("DTSTAMP", .utcDateTime(year: 2026, month: 11, day: 23, hour: 8, minute: 0, second: 0)),
                ICalProperty(
                    "DTSTART", .localDateTime(year: 2021, month: 10, day: 29, hour: 8, minute: 30, second: 0),
                    parameters: [ICalParameter("TZID", "Europe/Stockholm")]),
                ICalProperty(
                    "DTEND", .date(year: 2021, month: 10, day: 30), parameters: [ICalParameter("VALUE", "DATE")]),
                ICalProperty("SUMMARY", .text(summary)),
                ICalProperty("SEQUENCE", .integer(3)),
                ICalProperty("STATUS", .token("CANCELLED")),
                ICalProperty("URL", .uri("http://127.0.0.1:8080/")),
            ])
    }

    @Test func componentsRoundTripThroughLibical() throws {
        let original = calendar([event("a@x", summary: Self.hostile), event("b@x")])
        let text = try ICalendarWriter.serialize(original)
        let parsed = try ICalendarReader.parse(text)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.calendar == original)
    }

    /// The feeds serialise each event once and append its text to every feed that holds
    /// it: that must be the very bytes libical writes for the calendar nested.
    @Test func childrenSerialisedAloneAppendToTheBytesOfTheNestedCalendar() throws {
        let long = String(repeating: "Överenskommelse \\ om samverkan, ", count: 6)
        let events = [event("a@x", summary: Self.hostile), event("b@x", summary: long), event("c@x")]
        let nested = try ICalendarWriter.serialize(calendar(events))
        let shared = try ICalendarWriter.serialize(
            calendar([]), appending: try events.map { try ICalendarWriter.serialize($0) })
        #expect(Array(shared.utf8) == Array(nested.utf8))
        #expect(try ICalendarWriter.serialize(calendar([]), appending: []) == ICalendarWriter.serialize(calendar([])))
    }

    @Test func textIsEscapedAndCannotInjectLines() throws {
        let text = try ICalendarWriter.serialize(calendar([event("a@x", summary: Self.hostile)]))
            .replacing("\r\n ", with: "")  // unfold
        #expect(!text.contains("\r\nBCC:"))
        #expect(text.contains("X-WR-CALNAME:Ledningsgruppen – Södertörn \\\\ test\r\n"))
        #expect(text.contains("SUMMARY:Rad ett\\nBCC: angripare@example.org\\; \"citat\"\\, komma \\\\ backslash"))
    }

    @Test func longSwedishTextFoldsAt75OctetsWithoutSplittingCharacters() throws {
        let long =
            String(repeating: "Överenskommelse om åtgärder för Södertörns kommuner ", count: 6)
            + String(repeating: "ö", count: 120)
        let text = try ICalendarWriter.serialize(calendar([event("a@x", summary: long)]))
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.filter { $0.hasPrefix(" ") }.count >= 5)
        // Every line is whole UTF-8 on its own: no character was cut in two.
        for line in lines { #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil) }
        #expect(try ICalendarReader.parse(text).calendar.components[0].property("SUMMARY")?.value == .text(long))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacing("\r\n", with: "").contains("\n"))
    }

    @Test func junkIsCountedNotKept() throws {
        let junk =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:not-a-date\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let parsed = try ICalendarReader.parse(junk)
        #expect(parsed.errors.count == 1)
        #expect(parsed.calendar.components.first?.property("DTSTART") == nil)
        #expect(throws: ICalError.self) { try ICalendarReader.parse("this is no calendar") }
    }

    @Test func unknownNamesAreRefused() {
        #expect(throws: ICalError.self) { try ICalendarWriter.serialize(ICalComponent("VNOTHING")) }
        #expect(throws: ICalError.self) {
            try ICalendarWriter.serialize(
                ICalComponent("VEVENT", properties: [ICalProperty("DTSTART", .duration("zzz"))]))
        }
    }

    @Test func eventsConvertToStockholmAndUTC() throws {
        let text = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VEVENT\r
            UID:utc\r
            DTSTART:20210902T100000Z\r
            DTEND:20210902T133000Z\r
            SUMMARY:Mälartinget\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:winter\r
            DTSTART;TZID=Europe/Stockholm:20211105T083000\r
            DURATION:PT2H30M\r
            SUMMARY:Vinter\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:day\r
            DTSTART;VALUE=DATE:20201127\r
            SUMMARY:Sektorsmöte\r
            STATUS:CANCELLED\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let events = try ICalendarReader.events(text)
        #expect(events.count == 3)
        #expect((events[0].start.hour, events[0].start.minute, events[0].end.hour) == (12, 0, 15))
        #expect((events[1].startUTC?.hour, events[1].end.hour, events[1].end.minute) == (7, 11, 0))
        #expect(events[2].start.isDate && events[2].isCancelled)
    }

    /// A VTIMEZONE that repeats every second from 1601 made `check` run for minutes
    /// (libical expands the observances up to the event's year): refused at once.
    @Test func aTimeZoneThatRepeatsEverySecondIsRefused() throws {
        func calendar(_ rule: String, from start: String = "16010101T000000") -> String {
            """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//x//y//EN\r
            BEGIN:VTIMEZONE\r
            TZID:Bomb\r
            BEGIN:STANDARD\r
            DTSTART:\(start)\r
            RRULE:\(rule)\r
            TZOFFSETFROM:+0100\r
            TZOFFSETTO:+0100\r
            END:STANDARD\r
            END:VTIMEZONE\r
            BEGIN:VEVENT\r
            UID:e\r
            DTSTART;TZID=Bomb:20260102T100000\r
            SUMMARY:x\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        }
        let started = ContinuousClock.now
        #expect(throws: ICalError.self) { try ICalendarReader.events(calendar("FREQ=SECONDLY")) }
        #expect(throws: ICalError.self) { try ICalendarReader.events(calendar("FREQ=YEARLY;BYSECOND=0,1,2,3")) }
        #expect(throws: ICalError.self) {
            try ICalendarReader.events(calendar("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", from: "00010101T000000"))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        let events = try ICalendarReader.events(calendar("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", from: "19701025T030000"))
        #expect(events.count == 1 && events[0].start.hour == 10)
    }

    /// Found by `scripts/fuzz` (FuzzICalendarReader, a 10 s timeout): the same bomb in
    /// a VTIMEZONE that is not a direct child of the first VCALENDAR escaped the check.
    @Test func aTimeZoneBombNestedAnywhereIsRefused() throws {
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/fuzz-timeout-nested-zone", withExtension: "ics"))
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let started = ContinuousClock.now
        #expect(throws: ICalError.self) { try ICalendarReader.events(text) }
        #expect(ContinuousClock.now - started < .seconds(10))  // unbounded, it runs for minutes
    }

    @Test func concurrentTasksCanUseTheWrapper() async throws {
        let original = calendar((0..<20).map { event("e\($0)@x", summary: Self.hostile) })
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let text = try ICalendarWriter.serialize(original)
                    return try ICalendarReader.parse(text).calendar == original
                }
            }
            for try await same in group { #expect(same) }
        }
    }
}

@Suite struct FoldRepairTests {
    @Test func aLineOfExactly75OctetsEndsInOneCRLF() throws {
        // "UID:" + 71 characters = 75 octets: the length at which libical 3.0 folds into the CRLF.
        for length in 60...90 {
            let uid = String(repeating: "u", count: length)
            let text = try ICalendarWriter.serialize(
                ICalComponent("VEVENT", properties: [ICalProperty("UID", .text(uid))]))
            #expect(
                !text.replacing("\r\n", with: "").contains("\r") && !text.replacing("\r\n", with: "").contains("\n"))
            #expect(!text.contains("\r\n \r\n"))
            let parsed = try ICalendarReader.parse(text)
            #expect(parsed.calendar.property("UID")?.value == .text(uid))
        }
    }

    @Test func refoldingUndoesTheFaultyFolds() {
        #expect(
            ContentLines.refold("DESCRIPTION:abc\r\n def\r\nEND:VEVENT\r\n") == "DESCRIPTION:abcdef\r\nEND:VEVENT\r\n")
        #expect(ContentLines.refold("UID:x\r\r\n \nEND:VEVENT\r\n") == "UID:x\r\nEND:VEVENT\r\n")
        #expect(ContentLines.refold("UID:x\r\n \r\nEND:VEVENT\r\n") == "UID:x\r\nEND:VEVENT\r\n")
    }

    /// Lines of every length around the limit, of one- to four-octet characters and
    /// escapes, folded between any two characters (also inside an escape): refolded, each
    /// physical line is whole UTF-8 of at most 75 octets that ends in no lone backslash,
    /// and unfolding gives the lines back.
    @Test func refoldingFoldsEveryLineAtCharacterBoundaries() {
        var random = SplitMix64(seed: 19)
        let pieces = ["a", "\\n", "\\,", "\\\\", "é", "€", "😀", " "]
        for round in 0..<400 {
            let lines = (0..<3).map { _ in
                var line = "X-\(round):"
                while line.utf8.count < Int(random.next() % 220) { line += pieces[Int(random.next() % 8)] }
                return line
            }
            var folded: [UInt8] = []
            for line in lines {
                for scalar in line.unicodeScalars {
                    if random.next() % 40 == 0 { folded += [13, 10, 32] }
                    folded += Array(String(scalar).utf8)
                }
                folded += [13, 10]
            }
            let refolded = ContentLines.refold(String(decoding: folded, as: UTF8.self))
            let physical = Array(refolded.utf8).split(separator: 10, omittingEmptySubsequences: true)
            for line in physical {
                #expect(line.last == 13 && line.count - 1 <= ContentLines.limit)
                #expect(String(validating: line.dropLast(), as: UTF8.self) != nil)
                #expect(line.dropLast().reversed().prefix { $0 == UInt8(ascii: "\\") }.count % 2 == 0)
            }
            var unfolded: [UInt8] = []
            for byte in refolded.utf8 {
                unfolded.append(byte)
                if unfolded.suffix(3) == [13, 10, 32] { unfolded.removeLast(3) }
            }
            #expect(unfolded == Array(lines.map { $0 + "\r\n" }.joined().utf8))
        }
    }
}

@Suite struct EscapeFoldTests {
    /// A fold between a backslash and the character it escapes is legal, but Google
    /// Calendar drops such events (collective/icalendar#1501); libical must not do it.
    @Test func foldsNeverSplitAnEscapeSequence() throws {
        for length in 50...160 {
            let text = String(repeating: "a", count: length) + "\n,;\\" + String(repeating: "b", count: length)
            let ics = try ICalendarWriter.serialize(
                ICalComponent("VEVENT", properties: [ICalProperty("DESCRIPTION", .text(text))]))
            for line in ics.split(separator: "\r\n") {
                let trailing = line.reversed().prefix { $0 == "\\" }.count
                #expect(trailing % 2 == 0, "length \(length): \(line)")
            }
            #expect(try ICalendarReader.parse(ics).calendar.property("DESCRIPTION")?.value == .text(text))
        }
    }
}

/// A seeded generator, so a test over random input sees the same input every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
