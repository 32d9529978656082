import Testing

@testable import KalendariumCore

/// The kallelse of a body with agendas: only with a published agenda, once per
/// version, an update after the agenda has rested, and a reminder to the
/// secretariat and the chair while it is unpublished.
@Suite struct AgendaNoticePlannerTests {
    static let secretary = Recipient(name: "Anna Söderström", email: "sekreterare@example.org", roles: [.kansli])
    static let chair = Recipient(
        name: "Rickard Sundbom", email: "rs@example.org", roles: [.kommundirektor], municipality: "sodertalje")
    static let ceo = Recipient(
        name: "Camilla Broo", email: "kd.huddinge@example.org", roles: [.kommundirektor], municipality: "huddinge")
    static let meetingDay = "2021-01-22"  // a Friday: notice Tuesday 12 January, reminder Friday 8 January

    let lg = meeting("ledningsgruppen", meetingDay)

    func data() -> CalendarData {
        var data = Sodertorn.data(meetings: [lg])
        data.bodies = data.bodies.map { body in
            guard body.slug == "ledningsgruppen" else { return body }
            return Body(
                slug: body.slug, name: body.name, weekday: body.weekday, start: body.start, end: body.end,
                minimumMeetingsPerYear: 6, members: body.members,
                chairs: [ChairTerm(year: 2021, chair: Chairperson(name: "Rickard Sundbom", municipality: "sodertalje"))]
            )
        }
        data.agendaTemplates = [
            AgendaTemplate(body: "ledningsgruppen", points: [.init(title: "Välkommen", kind: .standing)])
        ]
        return data
    }

    func pass(_ at: String, _ agenda: Agenda?, notified: [String: Int] = [:]) -> [Reminder] {
        ReminderPlanner.pass(
            now: UTCInstant(rfc3339: at)!, items: [], data: data(), recipients: [Self.secretary, Self.chair, Self.ceo],
            agendas: agenda.map { [$0.meeting: $0] } ?? [:], notified: notified
        ).envelopes.flatMap(\.reminders)
    }

    func published(at: String) throws -> Agenda {
        var agenda = data().newAgenda(for: lg)
        try agenda.publish(at: UTCInstant(rfc3339: at)!)
        return agenda
    }

    @Test func unpublishedRemindsTheSecretariatAndTheChairTwice() {
        let draft = data().newAgenda(for: lg)
        #expect(pass("2021-01-07T08:00:00+01:00", draft).isEmpty)
        let early = pass("2021-01-08T08:00:00+01:00", draft)
        #expect(Set(early.map(\.key)) == ["meeting:\(lg.id):agenda-missing:\(Self.meetingDay):early"])
        #expect(Set(early.map(\.recipient.email)) == ["sekreterare@example.org", "rs@example.org"])
        let noticeDay = pass("2021-01-12T08:00:00+01:00", nil)
        #expect(Set(noticeDay.map(\.key)) == ["meeting:\(lg.id):agenda-missing:\(Self.meetingDay):notice-day"])
        #expect(!noticeDay.contains { if case .notice = $0.subject { true } else { false } })
    }

    @Test func aPublishedAgendaGoesOutOncePerVersion() throws {
        var agenda = try published(at: "2021-01-05T10:00:00+01:00")
        let first = pass("2021-01-12T08:00:00+01:00", agenda)
        #expect(Set(first.map(\.key)) == ["meeting:\(lg.id):agenda:\(Self.meetingDay):v1"])
        #expect(Set(first.map(\.recipient.email)) == ["rs@example.org", "kd.huddinge@example.org"])
        #expect(pass("2021-01-13T08:00:00+01:00", agenda, notified: [lg.id: 1]).isEmpty)

        try agenda.add(.init(title: "Elektrifieringsfrågor"), at: UTCInstant(rfc3339: "2021-01-13T09:00:00+01:00")!)
        try agenda.add(.init(title: "Remisser"), at: UTCInstant(rfc3339: "2021-01-13T09:20:00+01:00")!)
        // Less than an hour after the last change: wait.
        #expect(pass("2021-01-13T10:00:00+01:00", agenda, notified: [lg.id: 1]).isEmpty)
        let update = pass("2021-01-13T10:30:00+01:00", agenda, notified: [lg.id: 1])
        #expect(Set(update.map(\.key)) == ["meeting:\(lg.id):agenda:\(Self.meetingDay):v3"])
        guard case .notice(_, let notice, _) = update[0].subject else {
            Issue.record("not a notice")
            return
        }
        #expect(notice.updates == 1 && notice.version.number == 3)
        #expect(
            notice.changes == [.added(number: 2, title: "Elektrifieringsfrågor"), .added(number: 3, title: "Remisser")])
        // The meeting day: nothing more.
        #expect(pass("2021-01-22T08:00:00+01:00", agenda, notified: [lg.id: 1]).isEmpty)
    }

    @Test func aBodyWithoutAgendasKeepsTheNoticeOfBefore() {
        var data = data()
        data.agendaTemplates = []
        let reminders = ReminderPlanner.pass(
            now: UTCInstant(rfc3339: "2021-01-12T08:00:00+01:00")!, items: [], data: data,
            recipients: [Self.ceo]
        ).envelopes.flatMap(\.reminders)
        #expect(reminders.map(\.key) == ["meeting:\(lg.id):agenda:\(Self.meetingDay)"])
    }
}
