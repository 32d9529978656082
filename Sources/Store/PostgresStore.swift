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
/// The client must run: call `run()` in a task (``StoreLocation/withStore(_:)`` does)
/// for as long as the store is used.
public final class PostgresStore: Store {
    let client: PostgresClient
    let logger: Logger
    /// The address without its password, for messages.
    public let redactedURL: String
    /// Seconds to wait for the database at start (`connect_timeout` in the URL).
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

    /// Runs the connection pool until cancelled.
    public func run() async { await client.run() }

    /// Applies the migrations not yet applied, one transaction each, under an advisory
    /// lock so daemons starting together do not race.
    public func migrate() async throws {
        let seconds = connectTimeout
        do {
            // The pool retries a refused connection for ever; a daemon or command
            // that cannot reach its database should say so and stop instead.
            try await Self.deadline(seconds: seconds, "no connection within \(seconds) s") {
                try await self.applyMigrations()
            }
        } catch {
            throw StoreError("cannot prepare the database at \(redactedURL): \(Self.describe(error))")
        }
    }

    private func applyMigrations() async throws {
        try await transaction { db in
            try await db.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await db.query(
                """
                CREATE TABLE IF NOT EXISTS kalendarium_migration (
                    name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
        }
        for (name, statements) in Self.migrations {
            try await transaction { db in
                try await db.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                let done = try await db.query(
                    "SELECT count(*) FROM kalendarium_migration WHERE name = \(name)", logger: logger
                ).decodeFirst(Int64.self)
                guard done == 0 else { return }
                for statement in statements {
                    try await db.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await db.query("INSERT INTO kalendarium_migration (name) VALUES (\(name))", logger: logger)
                logger.info("database migrated", metadata: ["migration": "\(name)"])
            }
        }
    }

    /// Runs `body`, giving up with `message` after `seconds`.
    static func deadline(
        seconds: Int, _ message: String, _ body: @escaping @Sendable () async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await body()
                return true
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return false
            }
            let finished = try await group.next() ?? false
            group.cancelAll()
            guard finished else { throw StoreError(message) }
        }
    }

    /// The same named migrations as SQLite's, in PostgreSQL's dialect; never edited once released.
    static let migrations: [(String, [String])] = [
        (
            "v1: items, item history, reminder log, outbox",
            [
                """
                CREATE TABLE item (
                    id BIGSERIAL PRIMARY KEY,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    body TEXT NOT NULL,
                    meeting TEXT,
                    decision TEXT,
                    owners TEXT NOT NULL,
                    due TEXT,
                    status TEXT NOT NULL)
                """,
                """
                CREATE TABLE item_note (
                    id BIGSERIAL PRIMARY KEY,
                    item_id BIGINT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    status TEXT NOT NULL,
                    text TEXT NOT NULL)
                """,
                "CREATE INDEX item_note_item ON item_note(item_id)",
                """
                CREATE TABLE reminder_log (
                    reminder_key TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    outbox_key TEXT NOT NULL,
                    PRIMARY KEY (reminder_key, recipient))
                """,
                """
                CREATE TABLE outbox (
                    key TEXT PRIMARY KEY,
                    recipient TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    message TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt BIGINT NOT NULL,
                    last_error TEXT,
                    created_at BIGINT NOT NULL,
                    sent_at BIGINT)
                """,
                "CREATE INDEX outbox_due ON outbox(status, next_attempt)",
            ]
        ),
        ("v2: index the reminder log by recipient", ["CREATE INDEX reminder_log_recipient ON reminder_log(recipient)"]),
        (
            "v3: outbox claims, leases, calendar snapshots",
            [
                "ALTER TABLE outbox ADD COLUMN claim TEXT",
                "CREATE TABLE lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until BIGINT NOT NULL)",
                """
                CREATE TABLE calendar_snapshot (
                    generation BIGINT PRIMARY KEY,
                    files TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    edited_at BIGINT NOT NULL,
                    built_at BIGINT NOT NULL,
                    revisions TEXT NOT NULL,
                    origin TEXT NOT NULL)
                """,
            ]
        ),
    ]

    // MARK: - Items

    public func addItem(_ item: Item) async throws -> Item {
        try await answered { [self] in
            try await transaction { db in
                let owners = Self.owners(item.owners)
                let id = try await db.query(
                    """
                    INSERT INTO item (title, description, body, meeting, decision, owners, due, status)
                    VALUES (\(item.title), \(item.description), \(item.body), \(item.meeting), \(item.decision),
                            \(owners), \(item.due?.description), \(item.status.rawValue))
                    RETURNING id
                    """, logger: logger
                ).decodeFirst(Int64.self)
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
        }
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
            try await transaction { db in
                try await db.query("SELECT id FROM item WHERE id = \(id) FOR UPDATE", logger: logger)
                guard var item = try await Self.item(db, id: id, logger: logger) else {
                    throw StoreError("no item with id \(id)")
                }
                if let title = change.title { item.title = title }
                if let description = change.description { item.description = description }
                if let owners = change.owners { item.owners = owners }
                if let due = change.due { item.due = due }
                let statusChanged = change.status.map { $0 != item.status } ?? false
                if let status = change.status { item.status = status }
                try await db.query(
                    """
                    UPDATE item SET title = \(item.title), description = \(item.description),
                        owners = \(Self.owners(item.owners)), due = \(item.due?.description), status = \(item.status.rawValue)
                    WHERE id = \(id)
                    """, logger: logger)
                if statusChanged || change.note != nil {
                    try await db.query(
                        """
                        INSERT INTO item_note (item_id, date, status, text)
                        VALUES (\(id), \(date.description), \(item.status.rawValue), \(change.note ?? ""))
                        """, logger: logger)
                }
                guard let saved = try await Self.item(db, id: id, logger: logger) else {
                    throw StoreError("no item with id \(id)")
                }
                return saved
            }
        }
    }

    typealias ItemRow = (Int64, String, String, String, String?, String?, String, String?, String)
    static let itemColumns = "SELECT id, title, description, body, meeting, decision, owners, due, status FROM item"

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
            owners: row.6.split(separator: "\n").compactMap { Owner(String($0)) },
            due: row.7.flatMap { LocalDate(iso: $0) }, status: Item.Status(rawValue: row.8) ?? .open,
            history: notes)
    }

    static func note(date: String, status: String, text: String) -> Item.Note? {
        guard let date = LocalDate(iso: date), let status = Item.Status(rawValue: status) else { return nil }
        return Item.Note(date: date, status: status, text: text)
    }

    static func owners(_ owners: [Owner]) -> String { owners.map(\.description).joined(separator: "\n") }

    // MARK: - Outbox

    public func enqueue(_ entry: OutboxEntry, reminderKeys: [String]) async throws -> Bool {
        try await enqueue([(entry, reminderKeys)])[0]
    }

    public func enqueue(_ batch: [(entry: OutboxEntry, reminderKeys: [String])]) async throws -> [Bool] {
        try await answered { [self] in
            guard !batch.isEmpty else { return [] }
            return try await transaction { db in
                // One queuer at a time across all daemons: the check for recorded reminders
                // and the insert below must not interleave with another daemon's.
                try await db.query("SELECT pg_advisory_xact_lock(\(Self.enqueueLock))", logger: logger)
                let recipients = Array(Set(batch.map(\.entry.recipient)))
                var recorded: [String: Set<String>] = [:]
                let logRows = try await db.query(
                    "SELECT recipient, reminder_key FROM reminder_log WHERE recipient = ANY(\(recipients))",
                    logger: logger)
                for try await (recipient, key) in logRows.decode((String, String).self) {
                    recorded[recipient, default: []].insert(key)
                }
                var existing = Set<String>()
                let keys = batch.map(\.entry.key)
                for try await key in try await db.query(
                    "SELECT key FROM outbox WHERE key = ANY(\(keys))", logger: logger
                ).decode(String.self) {
                    existing.insert(key)
                }
                var results: [Bool] = []
                for (entry, reminderKeys) in batch {
                    let fresh = reminderKeys.filter { !(recorded[entry.recipient]?.contains($0) ?? false) }
                    guard !fresh.isEmpty, !existing.contains(entry.key) else {
                        results.append(false)
                        continue
                    }
                    for key in fresh {
                        try await db.query(
                            """
                            INSERT INTO reminder_log (reminder_key, recipient, outbox_key)
                            VALUES (\(key), \(entry.recipient), \(entry.key))
                            """, logger: logger)
                    }
                    try await db.query(
                        """
                        INSERT INTO outbox (key, recipient, message_id, message, status, attempts, next_attempt, created_at)
                        VALUES (\(entry.key), \(entry.recipient), \(entry.messageID), \(entry.message), 'pending', 0,
                                \(Int64(entry.nextAttempt.secondsSince1970)), \(Int64(entry.createdAt.secondsSince1970)))
                        """, logger: logger)
                    recorded[entry.recipient, default: []].formUnion(fresh)
                    existing.insert(entry.key)
                    results.append(true)
                }
                return results
            }
        }
    }

    public func recordedReminders(for recipient: String) async throws -> Set<String> {
        try await answered { [self] in
            var keys = Set<String>()
            let rows = try await client.query(
                "SELECT reminder_key FROM reminder_log WHERE recipient = \(recipient)", logger: logger)
            for try await key in rows.decode(String.self) { keys.insert(key) }
            return keys
        }
    }

    public func claimDue(now: UTCInstant, limit: Int, leaseUntil: UTCInstant) async throws -> [OutboxEntry] {
        try await answered { [self] in
            let claim = UUID().uuidString
            // One statement: rows another daemon has locked are skipped, not waited for,
            // so two senders claiming at once get different messages.
            let rows = try await client.query(
                """
                WITH due AS (
                    SELECT key, next_attempt AS was FROM outbox
                    WHERE status IN ('pending', 'sending') AND next_attempt <= \(Int64(now.secondsSince1970))
                    ORDER BY next_attempt, key LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED)
                UPDATE outbox SET status = 'sending', attempts = outbox.attempts + 1,
                    next_attempt = \(Int64(leaseUntil.secondsSince1970)), claim = \(claim)
                FROM due WHERE outbox.key = due.key
                RETURNING \(unescaped: Self.outboxColumns.map { "outbox.\($0)" }.joined(separator: ", ")), due.was
                """, logger: logger)
            var claimed: [(was: Int64, entry: OutboxEntry)] = []
            for try await r in rows.decode(
                (String, String, String, String, String, Int32, Int64, String?, Int64, Int64?, String?, Int64).self)
            {
                claimed.append((r.11, Self.entry((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10))))
            }
            return claimed.sorted { ($0.was, $0.entry.key) < ($1.was, $1.entry.key) }.map(\.entry)
        }
    }

    public func extendClaim(_ entry: OutboxEntry, until: UTCInstant) async throws -> Bool {
        try await answered { [self] in
            let rows = try await client.query(
                """
                UPDATE outbox SET next_attempt = \(Int64(until.secondsSince1970))
                WHERE key = \(entry.key) AND claim IS NOT DISTINCT FROM \(entry.claim) AND status = 'sending'
                RETURNING key
                """, logger: logger)
            return try await rows.collect().count == 1
        }
    }

    public func markSent(_ entry: OutboxEntry, at: UTCInstant) async throws -> Bool {
        try await answered { [self] in
            let rows = try await client.query(
                """
                UPDATE outbox SET status = 'sent', sent_at = \(Int64(at.secondsSince1970)), last_error = NULL
                WHERE key = \(entry.key) AND claim IS NOT DISTINCT FROM \(entry.claim) AND status = 'sending'
                RETURNING key
                """, logger: logger)
            return try await rows.collect().count == 1
        }
    }

    public func markFailed(_ entry: OutboxEntry, error: String, retryAt: UTCInstant?) async throws -> Bool {
        try await answered { [self] in
            let status = retryAt == nil ? "failed" : "pending"
            let rows = try await client.query(
                """
                UPDATE outbox SET status = \(status), last_error = \(error), sent_at = NULL,
                    next_attempt = COALESCE(\(retryAt.map { Int64($0.secondsSince1970) }), next_attempt)
                WHERE key = \(entry.key) AND claim IS NOT DISTINCT FROM \(entry.claim)
                RETURNING key
                """, logger: logger)
            return try await rows.collect().count == 1
        }
    }

    public func outbox(status: OutboxEntry.Status?) async throws -> [OutboxEntry] {
        try await answered { [self] in
            let columns = Self.outboxColumns.joined(separator: ", ")
            let rows: PostgresRowSequence
            if let status {
                rows = try await client.query(
                    "SELECT \(unescaped: columns) FROM outbox WHERE status = \(status.rawValue) ORDER BY created_at, key",
                    logger: logger)
            } else {
                rows = try await client.query(
                    "SELECT \(unescaped: columns) FROM outbox ORDER BY created_at, key", logger: logger)
            }
            var entries: [OutboxEntry] = []
            for try await row in rows.decode(OutboxRow.self) { entries.append(Self.entry(row)) }
            return entries
        }
    }

    static let outboxColumns = [
        "key", "recipient", "message_id", "message", "status", "attempts", "next_attempt", "last_error", "created_at",
        "sent_at", "claim",
    ]
    typealias OutboxRow = (String, String, String, String, String, Int32, Int64, String?, Int64, Int64?, String?)

    static func entry(_ row: OutboxRow) -> OutboxEntry {
        OutboxEntry(
            key: row.0, recipient: row.1, messageID: row.2, message: row.3,
            status: OutboxEntry.Status(rawValue: row.4) ?? .pending, attempts: Int(row.5),
            nextAttempt: UTCInstant(secondsSince1970: Int(row.6)), lastError: row.7,
            createdAt: UTCInstant(secondsSince1970: Int(row.8)),
            sentAt: row.9.map { UTCInstant(secondsSince1970: Int($0)) }, claim: row.10)
    }

    // MARK: - Coordination

    public func acquireLease(_ name: String, holder: String, now: UTCInstant, until: UTCInstant) async throws -> Bool {
        try await answered { [self] in
            let rows = try await client.query(
                """
                INSERT INTO lease (name, holder, until) VALUES (\(name), \(holder), \(Int64(until.secondsSince1970)))
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                WHERE lease.holder = excluded.holder OR lease.until <= \(Int64(now.secondsSince1970))
                RETURNING holder
                """, logger: logger)
            return try await rows.collect().count == 1
        }
    }

    public func releaseLease(_ name: String, holder: String) async throws {
        try await answered { [self] in
            _ = try await client.query("DELETE FROM lease WHERE name = \(name) AND holder = \(holder)", logger: logger)
        }
    }

    public func lease(_ name: String) async throws -> Lease? {
        try await answered { [self] in
            let rows = try await client.query("SELECT holder, until FROM lease WHERE name = \(name)", logger: logger)
            for try await (holder, until) in rows.decode((String, Int64).self) {
                return Lease(holder: holder, until: UTCInstant(secondsSince1970: Int(until)))
            }
            return nil
        }
    }

    public func latestCalendar() async throws -> CalendarSnapshot? {
        try await answered { [self] in
            let rows = try await client.query(
                """
                SELECT generation, files, content_hash, edited_at, built_at, revisions, origin
                FROM calendar_snapshot ORDER BY generation DESC LIMIT 1
                """, logger: logger)
            for try await row in rows.decode((Int64, String, String, Int64, Int64, String, String).self) {
                return try CalendarSnapshotCoding.snapshot(
                    generation: row.0, files: row.1, contentHash: row.2, editedAt: Int(row.3), builtAt: Int(row.4),
                    revisions: row.5, origin: row.6)
            }
            return nil
        }
    }

    public func calendarGeneration() async throws -> Int64 {
        try await answered { [self] in
            try await client.query("SELECT COALESCE(MAX(generation), 0)::BIGINT FROM calendar_snapshot", logger: logger)
                .decodeFirst(Int64.self)
        }
    }

    public func publishCalendar(_ snapshot: CalendarSnapshot, after generation: Int64) async throws -> Int64? {
        try await answered { [self] in
            let files = try CalendarSnapshotCoding.encode(snapshot.files)
            return try await transaction { db in
                try await db.query("SELECT pg_advisory_xact_lock(\(Self.publishLock))", logger: logger)
                let newest = try await db.query(
                    "SELECT COALESCE(MAX(generation), 0)::BIGINT FROM calendar_snapshot", logger: logger
                ).decodeFirst(Int64.self)
                guard newest == generation else { return nil }
                let next = newest + 1
                try await db.query(
                    """
                    INSERT INTO calendar_snapshot (generation, files, content_hash, edited_at, built_at, revisions, origin)
                    VALUES (\(next), \(files), \(snapshot.contentHash), \(Int64(snapshot.editedAt.secondsSince1970)),
                            \(Int64(snapshot.builtAt.secondsSince1970)), \(snapshot.revisions), \(snapshot.origin))
                    """, logger: logger)
                try await db.query(
                    "DELETE FROM calendar_snapshot WHERE generation <= \(next - CalendarSnapshotCoding.kept)",
                    logger: logger)
                // Delivered when the transaction commits, to every daemon that listens.
                try await db.query("SELECT pg_notify(\(Self.calendarChannel), \(String(next)))", logger: logger)
                return next
            }
        }
    }

    /// Calls `onChange` with each generation announced by NOTIFY, until cancelled or
    /// the connection drops (then it throws, and the caller listens again).
    public func listenForCalendars(_ onChange: @Sendable (Int64) async -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: Self.calendarChannel) { notifications in
                for try await notification in notifications {
                    await onChange(Int64(notification.payload) ?? 0)
                }
            }
        }
    }

    /// Runs one store operation, giving up after `connectTimeout` seconds: with the
    /// database down the pool would wait for ever, and a request or a pass should
    /// rather fail and say why (`/healthz`, HTTP 503).
    func answered<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let seconds = connectTimeout
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw StoreError(
                    "the database at \(redactedURL) did not answer within \(seconds) s", unavailable: true)
            }
            return value
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
