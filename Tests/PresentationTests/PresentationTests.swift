import Foundation
import Testing

@testable import KalendariumCore
@testable import Presentation

/// The Swedish text people read, pinned word for word: a change here is a change a
/// native speaker should review.
@Suite struct PresentationTests {
    static let kommitten = Body(
        slug: "samarbetskommitten", name: "Samarbetskommittén", weekday: .thursday,
        start: LocalTime(hour: 12, minute: 0)!, end: LocalTime(hour: 15, minute: 30)!, minimumMeetingsPerYear: 6,
        members: [.kso])

    static let data = CalendarData(
        municipalities: [
            Municipality(slug: "salem", name: "Salem", memberFrom: 2000, memberUntil: nil),
            Municipality(slug: "tyreso", name: "Tyresö", memberFrom: 2000, memberUntil: nil),
        ],
        bodies: [kommitten], conferences: [], meetings: [])

    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func datesListsAndPlaces() {
        #expect(Swedish.date(Self.day("2020-12-10")) == "torsdag 10 december 2020")
        #expect(Swedish.shortDate(Self.day("2019-01-25")) == "fre 25 jan 2019")
        #expect(Swedish.list(["A"]) == "A" && Swedish.list(["A", "B", "C"]) == "A, B och C")
        #expect(
            Swedish.place(Place(municipality: "tyreso", venue: "Tyresö slott"), Self.data) == "Tyresö slott, Tyresö")
        #expect(Swedish.place(Place(digital: DigitalMeeting(platform: "Teams")), Self.data) == "Digitalt (Teams)")
        #expect(Swedish.place(Place(municipality: "salem", digital: DigitalMeeting()), Self.data) == "Salem, digitalt")
        #expect(Swedish.place(Place(), Self.data) == nil)
        #expect(Swedish.undated(.autumn, 2019) == "datum ej fastställt, hösten 2019")
    }

    @Test func holidaysHaveTheirSwedishNames() {
        let names = SwedishHolidays.holidays(in: 2026).map { "\($0.date) \(Swedish.holiday($0.kind))" }
        #expect(
            names == [
                "2026-01-01 Nyårsdagen", "2026-01-06 Trettondedag jul", "2026-04-03 Långfredagen",
                "2026-04-04 Påskafton", "2026-04-05 Påskdagen", "2026-04-06 Annandag påsk", "2026-05-01 Första maj",
                "2026-05-14 Kristi himmelsfärdsdag", "2026-05-24 Pingstdagen", "2026-06-06 Sveriges nationaldag",
                "2026-06-19 Midsommarafton", "2026-06-20 Midsommardagen", "2026-10-31 Alla helgons dag",
                "2026-12-24 Julafton", "2026-12-25 Juldagen", "2026-12-26 Annandag jul", "2026-12-31 Nyårsafton",
            ])
    }

    @Test func aHolidayWarningNamesTheHoliday() {
        let warning = Diagnostic(.warning, rule: .holiday, "falls on Ascension Day", date: Self.day("2019-05-30"))
        #expect(Swedish.deviation(warning) == "på en helgdag (Kristi himmelsfärdsdag)")
    }

    @Test func everyRuleHasSwedishWords() {
        for rule in DiagnosticRule.allCases {
            #expect(!Swedish.rule(rule).isEmpty && Swedish.rule(rule) != rule.rawValue)
        }
    }

    @Test func anAgendaNoticeReadsAsBefore() {
        let meeting = Meeting(
            subject: .body("samarbetskommitten"),
            schedule: .timed(
                startDate: Self.day("2021-09-02"), start: LocalTime(hour: 12, minute: 0)!,
                endDate: Self.day("2021-09-02"), end: LocalTime(hour: 15, minute: 30)!),
            place: Place(municipality: "salem"), note: "Lunch från 11:30")
        let item = Item(
            title: "Remissvar om Södertäljebroarna", body: "samarbetskommitten", owners: [.role(.kansli)],
            due: Self.day("2021-09-30"), status: .inProgress)
        let recipient = Recipient(name: "Eva", email: "eva@example.org", receives: [.agenda])
        let envelope = ReminderPass.Envelope(
            recipient: recipient,
            reminders: [
                Reminder(key: "k", recipient: recipient, subject: .agenda(meeting, openItems: [item]))
            ])
        #expect(
            ReminderText.subject(envelope, data: Self.data)
                == "Kallelse: samarbetskommitténs möte torsdag 2 september 2021")
        let body = ReminderText.body(
            envelope, data: Self.data, pageURL: "https://k.example.org/", unsubscribe: "kansli@example.org")
        #expect(
            body == """
                Hej Eva!

                Kallelse till samarbetskommitténs möte torsdag 2 september 2021.
                Tid: torsdag 2 september 2021 kl. 12:00–15:30.
                Plats: Salem.
                Lunch från 11:30

                Utestående ärenden:
                  • Remissvar om Södertäljebroarna (pågår, klart senast torsdag 30 september 2021)
                Mötet finns som bilaga och i prenumerationen på kalendern.

                Kalendarium: https://k.example.org/

                --
                Du får detta mejl från Södertörnskommunernas kalendarium eftersom du finns i mottagarlistan för kallelser.
                Vill du inte längre få mejl av det här slaget? Skriv till kansli@example.org.

                """)
    }

    @Test func theNoticeTheFeedAndThePageNameTheChair() {
        let committee = Body(
            slug: "samarbetskommitten", name: "Samarbetskommittén", weekday: .thursday,
            start: LocalTime(hour: 12, minute: 0)!, end: LocalTime(hour: 15, minute: 30)!, minimumMeetingsPerYear: 6,
            members: [.kso],
            chairs: [ChairTerm(year: 2021, chair: Chairperson(name: "Meeri Wasberg", municipality: "salem"))])
        let data = CalendarData(
            municipalities: Self.data.municipalities, bodies: [committee], conferences: [], meetings: [])
        let meeting = Meeting(
            subject: .body("samarbetskommitten"),
            schedule: .timed(
                startDate: Self.day("2021-09-02"), start: LocalTime(hour: 12, minute: 0)!,
                endDate: Self.day("2021-09-02"), end: LocalTime(hour: 15, minute: 30)!))
        let recipient = Recipient(name: "Eva", email: "eva@example.org", receives: [.agenda])
        let envelope = ReminderPass.Envelope(
            recipient: recipient,
            reminders: [Reminder(key: "k", recipient: recipient, subject: .agenda(meeting, openItems: []))])
        let body = ReminderText.body(
            envelope, data: data, pageURL: "https://k.example.org/", unsubscribe: "kansli@example.org")
        #expect(body.contains("Tid: torsdag 2 september 2021 kl. 12:00–15:30.\nOrdförande: Meeri Wasberg (Salem).\n"))
        let description = Swedish.eventDescription(
            meeting, data, hosts: nil, status: .planned, pageURL: "https://k.example.org/")
        #expect(description.split(separator: "\n").contains("Ordförande: Meeri Wasberg (Salem)"))
        #expect(
            PageView(data: data, feeds: [], warnings: [], problems: [], builtAt: nil).row(meeting, data)["chair"]
                as? String == "Meeri Wasberg (Salem)")
        // A meeting led by someone else names them, with no municipality when none is known.
        let led = Meeting(
            subject: meeting.subject, schedule: meeting.schedule, chair: Chairperson(name: "Boel Godner"))
        #expect(Swedish.chair(of: led, data) == "Boel Godner")
        // No chair in the data: no line.
        let other = Meeting(
            subject: meeting.subject,
            schedule: .timed(
                startDate: Self.day("2022-09-01"), start: LocalTime(hour: 12, minute: 0)!,
                endDate: Self.day("2022-09-01"), end: LocalTime(hour: 15, minute: 30)!))
        #expect(
            !Swedish.eventDescription(other, data, hosts: nil, status: .planned, pageURL: "u").contains("Ordförande"))
    }

    @Test func anItemReminderNamesItsDetails() {
        let item = Item(
            title: "Svara på remissen", description: "Gemensamt svar.", body: "samarbetskommitten",
            owners: [.role(.kansli)], due: Self.day("2021-09-30"), status: .open,
            history: [Item.Note(date: Self.day("2021-09-01"), status: .open, text: "Utkast skickat")])
        let recipient = Recipient(name: "Eva", email: "eva@example.org", receives: [.items, .overdue])
        let envelope = ReminderPass.Envelope(
            recipient: recipient,
            reminders: [
                Reminder(key: "a", recipient: recipient, subject: .itemDue(item, daysLeft: 1)),
                Reminder(key: "b", recipient: recipient, subject: .itemOverdue(item, daysLate: 3)),
            ])
        #expect(ReminderText.subject(envelope, data: Self.data) == "Södertörnskommunerna: 2 påminnelser")
        let body = ReminderText.body(envelope, data: Self.data, pageURL: "https://k/", unsubscribe: "k@example.org")
        #expect(
            body.contains(
                """
                Ärendet "Svara på remissen" ska vara klart i morgon (torsdag 30 september 2021).
                Status: Öppet.
                Gemensamt svar.
                Senaste anteckning (2021-09-01): Utkast skickat

                Ärendet "Svara på remissen" skulle ha varit klart för 3 dagar sedan (torsdag 30 september 2021) och är fortfarande öppet.
                """))
        #expect(body.contains("mottagarlistan för påminnelser om dina ärenden och för försenade ärenden."))
    }

    @Test func theHTMLPartIsTheTextEscaped() {
        #expect(
            ReminderText.html("Hej <Eva> & co!\n\nRad ett\nRad \"två\"\n")
                == """
                <!doctype html><html lang="sv"><body style="font-family: sans-serif">
                <p>Hej &lt;Eva&gt; &amp; co!</p>
                <p>Rad ett<br>
                Rad &quot;två&quot;</p>
                </body></html>

                """)
    }

    @Test func aBlankLineEndsAParagraphAndAThirdNewlineIsALineBreak() {
        #expect(
            ReminderText.html("a\n\n\nb'\u{301}")
                == """
                <!doctype html><html lang="sv"><body style="font-family: sans-serif">
                <p>a</p>
                <p><br>
                b&#39;\u{301}</p>
                </body></html>

                """)
        #expect(ReminderText.html("").contains("<body style=\"font-family: sans-serif\">\n<p></p>\n</body>"))
    }

    /// Escaping replaces the five characters wherever they stand, even before a combining
    /// mark, and nothing else: unescaping gives the text back.
    @Test(arguments: ["", "plain åäö", "<a href=\"x\">&amp;</a>", "\"\u{301}'\u{308}<\u{338}&\u{20DD}", "🇸🇪\"🇸🇪"])
    func escapingIsReversibleAndLeavesNoMarkup(_ text: String) {
        let escaped = HTMLEscape.escaped(text)
        #expect(!escaped.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) })
        // Unescaped by code units: Swift's `replacing` matches whole Characters, and `;`
        // with a combining mark after it is not one.
        var back = escaped
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            back = back.replacingOccurrences(of: entity, with: character, options: .literal)
        }
        #expect(back == text)
    }

    @Test func thePageEscapesTheData() {
        let view = PageView(
            data: Self.data,
            feeds: [.init(title: "<b>", description: "d", url: "https://k.example.org/calendars/a.ics")],
            warnings: [], problems: ["calendars: <script>"], builtAt: UTCInstant(secondsSince1970: 0))
        let html = view.render(now: UTCInstant(secondsSince1970: 1_600_000_000))
        #expect(html.contains("&lt;script&gt;") && !html.contains("<script>") && html.contains("&lt;b&gt;"))
        #expect(html.contains("href=\"webcal://k.example.org/calendars/a.ics\""))
        #expect(html.contains("Uppdaterad tors 1 jan 1970 kl. 01:00."))
        #expect(!html.contains("{{"))
    }
}

/// The rotation's Swedish reasons after a leave, a cancelled year and a moved year.
@Suite struct RotationTextTests {
    static func name(_ slug: String) -> String { ["salem": "Salem", "nynashamn": "Nynäshamn"][slug] ?? slug }

    @Test func realTurnsPostponementsAndMovesInSwedish() {
        let cycle = 2019...2026
        let afterLeave = RotationTurn(
            given: 2, hosts: 1, members: 7, since: [.left("salem", lastDay: LocalDate(iso: "2031-05-31")!)],
            cycleYears: cycle, cycleLength: 8)
        #expect(
            Swedish.reason(.cycle(afterLeave), names: Self.name)
                == "Enligt turordningen: tur 3 av 7 sedan Salem lämnade samarbetet 2031.")
        let postponed = RotationTurn(
            given: 8, hosts: 1, members: 8, since: [], cycleYears: cycle, cycleLength: 8,
            postponed: [Postponement(municipality: "salem", from: 2027, cause: .cancelled)])
        #expect(
            Swedish.reason(.cycle(postponed), names: Self.name)
                == "Enligt turordningen: plats 1 av 8 i cykeln från 2019–2026. Salem tar sin tur från 2027, som ställdes in."
        )
        #expect(
            Swedish.reason(
                .cancelled(
                    cycleHosts: ["salem"], displaced: [Displacement(municipality: "salem", hostsIn: 2028)], note: nil),
                names: Self.name) == "Inställt; Salem får sin tur 2028 i stället.")
        #expect(
            Swedish.reason(
                .moved(
                    underlying: .recorded(matchesCycle: true, cycleHosts: []),
                    to: ConferenceMove(year: 2021, season: .spring), note: "beslut 2020-11-20"), names: Self.name)
                == "Enligt beslutad plan (stämmer med turordningen). Flyttad till våren 2021 (beslut 2020-11-20).")
    }
}
