import Foundation
import KalendariumCore
import Testing

@testable import CalendarFiles

/// `member-until` as a year or a day, and `moved-to` overrides, as the files write them.
@Suite struct RotationFilesTests {
    static func municipalities(salemUntil: String) throws -> String {
        try String(contentsOfFile: "\(CalendarCopy.shipped)/municipalities.yaml", encoding: .utf8).replacing(
            "  - slug: salem\n    name: Salem\n    member-from: 2000\n",
            with: "  - slug: salem\n    name: Salem\n    member-from: 2000\n    member-until: \(salemUntil)\n")
    }

    @Test func theShippedConferenceYearsAreAsTheSeedsSay() throws {
        let data = CalendarDirectory.load(CalendarCopy.shipped).data
        let radslag = try #require(data.conference("radslag"))
        #expect(radslag.overrides.isEmpty)
        let konferensen = try #require(data.conference("sodertornskonferensen"))
        #expect(
            konferensen.overrides.map(\.change) == [
                .moved(2020, to: ConferenceMove(year: 2021, season: .spring)), .digital(2020),
            ])
        // The spring 2021 event is the 2020 conference year's, and `check` finds nothing to say about it.
        let spring = try #require(
            data.meetings.first { $0.subject == .conference("sodertornskonferensen") && $0.year == 2021 })
        #expect(konferensen.conferenceYear(of: spring) == 2020)
        let rotation = try HostRotation(conference: konferensen, municipalities: data.municipalities)
        #expect(rotation.entry(for: spring)?.hosts == ["botkyrka", "salem"])
        #expect(!PlanningChecks.warnings(in: data).contains { $0.rule == .noHost || $0.rule == .hostPlace })
    }

    @Test func memberUntilTakesAYearOrTheLastDay() throws {
        let copy = try CalendarCopy(replacing: [
            "municipalities.yaml": try Self.municipalities(salemUntil: "2031-05-31")
        ])
        defer { copy.remove() }
        let load = CalendarDirectory.load(copy.path)
        #expect(load.errors.isEmpty)
        let salem = try #require(load.data.municipality("salem"))
        #expect(salem.lastDay == LocalDate(iso: "2031-05-31") && salem.memberUntil == 2031)

        let year = try CalendarCopy(replacing: ["municipalities.yaml": try Self.municipalities(salemUntil: "2031")])
        defer { year.remove() }
        #expect(CalendarDirectory.load(year.path).data.municipality("salem")?.lastDay == LocalDate(iso: "2031-12-31"))
    }

    @Test func aBadMemberUntilSaysWhatToWrite() throws {
        let day = try CalendarCopy(replacing: ["municipalities.yaml": try Self.municipalities(salemUntil: "2031-02-30")]
        )
        defer { day.remove() }
        #expect(day.errors().contains { $0.contains("error: \"2031-02-30\" is not a day in the calendar") })
        let early = try CalendarCopy(replacing: [
            "municipalities.yaml": try Self.municipalities(salemUntil: "1999-05-31")
        ])
        defer { early.remove() }
        #expect(early.errors().contains { $0.contains("error: member-until 1999-05-31 is before member-from 2000") })
    }

    @Test func movedToNeedsAYearAndASeason() throws {
        var conferences = try String(contentsOfFile: "\(CalendarCopy.shipped)/conferences.yaml", encoding: .utf8)
        conferences = conferences.replacing(
            "moved-to: {year: 2021, season: spring}", with: "moved-to: {year: 2021, season: vår}")
        let copy = try CalendarCopy(replacing: ["conferences.yaml": conferences])
        defer { copy.remove() }
        #expect(copy.errors().contains { $0.contains("season") && $0.contains("vår") })
    }
}
