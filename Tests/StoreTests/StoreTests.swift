import Foundation
import GRDB
import KalendariumCore
import Testing

@testable import Store

/// The store contract; every back end runs it (SQLite here, PostgreSQL when it lands).
enum StoreContract {
    static let now = UTCInstant(rfc3339: "2020-12-03T07:00:00Z")!

    static func item(_ title: String = "Besvara remissen om Södertäljebroarna") -> Item {
        Item(
            title: title, body: "ledningsgruppen", meeting: "ledningsgruppen-2020-11-20", decision: "Pågår",
            owners: [.role(.kansli), .person("Helene Olofsson")], due: LocalDate(iso: "2020-12-12"),
            history: [Item.Note(date: LocalDate(iso: "2020-11-20")!, status: .inProgress, text: "Pågår")])
    }

    static func entry(_ key: String, recipient: String = "kansli@example.org") -> OutboxEntry {
        OutboxEntry(
            key: key, recipient: recipient, messageID: "\(key)@x", message: "Subject: test\r\n\r\nhej\r\n",
            nextAttempt: now, createdAt: now)
    }

    static func itemsRoundTripAndFilter(_ store: any Store) async throws {
        let saved = try await store.addItem(item())
        let id = try #require(saved.id)
        #expect(try await store.item(id: id) == saved)
        #expect(saved.owners == [.role(.kansli), .person("Helene Olofsson")])
        #expect(saved.history.map(\.text) == ["Pågår"])
        _ = try await store.addItem(
            Item(
                title: "Fakturera medlemsavgiften", body: "samarbetskommitten",
                owners: [.role(.kansli)], due: LocalDate(iso: "2021-03-15")))
        #expect(
            try await store.items(ItemFilter(body: "samarbetskommitten")).map(\.title) == ["Fakturera medlemsavgiften"])
        #expect(try await store.items(ItemFilter(dueBefore: LocalDate(iso: "2021-01-01"))).count == 1)
        #expect(try await store.items(ItemFilter(owner: .person("Helene Olofsson"))).count == 1)
    }

    static func statusChangesAreHistory(_ store: any Store) async throws {
        let id = try #require(try await store.addItem(item()).id)
        let done = try await store.updateItem(
            id: id, ItemChange(status: .done, note: "Skickat till Trafikverket"),
            on: LocalDate(iso: "2020-12-10")!)
        #expect(done.status == .done)
        #expect(done.history.map(\.text) == ["Pågår", "Skickat till Trafikverket"])
        #expect(done.history.last?.date == LocalDate(iso: "2020-12-10"))
        let retitled = try await store.updateItem(
            id: id, ItemChange(title: "Ny titel"), on: LocalDate(iso: "2020-12-11")!)
        #expect(retitled.title == "Ny titel" && retitled.history.count == 2)
        await #expect(throws: StoreError.self) {
            try await store.updateItem(id: 999, ItemChange(), on: LocalDate(iso: "2020-12-11")!)
        }
    }

    static func remindersAreQueuedOnce(_ store: any Store) async throws {
        #expect(try await store.enqueue(entry("e1"), reminderKeys: ["item:1:due-7:2020-12-10"]))
        #expect(try await !store.enqueue(entry("e1"), reminderKeys: ["item:1:due-7:2020-12-10"]))
        #expect(try await !store.enqueue(entry("e2"), reminderKeys: ["item:1:due-7:2020-12-10"]))
        #expect(
            try await store.enqueue(entry("e3", recipient: "kd@example.org"), reminderKeys: ["item:1:due-7:2020-12-10"])
        )
        #expect(try await store.recordedReminders(for: "kansli@example.org") == ["item:1:due-7:2020-12-10"])
        #expect(
            try await store.recordedReminders(for: ["kansli@example.org", "kd@example.org", "none@example.org"]) == [
                "kansli@example.org": ["item:1:due-7:2020-12-10"], "kd@example.org": ["item:1:due-7:2020-12-10"],
            ])
    }

    static func claimLeaseRetryAndFail(_ store: any Store) async throws {
        _ = try await store.enqueue(entry("a"), reminderKeys: ["k:a"])
        _ = try await store.enqueue(entry("b"), reminderKeys: ["k:b"])
        let lease = now.adding(seconds: 300)
        let first = try await store.claimDue(now: now, limit: 10, clock: now, claimUntil: lease)
        #expect(first.map(\.key) == ["a", "b"])
        #expect(first.allSatisfy { $0.claim != nil && $0.status == .sending && $0.attempts == 1 })
        #expect(try await store.claimDue(now: now, limit: 10, clock: now, claimUntil: lease).isEmpty)  // leased
        #expect(try await store.markSent(first[0], at: now))
        #expect(
            try await store.markFailed(
                first[1], error: "421 try later", retryAt: now.adding(seconds: 60), uncertain: false))
        #expect(
            try await store.claimDue(
                now: now.adding(seconds: 30), limit: 10, clock: now.adding(seconds: 30), claimUntil: lease
            ).isEmpty)
        let retried = try await store.claimDue(
            now: now.adding(seconds: 61), limit: 10, clock: now.adding(seconds: 61), claimUntil: lease)
        #expect(retried.map(\.key) == ["b"] && retried.first?.attempts == 2)
        #expect(try await store.markFailed(retried[0], error: "550 no such user", retryAt: nil, uncertain: false))
        #expect(try await store.outbox(status: .failed).map(\.lastError) == ["550 no such user"])
        #expect(try await store.outbox(status: .sent).map(\.key) == ["a"])
        // A sender that crashed leaves a lease; when it runs out the message is due again.
        _ = try await store.enqueue(entry("c"), reminderKeys: ["k:c"])
        _ = try await store.claimDue(now: now, limit: 10, clock: now, claimUntil: now.adding(seconds: 120))
        #expect(
            try await store.claimDue(
                now: now.adding(seconds: 121), limit: 10, clock: now.adding(seconds: 121), claimUntil: lease
            ).map(\.key) == ["c"])
    }

    /// A sender whose claim ran out cannot record the message as sent once another
    /// sender has claimed it: so only one of them sends it.
    static func aLostClaimCannotBeMarked(_ store: any Store) async throws {
        _ = try await store.enqueue(entry("slow"), reminderKeys: ["k:slow"])
        let old = try await store.claimDue(now: now, limit: 10, clock: now, claimUntil: now.adding(seconds: 10))
        let new = try await store.claimDue(
            now: now.adding(seconds: 11), limit: 10, clock: now.adding(seconds: 11), claimUntil: now.adding(seconds: 99)
        )
        #expect(old.count == 1 && new.count == 1 && old[0].claim != new[0].claim)
        #expect(try await !store.handOver(old[0], until: now.adding(seconds: 500)))
        #expect(try await !store.markSent(old[0], at: now))
        #expect(try await !store.markFailed(old[0], error: "late", retryAt: nil, uncertain: false))
        // Extended, the claim holds past its first lease.
        #expect(try await store.handOver(new[0], until: now.adding(seconds: 500)))
        #expect(
            try await store.claimDue(
                now: now.adding(seconds: 100), limit: 10, clock: now.adding(seconds: 100), claimUntil: now
            ).isEmpty)
        #expect(try await store.markSent(new[0], at: now))
        #expect(try await !store.markSent(new[0], at: now))  // once
        #expect(try await !store.handOver(new[0], until: now.adding(seconds: 600)))  // sent: nothing to hold
        #expect(try await store.outbox(status: .sent).map(\.attempts) == [2])
    }

    /// Two senders claiming at the same time get different messages, all of them (and a
    /// batch larger than one insert chunk is queued whole).
    static func concurrentClaimsAreDisjoint(_ store: any Store) async throws {
        let batch = (0..<1200).map { (entry("m\($0)", recipient: "p\($0)@example.org"), ["k:\($0)"]) }
        _ = try await store.enqueue(batch)
        let recorded = try await store.recordedReminders(for: (0..<1200).map { "p\($0)@example.org" })
        #expect(recorded.count == 1200 && recorded["p1199@example.org"] == ["k:1199"])
        let lease = now.adding(seconds: 300)
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var keys: [String] = []
                    for _ in 0..<100 {
                        let got = try await store.claimDue(now: now, limit: 7, clock: now, claimUntil: lease)
                        if got.isEmpty { break }
                        keys += got.map(\.key)
                    }
                    return keys
                }
            }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        let all = claims.flatMap { $0 }
        #expect(all.count == 1200 && Set(all).count == 1200)
    }

    static func leasesHaveOneHolder(_ store: any Store) async throws {
        let t = now
        #expect(try await store.lease("reminders") == nil)
        #expect(try await store.acquireLease("reminders", holder: "a", now: t, until: t.adding(seconds: 30)))
        #expect(
            try await !store.acquireLease(
                "reminders", holder: "b", now: t.adding(seconds: 10), until: t.adding(seconds: 40)))
        #expect(
            try await store.acquireLease(
                "reminders", holder: "a", now: t.adding(seconds: 20), until: t.adding(seconds: 50)))
        #expect(try await store.lease("reminders") == Lease(holder: "a", until: t.adding(seconds: 50)))
        // a stops renewing: b takes over once the lease has run out, and a cannot take it back.
        #expect(
            try await store.acquireLease(
                "reminders", holder: "b", now: t.adding(seconds: 50), until: t.adding(seconds: 80)))
        #expect(
            try await !store.acquireLease(
                "reminders", holder: "a", now: t.adding(seconds: 51), until: t.adding(seconds: 81)))
        try await store.releaseLease("reminders", holder: "a")  // not a's: nothing happens
        #expect(try await store.lease("reminders")?.holder == "b")
        try await store.releaseLease("reminders", holder: "b")
        #expect(
            try await store.acquireLease(
                "reminders", holder: "a", now: t.adding(seconds: 52), until: t.adding(seconds: 82)))
    }

    static func calendarsArePublishedInGenerations(_ store: any Store) async throws {
        #expect(try await store.latestCalendar() == nil)
        #expect(try await store.calendarGeneration() == 0)
        var snapshot = CalendarSnapshot(
            files: ["rules.yaml": "ledningsgruppen: {}\n", "external/x.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"],
            contentHash: "h1", editedAt: now, builtAt: now, revisions: "{}", origin: "node-a")
        #expect(try await store.publishCalendar(snapshot, after: 0) == 1)
        #expect(try await store.publishCalendar(snapshot, after: 0) == nil)  // someone else was first
        snapshot.contentHash = "h2"
        snapshot.files["2022.yaml"] = "meetings: []\n"
        #expect(try await store.publishCalendar(snapshot, after: 1) == 2)
        let latest = try #require(try await store.latestCalendar())
        #expect(latest.generation == 2 && latest.files == snapshot.files && latest.contentHash == "h2")
        #expect(latest.origin == "node-a" && latest.builtAt == now && latest.revisions == "{}")
        #expect(try await store.calendarGeneration() == 2)
    }

    /// Every contract test, by name, for the suites of each back end.
    static let all: [(String, @Sendable (any Store) async throws -> Void)] = [
        ("items round-trip and filter", itemsRoundTripAndFilter),
        ("status changes are history", statusChangesAreHistory),
        ("reminders are queued once", remindersAreQueuedOnce),
        ("claim, lease, retry and fail", claimLeaseRetryAndFail),
        ("a lost claim cannot be marked", aLostClaimCannotBeMarked),
        ("concurrent claims are disjoint", concurrentClaimsAreDisjoint),
        ("leases have one holder", leasesHaveOneHolder),
        ("calendars are published in generations", calendarsArePublishedInGenerations),
        ("a pass is queued in one batch", aPassIsQueuedInOneBatch),
        ("a heartbeat keeps a claim", aHeartbeatKeepsAClaim),
        ("an interrupted hand-over is sent again as uncertain", anInterruptedHandOverIsUncertain),
        ("claims run out by the wall clock", claimsRunOutByTheWallClock),
        ("listening for calendars ends when cancelled", listeningForCalendarsEndsWhenCancelled),
        ("closing an occurrence creates the next", closingAnOccurrenceCreatesTheNext),
        ("closing twice makes one next", closingTwiceMakesOneNext),
        ("cancelling ends the series", cancellingEndsTheSeries),
        ("a recurrence can be set and cleared", recurrenceCanBeSetAndCleared),
        ("agendas keep their papers in one transaction", agendasKeepTheirPapersInOneTransaction),
        ("published papers follow the latest version", publishedPapersFollowTheLatestVersion),
        ("concurrent agenda changes are all kept", concurrentAgendaChangesAreAllKept),
        ("decisions create linked items and follow-ups change them", decisionsCreateLinkedItemsAndFollowUpsChangeThem),
        ("a refused minutes change leaves the items alone", aRefusedMinutesChangeLeavesTheItemsAlone),
        ("imported minutes are approved without announcement", importedMinutesAreApprovedWithoutAnnouncement),
        ("the token secret is shared and rotates", theTokenSecretIsSharedAndRotates),
        ("answers are kept with their history", answersAreKeptWithTheirHistory),
        ("person tokens are one per person and rotate", personTokensAreOnePerPersonAndRotate),
        ("sign-in links work once and expire", signInLinksWorkOnceAndExpire),
        ("sessions are kept, expire and end per person", sessionsAreKeptExpireAndEndPerPerson),
        ("the audit log is kept newest first", theAuditLogIsKeptNewestFirst),
    ]

    /// The sync's listener is one child task among the daemon's; a shutdown cancels it
    /// and must not wait for an announcement that may never come (SQLite has none).
    static func listeningForCalendarsEndsWhenCancelled(_ store: any Store) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try? await store.listenForCalendars { _ in } }
            try await Task.sleep(for: .milliseconds(200))
            group.cancelAll()
            try await group.waitForAll()
        }
    }

    /// A claim renewed by its sender's heartbeat holds past its first expiry; once the
    /// heartbeat stops, it runs out and another sender takes the message.
    static func aHeartbeatKeepsAClaim(_ store: any Store) async throws {
        _ = try await store.enqueue([(entry("a"), ["k:a"]), (entry("b"), ["k:b"])])
        let claimed = try await store.claimDue(now: now, limit: 10, clock: now, claimUntil: now.adding(seconds: 30))
        let token = try #require(claimed.first?.claim)
        #expect(try await store.markSent(claimed[0], at: now))
        #expect(try await store.renewClaim(token, until: now.adding(seconds: 60)) == 1)  // the sent one is done
        let later = now.adding(seconds: 45)
        #expect(
            try await store.claimDue(now: later, limit: 10, clock: later, claimUntil: later.adding(seconds: 30)).isEmpty
        )
        let afterwards = now.adding(seconds: 61)
        let taken = try await store.claimDue(
            now: afterwards, limit: 10, clock: afterwards, claimUntil: afterwards.adding(seconds: 30))
        #expect(taken.map(\.key) == ["b"] && taken[0].claim != token && !taken[0].uncertain)
        #expect(try await store.renewClaim(token, until: now.adding(seconds: 999)) == 0)  // the old sender lost it
    }

    /// A message handed over (its end of data written) by a sender that then died is
    /// claimed again flagged uncertain; so is one whose connection broke after the end of
    /// data. A message whose sender died before the hand-over is not.
    static func anInterruptedHandOverIsUncertain(_ store: any Store) async throws {
        _ = try await store.enqueue([(entry("dot"), ["k:dot"]), (entry("early"), ["k:early"])])
        let first = try await store.claimDue(now: now, limit: 10, clock: now, claimUntil: now.adding(seconds: 10))
        #expect(first.map(\.key) == ["dot", "early"])
        #expect(try await store.handOver(first[0], until: now.adding(seconds: 10)))
        // The sender dies here. After its claim runs out:
        let later = now.adding(seconds: 11)
        let again = try await store.claimDue(now: later, limit: 10, clock: later, claimUntil: later.adding(seconds: 10))
        #expect(again.map(\.key) == ["dot", "early"])
        #expect(again.map(\.uncertain) == [true, false])
        #expect(again.map(\.attempts) == [2, 2])
        #expect(try await store.markSent(again[0], at: later))
        #expect(try await store.handOver(again[1], until: later.adding(seconds: 10)))
        #expect(try await store.markFailed(again[1], error: "no answer", retryAt: later, uncertain: true))
        var counts = try await store.outboxCounts()
        #expect(counts[.sent] == 1 && counts[.pending] == 1 && counts.uncertain == 2)
        let retried = try await store.claimDue(
            now: later, limit: 10, clock: later, claimUntil: later.adding(seconds: 10))
        #expect(retried.map(\.key) == ["early"] && retried[0].uncertain)
        #expect(try await store.markSent(retried[0], at: later))
        counts = try await store.outboxCounts()
        #expect(counts[.sent] == 2 && counts.uncertain == 2)
        #expect(try await store.outbox(status: .sent).allSatisfy(\.uncertain))
    }

    /// Claims are measured by the wall clock, retries by the pass's time: a pass run as
    /// of a past moment (`remind --now`) still takes over what a killed sender claimed.
    static func claimsRunOutByTheWallClock(_ store: any Store) async throws {
        _ = try await store.enqueue(entry("m"), reminderKeys: ["k:m"])
        let wall = now.adding(seconds: 86_400)
        let killed = try await store.claimDue(now: now, limit: 10, clock: wall, claimUntil: wall.adding(seconds: 30))
        #expect(killed.count == 1)
        #expect(
            try await store.claimDue(now: now, limit: 10, clock: wall.adding(seconds: 29), claimUntil: wall).isEmpty)
        let next = try await store.claimDue(
            now: now, limit: 10, clock: wall.adding(seconds: 31), claimUntil: wall.adding(seconds: 61))
        #expect(next.map(\.key) == ["m"])
    }

    static func aPassIsQueuedInOneBatch(_ store: any Store) async throws {
        let queued = try await store.enqueue([
            (entry("x"), ["k:1"]), (entry("y"), ["k:1"]), (entry("z", recipient: "kd@example.org"), ["k:1"]),
        ])
        #expect(queued == [true, false, true])
        let claimed = try await store.claimDue(now: now, limit: 10, clock: now, claimUntil: now.adding(seconds: 60))
        for entry in claimed { #expect(try await store.markSent(entry, at: now)) }
        #expect(try await store.outbox(status: .sent).map(\.key) == ["x", "z"])
    }
}

@Suite struct SQLiteStoreTests {
    static func store() throws -> SQLiteStore {
        try SQLiteStore(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path)
    }

    @Test(arguments: StoreContract.all.map(\.0))
    func contract(_ name: String) async throws {
        let test = try #require(StoreContract.all.first { $0.0 == name }?.1)
        try await test(try Self.store())
    }

    /// Owners were kept one per line before v5; the migration makes them a JSON list.
    @Test func ownersKeptAsLinesBecomeAList() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        do {
            let old = try DatabaseQueue(path: "\(dir)/kalendarium.sqlite")
            try SQLiteStore.migrator.migrate(
                old, upTo: "v4: claims by the wall clock, hand-overs, uncertain deliveries")
            try await old.write { db in
                try db.execute(
                    sql: "INSERT INTO item (title, body, owners, status) VALUES (?, ?, ?, ?)",
                    arguments: ["Gammalt", "samarbetskommitten", "municipality:huddinge\nperson:Eva", "open"])
            }
        }
        let store = try SQLiteStore(directory: dir)
        let item = try #require(try await store.items(ItemFilter()).first)
        #expect(item.owners == [Owner("municipality:huddinge")!, Owner("person:Eva")!])
        let stored = try await store.pool.read { db in try String.fetchOne(db, sql: "SELECT owners FROM item") }
        #expect(stored == #"["municipality:huddinge","person:Eva"]"#)
        // What an older daemon may still write during an upgrade is read as before.
        #expect(OwnerColumn.owners("municipality:huddinge\nperson:Eva") == item.owners)
    }

    @Test func reopeningKeepsDataInWALMode() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path
        let id = try #require(try await SQLiteStore(directory: dir).addItem(StoreContract.item()).id)
        let again = try SQLiteStore(directory: dir)
        #expect(try await again.item(id: id)?.title == StoreContract.item().title)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/kalendarium.sqlite-wal"))
    }
}
