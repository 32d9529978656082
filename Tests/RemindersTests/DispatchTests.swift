import Feeds
import Foundation
import KalendariumCore
import Mail
import Store
import Synchronization
import Testing

@testable import Reminders

/// The dispatcher's hand-over against the store's claims, delivering into a real maildir.
@Suite struct DispatchTests {
    static let now = UTCInstant(rfc3339: "2026-11-23T07:00:00Z")!

    struct Setup {
        let store: SQLiteStore
        let maildir: String
        let run: ReminderRun

        init(transport: (String) -> any MailTransport = { MaildirTransport(directory: $0) }) throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-\(UUID().uuidString)")
                .path
            store = try SQLiteStore(directory: root)
            maildir = "\(root)/maildir"
            run = ReminderRun(
                store: store, transport: transport(maildir),
                settings: MailSettings(
                    from: MailAddress(name: "Kansliet", email: "kansli@example.org")!,
                    unsubscribe: "kansli@example.org",
                    feeds: FeedSettings()))
        }

        func queue(_ keys: [String]) async throws {
            _ = try await store.enqueue(
                keys.map {
                    (
                        OutboxEntry(
                            key: $0, recipient: "\($0)@example.org", messageID: "\($0)@kalendarium",
                            message: "Subject: \($0)\r\n\r\nhej\r\n", nextAttempt: DispatchTests.now,
                            createdAt: DispatchTests.now), ["k:\($0)"]
                    )
                })
        }

        var delivered: Int { (try? FileManager.default.contentsOfDirectory(atPath: "\(maildir)/new").count) ?? 0 }
    }

    @Test func eachMessageIsRecordedAsSentAsItIsDelivered() async throws {
        let setup = try Setup()
        try await setup.queue(["a", "b", "c"])
        var report = ReminderRun.Report()
        try await setup.run.dispatch(now: Self.now, clock: { Self.now }, into: &report)
        #expect(report.sent == ["a", "b", "c"] && report.withheld.isEmpty && report.unrecorded.isEmpty)
        #expect(setup.delivered == 3)
        #expect(try await setup.store.outbox(status: .sent).count == 3)
    }

    /// A sender whose claims ran out and were taken by another sender before it got to
    /// the messages withholds them: the other sender sends them, once.
    @Test func aSenderThatLostItsClaimWithholdsTheMessages() async throws {
        let thief = Thief()
        let setup = try Setup { StealingTransport(inner: MaildirTransport(directory: $0), thief: thief) }
        thief.store.withLock { $0 = setup.store }
        try await setup.queue(["a", "b"])
        var report = ReminderRun.Report()
        try await setup.run.dispatch(now: Self.now, claimSeconds: 60, clock: { Self.now }, into: &report)
        #expect(report.sent.isEmpty && report.withheld == ["a", "b"])
        #expect(setup.delivered == 0)
        #expect(try await setup.store.outbox(status: .sending).map(\.key) == ["a", "b"])
        // The thief's claims are good: it sends both, and nobody else can.
        for entry in thief.stolen.withLock({ $0 }) {
            #expect(try await setup.store.handOver(entry, until: Self.now.adding(seconds: 200)))
            #expect(try await setup.store.markSent(entry, at: Self.now))
        }
    }

    @Test func stillSenderStopsTheDispatchBetweenBatches() async throws {
        let setup = try Setup()
        try await setup.queue((0..<5).map { "m\($0)" })
        var report = ReminderRun.Report()
        let batches = Counter()
        try await setup.run.dispatch(
            now: Self.now, limit: 2, clock: { Self.now }, stillSender: { batches.increment() <= 2 }, into: &report)
        #expect(report.sent.count == 4 && setup.delivered == 4)
        #expect(try await setup.store.outbox(status: .pending).count == 1)
    }
}

extension DispatchTests {
    /// A batch that takes longer than its claim keeps the claim by its heartbeat: no other
    /// sender can take its messages meanwhile, and each is sent once.
    @Test func theHeartbeatHoldsASlowBatch() async throws {
        let wall: @Sendable () -> UTCInstant = { UTCInstant(secondsSince1970: Int(Date().timeIntervalSince1970)) }
        let setup = try Setup { SlowTransport(inner: MaildirTransport(directory: $0), delay: .milliseconds(2000)) }
        try await setup.queue(["a", "b", "c", "d"])
        let store = setup.store
        let run = setup.run
        var report = ReminderRun.Report()
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                var report = ReminderRun.Report()
                try await run.dispatch(now: Self.now, claimSeconds: 4, clock: wall, into: &report)
                return report.sent.count
            }
            group.addTask {
                // Another sender looks every 200 ms while the slow batch (about 8 s, two claims long) runs.
                var taken = 0
                for _ in 0..<40 {
                    try await Task.sleep(for: .milliseconds(200))
                    let at = wall()
                    taken += try await store.claimDue(now: Self.now, limit: 10, clock: at, claimUntil: at).count
                }
                return -taken
            }
            var results: [Int] = []
            for try await value in group { results.append(value) }
            #expect(results.sorted() == [0, 4])
        }
        #expect(setup.delivered == 4)
        try await setup.run.dispatch(now: Self.now, clock: wall, into: &report)
        #expect(report.sent.isEmpty)
    }

    /// A connection that breaks after the end of data leaves the message's fate unknown:
    /// it is retried, flagged uncertain.
    @Test func noAnswerToTheEndOfDataIsUncertain() async throws {
        let setup = try Setup { _ in SilentAfterDataTransport() }
        try await setup.queue(["a"])
        var report = ReminderRun.Report()
        try await setup.run.dispatch(now: Self.now, clock: { Self.now }, into: &report)
        #expect(report.retrying.count == 1 && report.uncertain.count == 1)
        let counts = try await setup.store.outboxCounts()
        #expect(counts[.pending] == 1 && counts.uncertain == 1)
    }
}

/// Delivers into a real maildir, slowly.
struct SlowTransport: MailTransport {
    let inner: MaildirTransport
    let delay: Duration

    func deliver(_ mail: OutgoingMail) async throws(MailError) {
        try? await Task.sleep(for: delay)
        try await inner.deliver(mail)
    }
}

/// As a server that took the whole message and then never answered.
struct SilentAfterDataTransport: MailTransport {
    func deliver(_ mail: OutgoingMail) async throws(MailError) {
        throw MailError(.temporary, "no answer to the end of data: no reply within 30 s", uncertain: true)
    }
}

/// Another sender, claiming every message as if this one's claims had run out.
final class Thief: Sendable {
    let store = Mutex<(any Store)?>(nil)
    let stolen = Mutex<[OutboxEntry]>([])
}

/// A real maildir transport, with another sender's claim landing just before the batch.
struct StealingTransport: MailTransport {
    let inner: MaildirTransport
    let thief: Thief

    func deliver(_ mail: OutgoingMail) async throws(MailError) { try await inner.deliver(mail) }

    func deliver(batch: [OutgoingMail], handOver: HandOver) async -> [Result<Void, MailError>] {
        if let store = thief.store.withLock({ $0 }) {
            let claimed =
                (try? await store.claimDue(
                    now: DispatchTests.now.adding(seconds: 61), limit: 100,
                    clock: DispatchTests.now.adding(seconds: 61), claimUntil: DispatchTests.now.adding(seconds: 120)))
                ?? []
            thief.stolen.withLock { $0 = claimed }
        }
        return await inner.deliver(batch: batch, handOver: handOver)
    }
}

final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int {
        value.withLock {
            $0 += 1; return $0
        }
    }
}
