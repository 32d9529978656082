import Foundation
import KalendariumCore
import Testing

@testable import CalendarFiles

/// The `# source:` and `# assumption:` comments, read from the text as a secretary writes them.
@Suite struct SourceNotesTests {
    @Test func aNoteBelongsToTheNextValueLineAndContinuesOverIndentedComments() {
        let text = """
            meetings:
              # source: 004.txt, kalendarium 2019: "5-6 september"
              - body: ledningsgruppen
                # assumption: lunch to lunch,
                #   12:00 to 13:00.
                # A plain comment ends the note.
                #   and is not part of it
                time: 12:00-13:00
                venue: "A # not a comment"  # assumption: the venue
                note: x # source: 002.txt: "x"
            """
        let notes = SourceNotes.scan(text, file: "f.yaml")
        #expect(
            notes.map { "\($0.kind) \($0.location.line):\($0.location.column) \($0.value) | \($0.text)" } == [
                #"source 3:3 - body: ledningsgruppen | 004.txt, kalendarium 2019: "5-6 september""#,
                "assumption 8:5 time: 12:00-13:00 | lunch to lunch, 12:00 to 13:00.",
                #"assumption 9:5 venue: "A # not a comment" | the venue"#,
                #"source 10:5 note: x | 002.txt: "x""#,
            ])
    }

    @Test func aNoteAtTheEndOfAFileKeepsItsOwnLine() {
        let notes = SourceNotes.scan("a: 1\n# assumption: nothing follows\n", file: "f.yaml")
        #expect(notes.map(\.location.line) == [2] && notes.map(\.value) == [""])
    }

    @Test func theShippedCalendarsMarkTheirAssumptions() {
        let notes = SourceNotes.read(directories: [CalendarCopy.shipped]).notes
        let assumed = notes.filter { $0.kind == .assumption }.map(\.value)
        #expect(assumed.filter { $0 == "time: 12:00-13:00" }.count == 2)
        #expect(assumed.contains("digital: Teams"))
        #expect(notes.contains { $0.kind == .source && $0.text.contains("004_0ac1c0381d9a1877.txt") })
    }
}

/// The chairs of the bodies, per year, and the chair of one meeting.
@Suite struct ChairsTests {
    @Test func theShippedBodiesNameTheirChairs() throws {
        let data = CalendarDirectory.load(CalendarCopy.shipped).data
        let committee = try #require(data.body("samarbetskommitten"))
        #expect(committee.chairs(in: 2019)?.chair == Chairperson(name: "Meeri Wasberg", municipality: "haninge"))
        #expect(committee.chairs(in: 2019)?.viceChair == Chairperson(name: "Daniel Dronjak", municipality: "huddinge"))
        #expect(committee.chairs(in: 2021) == nil)
        let tenth = try #require(data.meetings.first { $0.id == "samarbetskommitten-2020-12-10" })
        #expect(data.chair(of: tenth) == Chairperson(name: "Boel Godner"))
        let ninth = try #require(data.meetings.first { $0.id == "samarbetskommitten-2020-10-29" })
        #expect(data.chair(of: ninth)?.name == "Daniel Dronjak")
    }

    @Test func aChairFromAnUnknownMunicipalityIsAnError() throws {
        let shipped = try String(contentsOfFile: CalendarCopy.shipped + "/bodies.yaml", encoding: .utf8)
        let copy = try CalendarCopy(replacing: [
            "bodies.yaml": shipped.replacing(
                "{name: Meeri Wasberg, municipality: haninge}", with: "{name: M, municipality: haningee}")
        ])
        defer { copy.remove() }
        #expect(copy.errors().contains { $0.contains("unknown municipality \"haningee\" for the chair M") })
    }
}
