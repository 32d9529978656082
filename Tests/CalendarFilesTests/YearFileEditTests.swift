import Foundation
import KalendariumCore
import Testing

@testable import CalendarFiles

/// The workspace's edits of a year file: one meeting's keys change, every comment and
/// every other meeting stays, and the reader reads the change back.
@Suite struct YearFileEditTests {
    static let load = CalendarDirectory.load(CalendarCopy.shipped)

    static func edited(_ id: String, _ keys: [(key: String, value: String?)]) throws -> (String, String, CalendarLoad) {
        let meeting = try #require(load.data.meetings.first { $0.id == id })
        let location = try #require(meeting.location)
        let file = URL(fileURLWithPath: location.file).lastPathComponent
        let before = try String(contentsOfFile: location.file, encoding: .utf8)
        let after = try YearFileEdit.setting(keys, inItemAt: location.line, of: before).get()
        let copy = try CalendarCopy(replacing: [file: after])
        defer { copy.remove() }
        return (before, after, CalendarDirectory.load(copy.path))
    }

    @Test func cancellingAddsKeysAndKeepsComments() throws {
        let (before, after, load) = try Self.edited(
            "ledningsgruppen-2021-05-07",
            [("status", "cancelled"), ("cancelled-on", "2021-04-30"), ("cancelled-reason", "Krock: #1 \"viktig\"")])
        #expect(load.errors.isEmpty)
        let meeting = try #require(load.data.meetings.first { $0.id == "ledningsgruppen-2021-05-07" })
        #expect(meeting.status == .cancelled)
        #expect(
            meeting.cancellation == Cancellation(decided: LocalDate(iso: "2021-04-30"), reason: "Krock: #1 \"viktig\""))
        // Only lines were added: every line of the file before is still there, in order.
        let removed = LineDiff.lines(from: before, to: after).filter { if case .removed = $0 { true } else { false } }
        #expect(removed.isEmpty)
        #expect(load.data.meetings.count == Self.load.data.meetings.count)
    }

    @Test func movingReplacesDateAndTimeAndKeepsTheIdentity() throws {
        let (_, after, load) = try Self.edited(
            "ledningsgruppen-2021-05-07",
            [("date", "2021-05-11"), ("time", "09:00-11:30"), ("id", "ledningsgruppen-2021-05-07")])
        #expect(load.errors.isEmpty)
        let meeting = try #require(load.data.meetings.first { $0.id == "ledningsgruppen-2021-05-07" })
        #expect(meeting.schedule.firstDay == LocalDate(iso: "2021-05-11"))
        #expect(!after.contains("date: 2021-05-07"))
        #expect(after.contains("# assumption: ledningsgruppen's usual 08:30–11:00"))
    }

    @Test func removingAKeyAndTheFirstKeyStays() throws {
        let (_, after, load) = try Self.edited(
            "samarbetskommitten-2021-09-02", [("municipality", nil), ("body", "samarbetskommitten")])
        #expect(load.errors.isEmpty)
        let meeting = try #require(load.data.meetings.first { $0.id == "samarbetskommitten-2021-09-02" })
        #expect(meeting.place?.municipality == nil)
        #expect(after.contains("  - body: samarbetskommitten\n    date: 2021-09-02"))
    }

    @Test func aLineThatStartsNoMeetingIsRefused() {
        guard case .failure = YearFileEdit.setting([("status", "cancelled")], inItemAt: 1, of: "meetings:\n") else {
            Issue.record("line 1 is not a meeting")
            return
        }
    }
}
