import Foundation
import KalendariumCore
import Testing

@testable import CalendarFiles

/// The year-file writer: what it writes, the reader reads back unchanged.
@Suite struct MeetingYAMLTests {
    static let load = CalendarDirectory.load(CalendarCopy.shipped)

    @Test func thePlanIsAYearFileTheReaderAccepts() throws {
        var data = Self.load.data
        data.meetings.removeAll { $0.year == 2027 }
        let plan = Planner.plan(year: 2027, data: data, externalEvents: Self.load.externalEvents)
        let text = MeetingYAML.yearFile(plan, data: Self.load.data, header: ["test"])
        let copy = try CalendarCopy(replacing: ["2027.yaml": text])
        defer { copy.remove() }
        let load = CalendarDirectory.load(copy.path)
        #expect(load.errors.isEmpty)
        #expect(Set(load.data.meetings.filter { $0.year == 2027 }.map(\.id)) == Set(plan.meetings.map(\.meeting.id)))
        // The plan keeps every rule; only the chairs, which no plan can know, are missing.
        #expect(load.warnings.filter { $0.year == 2027 && $0.rule != .noChair }.isEmpty)
        #expect(load.warnings.filter { $0.year == 2027 && $0.rule == .noChair }.count == 2)
        #expect(text.contains("  # prepares Samarbetskommittén's meeting of"))
    }

    @Test func hostileNotesSurviveTheYamlWriter() throws {
        let meeting = Meeting(
            subject: .body("ledningsgruppen"), kind: .extra,
            schedule: .timed(
                startDate: LocalDate(iso: "2027-03-04")!, start: LocalTime(text: "19:00")!,
                endDate: LocalDate(iso: "2027-03-04")!, end: LocalTime(text: "20:00")!),
            note: "Kallat av ordföranden: \"akut\" # inte en kommentar\nrad två \\ 🚆")
        let text = "meetings:\n" + MeetingYAML.entry(meeting, data: Self.load.data)
        let copy = try CalendarCopy(replacing: ["2027.yaml": text])
        defer { copy.remove() }
        let load = CalendarDirectory.load(copy.path)
        #expect(load.errors.isEmpty)
        #expect(load.data.meetings.first { $0.year == 2027 }?.note == meeting.note)
    }
}
