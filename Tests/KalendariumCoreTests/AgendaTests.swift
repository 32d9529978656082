import PropertyBased
import Testing

@testable import KalendariumCore

/// The agenda as the secretariat edits it: numbers follow places, proposals wait,
/// and every change to a published agenda freezes the next version with what changed.
@Suite struct AgendaTests {
    static let template = AgendaTemplate(
        body: "ledningsgruppen",
        points: [
            .init(title: "Välkommen", kind: .standing),
            .init(title: "Utestående ärenden och föregående möten", kind: .standing, fill: .openItems),
            .init(title: "Kommande möten", kind: .standing, fill: .comingMeetings),
            .init(title: "Övriga frågor", kind: .standing),
            .init(title: "Nästa möte", kind: .standing, fill: .nextMeeting),
        ], topicsAfter: 3)
    static let t0 = UTCInstant(rfc3339: "2021-11-01T10:00:00+01:00")!
    static let t1 = UTCInstant(rfc3339: "2021-11-02T10:00:00+01:00")!

    func fresh() -> Agenda { Self.template.agenda(for: "ledningsgruppen-2021-11-19") }
    func titles(_ a: Agenda) -> [String] { a.accepted.map(\.title) }

    @Test func aNewAgendaIsTheTemplateAndTopicsGoBeforeTheClosingPoints() throws {
        var a = fresh()
        #expect(!a.isPublished && a.hasUnpublishedChanges)
        #expect(a.accepted.map(\.fill) == [nil, .openItems, .comingMeetings, nil, .nextMeeting])
        #expect(try a.add(.init(title: "Elektrifieringsfrågor", kind: .discussion), at: Self.t0) == 4)
        #expect(try a.add(.init(title: "Södertörnskonferensen", kind: .decision), at: Self.t0) == 5)
        #expect(try a.add(.init(title: "Gäster"), after: 1, at: Self.t0) == 2)
        #expect(try a.add(.init(title: "Först"), after: 0, at: Self.t0) == 1)
        #expect(
            titles(a) == [
                "Först", "Välkommen", "Gäster", "Utestående ärenden och föregående möten", "Kommande möten",
                "Elektrifieringsfrågor", "Södertörnskonferensen", "Övriga frågor", "Nästa möte",
            ])
        #expect(a.versions.isEmpty, "a draft has no versions")
    }

    @Test func moveRemoveAndEditRenumber() throws {
        var a = fresh()
        try a.move(5, to: 1, at: Self.t0)
        #expect(titles(a).first == "Nästa möte")
        try a.move(1, to: 5, at: Self.t0)
        #expect(titles(a) == titles(fresh()))
        let removed = try a.remove(2, at: Self.t0)
        #expect(removed.title == "Utestående ärenden och föregående möten")
        try a.edit(
            2, .init(title: "Kommande möten och konferenser", presenter: .some(Presenter("person:Helene Olofsson"))),
            at: Self.t0)
        #expect(try a.point(number: 2).title == "Kommande möten och konferenser")
        #expect(try a.point(number: 2).presenter == .owner(.person("Helene Olofsson")))
        // The topics' place survives the removal of the point they went before.
        _ = try a.remove(3, at: Self.t0)
        #expect(try a.add(.init(title: "Nytt ämne"), at: Self.t0) == 3)
    }

    @Test func mistakesSayWhatToDo() {
        var a = fresh()
        #expect(throws: AgendaError(.notFound, "there is no point 9; the agenda has points 1–5")) {
            try a.move(9, to: 1, at: Self.t0)
        }
        #expect(throws: AgendaError(.invalid, "cannot move to point 7; the agenda has points 1–5")) {
            try a.move(1, to: 7, at: Self.t0)
        }
        #expect(throws: AgendaError(.invalid, "a point needs a title")) {
            try a.add(.init(title: "  "), at: Self.t0)
        }
        let slot = AgendaPoint.Slot(start: LocalTime(hour: 10, minute: 0)!, end: LocalTime(hour: 9, minute: 30)!)
        #expect(throws: AgendaError(.invalid, "the point's time ends (09:30) before it starts (10:00)")) {
            try a.edit(1, .init(slot: .some(slot)), at: Self.t0)
        }
        #expect(throws: AgendaError(.notFound, "there is no open proposal 3; there are none")) {
            try a.accept(proposal: 3, at: Self.t0)
        }
        #expect(throws: AgendaError.self) {
            try a.propose(.init(title: "x"), by: "inte en adress", reason: "", on: date("2021-11-01"))
        }
    }

    @Test func publishingFreezesVersionsWithWhatChanged() throws {
        var a = fresh()
        let v1 = try a.publish(at: Self.t0)
        #expect(v1.number == 1 && v1.changes.isEmpty && v1.points.count == 5)
        #expect(throws: AgendaError.self) { try a.publish(at: Self.t1) }
        try a.add(.init(title: "Elektrifieringsfrågor", kind: .discussion), at: Self.t1)
        #expect(a.latestVersion?.number == 2)
        #expect(a.latestVersion?.changes == [.added(number: 4, title: "Elektrifieringsfrågor")])
        try a.edit(1, .init(notes: "Kaffe från 8.15"), at: Self.t1)
        #expect(a.latestVersion?.changes == [.changed(number: 1, title: "Välkommen", fields: [.notes])])
        // An edit that changes nothing makes no version.
        try a.edit(1, .init(notes: "Kaffe från 8.15"), at: Self.t1)
        #expect(a.versions.count == 3)
        try a.move(5, to: 1, at: Self.t1)
        #expect(a.latestVersion?.changes == [.moved(title: "Övriga frågor", from: 5, to: 1)])
        _ = try a.remove(1, at: Self.t1)
        #expect(a.latestVersion?.changes == [.removed(number: 1, title: "Övriga frågor")])
        #expect(a.versions.map(\.number) == [1, 2, 3, 4, 5])
        #expect(a.versions.last?.publishedAt == Self.t1)
    }

    @Test func aProposalWaitsUnnumberedUntilAccepted() throws {
        var a = fresh()
        try a.publish(at: Self.t0)
        let key = try a.propose(
            .init(title: "Polisens brottsförebyggande arbete"), by: "kd.huddinge@example.org",
            reason: "Inför KSO-mötet",
            on: date("2021-11-01"))
        #expect(a.accepted.count == 5 && a.proposals.map(\.key) == [key])
        #expect(a.versions.count == 1, "a proposal is not a change of the published agenda")
        let declinedKey = try a.propose(
            .init(title: "Fika"), by: "gast@example.org", reason: "", on: date("2021-11-01"))
        try a.decline(proposal: declinedKey)
        try a.accept(proposal: key, at: Self.t1)
        #expect(titles(a)[3] == "Polisens brottsförebyggande arbete")
        #expect(a.latestVersion?.changes == [.added(number: 4, title: "Polisens brottsförebyggande arbete")])
        #expect(a.points.first { $0.key == declinedKey }?.state == .declined)
        #expect(a.proposals.isEmpty)
    }

    @Test func papersAreUniqueByName() throws {
        var a = fresh()
        let pdf = Paper(name: "VP-2022.pdf", source: .file(contentType: "application/pdf", size: 10, sha256: "ab"))
        try a.attach(pdf, to: 1, at: Self.t0)
        #expect(throws: AgendaError.self) { try a.attach(pdf, to: 2, at: Self.t0) }
        try a.attach(Paper(name: "Trafikverket", source: .link(url: "https://trafikverket.se")), to: 2, at: Self.t0)
        #expect(try a.detach("VP-2022.pdf", at: Self.t0).name == "VP-2022.pdf")
        #expect(throws: AgendaError(.notFound, "the agenda has no paper named VP-2022.pdf")) {
            try a.detach("VP-2022.pdf", at: Self.t0)
        }
    }

    @Test func changesNameOnlyThePointsThatMoved() async {
        // Any reordering of five points, with one added: only those off the longest
        // kept run count as moved, and every point is accounted for.
        await propertyCheck(input: Gen.int(in: 0..<120), Gen.int(in: 0...5)) { perm, insertAt in
            // The perm-th of the 120 orders of five points (Lehmer code).
            var keys = [1, 2, 3, 4, 5]
            var order: [Int] = []
            var p = perm
            while !keys.isEmpty {
                let n = keys.count
                order.append(keys.remove(at: p % n))
                p /= n
            }
            let old = [1, 2, 3, 4, 5].map { AgendaPoint(key: $0, title: "P\($0)", kind: .information) }
            var new = order.map { k in old[k - 1] }
            new.insert(AgendaPoint(key: 9, title: "Ny", kind: .information), at: insertAt)
            let changes = AgendaChange.between(old, new)
            let moved = changes.filter { if case .moved = $0 { true } else { false } }.count
            let kept = AgendaChange.longestIncreasingRun(order).count
            #expect(moved == 5 - kept)
            #expect(changes.contains(.added(number: insertAt + 1, title: "Ny")))
        }
    }
}

@Suite struct PaperTests {
    @Test(arguments: [
        ("Förslag VP 2022 (rev 2).pdf", "Förslag-VP-2022-rev-2.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        (".hidden.pdf", "hidden.pdf"),
        ("a\u{0}b.pdf", "a-b.pdf"),
        ("%2e%2e%2fx.pdf", "2e-2e-2fx.pdf"),
    ])
    func namesAreSanitised(_ original: String, _ safe: String) {
        #expect(PaperName.sanitised(original) == safe)
        #expect(PaperName.isSafe(safe))
    }

    @Test func nothingUsableIsNoName() {
        #expect(PaperName.sanitised("../..") == nil)
        #expect(PaperName.sanitised("///") == nil)
        #expect(!PaperName.isSafe("../x.pdf"))
    }

    @Test func contentIsCheckedByNameAndBytes() throws {
        #expect(try PaperContent.contentType(name: "a.pdf", bytes: Array("%PDF-1.7 x".utf8)) == "application/pdf")
        #expect(
            try PaperContent.contentType(name: "a.PNG", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
                == "image/png")
        #expect(
            try PaperContent.contentType(name: "a.txt", bytes: Array("Hej på er".utf8)) == "text/plain; charset=utf-8")
        #expect(throws: AgendaError.self) {
            try PaperContent.contentType(name: "a.pdf", bytes: [0x7F, 0x45, 0x4C, 0x46])
        }
        #expect(throws: AgendaError.self) { try PaperContent.contentType(name: "a.exe", bytes: [0x4D, 0x5A]) }
        #expect(throws: AgendaError.self) { try PaperContent.contentType(name: "a.txt", bytes: [0x68, 0, 0x69]) }
        #expect(throws: AgendaError.self) { try PaperContent.contentType(name: "a.pdf", bytes: []) }
        let big = [UInt8](repeating: 0x20, count: PaperContent.maximumBytes + 1)
        #expect(throws: AgendaError.self) { try PaperContent.contentType(name: "a.txt", bytes: big) }
    }

    @Test func noticeKeysRoundTrip() {
        let key = AgendaNotice.key(meeting: "ledningsgruppen-2021-11-19", day: date("2021-11-19"), version: 3)
        #expect(key == "meeting:ledningsgruppen-2021-11-19:agenda:2021-11-19:v3")
        #expect(AgendaNotice.version(inKey: key)?.meeting == "ledningsgruppen-2021-11-19")
        #expect(AgendaNotice.version(inKey: key)?.version == 3)
        #expect(AgendaNotice.version(inKey: "meeting:ledningsgruppen-2021-11-19:agenda:2021-11-19") == nil)
        #expect(AgendaNotice.version(inKey: "item:4:overdue:2020-W51") == nil)
    }
}
