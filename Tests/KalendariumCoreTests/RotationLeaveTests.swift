import Testing

@testable import KalendariumCore

/// Leaving mid-year (agreement § 2), the real turn after a leave, postponed turns and moved years.
@Suite struct RotationLeaveTests {
    /// The shipped conferences' seasons: Rådslag in spring, Södertörnskonferensen in autumn.
    static func seasoned(_ conference: Conference, _ season: Season, overrides: [RotationOverride] = []) -> Conference {
        Conference(
            slug: conference.slug, name: conference.name, hostRule: conference.hostRule, season: season,
            history: conference.history, overrides: overrides, participants: conference.participants)
    }

    static func municipalities(salemLastDay: String) -> [Municipality] {
        Sodertorn.municipalities().map { $0.slug == "salem" ? $0.leaving(after: date(salemLastDay)) : $0 }
    }

    func entries(
        _ conference: Conference, _ years: ClosedRange<Int>,
        _ municipalities: [Municipality] = Sodertorn.municipalities()
    ) throws -> [Int: RotationEntry] {
        let rotation = try HostRotation(conference: conference, municipalities: municipalities)
        return Dictionary(uniqueKeysWithValues: rotation.entries(in: years).map { ($0.year, $0) })
    }

    // MARK: - The leaving date

    @Test func noticeCountsFromTheFirstOfTheNextMonthForTwelveMonths() {
        let notice = Withdrawal(noticeReceived: date("2030-05-10"))
        #expect(notice.countedFrom == date("2030-06-01"))
        #expect(notice.lastDay == date("2031-05-31"))
        #expect(notice.firstDayOutside == date("2031-06-01"))
        // Received on the first: the turn of the month comes after it, on 1 July.
        #expect(Withdrawal(noticeReceived: date("2030-06-01")).lastDay == date("2031-06-30"))
        #expect(Withdrawal(noticeReceived: date("2030-12-15")).lastDay == date("2031-12-31"))
    }

    @Test func aMemberUntilYearLastsToTheEndOfThatYear() {
        let tyreso = Municipality(slug: "tyreso", name: "Tyresö", memberFrom: 2000, memberUntil: 2029)
        #expect(tyreso.lastDay == date("2029-12-31") && tyreso.memberUntil == 2029)
        #expect(tyreso.isMember(on: date("2029-12-31")) && !tyreso.isMember(on: date("2030-01-01")))
        let salem = tyreso.leaving(after: date("2031-05-31"))
        #expect(salem.isMember(in: 2031) && salem.isMember(on: date("2031-05-31")))
        #expect(!salem.isMember(on: date("2031-06-01")))
    }

    @Test func aLeaverOnTheLastOfMayHostsTheSpringButNotTheAutumn() throws {
        // Salem's last day is 31 May 2035: Rådslag (spring) 2035 is Salem's; Södertörnskonferensen
        // (autumn) 2032 would be Botkyrka and Salem, but Salem has left by then when it ends on 2032-05-31.
        let radslag = try entries(
            Self.seasoned(Sodertorn.radslag(), .spring), 2035...2036, Self.municipalities(salemLastDay: "2035-05-31"))
        #expect(radslag[2035]?.hosts == ["salem"])
        #expect(radslag[2036]?.hosts == ["nynashamn"])
        let konferensen = try entries(
            Self.seasoned(Sodertorn.konferensen(), .autumn), 2031...2032,
            Self.municipalities(salemLastDay: "2032-05-31"))
        #expect(konferensen[2031]?.hosts == ["nynashamn", "haninge"])
        #expect(konferensen[2032]?.hosts == ["botkyrka", "huddinge"])
    }

    // MARK: - The real turn

    @Test func afterALeaveTheReasonCountsTurnsAmongTheMembersLeft() throws {
        let salemLeaves = Self.municipalities(salemLastDay: "2031-05-31")
        let radslag = try entries(Self.seasoned(Sodertorn.radslag(), .spring), 2031...2035, salemLeaves)
        #expect(radslag[2031]?.reason.description == "cycle position 5 of 8 (turn order recorded 2019–2026)")
        #expect(radslag[2032]?.hosts == ["haninge"])
        #expect(radslag[2032]?.reason.description == "turn 1 of 7 since salem left in 2031")
        #expect(radslag[2034]?.reason.description == "turn 3 of 7 since salem left in 2031")
        #expect(radslag[2035]?.hosts == ["nynashamn"])
        #expect(
            radslag[2035]?.reason.description(names: { $0.prefix(1).uppercased() + $0.dropFirst() })
                == "turn 4 of 7 since Salem left in 2031")

        let konferensen = try entries(Self.seasoned(Sodertorn.konferensen(), .autumn), 2031...2034, salemLeaves)
        #expect(konferensen[2031]?.reason.description == "turns 1–2 of 7 since salem left in 2031")
        #expect(konferensen[2032]?.hosts == ["botkyrka", "huddinge"])
        #expect(konferensen[2034]?.hosts == ["nykvarn", "nynashamn"])
        #expect(konferensen[2034]?.reason.description == "turns 7 and 1 of 7 since salem left in 2031")
    }

    @Test func anEarlierLeaverIsNamedAsSkipped() throws {
        let both = Sodertorn.municipalities(leaving: ["tyreso": 2029]).map {
            $0.slug == "salem" ? $0.leaving(after: date("2031-12-31")) : $0
        }
        let radslag = try entries(Sodertorn.radslag(), 2030...2032, both)
        #expect(radslag[2030]?.reason.description == "turn 1 of 7 since tyreso left in 2029")
        #expect(
            radslag[2032]?.reason.description == "turn 1 of 6 since salem left in 2031; skipping tyreso (not a member)")
    }

    // MARK: - Postponed turns

    @Test func aCancelledYearPostponesItsHostsAndEveryLaterYearShifts() throws {
        let conference = Sodertorn.radslag(overrides: [RotationOverride(.cancelled(2027), note: "ekonomin")])
        let result = try entries(conference, 2027...2036)
        #expect(result[2027]?.hosts == [] && result[2027]?.status == .cancelled)
        #expect(result[2027]?.reason.description == "override: cancelled; salem hosts in 2028 instead: ekonomin")
        #expect(result[2028]?.hosts == ["salem"])
        #expect(
            result[2028]?.reason.description
                == "cycle position 1 of 8 (turn order recorded 2019–2026); salem postponed from 2027 (cancelled)")
        #expect(result[2029]?.hosts == ["nynashamn"])
        #expect(result[2029]?.reason.description == "cycle position 2 of 8 (turn order recorded 2019–2026)")
        #expect(result[2035]?.hosts == ["huddinge"] && result[2036]?.hosts == ["salem"])
    }

    @Test func aPostponedPairKeepsItsTurnAtTheEndOfTheRange() throws {
        let conference = Sodertorn.konferensen(overrides: [RotationOverride(.cancelled(2027))])
        let rotation = try HostRotation(conference: conference, municipalities: Sodertorn.municipalities())
        // Asked for 2027 alone, the reason still knows where the turn went.
        #expect(
            rotation.entry(for: 2027)?.reason.description
                == "override: cancelled; nynashamn and haninge host in 2028 instead")
        #expect(rotation.entry(for: 2028)?.hosts == ["nynashamn", "haninge"])
    }

    @Test func explicitHostsPostponeTheDisplacedHost() throws {
        let conference = Sodertorn.radslag(overrides: [RotationOverride(.hosts(2030, ["salem"]), note: "jubileum")])
        let result = try entries(conference, 2029...2032)
        #expect(
            result.mapValues(\.hosts) == [2029: ["botkyrka"], 2030: ["salem"], 2031: ["tyreso"], 2032: ["sodertalje"]])
        #expect(
            result[2030]?.reason.description
                == "override: explicit hosts instead of tyreso; tyreso hosts in 2031 instead: jubileum")
        #expect(
            result[2031]?.reason.description.hasSuffix("; tyreso postponed from 2030 (other hosts that year)") == true)
    }

    @Test func aPostponedHostThatLeavesFirstLosesItsTurn() throws {
        let conference = Sodertorn.radslag(overrides: [RotationOverride(.cancelled(2027))])
        let result = try entries(conference, 2027...2028, Sodertorn.municipalities(leaving: ["salem": 2027]))
        #expect(result[2027]?.reason.description == "override: cancelled; salem loses its turn")
        #expect(result[2028]?.hosts == ["nynashamn"])
        #expect(result[2028]?.reason.description == "turn 1 of 7 since salem left in 2027")
    }

    // MARK: - Moved years

    static let moved = seasoned(
        Sodertorn.konferensen(), .autumn,
        overrides: [
            RotationOverride(.moved(2020, to: ConferenceMove(year: 2021, season: .spring)), note: "beslut 2020-11-20"),
            RotationOverride(.digital(2020), note: "arrangerad digitalt"),
        ])

    @Test func aMovedYearKeepsItsHostsAndSaysWhen() throws {
        let result = try entries(Self.moved, 2020...2021)
        let year = try #require(result[2020])
        #expect(year.hosts == ["botkyrka", "salem"] && year.status == .digital)
        #expect(year.movedTo == ConferenceMove(year: 2021, season: .spring))
        #expect(
            year.reason.description
                == "recorded in the documents (matches the cycle); moved to spring 2021: beslut 2020-11-20; "
                + "held digitally: arrangerad digitalt")
        #expect(result[2021]?.hosts == ["huddinge", "tyreso"] && result[2021]?.movedTo == nil)
    }

    @Test func theMovedEventBelongsToTheYearItCameFrom() {
        let spring = Meeting(
            subject: .conference("sodertornskonferensen"), schedule: .undated(year: 2021, season: .spring))
        let autumn = Meeting(
            subject: .conference("sodertornskonferensen"),
            schedule: .allDay(first: date("2021-09-23"), last: date("2021-09-23")))
        let april = Meeting(
            subject: .conference("sodertornskonferensen"),
            schedule: .allDay(first: date("2021-04-20"), last: date("2021-04-20")))
        #expect(Self.moved.conferenceYear(of: spring) == 2020)
        #expect(Self.moved.conferenceYear(of: april) == 2020)
        #expect(Self.moved.conferenceYear(of: autumn) == 2021)
    }

    @Test func theCheckHoldsTheMovedEventToTheHostsOfItsYear() {
        let inSalem = Meeting(
            subject: .conference("sodertornskonferensen"),
            schedule: .allDay(first: date("2021-04-20"), last: date("2021-04-20")), place: Place(municipality: "salem"))
        let inTyreso = Meeting(
            subject: .conference("sodertornskonferensen"),
            schedule: .allDay(first: date("2021-04-22"), last: date("2021-04-22")), place: Place(municipality: "tyreso")
        )
        let data = Sodertorn.data(meetings: [inSalem, inTyreso], conferences: [Self.moved])
        let warnings = PlanningChecks.conferenceHosts(data).map(\.message)
        #expect(warnings == ["held in Tyreso, but the hosts of 2020 are Botkyrka and Salem"])
    }

    // MARK: - The preview

    @Test func aPreviewMarksTheYearsTheLeaveChanges() throws {
        let preview = try WithdrawalPreview(
            leaving: "salem", withdrawal: Withdrawal(noticeReceived: date("2030-05-10")),
            municipalities: Sodertorn.municipalities(),
            conferences: [Self.seasoned(Sodertorn.radslag(), .spring), Self.seasoned(Sodertorn.konferensen(), .autumn)])
        #expect(preview.years == 2030...2039)
        let changed = preview.rows.filter(\.changed).map { "\($0.after.conference) \($0.after.year)" }
        #expect(changed.first == "radslag 2035")
        #expect(changed.contains("sodertornskonferensen 2032") && !changed.contains("sodertornskonferensen 2031"))
        #expect(!changed.contains("radslag 2034"))
    }

    @Test func aPreviewTellsWhatToFix() {
        let notice = Withdrawal(noticeReceived: date("2030-05-10"))
        #expect(
            throws: WithdrawalError(
                "unknown municipality \"salme\" (did you mean \"salem\"?); known: "
                    + Sodertorn.slugs.joined(separator: ", "))
        ) {
            try WithdrawalPreview(
                leaving: "salme", withdrawal: notice, municipalities: Sodertorn.municipalities(), conferences: [])
        }
        #expect(
            throws: WithdrawalError(
                "salem already left: municipalities.yaml says member-until 2029-12-31 (its last day)")
        ) {
            try WithdrawalPreview(
                leaving: "salem", withdrawal: notice,
                municipalities: Sodertorn.municipalities(leaving: ["salem": 2029]),
                conferences: [])
        }
    }
}
