import Foundation
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
    }

    static func claimLeaseRetryAndFail(_ store: any Store) async throws {
        _ = try await store.enqueue(entry("a"), reminderKeys: ["k:a"])
        _ = try await store.enqueue(entry("b"), reminderKeys: ["k:b"])
        let lease = now.adding(seconds: 300)
        let first = try await store.claimDue(now: now, limit: 10, leaseUntil: lease)
        #expect(first.map(\.key) == ["a", "b"])
        #expect(try await store.claimDue(now: now, limit: 10, leaseUntil: lease).isEmpty)  // leased
        try await store.markSent("a", at: now)
        try await store.markFailed("b", error: "421 try later", retryAt: now.adding(seconds: 60))
        #expect(try await store.claimDue(now: now.adding(seconds: 30), limit: 10, leaseUntil: lease).isEmpty)
        let retried = try await store.claimDue(now: now.adding(seconds: 61), limit: 10, leaseUntil: lease)
        #expect(retried.map(\.key) == ["b"] && retried.first?.attempts == 2)
        try await store.markFailed("b", error: "550 no such user", retryAt: nil)
        #expect(try await store.outbox(status: .failed).map(\.lastError) == ["550 no such user"])
        #expect(try await store.outbox(status: .sent).map(\.key) == ["a"])
        // A sender that crashed leaves a lease; when it runs out the message is due again.
        _ = try await store.enqueue(entry("c"), reminderKeys: ["k:c"])
        _ = try await store.claimDue(now: now, limit: 10, leaseUntil: now.adding(seconds: 120))
        #expect(
            try await store.claimDue(now: now.adding(seconds: 121), limit: 10, leaseUntil: lease).map(\.key) == ["c"])
    }
}

@Suite struct SQLiteStoreTests {
    func store() throws -> SQLiteStore {
        try SQLiteStore(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path)
    }

    @Test func itemsRoundTripAndFilter() async throws { try await StoreContract.itemsRoundTripAndFilter(try store()) }
    @Test func statusChangesAreHistory() async throws { try await StoreContract.statusChangesAreHistory(try store()) }
    @Test func remindersAreQueuedOnce() async throws { try await StoreContract.remindersAreQueuedOnce(try store()) }
    @Test func claimLeaseRetryAndFail() async throws { try await StoreContract.claimLeaseRetryAndFail(try store()) }

    @Test func reopeningKeepsDataInWALMode() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path
        let id = try #require(try await SQLiteStore(directory: dir).addItem(StoreContract.item()).id)
        let again = try SQLiteStore(directory: dir)
        #expect(try await again.item(id: id)?.title == StoreContract.item().title)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/kalendarium.sqlite-wal"))
    }
}

@Suite struct StoreBatchTests {
    @Test func aPassIsQueuedInOneBatch() async throws {
        let store = try SQLiteStore(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path)
        let queued = try await store.enqueue([
            (StoreContract.entry("x"), ["k:1"]), (StoreContract.entry("y"), ["k:1"]),
            (StoreContract.entry("z", recipient: "kd@example.org"), ["k:1"]),
        ])
        #expect(queued == [true, false, true])
        try await store.markSent(["x", "z"], at: StoreContract.now)
        #expect(try await store.outbox(status: .sent).map(\.key) == ["x", "z"])
    }
}
