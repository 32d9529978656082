import Foundation
import KalendariumCore
import Testing

@testable import CalendarFiles

/// `cancelled-on`/`cancelled-reason` of a meeting and `color:` of a body or conference:
/// what the reader accepts, the exact errors it gives, and what the writer writes back.
@Suite struct CancellationAndColorFileTests {
    static let cancelled = """
        meetings:
          - body: ledningsgruppen
            date: 2027-03-05
            status: cancelled
            cancelled-on: 2027-02-20
            cancelled-reason: "Krockar med budgetberedningen: flyttas till april"

        """

    @Test func aCancelledMeetingReadsWhenAndWhyAndIsWrittenBack() throws {
        let copy = try CalendarCopy(replacing: ["2027.yaml": Self.cancelled])
        defer { copy.remove() }
        let load = CalendarDirectory.load(copy.path)
        #expect(load.errors.isEmpty)
        let meeting = try #require(load.data.meetings.first { $0.id == "ledningsgruppen-2027-03-05" })
        #expect(
            meeting.cancellation
                == Cancellation(
                    decided: LocalDate(iso: "2027-02-20"), reason: "Krockar med budgetberedningen: flyttas till april"))
        let entry = MeetingYAML.entry(meeting, data: load.data)
        #expect(entry.contains("    cancelled-on: 2027-02-20\n"))
        #expect(entry.contains("    cancelled-reason: \"Krockar med budgetberedningen: flyttas till april\"\n"))
        let again = try CalendarCopy(replacing: ["2027.yaml": "meetings:\n" + entry])
        defer { again.remove() }
        let read = CalendarDirectory.load(again.path).data.meetings.first { $0.year == 2027 }
        #expect(read?.cancellation == meeting.cancellation && read?.status == .cancelled)
    }

    @Test func theCancellationKeysNeedACancelledMeetingAndAnEarlierDay() throws {
        let planned = try CalendarCopy(replacing: [
            "2027.yaml": Self.cancelled.replacing("    status: cancelled\n", with: "")
        ])
        defer { planned.remove() }
        #expect(
            planned.errors() == [
                "2027.yaml:4:19: error: cancelled-on belongs to a cancelled meeting; add \"status: cancelled\" or remove it [schema]"
            ])
        let late = try CalendarCopy(replacing: [
            "2027.yaml": Self.cancelled.replacing("cancelled-on: 2027-02-20", with: "cancelled-on: 2027-03-06")
        ])
        defer { late.remove() }
        #expect(
            late.errors() == [
                "2027.yaml:5:19: error: cancelled-on 2027-03-06 is after the meeting (2027-03-05); give the day the cancellation was decided [schema]"
            ])
    }

    @Test func aColourIsACSS3NameOrAnErrorThatSaysWhichOneWasMeant() throws {
        let shipped = try String(contentsOfFile: CalendarCopy.shipped + "/bodies.yaml", encoding: .utf8)
        let load = CalendarDirectory.load(CalendarCopy.shipped)
        #expect(load.data.body("ledningsgruppen")?.color == CSSColor(name: "teal"))
        #expect(load.data.conference("radslag")?.color == CSSColor(name: "darkorange"))
        let line =
            try #require(
                shipped.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                    $0.hasPrefix("    color: teal")
                }) + 1
        let copy = try CalendarCopy(replacing: [
            "bodies.yaml": shipped.replacing("    color: teal", with: "    color: tealish")
        ])
        defer { copy.remove() }
        #expect(
            copy.errors().contains(
                "bodies.yaml:\(line):12: error: color \"tealish\" is not a CSS3 colour name (did you mean \"teal\"?); "
                    + "use a name such as teal, steelblue or darkorange (RFC 7986 COLOR takes names only) [schema]"))
        #expect(CSSColor(name: "DarkSlateBlue")?.name == "darkslateblue")
        #expect(CSSColor(name: "#008080") == nil && CSSColor(name: "transparent") == nil)
        #expect(CSSColor.names.count == 147)
    }
}
