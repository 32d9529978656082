import Foundation
import KalendariumCore
import Logging
import PostgresNIO

/// The schema of the PostgreSQL store: the same named migrations as SQLite's.
extension PostgresStore {
    /// Applies the migrations not yet applied, one transaction each, under an advisory
    /// lock so daemons starting together do not race.
    public func migrate() async throws {
        let seconds = connectTimeout
        do {
            // The pool retries a refused connection for ever; a daemon or command
            // that cannot reach its database should say so and stop instead.
            try await Self.within(seconds: seconds, "no connection within \(seconds) s") {
                try await self.applyMigrations()
            }
        } catch {
            throw StoreError("cannot prepare the database at \(redactedURL): \(Self.describe(error))")
        }
    }

    func applyMigrations() async throws {
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
        (
            "v4: claims by the wall clock, hand-overs, uncertain deliveries",
            [
                "ALTER TABLE outbox ADD COLUMN claimed_until BIGINT",
                "ALTER TABLE outbox ADD COLUMN handed_over BOOLEAN NOT NULL DEFAULT false",
                "ALTER TABLE outbox ADD COLUMN uncertain BOOLEAN NOT NULL DEFAULT false",
                // Left `sending` by an earlier version: its end of data may have been written.
                "UPDATE outbox SET claimed_until = next_attempt, handed_over = true WHERE status = 'sending'",
                "CREATE INDEX outbox_claims ON outbox(claim)",
            ]
        ),
        (
            "v5: owners as a JSON list",
            [
                """
                UPDATE item SET owners = to_jsonb(array_remove(string_to_array(owners, E'\\n'), ''))::text
                WHERE owners NOT LIKE '[%'
                """
            ]
        ),
        (
            "v6: recurring items",
            [
                "ALTER TABLE item ADD COLUMN recurrence TEXT",
                "ALTER TABLE item ADD COLUMN series BIGINT",
                "ALTER TABLE item ADD COLUMN previous BIGINT REFERENCES item(id)",
                // Closing an occurrence twice never makes two next occurrences.
                "CREATE UNIQUE INDEX item_previous ON item(previous) WHERE previous IS NOT NULL",
                "CREATE INDEX item_series ON item(series)",
            ]
        ),
        (
            "v7: agendas and their papers",
            [
                """
                CREATE TABLE agenda (
                    meeting TEXT PRIMARY KEY,
                    document TEXT NOT NULL,
                    revision BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE agenda_paper (
                    meeting TEXT NOT NULL,
                    name TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    bytes BYTEA NOT NULL,
                    sha256 TEXT NOT NULL,
                    PRIMARY KEY (meeting, name))
                """,
            ]
        ),
        (
            "v8: the secret of the members-only agenda links",
            [
                """
                CREATE TABLE agenda_token_key (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    secret BYTEA NOT NULL,
                    created_at BIGINT NOT NULL)
                """
            ]
        ),
        (
            "v9: minutes, and the agenda point an item was decided at",
            [
                "ALTER TABLE item ADD COLUMN point BIGINT",
                """
                CREATE TABLE minutes (
                    meeting TEXT PRIMARY KEY,
                    document TEXT NOT NULL,
                    revision BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL)
                """,
            ]
        ),
        (
            "v10: answers to the kallelser, and the personal calendar links",
            [
                """
                CREATE TABLE answer (
                    id BIGSERIAL PRIMARY KEY,
                    meeting TEXT NOT NULL,
                    email TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    substitute TEXT,
                    part TEXT,
                    comment TEXT,
                    via TEXT NOT NULL,
                    at BIGINT NOT NULL)
                """,
                "CREATE INDEX answer_meeting ON answer(meeting, id)",
                """
                CREATE TABLE person_token (
                    email TEXT PRIMARY KEY,
                    token TEXT NOT NULL UNIQUE,
                    created_at BIGINT NOT NULL)
                """,
            ]
        ),
        (
            "v11: the workspace's sign-in links, sessions and audit log",
            [
                """
                CREATE TABLE sign_in_link (
                    token_hash TEXT PRIMARY KEY,
                    email TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    used_at BIGINT)
                """,
                "CREATE INDEX sign_in_link_email ON sign_in_link(email, created_at)",
                """
                CREATE TABLE web_session (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL,
                    owner TEXT,
                    expires_at BIGINT)
                """,
                "CREATE INDEX web_session_owner ON web_session(owner)",
                """
                CREATE TABLE audit (
                    id BIGSERIAL PRIMARY KEY,
                    at BIGINT NOT NULL,
                    email TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail TEXT NOT NULL)
                """,
                "CREATE INDEX audit_subject ON audit(subject, at)",
            ]
        ),
        (
            // With the key in the index, a claim reads its batch in order and stops,
            // instead of sorting every pending message for each batch.
            "v12: the outbox's due messages in the order they are claimed",
            [
                "CREATE INDEX outbox_due_order ON outbox(status, next_attempt, key)",
                "DROP INDEX outbox_due",
            ]
        ),
    ]
}
