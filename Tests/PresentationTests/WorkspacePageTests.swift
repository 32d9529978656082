import KalendariumCore
import Testing

@testable import Presentation

/// The workspace's pages: every template renders, all text is escaped, and a form is
/// shown only to those whose role may send it.
@Suite struct WorkspacePageTests {
    static let data = CalendarData(
        municipalities: [Municipality(slug: "huddinge", name: "Huddinge", memberFrom: 2000)],
        bodies: [
            Body(
                slug: "ledningsgruppen", name: "Ledningsgruppen", weekday: .friday,
                start: LocalTime(hour: 8, minute: 30)!, end: LocalTime(hour: 11, minute: 0)!,
                minimumMeetingsPerYear: 6, members: [.kommundirektor])
        ], conferences: [], meetings: [])
    static let kansli = WorkspacePage.Viewer(
        person: WorkspacePerson(Recipient(name: "Helene Olofsson", email: "h@example.org", roles: [.kansli])),
        csrf: "c0ffee")
    static let member = WorkspacePage.Viewer(
        person: WorkspacePerson(Recipient(name: "KD", email: "kd@example.org", roles: [.kommundirektor])), csrf: "beef")

    @Test func textIsEscapedEverywhere() {
        let item = Item(
            id: 3, title: "<script>alert(1)</script>", description: "\"&'", body: "ledningsgruppen",
            owners: [.municipality("huddinge")])
        let today = LocalDate(iso: "2026-12-02")!
        for html in [
            WorkspacePage.items(
                Self.kansli, items: [item], query: .init(), data: Self.data, people: [], today: today),
            WorkspacePage.item(Self.kansli, item, data: Self.data, today: today, audit: []),
            WorkspacePage.signIn(csrf: "x", email: "<b>@example.org"),
        ] {
            #expect(!html.contains("<script>alert") && !html.contains("<b>@"))
            #expect(!html.contains("<script"))
        }
        #expect(
            WorkspacePage.item(Self.kansli, item, data: Self.data, today: today, audit: []).contains(
                "&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// A quote followed by a combining mark is one Swift `Character` but still a quote to
    /// the browser: the search field echoing it must not let it end the attribute.
    @Test func aQuoteWithACombiningMarkStaysInsideTheAttribute() {
        let query = "x\"\u{301} autofocus onfocus=alert(1) y=\"\u{301}"
        let html = WorkspacePage.items(
            Self.kansli, items: [], query: .init(text: query), data: Self.data, people: [],
            today: LocalDate(iso: "2026-12-02")!)
        #expect(html.contains("value=\"x&quot;\u{301} autofocus onfocus=alert(1) y=&quot;\u{301}\""))
        #expect(!html.unicodeScalars.split(separator: "\"").contains { $0.starts(with: "\u{301}".unicodeScalars) })
    }

    @Test func formsFollowTheRole() {
        let kansli = WorkspacePage.meetings(Self.kansli, year: 2027, data: Self.data)
        let member = WorkspacePage.meetings(Self.member, year: 2027, data: Self.data)
        #expect(kansli.contains("Lägg till ett extra möte") && kansli.contains("value=\"c0ffee\""))
        #expect(!member.contains("Lägg till ett extra möte") && member.contains("Logga ut"))
        let agenda = Agenda(meeting: "ledningsgruppen-2027-01-22", points: [])
        let meeting = Meeting(
            subject: .body("ledningsgruppen"),
            schedule: .timed(
                startDate: LocalDate(iso: "2027-01-22")!, start: LocalTime(hour: 8, minute: 30)!,
                endDate: LocalDate(iso: "2027-01-22")!, end: LocalTime(hour: 11, minute: 0)!))
        let asKansli = WorkspacePage.agenda(Self.kansli, agenda, meeting: meeting, data: Self.data)
        let asMember = WorkspacePage.agenda(Self.member, agenda, meeting: meeting, data: Self.data)
        #expect(asKansli.contains("Lägg till en punkt") && !asMember.contains("Lägg till en punkt"))
        #expect(asMember.contains("Föreslå en punkt"))
        #expect(
            WorkspacePage.signInMail(name: "Helene", link: "http://x/l?token=1", expires: .init(secondsSince1970: 0))
                .contains("http://x/l?token=1"))
    }
}
