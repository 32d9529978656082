import Foundation
public import KalendariumCore
import Logging
import PostgresNIO

/// What daemons on one database share: leases, calendar generations and their NOTIFY.
extension PostgresStore {
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

    /// LISTENs on one connection of the pool for the NOTIFY of `publishCalendar`.
    public func listenForCalendars(_ onChange: @Sendable (Int64) async -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: Self.calendarChannel) { notifications in
                for try await notification in notifications {
                    await onChange(Int64(notification.payload) ?? 0)
                }
            }
        }
    }
}
