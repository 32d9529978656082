import Foundation
public import KalendariumCore
public import Logging
import NIOSSL
import PostgresNIO

/// The store for several daemons: one PostgreSQL database (postgres-nio's pooled
/// client). The same tables and the same named migrations as SQLite; what differs
/// is how concurrent daemons are kept apart: outbox claims with
/// `FOR UPDATE SKIP LOCKED`, queueing under an advisory lock, and a NOTIFY when a
/// new calendar is published.
///
/// The client must run for as long as the store is used: `StoreLocation.open` hands
/// it out as a service for the daemon's ServiceGroup, `StoreLocation.withStore` runs
/// it in a child task.
public final class PostgresStore: Store {
    let client: PostgresClient
    let logger: Logger
    /// The address without its password, for messages.
    public let redactedURL: String
    /// Seconds to wait for the database, at start and for each operation
    /// (`connect_timeout` in the URL).
    let connectTimeout: Int

    /// The NOTIFY channel that announces a new calendar generation.
    static let calendarChannel = "kalendarium_calendar"
    /// Advisory-lock keys (`pg_advisory_xact_lock`), fixed forever.
    static let migrationLock: Int64 = 0x4B_414C_0001
    static let enqueueLock: Int64 = 0x4B_414C_0002
    static let publishLock: Int64 = 0x4B_414C_0003

    public init(url: String, logger: Logger) throws {
        let configuration = try PostgresURL.configuration(url)
        // The pool's own chatter (a warning for each query queued before run() starts,
        // retries) stays out of the log; failed queries throw, and callers report them.
        var background = logger
        background.logLevel = .error
        self.client = PostgresClient(configuration: configuration, backgroundLogger: background)
        self.logger = logger
        self.redactedURL = PostgresURL.redacted(url)
        self.connectTimeout = try PostgresURL.connectTimeout(url)
    }

    // MARK: - Items

    public func addItem(_ item: Item) async throws -> Item {
        try await answered { [self] in
            try await transaction { db in try await Self.insert(db, item, logger: logger) }
        }
    }

    /// Inserts `item` with its history; a recurring item without a series starts its own.
    static func insert(_ db: PostgresConnection, _ item: Item, logger: Logger) async throws -> Item {
        let owners = Self.owners(item.owners)
        let id = try await db.query(
            """
            INSERT INTO item (title, description, body, meeting, decision, owners, due, status, recurrence, series, previous, point)
            VALUES (\(item.title), \(item.description), \(item.body), \(item.meeting), \(item.decision),
                    \(owners), \(item.due?.description), \(item.status.rawValue), \(item.recurrence?.description),
                    \(item.series), \(item.previous), \(item.point))
            RETURNING id
            """, logger: logger
        ).decodeFirst(Int64.self)
        if item.recurrence != nil, item.series == nil {
            try await db.query("UPDATE item SET series = \(id) WHERE id = \(id)", logger: logger)
        }
        for note in item.history {
            try await db.query(
                """
                INSERT INTO item_note (item_id, date, status, text)
                VALUES (\(id), \(note.date.description), \(note.status.rawValue), \(note.text))
                """, logger: logger)
        }
        guard let saved = try await Self.item(db, id: id, logger: logger) else {
            throw StoreError("item \(id) vanished while it was being added")
        }
        return saved
    }

    public func item(id: Int64) async throws -> Item? {
        try await answered { [self] in
            try await client.withConnection { db in try await Self.item(db, id: id, logger: logger) }
        }
    }

    public func items(_ filter: ItemFilter) async throws -> [Item] {
        try await answered { [self] in
            try await client.withConnection { db in
                // Two queries for all items, as in SQLite: a reminder pass reads every item.
                var notes: [Int64: [Item.Note]] = [:]
                let noteRows = try await db.query(
                    "SELECT item_id, date, status, text FROM item_note ORDER BY id", logger: logger)
                for try await (itemID, date, status, text) in noteRows.decode((Int64, String, String, String).self) {
                    if let note = Self.note(date: date, status: status, text: text) {
                        notes[itemID, default: []].append(note)
                    }
                }
                var items: [Item] = []
                let rows = try await db.query("\(unescaped: Self.itemColumns) ORDER BY id", logger: logger)
                for try await row in rows.decode(ItemRow.self) {
                    let item = Self.item(row, notes: notes[row.0] ?? [])
                    if filter.matches(item) { items.append(item) }
                }
                return items
            }
        }
    }

    public func updateItem(id: Int64, _ change: ItemChange, on date: LocalDate) async throws -> Item {
        try await answered { [self] in
            try await transaction { db in try await Self.update(db, id: id, change, on: date, logger: logger) }
        }
    }

    /// `updateItem` inside a transaction the caller holds (the minutes' follow-ups use it too).
    static func update(
        _ db: PostgresConnection, id: Int64, _ change: ItemChange, on date: LocalDate, logger: Logger
    ) async throws -> Item {
        try await db.query("SELECT id FROM item WHERE id = \(id) FOR UPDATE", logger: logger)
        guard var item = try await Self.item(db, id: id, logger: logger) else {
            throw StoreError("no item with id \(id)")
        }
        let statusChanged = change.apply(to: &item, id: id)
        try await db.query(
            """
            UPDATE item SET title = \(item.title), description = \(item.description),
                owners = \(Self.owners(item.owners)), due = \(item.due?.description), status = \(item.status.rawValue),
                recurrence = \(item.recurrence?.description), series = \(item.series)
            WHERE id = \(id)
            """, logger: logger)
        if statusChanged || change.note != nil {
            try await db.query(
                """
                INSERT INTO item_note (item_id, date, status, text)
                VALUES (\(id), \(date.description), \(item.status.rawValue), \(change.note ?? ""))
                """, logger: logger)
        }
        // In the same transaction, under the row lock: a closed occurrence is never
        // left without its next, and two daemons closing it make one.
        if statusChanged, Item.startsNextOccurrence(closingAs: item.status),
            let next = item.nextOccurrence(on: date),
            try await db.query("SELECT id FROM item WHERE previous = \(id)", logger: logger)
                .decode(Int64.self).first(where: { _ in true }) == nil
        {
            _ = try await Self.insert(db, next, logger: logger)
        }
        guard let saved = try await Self.item(db, id: id, logger: logger) else {
            throw StoreError("no item with id \(id)")
        }
        return saved
    }

    typealias ItemRow = (
        Int64, String, String, String, String?, String?, String, String?, String, String?, Int64?, Int64?, Int64?
    )
    static let itemColumns =
        "SELECT id, title, description, body, meeting, decision, owners, due, status, recurrence, series, previous, point FROM item"

    static func item(_ db: PostgresConnection, id: Int64, logger: Logger) async throws -> Item? {
        let rows = try await db.query("\(unescaped: itemColumns) WHERE id = \(id)", logger: logger)
        guard let row = try await rows.decode(ItemRow.self).first(where: { _ in true }) else { return nil }
        var notes: [Item.Note] = []
        let noteRows = try await db.query(
            "SELECT date, status, text FROM item_note WHERE item_id = \(id) ORDER BY id", logger: logger)
        for try await (date, status, text) in noteRows.decode((String, String, String).self) {
            if let note = note(date: date, status: status, text: text) { notes.append(note) }
        }
        return item(row, notes: notes)
    }

    static func item(_ row: ItemRow, notes: [Item.Note]) -> Item {
        Item(
            id: row.0, title: row.1, description: row.2, body: row.3, meeting: row.4, decision: row.5,
            owners: OwnerColumn.owners(row.6),
            due: row.7.flatMap { LocalDate(iso: $0) }, status: Item.Status(rawValue: row.8) ?? .open,
            history: notes, recurrence: row.9.flatMap { Recurrence(text: $0) }, series: row.10, previous: row.11,
            point: row.12.map { Int($0) })
    }

    static func note(date: String, status: String, text: String) -> Item.Note? {
        guard let date = LocalDate(iso: date), let status = Item.Status(rawValue: status) else { return nil }
        return Item.Note(date: date, status: status, text: text)
    }

    static func owners(_ owners: [Owner]) -> String { OwnerColumn.text(owners) }

    /// Runs one store operation, giving up after `connectTimeout` seconds: with the
    /// database down the pool would wait for ever, and a request or a pass should
    /// rather fail and say why (`/healthz`, HTTP 503).
    func answered<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await Self.within(
            seconds: connectTimeout, "the database at \(redactedURL) did not answer within \(connectTimeout) s", body)
    }

    /// Runs `body`, giving up after `seconds` with `StoreError(message, unavailable: true)`.
    static func within<T: Sendable>(
        seconds: Int, _ message: String, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: Result<T, StoreError>.self) { group in
            group.addTask { .success(try await body()) }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return .failure(StoreError(message, unavailable: true))
            }
            defer { group.cancelAll() }
            return try await group.next()!.get()
        }
    }

    /// Runs `body` in a transaction; an error thrown inside comes out as itself
    /// (postgres-nio wraps it), so a `StoreError` stays one.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> sending T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger, body)
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }

    /// postgres-nio's errors print little by default; this says what the server said.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}

extension PostgresRowSequence {
    /// The single value of a one-row, one-column answer.
    func decodeFirst<T: PostgresDecodable & Sendable>(_ type: T.Type) async throws -> T {
        for try await value in decode(T.self) { return value }
        throw StoreError("the database answered with no row")
    }
}
