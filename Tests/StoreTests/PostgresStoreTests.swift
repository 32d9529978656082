import Foundation
import KalendariumCore
import Logging
import PostgresNIO
import Testing

@testable import Store

/// The PostgreSQL server the tests use: `$KALENDARIUM_TEST_POSTGRES`, a URL to a
/// database the user may create databases from. `scripts/test` starts a throwaway
/// server on loopback (scripts/postgres) and sets it; each test gets a new database.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["KALENDARIUM_TEST_POSTGRES"]

    /// Creates an empty database and returns its URL.
    static func freshDatabase() async throws -> String {
        let base = try #require(url)
        let name = "kalendarium_test_\(UUID().uuidString.prefix(8).lowercased())"
        let client = PostgresClient(configuration: try PostgresURL.configuration(base))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await client.query("CREATE DATABASE \(unescaped: name)")
            group.cancelAll()
        }
        var parts = try #require(URLComponents(string: base))
        parts.path = "/\(name)"
        return try #require(parts.string)
    }

    static func withStore(_ body: @Sendable (any Store) async throws -> Void) async throws {
        let location = StoreLocation.postgres(url: try await freshDatabase())
        try await location.withStore(logger: Logger(label: "test")) { store in try await body(store) }
    }

    /// A migrated `PostgresStore` on `url` (else a fresh database), for tests that
    /// reach past the protocol to its client.
    static func withPostgresStore(
        url: String? = nil, _ body: @Sendable (PostgresStore) async throws -> Void
    ) async throws {
        let database: String
        if let url { database = url } else { database = try await freshDatabase() }
        let store = try PostgresStore(url: database, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            try await store.migrate()
            try await body(store)
        }
    }
}

@Suite(.enabled(if: TestPostgres.url != nil, "set KALENDARIUM_TEST_POSTGRES (scripts/test does)"))
struct PostgresStoreTests {
    @Test(arguments: StoreContract.all.map(\.0))
    func contract(_ name: String) async throws {
        let test = try #require(StoreContract.all.first { $0.0 == name }?.1)
        try await TestPostgres.withStore(test)
    }

    @Test func migrationsRunOnceEvenWhenDaemonsStartTogether() async throws {
        let url = try await TestPostgres.freshDatabase()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    try await StoreLocation.postgres(url: url).withStore(logger: Logger(label: "test")) { _ in }
                }
            }
            try await group.waitForAll()
        }
        try await TestPostgres.withPostgresStore(url: url) { store in
            let names = try await store.client.query(
                "SELECT name FROM kalendarium_migration ORDER BY name"
            ).collect().map { try $0.decode(String.self) }
            #expect(names == PostgresStore.migrations.map(\.0).sorted())
        }
    }

    @Test func aNotifyAnnouncesEachPublishedCalendar() async throws {
        try await TestPostgres.withStore { store in
            let heard = AsyncStream.makeStream(of: Int64.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await store.listenForCalendars { heard.continuation.yield($0) } }
                try await Task.sleep(for: .milliseconds(300))  // LISTEN is in place
                let snapshot = CalendarSnapshot(
                    files: ["rules.yaml": "x"], contentHash: "h", editedAt: StoreContract.now,
                    builtAt: StoreContract.now, revisions: "{}", origin: "t")
                _ = try await store.publishCalendar(snapshot, after: 0)
                var iterator = heard.stream.makeAsyncIterator()
                #expect(await iterator.next() == 1)
                group.cancelAll()
            }
        }
    }

    /// Migration v5 turns owners kept one per line into a JSON list; its statements run
    /// again here on a row written the old way.
    @Test func ownersKeptAsLinesBecomeAList() async throws {
        try await TestPostgres.withPostgresStore { store in
            let id = try #require(try await store.addItem(StoreContract.item()).id)
            try await store.client.query(
                "UPDATE item SET owners = \("municipality:huddinge\nperson:Eva") WHERE id = \(id)")
            #expect(try await store.item(id: id)?.owners.count == 2)  // read as lines meanwhile
            let v5 = try #require(PostgresStore.migrations.first { $0.0.hasPrefix("v5") })
            for statement in v5.1 { try await store.client.query(PostgresQuery(unsafeSQL: statement)) }
            let stored = try await store.client.query("SELECT owners FROM item WHERE id = \(id)").collect()
                .map { try $0.decode(String.self) }
            #expect(stored == [#"["municipality:huddinge", "person:Eva"]"#])
            #expect(try await store.item(id: id)?.owners == [Owner("municipality:huddinge")!, Owner("person:Eva")!])
        }
    }

    @Test func aWrongURLSaysWhatToWrite() throws {
        #expect(throws: StoreError.self) { try StoreLocation(database: "mysql://x", stateDirectory: "s") }
        #expect(throws: StoreError.self) { try PostgresURL.configuration("postgres://127.0.0.1/db") }
        #expect(PostgresURL.redacted("postgres://k:hemligt@db/x") == "postgres://k:***@db/x")
        #expect(try StoreLocation(database: nil, stateDirectory: "s") == .sqlite(directory: "s"))
    }
}
