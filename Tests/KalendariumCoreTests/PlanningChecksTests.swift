import Testing

@testable import KalendariumCore

@Suite struct PlanningChecksTests {
    func rules(_ meetings: [Meeting], _ check: ([Meeting], CalendarData) -> [Diagnostic]) -> [String] {
        check(meetings, Sodertorn.data(meetings: meetings)).map {
            "\($0.date?.description ?? "\($0.year!)") \($0.rule)"
        }
    }

    @Test func usualSlotPassesAndFails() {
        #expect(rules([meeting("samarbetskommitten", "2019-11-14")], PlanningChecks.usualSlot).isEmpty)
        #expect(
            rules([meeting("samarbetskommitten", "2019-11-29")], PlanningChecks.usualSlot) == ["2019-11-29 weekday"])
        #expect(
            rules([meeting("ledningsgruppen", "2021-08-20", "08:30", "10:15")], PlanningChecks.usualSlot)
                == ["2021-08-20 time"])
        // An extra meeting has its own day and time by nature.
        #expect(
            rules([meeting("ledningsgruppen", "2020-11-26", "19:00", "20:00", kind: .extra)], PlanningChecks.usualSlot)
                .isEmpty)
    }

    @Test func aYearWithMeetingsAndNoChairIsAWarning() {
        let meetings = [meeting("samarbetskommitten", "2019-11-14"), meeting("samarbetskommitten", "2020-10-29")]
        #expect(rules(meetings, PlanningChecks.chairs) == ["2019 no-chair", "2020 no-chair"])
        let k = Sodertorn.kommitten
        let chaired = Body(
            slug: k.slug, name: k.name, weekday: k.weekday, start: k.start, end: k.end,
            minimumMeetingsPerYear: k.minimumMeetingsPerYear, members: k.members, attendees: k.attendees,
            preparedBy: k.preparedBy, chairs: [ChairTerm(year: 2019, chair: Chairperson(name: "Meeri Wasberg"))])
        var data = Sodertorn.data(meetings: meetings)
        data.bodies = [Sodertorn.ledningsgruppen, chaired]
        #expect(
            PlanningChecks.chairs(meetings, data).map { "\($0.year!) \($0.subject!)" } == ["2020 samarbetskommitten"])
    }

    @Test func holidaysAndNonMeetingPeriods() {
        #expect(rules([meeting("ledningsgruppen", "2019-05-31")], PlanningChecks.daysOff).isEmpty)
        #expect(rules([meeting("samarbetskommitten", "2019-05-30")], PlanningChecks.daysOff) == ["2019-05-30 holiday"])
        #expect(
            rules([meeting("ledningsgruppen", "2021-07-09")], PlanningChecks.daysOff) == [
                "2021-07-09 non-meeting-period"
            ])
        #expect(
            rules([meeting("ledningsgruppen", "2020-01-03")], PlanningChecks.daysOff) == [
                "2020-01-03 non-meeting-period"
            ])
        let twoDays = Meeting(
            subject: .body("samarbetskommitten"), kind: .planningConference,
            schedule: .timed(
                startDate: date("2026-06-18"), start: time("12:00"), endDate: date("2026-06-19"), end: time("13:00")))
        #expect(rules([twoDays], PlanningChecks.daysOff) == ["2026-06-19 holiday"])
    }

    @Test func minimumMeetingsPerYear() {
        let six = ["01-25", "03-08", "04-26", "08-16", "10-04", "12-06"].map {
            meeting("ledningsgruppen", "2019-\($0)")
        }
        #expect(rules(six, PlanningChecks.minimumMeetings).isEmpty)
        #expect(rules(Array(six.dropLast()), PlanningChecks.minimumMeetings) == ["2019 minimum-meetings"])
        // A cancelled meeting does not count (warnings() drops cancelled ones before the rules run).
        let data = Sodertorn.data(
            meetings: Array(six.dropLast()) + [meeting("ledningsgruppen", "2019-12-06", status: .cancelled)])
        #expect(PlanningChecks.warnings(in: data).contains { $0.rule == .minimumMeetings })
    }

    @Test func committeeMeetingsArePreparedByLedningsgruppen() {
        let prepared = [meeting("ledningsgruppen", "2019-01-25"), meeting("samarbetskommitten", "2019-02-07")]
        #expect(rules(prepared, PlanningChecks.preparation).isEmpty)
        // Between meetings (the default): 27 days before still prepares, as in 2019 …
        let early = [meeting("ledningsgruppen", "2019-03-08"), meeting("samarbetskommitten", "2019-04-04")]
        #expect(rules(early, PlanningChecks.preparation).isEmpty)
        // … but not a ledningsgrupp meeting before the committee's previous one.
        let twice = early + [meeting("samarbetskommitten", "2019-05-09")]
        #expect(rules(twice, PlanningChecks.preparation) == ["2019-05-09 preparation"])
        let after = [meeting("samarbetskommitten", "2019-05-09"), meeting("ledningsgruppen", "2019-05-10")]
        #expect(rules(after, PlanningChecks.preparation) == ["2019-05-09 preparation"])
        // A session with guests in between starts no new round.
        let guests =
            early + [
                meeting("samarbetskommitten", "2019-04-11", kind: .withGuests),
                meeting("samarbetskommitten", "2019-04-25"),
            ]
        #expect(rules(guests, PlanningChecks.preparation) == ["2019-04-25 preparation"])
        // The window, when rules.yaml asks for it: 27 days is too early for 21.
        var strict = Sodertorn.data(meetings: early)
        strict.rules.preparation = .window(days: 21)
        #expect(PlanningChecks.preparation(early, strict).map(\.rule) == [.preparation])
    }

    @Test func overlappingMeetingsOfTheSamePeople() {
        let apart = [
            meeting("ledningsgruppen", "2021-10-08"), meeting("samarbetskommitten", "2021-10-08", "12:00", "15:30"),
        ]
        #expect(rules(apart, PlanningChecks.overlaps).isEmpty)
        let clash = [
            meeting("ledningsgruppen", "2021-10-08", "10:00", "13:00"), meeting("samarbetskommitten", "2021-10-08"),
        ]
        #expect(rules(clash, PlanningChecks.overlaps) == ["2021-10-08 overlap"])
        // Different people may meet at the same time.
        let lg = Body(
            slug: "lg", name: "LG", weekday: .friday, start: time("08:30"), end: time("11:00"),
            minimumMeetingsPerYear: 6, members: [.kommundirektor])
        let network = Body(
            slug: "net", name: "Net", weekday: .friday, start: time("08:30"), end: time("11:00"),
            minimumMeetingsPerYear: 0, members: [.network])
        let data = CalendarData(
            municipalities: [], bodies: [lg, network], conferences: [],
            meetings: [meeting("lg", "2021-10-08"), meeting("net", "2021-10-08")])
        #expect(PlanningChecks.overlaps(data.meetings, data).isEmpty)
    }

    @Test func conferenceYearsNeedHosts() {
        let held = Sodertorn.data(meetings: [meeting("ledningsgruppen", "2027-01-22")])
        #expect(PlanningChecks.conferenceHosts(held).isEmpty)
        // Only one member left: a pair cannot be formed.
        var data = Sodertorn.data(meetings: [meeting("ledningsgruppen", "2031-01-24")])
        data.municipalities = Sodertorn.municipalities(
            leaving: Dictionary(
                uniqueKeysWithValues:
                    Sodertorn.slugs.dropFirst().map { ($0, 2030) }))
        let warnings = PlanningChecks.conferenceHosts(data).map { "\($0.subject!) \($0.year!) \($0.rule)" }
        #expect(warnings == ["sodertornskonferensen 2031 no-host"])
    }

    @Test func conferenceHeldOutsideItsHosts() {
        let wrong = Meeting(
            subject: .conference("radslag"), schedule: .allDay(first: date("2019-04-10"), last: date("2019-04-10")),
            place: Place(municipality: "tyreso"))
        let right = Meeting(
            subject: .conference("radslag"), schedule: .allDay(first: date("2019-04-10"), last: date("2019-04-10")),
            place: Place(municipality: "salem"))
        #expect(PlanningChecks.conferenceHosts(Sodertorn.data(meetings: [right])).isEmpty)
        #expect(PlanningChecks.conferenceHosts(Sodertorn.data(meetings: [wrong])).map(\.rule) == [.hostPlace])
    }

    @Test func externalEventsClash() {
        let mälartinget = ExternalEvent(
            calendar: "regionen.ics", summary: "Mälartinget",
            schedule: .allDay(first: date("2021-09-02"), last: date("2021-09-03")))
        let data = Sodertorn.data(meetings: [
            meeting("samarbetskommitten", "2021-09-02"), meeting("samarbetskommitten", "2021-09-09"),
        ])
        let warnings = PlanningChecks.externalClashes(data.meetings, data, [mälartinget])
        #expect(
            warnings.map(\.description) == [
                "warning: 2021-09-02 samarbetskommitten: clashes with \"Mälartinget\" in regionen.ics [external-clash]"
            ])
    }
}

@Suite struct DataValidatorTests {
    @Test func unknownNamesGetASuggestion() {
        let data = Sodertorn.data(meetings: [
            Meeting(
                subject: .body("ledningsgrupp"), schedule: .allDay(first: date("2021-01-22"), last: date("2021-01-22"))),
            meeting("samarbetskommitten", "2021-02-04", municipality: "nynasham"),
        ])
        let messages = DataValidator.errors(in: data).map(\.message)
        #expect(
            messages == [
                "unknown body \"ledningsgrupp\" (did you mean \"ledningsgruppen\"?)",
                "unknown municipality \"nynasham\" (did you mean \"nynashamn\"?)",
            ])
    }

    @Test func duplicatesAndImpossibleSpans() {
        let data = Sodertorn.data(meetings: [
            meeting("ledningsgruppen", "2021-01-22"), meeting("ledningsgruppen", "2021-01-22"),
            meeting("samarbetskommitten", "2021-02-04", "15:00", "12:00"),
        ])
        let rules = DataValidator.errors(in: data).map(\.rule)
        #expect(rules == [.duplicateMeeting, .endBeforeStart])
    }

    @Test func hostsMustBeMembersThatYear() {
        var data = Sodertorn.data(meetings: [meeting("samarbetskommitten", "2031-02-06", municipality: "salem")])
        data.municipalities = Sodertorn.municipalities(leaving: ["salem": 2030])
        let errors = DataValidator.errors(in: data)
        #expect(errors.map(\.rule) == [.notAMember])
        #expect(
            errors.first?.message == "Salem hosts a meeting in 2031 but is not a member that year (member 2000–2030)")
        var history = Sodertorn.data(meetings: [])
        history.municipalities = Sodertorn.municipalities(leaving: ["tyreso": 2020])
        #expect(DataValidator.errors(in: history).map(\.rule) == [.notAMember, .notAMember])
    }

    @Test func theShippedStructureIsValid() {
        #expect(DataValidator.errors(in: Sodertorn.data(meetings: [meeting("ledningsgruppen", "2019-01-25")])).isEmpty)
    }
}
