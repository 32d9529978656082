import Foundation
import KalendariumCore
import Testing

@testable import CalendarFiles

/// A copy of the shipped calendars/ in a temporary directory, with some files replaced.
struct CalendarCopy {
    let path: String

    static var shipped: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("calendars").path
    }

    init(replacing files: [String: String] = [:], removing: [String] = []) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kalendarium-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CalendarCopy.shipped, toPath: path)
        for name in removing { try FileManager.default.removeItem(atPath: "\(path)/\(name)") }
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(name)")) }
    }

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Errors as `file:line:column: message`, with the temporary directory cut off.
    func errors() -> [String] {
        CalendarDirectory.load(path).errors.map { $0.description.replacing(path + "/", with: "") }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct ShippedCalendarsTests {
    @Test func loadWithoutErrors() {
        let load = CalendarDirectory.load(CalendarCopy.shipped)
        #expect(load.errors.isEmpty)
        #expect(load.data.municipalities.count == 8)
        #expect(load.data.municipality("nynashamn")?.name == "Nynäshamn")
        #expect(load.data.meetings.filter { $0.year == 2019 }.count == 18)
    }

    @Test func theRealDeviationsOfTheSeedsAreFlagged() {
        let load = CalendarDirectory.load(CalendarCopy.shipped)
        let warnings = PlanningChecks.warnings(in: load.data).map {
            "\($0.date?.description ?? String($0.year!)) \($0.subject!) \($0.rule)"
        }
        #expect(
            warnings == [
                // 4 April and 14 November 2019 are prepared by a ledningsgrupp meeting since the
                // previous committee meeting (41 and 56 days before), as the 2019 kalendarium
                // planned; 29 November has none since 14 November.
                "2019-11-29 samarbetskommitten preparation",
                "2019-11-29 samarbetskommitten weekday",
                // 2020 and 2021 hold only the meetings the minutes name (`partial: true`), so
                // their counts are no deviation.
                "2021-08-20 ledningsgruppen time",
                // No document names the committee's chair for 2021.
                "2021 samarbetskommitten no-chair",
            ])
    }

    @Test func twoDayMeetingsAreOneMeeting() throws {
        let load = CalendarDirectory.load(CalendarCopy.shipped)
        let planning = try #require(load.data.meetings.first { $0.id == "samarbetskommitten-2019-01-17" })
        #expect(planning.kind == .planningConference)
        #expect(planning.schedule.days.map(\.description) == ["2019-01-17", "2019-01-18"])
        #expect(planning.place?.municipality == "sodertalje")
    }

    @Test func meetingsWithoutATimeTakeTheirBodysUsualTime() throws {
        let load = CalendarDirectory.load(CalendarCopy.shipped)
        let meeting = try #require(load.data.meetings.first { $0.id == "ledningsgruppen-2019-01-25" })
        #expect(
            meeting.schedule
                == .timed(
                    startDate: LocalDate(iso: "2019-01-25")!, start: LocalTime(text: "08:30")!,
                    endDate: LocalDate(iso: "2019-01-25")!, end: LocalTime(text: "11:00")!))
        let radslag = try #require(load.data.meetings.first { $0.id == "radslag-2019-04-10" })
        #expect(radslag.schedule == .allDay(first: LocalDate(iso: "2019-04-10")!, last: LocalDate(iso: "2019-04-10")!))
    }
}

@Suite struct BrokenCalendarsTests {
    func errors(_ files: [String: String], removing: [String] = []) throws -> [String] {
        let copy = try CalendarCopy(replacing: files, removing: removing)
        defer { copy.remove() }
        return copy.errors()
    }

    @Test func badIndentationIsLocated() throws {
        let result = try errors(["2019.yaml": try CalendarCopy.fixture("bad-indent.yaml")])
        #expect(
            result == [
                "2019.yaml:4:4: error: malformed YAML: did not find expected '-' indicator (while parsing a block collection at line 2, column 3) [yaml]"
            ])
    }

    @Test func unclosedQuoteIsLocated() throws {
        let result = try errors(["2019.yaml": try CalendarCopy.fixture("unclosed-quote.yaml")])
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("2019.yaml:5:1: error: malformed YAML: found unexpected end of stream"))
    }

    @Test func unknownBodyGetsASuggestion() throws {
        let result = try errors(["2021.yaml": "meetings:\n  - body: ledningsgrupp\n    date: 2021-01-22\n"])
        #expect(
            result == [
                "2021.yaml:2:5: error: unknown body \"ledningsgrupp\" (did you mean \"ledningsgruppen\"?) [unknown-body]"
            ])
    }

    @Test func unknownKeyGetsASuggestion() throws {
        let result = try errors([
            "2021.yaml": "meetings:\n  - body: ledningsgruppen\n    date: 2021-01-22\n    venu: StorSthlm\n"
        ])
        #expect(result.count == 1)
        #expect(
            result[0].hasPrefix("2021.yaml:4:5: error: unknown key \"venu\" in a meeting (did you mean \"venue\"?)"))
    }

    @Test func impossibleDateAndBadTime() throws {
        let result = try errors([
            "2019.yaml": """
            meetings:
              - body: ledningsgruppen
                date: 2019-02-30
              - body: ledningsgruppen
                date: 2019-03-08
                time: 8:30 till 11
              - body: samarbetskommitten
                date: 2019-04-04
                time: 15:30-12:00
            """
        ])
        #expect(
            result == [
                "2019.yaml:3:11: error: \"2019-02-30\" is not a day in the calendar [schema]",
                "2019.yaml:6:11: error: expected a time range as HH:MM-HH:MM, found \"8:30 till 11\" [schema]",
            ])
        let order = try errors([
            "2019.yaml": "meetings:\n  - body: samarbetskommitten\n    date: 2019-04-04\n    time: 15:30-12:00\n"
        ])
        #expect(
            order == [
                "2019.yaml:2:5: error: ends (2019-04-04 12:00) before it starts (2019-04-04 15:30); check the times, or give end-date for a meeting over several days [end-before-start]"
            ])
    }

    @Test func duplicateMeeting() throws {
        let result = try errors([
            "2021.yaml": """
            meetings:
              - body: ledningsgruppen
                date: 2021-01-22
              - body: ledningsgruppen
                date: 2021-01-22
            """
        ])
        #expect(
            result == [
                "2021.yaml:4:5: error: duplicate meeting id \"ledningsgruppen-2021-01-22\"; the first is at 2021.yaml:2:5; give one of them its own id [duplicate-meeting]"
            ])
    }

    @Test func aHostThatIsNotAMember() throws {
        var municipalities = try String(contentsOfFile: "\(CalendarCopy.shipped)/municipalities.yaml", encoding: .utf8)
        municipalities = municipalities.replacing(
            "  - slug: salem\n    name: Salem\n    member-from: 2000\n",
            with: "  - slug: salem\n    name: Salem\n    member-from: 2000\n    member-until: 2019\n")
        let result = try errors(["municipalities.yaml": municipalities])
        #expect(
            result == [
                "2021.yaml:45:5: error: Salem hosts a meeting in 2021 but is not a member that year (member 2000–2019) [not-a-member]",
                "conferences.yaml:43:7: error: Salem is named host of Södertörnskonferensen 2020 but is not a member that year (member 2000–2019) [not-a-member]",
            ])
    }

    @Test func meetingInTheWrongYearFile() throws {
        let result = try errors(["2021.yaml": "meetings:\n  - body: ledningsgruppen\n    date: 2022-01-21\n"])
        #expect(
            result == ["2021.yaml:3:11: error: a meeting of 2022 in the file for 2021; move it to 2022.yaml [schema]"])
    }

    @Test func missingFileAndMissingDirectory() throws {
        let result = try errors([:], removing: ["bodies.yaml"])
        #expect(
            result.first == "bodies.yaml:0:0: error: missing file; see calendars/README.md for what it holds [files]")
        let none = CalendarDirectory.load("/nonexistent/calendars").errors.map(\.description)
        #expect(
            none == [
                "/nonexistent/calendars:0:0: error: no calendars directory here; pass --calendars DIR (the repository ships one in calendars/) [files]"
            ])
    }

    @Test func oneBadEntryDoesNotHideTheNext() throws {
        let result = try errors([
            "2021.yaml": """
            meetings:
              - body: ledningsgruppen
                date: 2021-01-32
              - body: ledningsgruppen
                kind: extraordinary
                date: 2021-01-22
            """
        ])
        #expect(result.count == 2)
        #expect(
            result[1]
                == "2021.yaml:5:11: error: unknown kind \"extraordinary\" (did you mean \"extra\"?); use one of ordinary, planning-conference, extra, with-guests, conference [schema]"
        )
    }

    @Test func hostileTextLoadsIntact() throws {
        let copy = try CalendarCopy(replacing: ["2019.yaml": try CalendarCopy.fixture("hostile.yaml")])
        defer { copy.remove() }
        let load = CalendarDirectory.load(copy.path)
        #expect(load.errors.isEmpty)
        let meeting = try #require(load.data.meetings.first)
        #expect(meeting.note?.contains("\r\nBCC: angripare@example.org\r\n") == true)
        #expect(meeting.place?.venue == "StorSthlm 🏛️")
    }
}

@Suite struct ReminderRulesFileTests {
    @Test func reminderRulesComeFromRulesYaml() throws {
        let shipped = CalendarDirectory.load(CalendarCopy.shipped).data.rules.reminders
        #expect(shipped == ReminderRules())
        var rules = try String(contentsOfFile: "\(CalendarCopy.shipped)/rules.yaml", encoding: .utf8)
        rules = rules.replacing("item-days-before: [7, 1]", with: "item-days-before: [14, 3]")
            .replacing("send-time: \"08:00\"", with: "send-time: \"07:30\"")
        let copy = try CalendarCopy(replacing: ["rules.yaml": rules])
        defer { copy.remove() }
        let loaded = CalendarDirectory.load(copy.path).data.rules.reminders
        #expect(
            loaded.itemDaysBefore == [14, 3] && loaded.sendTime == LocalTime(text: "07:30")
                && loaded.agendaDaysBefore == 10)
    }
}

/// Every file in calendars/ is read or reported: none is passed over without a word.
@Suite struct UnreadFilesTests {
    @Test func aYAMLFileThatIsNotReadIsAnError() throws {
        let copy = try CalendarCopy(replacing: [
            "plan-2027.yaml": "meetings:\n  - {body: ledningsgruppen, date: 2027-02-05}\n",
            "notes.yaml": "this: [is broken\n",
            "-999.yaml": "meetings: []\n",
        ])
        defer { copy.remove() }
        let errors = copy.errors()
        #expect(
            errors.contains {
                $0.hasPrefix("-999.yaml:1:1: error: not read: -999 is outside the years") && $0.hasSuffix("[files]")
            })
        #expect(errors.contains { $0.hasPrefix("notes.yaml:1:1: error: not read: calendars/ holds") })
        #expect(errors.contains { $0.hasPrefix("plan-2027.yaml:1:1: error:") && $0.contains("go in 2027.yaml") })
    }

    @Test func otherFilesAndFoldersAreWarnings() throws {
        let copy = try CalendarCopy(replacing: [
            "minutes.pdf": "%PDF", ".2021.yaml.swp": "swap", "external/notes.txt": "x",
        ])
        defer { copy.remove() }
        try FileManager.default.createDirectory(atPath: "\(copy.path)/old", withIntermediateDirectories: false)
        let load = CalendarDirectory.load(copy.path)
        #expect(load.errors.isEmpty)
        let unread = load.readingWarnings.filter { $0.rule == .files }.compactMap { $0.location?.file }
        #expect(unread == ["external/notes.txt", "minutes.pdf", "old"].map { "\(copy.path)/\($0)" })
    }

    @Test func yearFilesAreFourDigitsInRange() {
        #expect(DirectoryListing.year(ofFile: "2027.yaml") == 2027)
        #expect(DirectoryListing.year(ofFile: "-999.yaml") == nil)
        #expect(DirectoryListing.year(ofFile: "0999.yaml") == nil)
        #expect(DirectoryListing.year(ofFile: "2027.yml") == nil)
    }
}

/// Control characters cut iCalendar text and database strings short: refused, located.
@Suite struct ControlCharacterTests {
    @Test func aNULInAVenueIsALocatedError() throws {
        let copy = try CalendarCopy(replacing: [
            "2027.yaml": "meetings:\n  - {body: ledningsgruppen, date: 2027-02-05, venue: \"Huset\\0 bakom\"}\n"
        ])
        defer { copy.remove() }
        #expect(copy.errors().contains { $0.hasPrefix("2027.yaml:2:") && $0.contains("control character U+0000") })
    }

    @Test func ownersAndTitlesRefuseThem() {
        #expect(Owner("person:Eve\nmunicipality:atlantis") == nil)
        #expect(Owner("person:Eve\u{0}") == nil)
        #expect(Owner("person:Eve") == .person("Eve"))
        let item = Item(title: "NUL\u{0}here", body: "ledningsgruppen", owners: [.role(.kansli)])
        let data = CalendarDirectory.load(CalendarCopy.shipped).data
        #expect(item.problems(in: data) == ["title holds the control character U+0000; remove it"])
    }
}

/// YAML anchors and aliases are refused before parsing: an alias bomb used as a mapping
/// key once cost 94 s of CPU in `check`.
@Suite struct YAMLAliasTests {
    static let bomb = """
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        ? *g
        : 1
        ? [*g, *g]
        : 2

        """

    @Test func anAliasBombIsRefusedAtOnceAndLocated() throws {
        let copy = try CalendarCopy(replacing: ["2027.yaml": Self.bomb])
        defer { copy.remove() }
        let started = ContinuousClock.now
        let errors = copy.errors()
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(errors.contains { $0.hasPrefix("2027.yaml:1:4: error: an anchor (&a)") })
    }

    @Test func ampersandsAndStarsInsideTextAreText() {
        #expect(YAMLAliases.first(in: "venue: Café & bar\nnote: \"*viktigt*\"\nx: 'a & *b'\n# *kommentar\n") == nil)
        #expect(YAMLAliases.first(in: "meetings:\n  - *m\n")?.line == 2)
        #expect(YAMLAliases.first(in: "{a: 1, *k: 2}")?.token == "*k")
        #expect(YAMLAliases.first(in: "title: Q&A med AT&T\nnote: 2*3\n") == nil)
    }

    @Test func anAliasIsFoundInWindowsLineEndsAfterTagsAndLocatedInCharacters() {
        let crlf = YAMLAliases.first(in: "a: 1\r\n# *kommentar\r\nb: *x\r\n")
        #expect(crlf?.line == 3)
        #expect(crlf?.token == "*x")
        #expect(YAMLAliases.first(in: "a: !!str &a text\n")?.token == "&a")
        #expect(YAMLAliases.first(in: "ö: &a\n")?.column == 4)
    }
}

/// Dates far out are one located error in the loader, not 454,604 warnings in `check`
/// and a refusal in `export`.
@Suite struct DateRangeTests {
    @Test func anEndDateInYear9999IsALocatedError() throws {
        let copy = try CalendarCopy(replacing: [
            "2027.yaml": "meetings:\n  - {body: ledningsgruppen, date: 2027-02-05, end-date: 9999-12-31}\n"
        ])
        defer { copy.remove() }
        #expect(
            copy.errors().contains { $0.hasPrefix("2027.yaml:2:") && $0.contains("9999-12-31 is outside the years") })
    }
}

/// Errors found across files point at the line that causes them.
@Suite struct CrossFileErrorTests {
    @Test func unknownSlugsInTheRulesAndBodiesAreLocated() throws {
        let rules = try String(contentsOfFile: "\(CalendarCopy.shipped)/rules.yaml", encoding: .utf8)
        let bodies = try String(contentsOfFile: "\(CalendarCopy.shipped)/bodies.yaml", encoding: .utf8)
        let copy = try CalendarCopy(replacing: [
            "rules.yaml": rules.replacing("nynashamn", with: "nynashamm"),
            "bodies.yaml": bodies.replacing("prepared-by: ledningsgruppen", with: "prepared-by: ledningsgrupp"),
        ])
        defer { copy.remove() }
        let errors = copy.errors()
        #expect(errors.contains { $0.hasPrefix("rules.yaml:") && $0.contains("unknown municipality \"nynashamm\"") })
        #expect(errors.contains { $0.hasPrefix("bodies.yaml:") && $0.contains("unknown body \"ledningsgrupp\"") })
        #expect(!errors.contains { $0.hasPrefix("?") || $0.hasPrefix(":") })
    }

    @Test func aDuplicateSlugIsLocatedWithItsFirstDefinition() throws {
        let bodies = try String(contentsOfFile: "\(CalendarCopy.shipped)/bodies.yaml", encoding: .utf8)
        let copy = try CalendarCopy(replacing: [
            "bodies.yaml": bodies + "\n  - {slug: huddinge, name: Huddinge}\n"
        ])
        defer { copy.remove() }
        let load = CalendarDirectory.load(copy.path)
        let duplicate = try #require(load.errors.first { $0.rule == .duplicate })
        #expect(duplicate.location?.file.hasSuffix("bodies.yaml") == true)
        #expect(duplicate.message.contains("first at \(copy.path)/municipalities.yaml:"))
    }
}
