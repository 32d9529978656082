import Testing

@testable import KalendariumCore

/// Minutes as the secretariat keeps them: quorum by municipality, approval by every
/// approver locks a version, a correction makes the next one.
@Suite struct MinutesTests {
    static let t0 = UTCInstant(rfc3339: "2021-08-23T10:00:00+02:00")!
    static let agenda = [
        AgendaPoint(key: 1, title: "Välkommen", kind: .standing),
        AgendaPoint(key: 2, title: "Utestående ärenden och föregående möten", kind: .standing, fill: .openItems),
        AgendaPoint(key: 3, title: "Södertörnskonferensen", kind: .decision),
    ]

    func started() -> Minutes {
        Minutes.start(
            meeting: "ledningsgruppen-2021-08-20", agenda: Self.agenda, chair: "Magnus Gyllestad",
            secretary: "Anna Söderström", adjuster: "Helene Olofsson")
    }

    @Test func startsFromTheAgendaWithTheChairAndTheAdjusterAsApprovers() {
        let m = started()
        #expect(m.draft.points.map(\.title) == Self.agenda.map(\.title))
        #expect(m.draft.followUpPoint == 2)
        #expect(m.approvers == ["Magnus Gyllestad", "Helene Olofsson"])
        #expect(!m.isApproved && !m.isLocked)
    }

    @Test func quorumCountsMunicipalitiesWithAMemberOrASubstitute() throws {
        var m = started()
        for (name, slug) in [
            ("Leif Eriksson", "botkyrka"), ("Magnus Gyllestad", "haninge"), ("Camilla Broo", "huddinge"),
        ] {
            try m.attend(Attendance(name: name, municipality: slug))
        }
        #expect(m.quorum(members: 8) == (3, 8, false))
        // A guest from a member municipality does not count; a substitute does.
        try m.attend(Attendance(name: "Pia Forsberg", municipality: "huddinge", role: .guest, part: .points([2])))
        try m.attend(Attendance(name: "Frida Nilsson", municipality: "nykvarn", present: false, substitute: "Kim Ek"))
        #expect(m.quorum(members: 8) == (4, 8, true))
        // Attending again replaces, by name.
        try m.attend(Attendance(name: "leif eriksson", municipality: "botkyrka", present: false))
        #expect(m.quorum(members: 8).present == 3)
        #expect(m.draft.attendance.count == 5)
    }

    @Test func approvalByEveryApproverLocksAVersion() throws {
        var m = started()
        try m.note(3, "Helene Olofsson redogör för utvärderingen.")
        try m.decide(3, "Att återkomma med ett omarbetat förslag.")
        #expect(try m.approve(by: "magnus gyllestad", at: Self.t0) == nil)
        #expect(throws: AgendaError.self) { try m.approve(by: "Magnus Gyllestad", at: Self.t0) }
        #expect(throws: AgendaError.self) { try m.approve(by: "Rickard Sundbom", at: Self.t0) }
        let v1 = try #require(try m.approve(by: "Helene Olofsson", at: Self.t0))
        #expect(v1.number == 1 && v1.reason == nil && v1.announce)
        #expect(v1.approvals.map(\.by) == ["Magnus Gyllestad", "Helene Olofsson"])
        #expect(m.isLocked)
        #expect(throws: AgendaError.self) { try m.note(1, "sent") }
        #expect(throws: AgendaError.self) { try m.attend(Attendance(name: "X", municipality: "salem")) }
    }

    @Test func aChangeWithdrawsEarlierApprovals() throws {
        var m = started()
        try m.approve(by: "Magnus Gyllestad", at: Self.t0)
        try m.note(1, "Magnus Gyllestad hälsar välkommen.")
        #expect(m.approvals.isEmpty, "approval was of the earlier wording")
    }

    @Test func aCorrectionMakesTheNextVersionAndKeepsTheOld() throws {
        var m = started()
        try m.approve(by: "Magnus Gyllestad", at: Self.t0)
        try m.approve(by: "Helene Olofsson", at: Self.t0)
        #expect(throws: AgendaError.self) { try m.correct(reason: " ") }
        try m.correct(reason: "Stefan Hollmark deltog t o m kl 10.00")
        #expect(!m.isLocked && m.isApproved)
        #expect(throws: AgendaError.self) { try m.correct(reason: "igen") }
        try m.attend(
            Attendance(name: "Stefan Hollmark", municipality: "tyreso", part: .until(LocalTime(hour: 10, minute: 0)!)))
        try m.approve(by: "Magnus Gyllestad", at: Self.t0)
        let v2 = try #require(try m.approve(by: "Helene Olofsson", at: Self.t0))
        #expect(v2.number == 2 && v2.reason == "Stefan Hollmark deltog t o m kl 10.00")
        #expect(m.versions[0].content.attendance.isEmpty && v2.content.attendance.count == 1)
    }

    @Test func mistakesNameWhatIsThere() throws {
        var m = started()
        #expect(throws: AgendaError(.notFound, "there is no point 7; the minutes have points 1–3")) {
            try m.note(7, "x")
        }
        #expect(throws: AgendaError(.invalid, "a decision needs its wording (\"Att …\")")) { try m.decide(1, " ") }
        var empty = Minutes(meeting: "x", draft: .init(), approvers: [])
        #expect(throws: AgendaError.self) { try empty.approve(by: "Någon", at: Self.t0) }
    }

    @Test(arguments: [
        ("points:2", Attendance.Part.points([2])), ("points:2,3", .points([2, 3])),
        ("until:10:00", .until(LocalTime(hour: 10, minute: 0)!)),
        ("from:09:30", .from(LocalTime(hour: 9, minute: 30)!)),
    ])
    func partsRoundTrip(_ text: String, _ part: Attendance.Part) {
        #expect(Attendance.Part(text) == part)
        #expect(part.text == text)
    }

    @Test func badPartsAreRefused() {
        for text in ["", "points:", "points:0", "points:a", "until:25:00", "sometimes:2"] {
            #expect(Attendance.Part(text) == nil, "\(text)")
        }
    }
}
