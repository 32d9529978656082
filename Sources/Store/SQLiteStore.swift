import Foundation
import GRDB
public import KalendariumCore

/// The embedded store: one SQLite file in the state directory, in WAL mode (GRDB's
/// DatabasePool), so the daemon and a CLI command can use it at the same time.
public final class SQLiteStore: Store {
    let pool: DatabasePool

    /// Opens (creating if needed) `directory/kalendarium.sqlite` and runs the migrations.
    public init(directory: String) throws {
        path = "\(directory)/kalendarium.sqlite"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, doing: "cannot open the database")
        } catch {
            throw StoreError("cannot open the database in \(directory): \(error)")
        }
    }

    let path: String

    /// `pool.write` with SQLite's codes turned into errors a person can act on.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.write(body) } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, doing: "cannot write to the database")
        }
    }

    /// `pool.read` with SQLite's codes turned into errors a person can act on.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, doing: "cannot read the database")
        }
    }

    /// "SQLite error 10: disk I/O error" says nothing to the person who has to act.
    /// A full disk, a read-only file and a busy database are worth trying again once
    /// fixed (HTTP 503); other errors keep SQLite's own words.
    static func storeError(_ error: DatabaseError, path: String, doing: String) -> StoreError {
        let directory = (path as NSString).deletingLastPathComponent
        switch error.resultCode {
        case .SQLITE_FULL:
            return StoreError("\(doing): the disk holding \(directory) is full; free some space", diskFull: true)
        case .SQLITE_IOERR, .SQLITE_CANTOPEN:
            if let free = freeBytes(directory), free < 1 << 20 {
                return StoreError(
                    "\(doing): the disk holding \(directory) is full (\(free / 1024) KiB free); free some space",
                    diskFull: true)
            }
            return StoreError(
                "\(doing): \(path) cannot be read or written (\(error.message ?? "I/O error")); "
                    + "check the disk and the file's permissions", unavailable: true)
        case .SQLITE_READONLY:
            return StoreError(
                "\(doing): \(path) is read-only; give the service's user write access", unavailable: true)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                "\(doing): \(path) stayed locked longer than the busy timeout; "
                    + "another program may hold it open (`fuser \(path)` shows which)", unavailable: true)
        default:
            return StoreError(
                "\(doing) \(path): \(error.message ?? "\(error.resultCode)"); if it persists, check the file "
                    + "with `sqlite3 \(path) 'PRAGMA integrity_check'` and restore it from backup")
        }
    }

    /// Bytes free to this process on the file system holding `directory`.
    static func freeBytes(_ directory: String) -> UInt64? {
        guard let attributes = try? FileManager.default.attributesOfFileSystem(forPath: directory),
            let free = attributes[.systemFreeSize] as? NSNumber
        else { return nil }
        return free.uint64Value
    }

    /// One named migration per change, never edited once released (STYLE.md §7).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: items, item history, reminder log, outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE item (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        title TEXT NOT NULL,
                        description TEXT NOT NULL DEFAULT '',
                        body TEXT NOT NULL,
                        meeting TEXT,
                        decision TEXT,
                        owners TEXT NOT NULL,
                        due TEXT,
                        status TEXT NOT NULL
                    );
                    CREATE TABLE item_note (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        date TEXT NOT NULL,
                        status TEXT NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX item_note_item ON item_note(item_id);
                    CREATE TABLE reminder_log (
                        reminder_key TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        outbox_key TEXT NOT NULL,
                        PRIMARY KEY (reminder_key, recipient)
                    );
                    CREATE TABLE outbox (
                        key TEXT PRIMARY KEY,
                        recipient TEXT NOT NULL,
                        message_id TEXT NOT NULL,
                        message TEXT NOT NULL,
                        status TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt INTEGER NOT NULL,
                        last_error TEXT,
                        created_at INTEGER NOT NULL,
                        sent_at INTEGER
                    );
                    CREATE INDEX outbox_due ON outbox(status, next_attempt);
                    """)
        }
        migrator.registerMigration("v2: index the reminder log by recipient") { db in
            try db.execute(sql: "CREATE INDEX reminder_log_recipient ON reminder_log(recipient)")
        }
        migrator.registerMigration("v3: outbox claims, leases, calendar snapshots") { db in
            try db.execute(
                sql: """
                    ALTER TABLE outbox ADD COLUMN claim TEXT;
                    CREATE TABLE lease (
                        name TEXT PRIMARY KEY,
                        holder TEXT NOT NULL,
                        until INTEGER NOT NULL
                    );
                    CREATE TABLE calendar_snapshot (
                        generation INTEGER PRIMARY KEY,
                        files TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        edited_at INTEGER NOT NULL,
                        built_at INTEGER NOT NULL,
                        revisions TEXT NOT NULL,
                        origin TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v4: claims by the wall clock, hand-overs, uncertain deliveries") { db in
            // A message left `sending` by an earlier version may have had its end of data
            // written: it is marked handed over, so its next attempt is flagged uncertain.
            try db.execute(
                sql: """
                    ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;
                    ALTER TABLE outbox ADD COLUMN handed_over INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE outbox ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;
                    UPDATE outbox SET claimed_until = next_attempt, handed_over = 1 WHERE status = 'sending';
                    CREATE INDEX outbox_claims ON outbox(claim);
                    """)
        }
        migrator.registerMigration("v5: owners as a JSON list") { db in
            for row in try Row.fetchAll(db, sql: "SELECT id, owners FROM item") {
                try db.execute(
                    sql: "UPDATE item SET owners = ? WHERE id = ?",
                    arguments: [OwnerColumn.fromLines(row["owners"]), row["id"] as Int64])
            }
        }
        migrator.registerMigration("v6: recurring items") { db in
            // `previous` is unique: closing an occurrence twice (or reopening and closing
            // it again) never makes two next occurrences.
            try db.execute(
                sql: """
                    ALTER TABLE item ADD COLUMN recurrence TEXT;
                    ALTER TABLE item ADD COLUMN series INTEGER;
                    ALTER TABLE item ADD COLUMN previous INTEGER REFERENCES item(id);
                    CREATE UNIQUE INDEX item_previous ON item(previous) WHERE previous IS NOT NULL;
                    CREATE INDEX item_series ON item(series);
                    """)
        }
        migrator.registerMigration("v7: agendas and their papers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE agenda (
                        meeting TEXT PRIMARY KEY,
                        document TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE TABLE agenda_paper (
                        meeting TEXT NOT NULL,
                        name TEXT NOT NULL,
                        content_type TEXT NOT NULL,
                        bytes BLOB NOT NULL,
                        sha256 TEXT NOT NULL,
                        PRIMARY KEY (meeting, name)
                    );
                    """)
        }
        // SQLite keeps the secret in agenda-token.key beside this file (TokenKeyFile); the
        // table is here so both back ends have one schema.
        migrator.registerMigration("v8: the secret of the members-only agenda links") { db in
            try db.execute(
                sql: """
                    CREATE TABLE agenda_token_key (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        secret BLOB NOT NULL,
                        created_at INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v9: minutes, and the agenda point an item was decided at") { db in
            try db.execute(
                sql: """
                    ALTER TABLE item ADD COLUMN point INTEGER;
                    CREATE TABLE minutes (
                        meeting TEXT PRIMARY KEY,
                        document TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v10: answers to the kallelser, and the personal calendar links") { db in
            try db.execute(
                sql: """
                    CREATE TABLE answer (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        meeting TEXT NOT NULL,
                        email TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        substitute TEXT,
                        part TEXT,
                        comment TEXT,
                        via TEXT NOT NULL,
                        at INTEGER NOT NULL
                    );
                    CREATE INDEX answer_meeting ON answer(meeting, id);
                    CREATE TABLE person_token (
                        email TEXT PRIMARY KEY,
                        token TEXT NOT NULL UNIQUE,
                        created_at INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v11: the workspace's sign-in links, sessions and audit log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sign_in_link (
                        token_hash TEXT PRIMARY KEY,
                        email TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        used_at INTEGER
                    );
                    CREATE INDEX sign_in_link_email ON sign_in_link(email, created_at);
                    CREATE TABLE web_session (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL,
                        owner TEXT,
                        expires_at INTEGER
                    );
                    CREATE INDEX web_session_owner ON web_session(owner);
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at INTEGER NOT NULL,
                        email TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    CREATE INDEX audit_subject ON audit(subject, at);
                    """)
        }
        migrator.registerMigration("v12: the outbox's due messages in the order they are claimed") { db in
            // With the key in the index, a claim reads its batch in order and stops: with
            // only (status, next_attempt), each batch read and sorted every pending message
            // (all of a pass share one next_attempt), so draining n messages cost n².
            try db.execute(
                sql: """
                    CREATE INDEX outbox_due_order ON outbox(status, next_attempt, key);
                    DROP INDEX outbox_due;
                    """)
        }
        return migrator
    }

    // MARK: - Items

    public func addItem(_ item: Item) async throws -> Item {
        try await write { db in try Self.insert(db, item) }
    }

    /// Inserts `item` with its history; a recurring item without a series starts its own.
    static func insert(_ db: Database, _ item: Item) throws -> Item {
        try db.execute(
            sql: """
                INSERT INTO item (title, description, body, meeting, decision, owners, due, status, recurrence, series, previous,
                    point)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                item.title, item.description, item.body, item.meeting, item.decision,
                OwnerColumn.text(item.owners), item.due?.description, item.status.rawValue,
                item.recurrence?.description, item.series, item.previous, item.point,
            ])
        let id = db.lastInsertedRowID
        if item.recurrence != nil, item.series == nil {
            try db.execute(sql: "UPDATE item SET series = ? WHERE id = ?", arguments: [id, id])
        }
        for note in item.history {
            try db.execute(
                sql: "INSERT INTO item_note (item_id, date, status, text) VALUES (?, ?, ?, ?)",
                arguments: [id, note.date.description, note.status.rawValue, note.text])
        }
        return try Self.item(db, id: id)!
    }

    public func item(id: Int64) async throws -> Item? {
        try await read { db in try Self.item(db, id: id) }
    }

    public func items(_ filter: ItemFilter) async throws -> [Item] {
        // Two queries for all items, not two per item: a reminder pass reads every item.
        let all = try await read { db in
            var notes: [Int64: [Item.Note]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM item_note ORDER BY id") {
                if let note = Self.note(row) { notes[row["item_id"], default: []].append(note) }
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM item ORDER BY id").map { row in
                Self.item(row, notes: notes[row["id"]] ?? [])
            }
        }
        return all.filter(filter.matches)
    }

    public func updateItem(id: Int64, _ change: ItemChange, on date: LocalDate) async throws -> Item {
        try await write { db in try Self.update(db, id: id, change, on: date) }
    }

    /// `updateItem` inside a transaction the caller holds (the minutes' follow-ups use it too).
    static func update(_ db: Database, id: Int64, _ change: ItemChange, on date: LocalDate) throws -> Item {
        guard var item = try Self.item(db, id: id) else { throw StoreError("no item with id \(id)") }
        let statusChanged = change.apply(to: &item, id: id)
        try db.execute(
            sql: """
                UPDATE item SET title = ?, description = ?, owners = ?, due = ?, status = ?, recurrence = ?, series = ?
                WHERE id = ?
                """,
            arguments: [
                item.title, item.description, OwnerColumn.text(item.owners),
                item.due?.description, item.status.rawValue, item.recurrence?.description, item.series, id,
            ])
        if statusChanged || change.note != nil {
            try db.execute(
                sql: "INSERT INTO item_note (item_id, date, status, text) VALUES (?, ?, ?, ?)",
                arguments: [id, date.description, item.status.rawValue, change.note ?? ""])
        }
        // In the same transaction: a closed occurrence is never left without its next.
        if statusChanged, Item.startsNextOccurrence(closingAs: item.status),
            let next = item.nextOccurrence(on: date),
            try Bool.fetchOne(db, sql: "SELECT 1 FROM item WHERE previous = ?", arguments: [id]) == nil
        {
            _ = try Self.insert(db, next)
        }
        return try Self.item(db, id: id)!
    }

    static func item(_ db: Database, id: Int64) throws -> Item? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM item WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let notes = try Row.fetchAll(db, sql: "SELECT * FROM item_note WHERE item_id = ? ORDER BY id", arguments: [id])
            .compactMap(note)
        return item(row, notes: notes)
    }

    static func item(_ row: Row, notes: [Item.Note]) -> Item {
        let owners = OwnerColumn.owners(row["owners"])
        return Item(
            id: row["id"], title: row["title"], description: row["description"], body: row["body"],
            meeting: row["meeting"], decision: row["decision"], owners: owners,
            due: (row["due"] as String?).flatMap { LocalDate(iso: $0) },
            status: Item.Status(rawValue: row["status"]) ?? .open, history: notes,
            recurrence: (row["recurrence"] as String?).flatMap { Recurrence(text: $0) }, series: row["series"],
            previous: row["previous"], point: row["point"])
    }

    static func note(_ row: Row) -> Item.Note? {
        guard let date = LocalDate(iso: row["date"] as String), let status = Item.Status(rawValue: row["status"]) else {
            return nil
        }
        return Item.Note(date: date, status: status, text: row["text"])
    }

    // MARK: - Outbox

    public func enqueue(_ entry: OutboxEntry, reminderKeys: [String]) async throws -> Bool {
        try await enqueue([(entry, reminderKeys)])[0]
    }

    public func enqueue(_ batch: [(entry: OutboxEntry, reminderKeys: [String])]) async throws -> [Bool] {
        try await write { db in
            try batch.map { entry, reminderKeys in try Self.enqueue(db, entry, reminderKeys) }
        }
    }

    /// Cached statements: a pass queues thousands of messages in one transaction, and
    /// compiling its four statements again for each was a good part of the pass.
    static func enqueue(_ db: Database, _ entry: OutboxEntry, _ reminderKeys: [String]) throws -> Bool {
        let recorded = try String.fetchSet(
            db.cachedStatement(sql: "SELECT reminder_key FROM reminder_log WHERE recipient = ?"),
            arguments: [entry.recipient])
        let fresh = reminderKeys.filter { !recorded.contains($0) }
        guard !fresh.isEmpty else { return false }
        guard
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COUNT(*) FROM outbox WHERE key = ?"), arguments: [entry.key])
                == 0
        else {
            return false
        }
        let log = try db.cachedStatement(
            sql: "INSERT INTO reminder_log (reminder_key, recipient, outbox_key) VALUES (?, ?, ?)")
        for key in fresh { try log.execute(arguments: [key, entry.recipient, entry.key]) }
        try db.cachedStatement(
            sql: """
                INSERT INTO outbox (key, recipient, message_id, message, status, attempts, next_attempt, created_at)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)
                """
        ).execute(
            arguments: [
                entry.key, entry.recipient, entry.messageID, entry.message, entry.nextAttempt.secondsSince1970,
                entry.createdAt.secondsSince1970,
            ])
        return true
    }

    public func recordedReminders(for recipients: [String]) async throws -> [String: Set<String>] {
        try await read { db in
            var recorded: [String: Set<String>] = [:]
            // In chunks, within SQLite's limit on bound variables.
            for start in stride(from: 0, to: recipients.count, by: 500) {
                let chunk = Array(recipients[start..<min(start + 500, recipients.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                for row in try Row.fetchAll(
                    db, sql: "SELECT recipient, reminder_key FROM reminder_log WHERE recipient IN (\(marks))",
                    arguments: StatementArguments(chunk))
                {
                    recorded[row["recipient"], default: []].insert(row["reminder_key"])
                }
            }
            return recorded
        }
    }

    public func noticesQueued(meetings: [String]) async throws -> [String: [String: UTCInstant]] {
        try await read { db in
            var queued: [String: [String: UTCInstant]] = [:]
            for meeting in meetings {
                // A range over the log's key index: every `meeting:ID:agenda:…` key.
                let prefix = "meeting:\(meeting):agenda:"
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.recipient, MIN(o.created_at) AS at FROM reminder_log r
                        JOIN outbox o ON o.key = r.outbox_key
                        WHERE r.reminder_key >= ? AND r.reminder_key < ? GROUP BY r.recipient
                        """, arguments: [prefix, prefix + "\u{10FFFF}"])
                {
                    queued[meeting, default: [:]][row["recipient"]] = UTCInstant(secondsSince1970: row["at"])
                }
            }
            return queued
        }
    }

    public func claimDue(
        now: UTCInstant, limit: Int, clock: UTCInstant, claimUntil: UTCInstant
    ) async throws
        -> [OutboxEntry]
    {
        let claim = UUID().uuidString
        return try await write { db in
            // SQLite has one writer at a time, so selecting and claiming in one write
            // transaction is the claim; PostgreSQL does it with FOR UPDATE SKIP LOCKED.
            // Two ordered reads of at most `limit` each, not one OR: SQLite answers an OR
            // by collecting every match and sorting it (see migration v12).
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT * FROM outbox WHERE status = 'pending' AND next_attempt <= ?
                        ORDER BY next_attempt, key LIMIT ?)
                    UNION ALL
                    SELECT * FROM (
                        SELECT * FROM outbox WHERE status = 'sending' AND claimed_until <= ?
                        ORDER BY next_attempt, key LIMIT ?)
                    ORDER BY next_attempt, key LIMIT ?
                    """, arguments: [now.secondsSince1970, limit, clock.secondsSince1970, limit, limit])
            var claimed: [OutboxEntry] = []
            let update = try db.cachedStatement(
                sql: """
                    UPDATE outbox SET status = 'sending', attempts = attempts + 1, claim = ?, claimed_until = ?,
                        uncertain = uncertain OR handed_over, handed_over = 0
                    WHERE key = ?
                    """)
            for row in rows {
                try update.execute(arguments: [claim, claimUntil.secondsSince1970, row["key"] as String])
                var entry = Self.entry(row)
                entry.uncertain = entry.uncertain || (row["handed_over"] as Bool)
                entry.status = .sending
                entry.attempts += 1
                entry.claim = claim
                entry.claimedUntil = claimUntil
                claimed.append(entry)
            }
            return claimed
        }
    }

    public func renewClaim(_ claim: String, until: UTCInstant) async throws -> Int {
        try await write { db in
            try db.execute(
                sql: "UPDATE outbox SET claimed_until = ? WHERE claim = ? AND status = 'sending'",
                arguments: [until.secondsSince1970, claim])
            return db.changesCount
        }
    }

    public func handOver(_ entry: OutboxEntry, until: UTCInstant) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET claimed_until = ?, handed_over = 1
                    WHERE key = ? AND claim IS ? AND status = 'sending'
                    """,
                arguments: [until.secondsSince1970, entry.key, entry.claim])
            return db.changesCount == 1
        }
    }

    public func handOver(_ entries: [OutboxEntry], until: UTCInstant) async throws -> Set<String> {
        try await write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE outbox SET claimed_until = ?, handed_over = 1
                    WHERE key = ? AND claim IS ? AND status = 'sending'
                    """)
            var handedOver = Set<String>()
            for entry in entries {
                try statement.execute(arguments: [until.secondsSince1970, entry.key, entry.claim])
                if db.changesCount == 1 { handedOver.insert(entry.key) }
            }
            return handedOver
        }
    }

    public func markSent(_ entry: OutboxEntry, at: UTCInstant) async throws -> Bool {
        // A cached statement: this runs once per message, and compiling it each time
        // (with GRDB's authorizer) was a twentieth of a dispatch pass.
        try await write { db in
            try db.cachedStatement(
                sql: """
                    UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL, handed_over = 0
                    WHERE key = ? AND claim IS ? AND status = 'sending'
                    """
            ).execute(arguments: [at.secondsSince1970, entry.key, entry.claim])
            return db.changesCount == 1
        }
    }

    public func markFailed(
        _ entry: OutboxEntry, error: String, retryAt: UTCInstant?, uncertain: Bool
    ) async throws
        -> Bool
    {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET status = ?, next_attempt = COALESCE(?, next_attempt), last_error = ?,
                        sent_at = NULL, handed_over = 0, uncertain = uncertain OR ?
                    WHERE key = ? AND claim IS ? AND status = 'sending'
                    """,
                arguments: [
                    retryAt == nil ? "failed" : "pending", retryAt?.secondsSince1970, error, uncertain, entry.key,
                    entry.claim,
                ])
            return db.changesCount == 1
        }
    }

    public func outboxCounts() async throws -> OutboxCounts {
        try await read { db in
            var counts = OutboxCounts()
            for row in try Row.fetchAll(
                db, sql: "SELECT status, COUNT(*) AS n, SUM(uncertain) AS u FROM outbox GROUP BY status")
            {
                if let status = OutboxEntry.Status(rawValue: row["status"]) { counts.byStatus[status] = row["n"] }
                counts.uncertain += (row["u"] as Int?) ?? 0
            }
            return counts
        }
    }

    public func outbox(status: OutboxEntry.Status?) async throws -> [OutboxEntry] {
        try await read { db in
            if let status {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM outbox WHERE status = ? ORDER BY created_at, key",
                    arguments: [status.rawValue]
                ).map(Self.entry)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY created_at, key").map(Self.entry)
        }
    }

    static func entry(_ row: Row) -> OutboxEntry {
        OutboxEntry(
            key: row["key"], recipient: row["recipient"], messageID: row["message_id"], message: row["message"],
            status: OutboxEntry.Status(rawValue: row["status"]) ?? .pending, attempts: row["attempts"],
            nextAttempt: UTCInstant(secondsSince1970: row["next_attempt"]), lastError: row["last_error"],
            createdAt: UTCInstant(secondsSince1970: row["created_at"]),
            sentAt: (row["sent_at"] as Int?).map { UTCInstant(secondsSince1970: $0) }, claim: row["claim"],
            claimedUntil: (row["claimed_until"] as Int?).map { UTCInstant(secondsSince1970: $0) },
            uncertain: row["uncertain"])
    }

    // MARK: - Coordination

    public func acquireLease(_ name: String, holder: String, now: UTCInstant, until: UTCInstant) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO lease (name, holder, until) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                    WHERE lease.holder = excluded.holder OR lease.until <= ?
                    """,
                arguments: [name, holder, until.secondsSince1970, now.secondsSince1970])
            return db.changesCount == 1
        }
    }

    public func releaseLease(_ name: String, holder: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM lease WHERE name = ? AND holder = ?", arguments: [name, holder])
        }
    }

    public func lease(_ name: String) async throws -> Lease? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT holder, until FROM lease WHERE name = ?", arguments: [name]).map {
                Lease(holder: $0["holder"], until: UTCInstant(secondsSince1970: $0["until"]))
            }
        }
    }

    public func latestCalendar() async throws -> CalendarSnapshot? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM calendar_snapshot ORDER BY generation DESC LIMIT 1").map {
                try CalendarSnapshotCoding.snapshot(
                    generation: $0["generation"], files: $0["files"], contentHash: $0["content_hash"],
                    editedAt: $0["edited_at"], builtAt: $0["built_at"], revisions: $0["revisions"],
                    origin: $0["origin"])
            }
        }
    }

    public func calendarGeneration() async throws -> Int64 {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(generation) FROM calendar_snapshot") ?? 0
        }
    }

    public func publishCalendar(_ snapshot: CalendarSnapshot, after generation: Int64) async throws -> Int64? {
        let files = try CalendarSnapshotCoding.encode(snapshot.files)
        return try await write { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(generation) FROM calendar_snapshot") ?? 0
            guard newest == generation else { return nil }
            try db.execute(
                sql: """
                    INSERT INTO calendar_snapshot
                        (generation, files, content_hash, edited_at, built_at, revisions, origin)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    newest + 1, files, snapshot.contentHash, snapshot.editedAt.secondsSince1970,
                    snapshot.builtAt.secondsSince1970, snapshot.revisions, snapshot.origin,
                ])
            // The last few stay, to see what changed; older ones go.
            try db.execute(
                sql: "DELETE FROM calendar_snapshot WHERE generation <= ?",
                arguments: [newest + 1 - CalendarSnapshotCoding.kept])
            return newest + 1
        }
    }

    /// An SQLite file has one daemon (it is never shared), so no other daemon's
    /// generation is ever announced: this waits until the task is cancelled.
    public func listenForCalendars(_ onChange: @Sendable (Int64) async -> Void) async throws {
        try await Self.waitUntilCancelled()
    }

    /// Sleeps until the task is cancelled, then throws `CancellationError`.
    static func waitUntilCancelled() async throws {
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}
