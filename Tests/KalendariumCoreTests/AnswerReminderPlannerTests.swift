import Testing

@testable import KalendariumCore

/// The reminder to answer and the quorum warning: some working days before the
/// meeting, once, only to members who got the kallelse on an earlier day, and the
/// warning only while the answers fall short of the quorum.
@Suite struct AnswerReminderPlannerTests {
    static let secretary = Recipient(
        name: "Helene Olofsson", email: "ul@example.org", roles: [.kansli], bodies: ["ledningsgruppen"])
    static let ceos = ["botkyrka", "haninge", "huddinge", "nykvarn", "nynashamn", "salem", "sodertalje", "tyreso"]
        .map { (slug: String) in
            Recipient(name: "KD \(slug)", email: "kd.\(slug)@example.org", roles: [.kommundirektor], municipality: slug)
        }
    static let recipients = [secretary] + ceos

    // Friday 22 January 2027: three working days before is Tuesday 19 January.
    let lg = meeting("ledningsgruppen", "2027-01-22")

    func noticed(_ at: String) -> [String: [String: UTCInstant]] {
        [lg.id: Dictionary(uniqueKeysWithValues: Self.ceos.map { ($0.email, UTCInstant(rfc3339: at)!) })]
    }

    func pass(_ at: String, answers: [AnswerRecord] = [], noticed: [String: [String: UTCInstant]]) -> [Reminder] {
        ReminderPlanner.pass(
            now: UTCInstant(rfc3339: at)!, items: [], data: Sodertorn.data(meetings: [lg]),
            recipients: Self.recipients, answers: answers, noticed: noticed
        ).envelopes.flatMap(\.reminders).filter { $0.key.contains("answer-reminder") || $0.key.contains("quorum") }
    }

    func coming(_ slugs: [String]) -> [AnswerRecord] {
        slugs.map { slug in
            AnswerRecord(
                meeting: lg.id, email: "kd.\(slug)@example.org", answer: try! Answer(.coming),
                at: UTCInstant(rfc3339: "2027-01-13T10:00:00+01:00")!, via: .link)
        }
    }

    @Test func theReminderGoesThreeWorkingDaysBeforeToThoseWhoHaveNotAnswered() {
        let kallelse = noticed("2027-01-12T08:00:00+01:00")
        #expect(pass("2027-01-18T08:00:00+01:00", noticed: kallelse).isEmpty)
        let due = pass("2027-01-19T08:00:00+01:00", answers: coming(["huddinge", "botkyrka"]), noticed: kallelse)
        let reminded = due.filter { $0.key == "meeting:\(lg.id):answer-reminder:2027-01-22" }
        #expect(reminded.count == 6)
        #expect(
            !reminded.contains { $0.recipient.municipality == "huddinge" || $0.recipient.municipality == "botkyrka" })
        // Two of eight is short of four: the secretariat is warned with the seats.
        let warned = due.filter { $0.key == "meeting:\(lg.id):quorum-warning:2027-01-22" }
        #expect(warned.map(\.recipient.email) == ["ul@example.org"])
        guard case .quorumWarning(_, let forecast) = warned.first?.subject else {
            Issue.record("no warning")
            return
        }
        #expect(forecast.represented == 2 && forecast.needed == 4)
        // The day of the meeting: nothing more.
        #expect(pass("2027-01-22T08:00:00+01:00", noticed: kallelse).isEmpty)
    }

    @Test func enoughAnswersMeanNoWarning() {
        let due = pass(
            "2027-01-19T08:00:00+01:00", answers: coming(["huddinge", "botkyrka", "salem", "tyreso"]),
            noticed: noticed("2027-01-12T08:00:00+01:00"))
        #expect(!due.contains { $0.key.contains("quorum-warning") })
        #expect(due.count == 4)
    }

    @Test func aKallelseThatWentOutTodayGetsADayFirst() {
        // After downtime the kallelse goes out on the reminder day itself: no reminder, no warning yet.
        #expect(pass("2027-01-19T09:00:00+01:00", noticed: noticed("2027-01-19T08:00:00+01:00")).isEmpty)
        #expect(pass("2027-01-20T08:00:00+01:00", noticed: noticed("2027-01-19T08:00:00+01:00")).count == 9)
        // No kallelse recorded at all (no agenda published): nothing to answer.
        #expect(pass("2027-01-19T08:00:00+01:00", noticed: [:]).isEmpty)
    }

    @Test func aCancelledMeetingTakesNoAnswers() {
        let cancelled = meeting("ledningsgruppen", "2027-01-22", status: .cancelled)
        let reminders = ReminderPlanner.pass(
            now: UTCInstant(rfc3339: "2027-01-19T08:00:00+01:00")!, items: [],
            data: Sodertorn.data(meetings: [cancelled]), recipients: Self.recipients,
            noticed: noticed("2027-01-12T08:00:00+01:00")
        ).envelopes.flatMap(\.reminders)
        #expect(reminders.isEmpty)
    }
}
