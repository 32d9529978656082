import Testing

@testable import KalendariumCore

@Suite struct ReminderPlannerTests {
    static let secretary = Recipient(name: "Anna Söderström", email: "sekreterare@example.org", roles: [.kansli])
    static let ceo = Recipient(
        name: "Camilla Broo", email: "kd.huddinge@example.org", roles: [.kommundirektor],
        municipality: "huddinge")
    static let chair = Recipient(name: "Ordförande", email: "kso@example.org", roles: [.kso], receives: [.agenda])

    static func item(_ id: Int64, due: String?, owners: [Owner] = [.role(.kansli)], status: Item.Status = .open) -> Item
    {
        Item(id: id, title: "Ärende \(id)", body: "ledningsgruppen", owners: owners, due: due.map(date), status: status)
    }

    func pass(_ at: String, _ items: [Item], meetings: [Meeting] = [], recipients: [Recipient]? = nil) -> ReminderPass {
        ReminderPlanner.pass(
            now: UTCInstant(rfc3339: at)!, items: items, data: Sodertorn.data(meetings: meetings),
            recipients: recipients ?? [Self.secretary, Self.ceo, Self.chair])
    }

    func keys(_ p: ReminderPass) -> [String] { p.envelopes.flatMap { $0.reminders.map(\.key) } }

    @Test func onlyOnWorkingDaysFromEight() {
        let items = [Self.item(1, due: "2020-12-12")]
        #expect(pass("2020-12-05T10:00:00+01:00", items).date == nil)  // Saturday
        #expect(pass("2020-12-04T07:59:00+01:00", items).date == nil)  // before 08:00
        #expect(pass("2020-12-04T08:00:00+01:00", items).date == date("2020-12-04"))
    }

    @Test func sevenDaysAndOneDayBeforeTheDueDate() {
        // Due Thursday 10 December 2020: 7 days before is Thursday 3 December, 1 day before Wednesday 9.
        let items = [Self.item(1, due: "2020-12-10")]
        #expect(keys(pass("2020-12-02T08:00:00+01:00", items)) == [])
        #expect(keys(pass("2020-12-03T08:00:00+01:00", items)) == ["item:1:due-7:2020-12-10"])
        #expect(keys(pass("2020-12-09T08:00:00+01:00", items)) == ["item:1:due-1:2020-12-10"])
        #expect(keys(pass("2020-12-10T08:00:00+01:00", items)) == [])
    }

    @Test func aReminderDueOnAWeekendGoesOutTheWorkingDayBefore() {
        // Due Monday 14 December 2020: "1 day before" is Sunday 13, so it goes out Friday 11.
        let items = [Self.item(2, due: "2020-12-14")]
        #expect(keys(pass("2020-12-11T08:30:00+01:00", items)) == ["item:2:due-1:2020-12-14"])
        #expect(ReminderPlanner.sendDay(for: date("2020-12-26")) == date("2020-12-23"))  // Christmas
    }

    @Test func afterDowntimeOnlyTheLatestReminderGoesAndTheMissedOneIsStale() {
        let items = [Self.item(3, due: "2020-12-10")]
        let p = pass("2020-12-09T09:00:00+01:00", items)
        #expect(keys(p) == ["item:3:due-1:2020-12-10"])
        #expect(p.stale == ["item:3:due-7:2020-12-10"])
    }

    /// Each occurrence of a recurring item is an item of its own: a closed one says
    /// nothing more, the next one is reminded of before its own due date.
    @Test func remindersApplyToEachOccurrence() throws {
        var first = Self.item(5, due: "2027-03-15")
        first.recurrence = Recurrence(text: "yearly 03-15")
        first.series = 5
        var next = try #require(first.nextOccurrence(on: date("2027-03-10")))
        next.id = 6
        first.status = .done
        // 8 March 2027 is a Monday, 7 days before; 8 March 2028 a Wednesday.
        #expect(keys(pass("2027-03-08T08:00:00+01:00", [first, next])) == [])
        #expect(keys(pass("2028-03-08T08:00:00+01:00", [first, next])) == ["item:6:due-7:2028-03-15"])
        #expect(keys(pass("2028-03-20T08:00:00+01:00", [first, next])) == ["item:6:overdue:2028-W12"])
    }

    @Test func overdueItemsWeekly() {
        let items = [Self.item(4, due: "2020-12-12")]
        #expect(keys(pass("2020-12-14T08:00:00+01:00", items)) == ["item:4:overdue:2020-W51"])
        #expect(keys(pass("2020-12-15T08:00:00+01:00", items)) == ["item:4:overdue:2020-W51"])
        #expect(keys(pass("2020-12-21T08:00:00+01:00", items)) == ["item:4:overdue:2020-W52"])
        #expect(keys(pass("2020-12-21T08:00:00+01:00", [Self.item(4, due: "2020-12-12", status: .done)])) == [])
    }

    @Test func agendaNoticeTenDaysBeforeWithTheBodysOpenItems() {
        let lg = meeting("ledningsgruppen", "2021-01-22")
        let items = [Self.item(5, due: nil), Self.item(6, due: nil, status: .done)]
        let p = pass("2021-01-12T08:00:00+01:00", items, meetings: [lg])
        let ceoMail = p.envelopes.first { $0.recipient == Self.ceo }
        #expect(ceoMail?.reminders.map(\.key) == ["meeting:ledningsgruppen-2021-01-22:agenda:2021-01-22"])
        if case .agenda(_, let open) = ceoMail?.reminders.first?.subject { #expect(open.map(\.id) == [5]) }
        // The KSO does not attend ledningsgruppen; the committee's notice reaches them.
        #expect(!p.envelopes.contains { $0.recipient == Self.chair })
        let committee = pass("2021-01-25T08:00:00+01:00", [], meetings: [meeting("samarbetskommitten", "2021-02-04")])
        #expect(committee.envelopes.map(\.recipient.email) == ["kd.huddinge@example.org", "kso@example.org"])
    }

    @Test func oneEnvelopePerRecipientGroupingEverything() {
        let items = [
            Self.item(7, due: "2020-12-10"),
            Self.item(8, due: "2020-12-04", owners: [.role(.kansli), .municipality("huddinge")]),
        ]
        let p = pass("2020-12-03T08:00:00+01:00", items)
        #expect(p.envelopes.count == 2)
        let secretary = p.envelopes.first { $0.recipient == Self.secretary }
        #expect(secretary?.reminders.map(\.key) == ["item:7:due-7:2020-12-10", "item:8:due-1:2020-12-04"])
        #expect(p.envelopes.first { $0.recipient == Self.ceo }?.reminders.map(\.key) == ["item:8:due-1:2020-12-04"])
    }

    @Test func choicesAndItemsWithoutAnyone() {
        let items = [Self.item(9, due: "2020-12-10", owners: [.network("klimatstrateger")])]
        let p = pass("2020-12-03T08:00:00+01:00", items)
        #expect(p.envelopes.isEmpty)
        #expect(p.unaddressed.map(\.id) == [9])
        let quiet = Recipient(name: "Tyst", email: "tyst@example.org", roles: [.kansli], receives: [.agenda])
        #expect(keys(pass("2020-12-03T08:00:00+01:00", [Self.item(10, due: "2020-12-10")], recipients: [quiet])) == [])
    }
}
