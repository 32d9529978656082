import Foundation
import KalendariumCore
import Store
import Testing

@testable import Reminders

/// Hand-overs a window at a time, against a real SQLite outbox.
@Suite struct HandOverWindowTests {
    static let now = UTCInstant(rfc3339: "2026-11-23T07:00:00Z")!

    /// A store with `count` messages queued and claimed by one sender at `now`.
    static func claimed(_ count: Int) async throws -> (SQLiteStore, [OutboxEntry]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("window-\(UUID().uuidString)").path
        let store = try SQLiteStore(directory: root)
        _ = try await store.enqueue(
            (0..<count).map { i in
                let key = String(format: "m%03d", i)
                return (
                    OutboxEntry(
                        key: key, recipient: "\(key)@example.org", messageID: "\(key)@kalendarium",
                        message: "Subject: \(key)\r\n\r\nhej\r\n", nextAttempt: now, createdAt: now),
                    ["k:\(key)"]
                )
            })
        let entries = try await store.claimDue(now: now, limit: count, clock: now, claimUntil: now.adding(seconds: 30))
        #expect(entries.count == count)
        return (store, entries)
    }

    /// Which messages a sender that takes over after the claims ran out finds handed over
    /// (it flags those uncertain).
    static func handedOver(_ store: SQLiteStore) async throws -> [String] {
        let later = now.adding(seconds: 3600)
        return try await store.claimDue(now: later, limit: 1000, clock: later, claimUntil: later.adding(seconds: 30))
            .filter(\.uncertain).map(\.key).sorted()
    }

    @Test func theFirstMessageHandsOverTheWindowAndNoMore() async throws {
        let (store, entries) = try await Self.claimed(40)
        let window = HandOverWindow(entries, store: store, size: 32, claimSeconds: 30, clock: { Self.now })
        try await window.prepare(messageID: entries[0].messageID)
        #expect(try await Self.handedOver(store) == entries[0..<32].map(\.key))
    }

    @Test func everyMessageOfTheBatchIsHandedOverBeforeItsDot() async throws {
        let (store, entries) = try await Self.claimed(40)
        let window = HandOverWindow(entries, store: store, size: 8, claimSeconds: 30, clock: { Self.now })
        for entry in entries { try await window.prepare(messageID: entry.messageID) }
        #expect(try await Self.handedOver(store) == entries.map(\.key))
    }

    /// Once the claims are lost, the next window finds none of its messages: each is
    /// withheld.
    @Test func messagesWhoseClaimWasTakenAreWithheld() async throws {
        let (store, entries) = try await Self.claimed(12)
        let window = HandOverWindow(entries, store: store, size: 4, claimSeconds: 30, clock: { Self.now })
        try await window.prepare(messageID: entries[0].messageID)
        // Another sender takes every message after the claims ran out.
        let later = Self.now.adding(seconds: 3600)
        #expect(try await store.claimDue(now: later, limit: 12, clock: later, claimUntil: later).count == 12)
        for entry in entries[4...] {
            await #expect(throws: ClaimLost.self) { try await window.prepare(messageID: entry.messageID) }
        }
        await #expect(throws: ClaimLost.self) { try await window.prepare(messageID: "not-claimed@kalendarium") }
    }

    /// Four connections preparing their share at once: each message is handed over, and
    /// none is refused by windows racing for the same rows.
    @Test func connectionsPreparingAtOnceAllGetTheirMessages() async throws {
        let (store, entries) = try await Self.claimed(64)
        let window = HandOverWindow(entries, store: store, size: 8, claimSeconds: 30, clock: { Self.now })
        try await withThrowingTaskGroup(of: Void.self) { group in
            for connection in 0..<4 {
                group.addTask {
                    for index in stride(from: connection, to: entries.count, by: 4) {
                        try await window.prepare(messageID: entries[index].messageID)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await Self.handedOver(store) == entries.map(\.key))
    }
}
