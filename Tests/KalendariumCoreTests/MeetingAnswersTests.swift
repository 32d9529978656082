import Testing

@testable import KalendariumCore

/// Who is coming, and the quorum ahead of time: seats counted by municipality as the
/// minutes count them, changes of mind kept, and the window in which answers count.
@Suite struct MeetingAnswersTests {
    static let secretary = Recipient(
        name: "Helene Olofsson", email: "ul@example.org", roles: [.kansli], bodies: ["ledningsgruppen"])
    static let ceos = ["botkyrka", "haninge", "huddinge", "nykvarn", "nynashamn", "salem"].map { (slug: String) in
        Recipient(name: "KD \(slug)", email: "kd.\(slug)@example.org", roles: [.kommundirektor], municipality: slug)
    }
    static let kso = Recipient(name: "KSO Haninge", email: "kso@example.org", roles: [.kso], municipality: "haninge")
    static let recipients = [secretary] + ceos + [kso]

    let lg = meeting("ledningsgruppen", "2027-01-22")

    func record(_ slug: String, _ answer: Answer, minute: Int, via: AnswerRecord.Channel = .link) -> AnswerRecord {
        AnswerRecord(
            meeting: lg.id, email: "KD.\(slug)@example.org", answer: answer,
            at: UTCInstant(date: date("2027-01-10"), hour: 9, minute: minute), via: via)
    }

    func answers(_ records: [AnswerRecord]) -> MeetingAnswers {
        MeetingAnswers(meeting: lg, data: Sodertorn.data(meetings: [lg]), recipients: Self.recipients, records: records)
    }

    @Test func theKallelseGoesToTheBodysPeopleAndOnlyMembersHoldSeats() {
        let a = answers([])
        #expect(a.invitees.map(\.recipient.email) == ["ul@example.org"] + Self.ceos.map(\.email))
        #expect(a.invitees.filter(\.isMember).count == 6)
        #expect(a.forecast.members == 8 && a.forecast.needed == 4)
        let states = Dictionary(uniqueKeysWithValues: a.forecast.seats.map { ($0.municipality, $0.state) })
        #expect(states["sodertalje"] == .nobodyInvited && states["tyreso"] == .nobodyInvited)
        #expect(states["huddinge"] == .unanswered)
        #expect(!a.forecast.reached && a.forecast.reachable)
    }

    @Test func theLatestAnswerCountsAndTheHistoryIsKept() throws {
        let a = answers([
            record("huddinge", try Answer(.coming), minute: 0),
            record("huddinge", try Answer(.notComing, comment: "sjuk"), minute: 30, via: .invitation),
            record("botkyrka", try Answer(.substitute, substitute: "Ersättare Botkyrka"), minute: 5),
            record("haninge", try Answer(.partial, part: .points([2])), minute: 6),
            record("salem", try Answer(.tentative), minute: 7),
        ])
        let huddinge = try #require(a.invitee("kd.huddinge@example.org"))
        #expect(huddinge.history.map(\.answer.kind) == [.coming, .notComing])
        #expect(huddinge.answer?.via == .invitation)
        let states = Dictionary(uniqueKeysWithValues: a.forecast.seats.map { ($0.municipality, $0.state) })
        #expect(states["huddinge"] == .declined)
        #expect(states["botkyrka"] == .represented && states["haninge"] == .represented)
        #expect(states["salem"] == .unanswered)
        #expect(a.forecast.represented == 2 && !a.forecast.reached)
        #expect(a.unanswered.map(\.recipient.name) == ["Helene Olofsson", "KD nykvarn", "KD nynashamn"])
    }

    @Test func halfTheMunicipalitiesMakeTheQuorum() throws {
        let coming = ["botkyrka", "haninge", "huddinge", "nykvarn"].enumerated().map { i, slug in
            record(slug, try! Answer(.coming), minute: i)
        }
        #expect(answers(coming).forecast.reached)
        #expect(!answers(Array(coming.dropLast())).forecast.reached)
        // Four say no: with the two nobody can answer for, eight seats cannot reach four.
        let declined = ["botkyrka", "haninge", "huddinge", "nykvarn"].enumerated().map { i, slug in
            record(slug, try! Answer(.notComing), minute: i)
        }
        #expect(!answers(declined).forecast.reachable)
    }

    @Test func answersOfPeopleNoLongerInvitedAreKeptApart() throws {
        let gone = AnswerRecord(
            meeting: lg.id, email: "former@example.org", answer: try Answer(.coming),
            at: UTCInstant(date: date("2027-01-10")), via: .link)
        let a = answers([gone])
        #expect(a.others == [gone])
        #expect(a.forecast.represented == 0)
    }

    @Test func theMinutesStartFromTheAnswers() throws {
        let a = answers([
            record("huddinge", try Answer(.coming), minute: 0),
            record("botkyrka", try Answer(.substitute, substitute: "Ersättare Botkyrka"), minute: 1),
            record("haninge", try Answer(.partial, part: .until(time("10:00"))), minute: 2),
            record("nykvarn", try Answer(.notComing), minute: 3),
            record("salem", try Answer(.tentative), minute: 4),
        ])
        let minutes = Sodertorn.data(meetings: [lg]).newMinutes(
            for: lg, agenda: nil, secretary: nil, adjuster: nil, answers: a)
        let attendance = minutes.draft.attendance
        #expect(attendance.map(\.name) == ["KD botkyrka", "KD haninge", "KD huddinge", "KD nykvarn"])
        #expect(attendance.first { $0.name == "KD botkyrka" }?.substitute == "Ersättare Botkyrka")
        #expect(attendance.first { $0.name == "KD haninge" }?.part == .until(time("10:00")))
        #expect(attendance.first { $0.name == "KD nykvarn" }?.present == false)
        #expect(minutes.quorum(members: 8).present == 3)
    }

    @Test func answersAreTakenUntilTheMeetingStarts() throws {
        let data = Sodertorn.data(meetings: [lg])
        let before = UTCInstant(rfc3339: "2027-01-22T08:29:00+01:00")!
        let during = UTCInstant(rfc3339: "2027-01-22T08:30:00+01:00")!
        let after = UTCInstant(rfc3339: "2027-01-22T11:00:00+01:00")!
        #expect(AnswerWindow(lg, at: before) == .open)
        #expect(AnswerWindow(lg, at: during) == .started)
        #expect(AnswerWindow(lg, at: after) == .closed)
        let (m, person) = try data.answerable(
            lg.id, by: "KD.HUDDINGE@example.org", recipients: Self.recipients, at: before)
        #expect(m == lg && person.name == "KD huddinge")
        #expect(throws: AgendaError.self) {
            try data.answerable(lg.id, by: "kd.huddinge@example.org", recipients: Self.recipients, at: during)
        }
        // The committee's kso gets no ledningsgrupp kallelse, so cannot answer it.
        #expect(throws: AgendaError.self) {
            try data.answerable(lg.id, by: "kso@example.org", recipients: Self.recipients, at: before)
        }
        #expect(throws: AgendaError.self) {
            try data.answerable("no-such", by: "kso@example.org", recipients: Self.recipients, at: before)
        }
    }

    @Test func aSubstituteNeedsANameAndAPartNeedsAPart() {
        #expect(throws: AgendaError.self) { try Answer(.substitute, substitute: "  ") }
        #expect(throws: AgendaError.self) { try Answer(.partial) }
        #expect(throws: AgendaError.self) { try Answer(.coming, comment: String(repeating: "x", count: 501)) }
        #expect((try? Answer(.coming, substitute: "ignored"))?.substitute == nil)
    }
}

/// A calendar app's Accept, Decline, Tentative or Delegate, matched to the person and
/// meeting, or refused with the reason the secretariat reads.
@Suite struct InvitationReplyTests {
    let lg = meeting("ledningsgruppen", "2027-01-22")
    var data: CalendarData { Sodertorn.data(meetings: [lg]) }
    let now = UTCInstant(rfc3339: "2027-01-15T10:00:00+01:00")!

    func reply(
        _ status: InvitationReply.Status, attendee: String = "KD.huddinge@example.org", meeting: String? = nil,
        sender: String? = "kd.huddinge@example.org", stamp: String? = "2027-01-14T09:00:00+01:00"
    ) -> InvitationReply {
        InvitationReply(
            meeting: meeting ?? lg.id, uid: "\(meeting ?? lg.id)@kalendarium.example", attendee: attendee,
            status: status, delegatedTo: status == .delegated ? "ersattare@example.org" : nil,
            stamp: stamp.flatMap { UTCInstant(rfc3339: $0) }, sender: sender)
    }

    func record(_ reply: InvitationReply) -> Result<AnswerRecord, AgendaError> {
        data.answerRecord(for: reply, recipients: MeetingAnswersTests.recipients, now: now)
    }

    @Test func eachStatusIsAnAnswer() throws {
        #expect(try record(reply(.accepted)).get().answer.kind == .coming)
        #expect(try record(reply(.declined)).get().answer.kind == .notComing)
        #expect(try record(reply(.tentative)).get().answer.kind == .tentative)
        let delegated = try record(reply(.delegated)).get()
        #expect(delegated.answer.kind == .substitute && delegated.answer.substitute == "ersattare@example.org")
        let accepted = try record(reply(.accepted)).get()
        #expect(accepted.via == .invitation && accepted.email == "kd.huddinge@example.org")
        #expect(accepted.at == UTCInstant(rfc3339: "2027-01-14T09:00:00+01:00")!)
        // A stamp from the future is the time it was read.
        #expect(try record(reply(.accepted, stamp: "2030-01-01T00:00:00Z")).get().at == now)
        #expect(try record(reply(.accepted, stamp: nil)).get().at == now)
    }

    @Test func whatCannotBeMatchedSaysWhy() {
        func reason(_ reply: InvitationReply) -> String? {
            if case .failure(let error) = record(reply) { error.message } else { nil }
        }
        #expect(reason(reply(.needsAction))?.contains("NEEDS-ACTION") == true)
        #expect(
            reason(reply(.accepted, sender: "someone@example.org"))?.contains("sent by someone@example.org") == true)
        #expect(reason(reply(.accepted, attendee: "kso@example.org", sender: nil))?.contains("does not get") == true)
        #expect(reason(reply(.accepted, meeting: "no-such-meeting")) != nil)
        let foreign = InvitationReply(
            meeting: nil, uid: "abc@google.com", attendee: "kd.huddinge@example.org", status: .accepted)
        #expect(reason(foreign)?.contains("abc@google.com") == true)
        // After the meeting started: too late.
        let late = data.answerRecord(
            for: reply(.accepted, stamp: nil), recipients: MeetingAnswersTests.recipients,
            now: UTCInstant(rfc3339: "2027-01-22T09:00:00+01:00")!)
        if case .success = late { Issue.record("a reply after the start was taken") }
        // Answered in time by its DTSTAMP, but read after the meeting: refused.
        let over = data.answerRecord(
            for: reply(.accepted), recipients: MeetingAnswersTests.recipients,
            now: UTCInstant(rfc3339: "2027-01-22T12:00:00+01:00")!)
        if case .success = over { Issue.record("a reply read after the meeting was taken") }
    }
}
