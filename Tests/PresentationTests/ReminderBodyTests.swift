import Testing

@testable import KalendariumCore
@testable import Presentation

/// The reminder e-mail's text for the kinds `PresentationTests` does not pin: word for
/// word, every line and blank line where a reader sees them.
@Suite struct ReminderBodyTests {
    static let data = PresentationTests.data
    static let meeting = Meeting(
        subject: .body("samarbetskommitten"),
        schedule: .timed(
            startDate: PresentationTests.day("2021-09-02"), start: LocalTime(hour: 12, minute: 0)!,
            endDate: PresentationTests.day("2021-09-02"), end: LocalTime(hour: 15, minute: 30)!))
    static let eva = Recipient(name: "Eva", email: "eva@example.org", receives: [.items, .agenda])

    static func body(_ subjects: [Reminder.Subject], links: ReminderText.Links = .init()) -> String {
        let envelope = ReminderPass.Envelope(
            recipient: eva,
            reminders: subjects.enumerated().map { Reminder(key: "k\($0.offset)", recipient: eva, subject: $0.element) }
        )
        return ReminderText.body(
            envelope, data: data, pageURL: "https://k.example.org/", unsubscribe: "kansli@example.org", links: links)
    }

    @Test func theDigestTheMissingAgendaTheUnansweredKallelseAndAProposal() {
        let item = Item(title: "Remissvar", body: "samarbetskommitten", owners: [.role(.kansli)], status: .open)
        let point = AgendaPoint(key: 1, title: "Gemensam upphandling", kind: .decision)
        let text = Self.body(
            [
                .digest(openItems: [item]), .agendaMissing(Self.meeting, daysLeft: 12),
                .answerReminder(Self.meeting), .proposalAnswer(Self.meeting, point),
            ], links: .init(answer: { _ in "t0k3n" }, calendar: "https://k.example.org/calendars/person/p.ics"))
        let id = Self.meeting.id
        #expect(
            text == """
                Hej Eva!

                Utestående ärenden i dag:
                  • Remissvar (öppet)

                Dagordningen till samarbetskommitténs möte torsdag 2 september 2021 är inte publicerad, och mötet är om 12 dagar.
                Kallelsen ska gå ut måndag 23 augusti 2021; den går ut så snart dagordningen är publicerad
                (kalendarium agenda publish \(id)).
                Utkastet: https://k.example.org/meetings/\(id)

                Du har inte svarat på kallelsen till samarbetskommitténs möte torsdag 2 september 2021 (torsdag 2 september 2021 kl. 12:00–15:30).
                Mötet är beslutfört när minst hälften av kommunerna är företrädda, så svara gärna
                även om du inte kan komma.

                Svara på kallelsen (länken öppnar en sida där du bekräftar):
                  Jag kommer: https://k.example.org/meetings/\(id)/svar?token=t0k3n&svar=kommer
                  Jag kommer inte: https://k.example.org/meetings/\(id)/svar?token=t0k3n&svar=kommer-inte
                  Jag skickar ersättare: https://k.example.org/meetings/\(id)/svar?token=t0k3n&svar=ersattare
                  Jag kommer delvis: https://k.example.org/meetings/\(id)/svar?token=t0k3n&svar=delvis
                Mötet: https://k.example.org/meetings/\(id)

                Ditt förslag "Gemensam upphandling" till samarbetskommitténs möte torsdag 2 september 2021 är med på dagordningen.
                Dagordningen: https://k.example.org/meetings/\(id)

                Kalendarium: https://k.example.org/
                Din egen kalender med dina möten och ärenden: https://k.example.org/calendars/person/p.ics

                --
                Du får detta mejl från Södertörnskommunernas kalendarium eftersom du finns i mottagarlistan för påminnelser om dina ärenden och för kallelser.
                Vill du inte längre få mejl av det här slaget? Skriv till kansli@example.org.

                """)
    }

    @Test func aQuorumWarningNamesWhoDeclinedWhoHasNotAnsweredAndWhoHasNobody() {
        let forecast = QuorumForecast(seats: [
            .init(municipality: "salem", name: "Salem", state: .declined, people: ["Eva"]),
            .init(municipality: "tyreso", name: "Tyresö", state: .unanswered, people: []),
            .init(municipality: "botkyrka", name: "Botkyrka", state: .nobodyInvited, people: []),
            .init(municipality: "huddinge", name: "Huddinge", state: .represented, people: ["Bo"]),
        ])
        let text = Self.body([.quorumWarning(Self.meeting, forecast)])
        #expect(
            text.contains(
                """

                samarbetskommitténs möte torsdag 2 september 2021 (torsdag 2 september 2021 kl. 12:00–15:30) ser inte ut att bli beslutfört: 1 av 4
                kommuner har anmält att de är företrädda, och minst 2 behövs (samverkansavtalet § 3).
                Förhinder: Salem (Eva).
                Har inte svarat: Tyresö.
                Ingen i mottagarlistan för: Botkyrka.
                Svaren: https://k.example.org/meetings/\(Self.meeting.id)
                (kalendarium answers \(Self.meeting.id))

                Kalendarium:
                """))
    }

    /// The first version of the minutes gives no reason; a correction says why.
    @Test func onlyCorrectedMinutesSayTheyAreCorrected() {
        let minutes = Minutes(meeting: Self.meeting.id, draft: .init(), approvers: [])
        let first = Minutes.Version(number: 1, content: .init(), approvals: [], reason: nil, announce: true)
        let second = Minutes.Version(
            number: 2, content: .init(), approvals: [], reason: "fel datum i punkt 3", announce: true)
        let item = Item(
            title: "Ta fram underlag", body: "samarbetskommitten", owners: [.municipality("salem")],
            due: PresentationTests.day("2021-10-01"))
        let text = Self.body([.minutes(Self.meeting, minutes, first, newItems: [item])])
        #expect(!text.contains("rättade"))
        #expect(
            text.contains(
                """
                Här är de justerade minnesanteckningarna från samarbetskommitténs möte torsdag 2 september 2021.

                Nya utestående ärenden, per ansvarig:
                Salem:
                  • Ta fram underlag (senast fredag 1 oktober 2021)

                """))
        #expect(text.contains("\nMötet: https://k.example.org/meetings/\(Self.meeting.id)\n\nKalendarium:"))
        let corrected = Self.body([.minutes(Self.meeting, minutes, second, newItems: [])])
        #expect(
            corrected.contains(
                """
                Här är de justerade minnesanteckningarna från samarbetskommitténs möte torsdag 2 september 2021.
                De är rättade: fel datum i punkt 3

                """))
    }
}
