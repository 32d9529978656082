import Foundation
public import KalendariumCore
import Logging
import PostgresNIO

/// The outbox on PostgreSQL: queueing under an advisory lock, claims with
/// `FOR UPDATE SKIP LOCKED`, and every later change fenced by the claim token.
extension PostgresStore {
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
                var log: (keys: [String], recipients: [String], outboxKeys: [String]) = ([], [], [])
                var queued: [OutboxEntry] = []
                for (entry, reminderKeys) in batch {
                    let fresh = reminderKeys.filter { !(recorded[entry.recipient]?.contains($0) ?? false) }
                    guard !fresh.isEmpty, !existing.contains(entry.key) else {
                        results.append(false)
                        continue
                    }
                    for key in fresh {
                        log.keys.append(key)
                        log.recipients.append(entry.recipient)
                        log.outboxKeys.append(entry.key)
                    }
                    queued.append(entry)
                    recorded[entry.recipient, default: []].formUnion(fresh)
                    existing.insert(entry.key)
                    results.append(true)
                }
                guard !queued.isEmpty else { return results }
                // Two statements per 500 messages (arrays unnested), not two per message.
                for start in stride(from: 0, to: log.keys.count, by: 2000) {
                    let range = start..<min(start + 2000, log.keys.count)
                    try await db.query(
                        """
                        INSERT INTO reminder_log (reminder_key, recipient, outbox_key)
                        SELECT * FROM UNNEST(\(Array(log.keys[range]))::TEXT[], \(Array(log.recipients[range]))::TEXT[],
                                             \(Array(log.outboxKeys[range]))::TEXT[])
                        """, logger: logger)
                }
                for start in stride(from: 0, to: queued.count, by: 500) {
                    let chunk = queued[start..<min(start + 500, queued.count)]
                    try await db.query(
                        """
                        INSERT INTO outbox (key, recipient, message_id, message, status, attempts, next_attempt, created_at)
                        SELECT key, recipient, message_id, message, 'pending', 0, next_attempt, created_at
                        FROM UNNEST(\(chunk.map(\.key))::TEXT[], \(chunk.map(\.recipient))::TEXT[],
                                    \(chunk.map(\.messageID))::TEXT[], \(chunk.map(\.message))::TEXT[],
                                    \(chunk.map { Int64($0.nextAttempt.secondsSince1970) })::BIGINT[],
                                    \(chunk.map { Int64($0.createdAt.secondsSince1970) })::BIGINT[])
                            AS q(key, recipient, message_id, message, next_attempt, created_at)
                        """, logger: logger)
                }
                return results
            }
        }
    }

    public func recordedReminders(for recipients: [String]) async throws -> [String: Set<String>] {
        try await answered { [self] in
            var recorded: [String: Set<String>] = [:]
            let rows = try await client.query(
                "SELECT recipient, reminder_key FROM reminder_log WHERE recipient = ANY(\(recipients))",
                logger: logger)
            for try await (recipient, key) in rows.decode((String, String).self) {
                recorded[recipient, default: []].insert(key)
            }
            return recorded
        }
    }

    public func noticesQueued(meetings: [String]) async throws -> [String: [String: UTCInstant]] {
        guard !meetings.isEmpty else { return [:] }
        return try await answered { [self] in
            var queued: [String: [String: UTCInstant]] = [:]
            let prefixes = meetings.map { "meeting:\($0):agenda:" }
            let rows = try await client.query(
                """
                SELECT p.prefix, r.recipient, MIN(o.created_at) FROM unnest(\(prefixes)::text[]) AS p(prefix)
                JOIN reminder_log r ON starts_with(r.reminder_key, p.prefix)
                JOIN outbox o ON o.key = r.outbox_key
                GROUP BY p.prefix, r.recipient
                """, logger: logger)
            for try await (prefix, recipient, at) in rows.decode((String, String, Int64).self) {
                let meeting = String(prefix.dropFirst("meeting:".count).dropLast(":agenda:".count))
                queued[meeting, default: [:]][recipient] = UTCInstant(secondsSince1970: Int(at))
            }
            return queued
        }
    }

    public func claimDue(
        now: UTCInstant, limit: Int, clock: UTCInstant, claimUntil: UTCInstant
    ) async throws
        -> [OutboxEntry]
    {
        try await answered { [self] in
            let claim = UUID().uuidString
            // One statement: rows another daemon has locked are skipped, not waited for,
            // so two senders claiming at once get different messages. Two ordered reads
            // of at most `limit` each, not one OR, so each stops early in the index
            // (v12); rows locked and not taken are free again when the statement ends.
            let rows = try await client.query(
                """
                WITH pending AS (
                    SELECT key, next_attempt FROM outbox
                    WHERE status = 'pending' AND next_attempt <= \(Int64(now.secondsSince1970))
                    ORDER BY next_attempt, key LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED),
                stale AS (
                    SELECT key, next_attempt FROM outbox
                    WHERE status = 'sending' AND claimed_until <= \(Int64(clock.secondsSince1970))
                    ORDER BY next_attempt, key LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED),
                due AS (
                    SELECT key, next_attempt AS was FROM (SELECT * FROM pending UNION ALL SELECT * FROM stale) AS both_
                    ORDER BY next_attempt, key LIMIT \(limit))
                UPDATE outbox SET status = 'sending', attempts = outbox.attempts + 1, claim = \(claim),
                    claimed_until = \(Int64(claimUntil.secondsSince1970)),
                    uncertain = outbox.uncertain OR outbox.handed_over, handed_over = false
                FROM due WHERE outbox.key = due.key
                RETURNING \(unescaped: Self.outboxColumns.map { "outbox.\($0)" }.joined(separator: ", ")), due.was
                """, logger: logger)
            var claimed: [(was: Int64, entry: OutboxEntry)] = []
            for try await r in rows.decode(
                (
                    String, String, String, String, String, Int32, Int64, String?, Int64, Int64?, String?, Int64?,
                    Bool, Int64
                ).self)
            {
                claimed.append((r.13, Self.entry((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10, r.11, r.12))))
            }
            return claimed.sorted { ($0.was, $0.entry.key) < ($1.was, $1.entry.key) }.map(\.entry)
        }
    }

    public func renewClaim(_ claim: String, until: UTCInstant) async throws -> Int {
        try await answered { [self] in
            let rows = try await client.query(
                """
                UPDATE outbox SET claimed_until = \(Int64(until.secondsSince1970))
                WHERE claim = \(claim) AND status = 'sending'
                RETURNING key
                """, logger: logger)
            return try await rows.collect().count
        }
    }

    public func handOver(_ entry: OutboxEntry, until: UTCInstant) async throws -> Bool {
        try await answered { [self] in
            let rows = try await client.query(
                """
                UPDATE outbox SET claimed_until = \(Int64(until.secondsSince1970)), handed_over = true
                WHERE key = \(entry.key) AND claim IS NOT DISTINCT FROM \(entry.claim) AND status = 'sending'
                RETURNING key
                """, logger: logger)
            return try await rows.collect().count == 1
        }
    }

    public func handOver(_ entries: [OutboxEntry], until: UTCInstant) async throws -> Set<String> {
        // One statement per claim token (a claimed batch has one).
        let byClaim = Dictionary(grouping: entries, by: \.claim)
        return try await answered { [self] in
            var handedOver = Set<String>()
            for (claim, group) in byClaim {
                let keys = group.map(\.key)
                let rows = try await client.query(
                    """
                    UPDATE outbox SET claimed_until = \(Int64(until.secondsSince1970)), handed_over = true
                    WHERE key = ANY(\(keys)) AND claim IS NOT DISTINCT FROM \(claim) AND status = 'sending'
                    RETURNING key
                    """, logger: logger)
                for try await key in rows.decode(String.self) { handedOver.insert(key) }
            }
            return handedOver
        }
    }

    public func markSent(_ entry: OutboxEntry, at: UTCInstant) async throws -> Bool {
        try await answered { [self] in
            let rows = try await client.query(
                """
                UPDATE outbox SET status = 'sent', sent_at = \(Int64(at.secondsSince1970)), last_error = NULL,
                    handed_over = false
                WHERE key = \(entry.key) AND claim IS NOT DISTINCT FROM \(entry.claim) AND status = 'sending'
                RETURNING key
                """, logger: logger)
            return try await rows.collect().count == 1
        }
    }

    public func markFailed(
        _ entry: OutboxEntry, error: String, retryAt: UTCInstant?, uncertain: Bool
    ) async throws
        -> Bool
    {
        try await answered { [self] in
            let status = retryAt == nil ? "failed" : "pending"
            let rows = try await client.query(
                """
                UPDATE outbox SET status = \(status), last_error = \(error), sent_at = NULL, handed_over = false,
                    uncertain = uncertain OR \(uncertain),
                    next_attempt = COALESCE(\(retryAt.map { Int64($0.secondsSince1970) }), next_attempt)
                WHERE key = \(entry.key) AND claim IS NOT DISTINCT FROM \(entry.claim) AND status = 'sending'
                RETURNING key
                """, logger: logger)
            return try await rows.collect().count == 1
        }
    }

    public func outboxCounts() async throws -> OutboxCounts {
        try await answered { [self] in
            var counts = OutboxCounts()
            let rows = try await client.query(
                "SELECT status, count(*), count(*) FILTER (WHERE uncertain) FROM outbox GROUP BY status",
                logger: logger)
            for try await (status, n, uncertain) in rows.decode((String, Int64, Int64).self) {
                if let status = OutboxEntry.Status(rawValue: status) { counts.byStatus[status] = Int(n) }
                counts.uncertain += Int(uncertain)
            }
            return counts
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
        "sent_at", "claim", "claimed_until", "uncertain",
    ]
    typealias OutboxRow = (
        String, String, String, String, String, Int32, Int64, String?, Int64, Int64?, String?, Int64?, Bool
    )

    static func entry(_ row: OutboxRow) -> OutboxEntry {
        OutboxEntry(
            key: row.0, recipient: row.1, messageID: row.2, message: row.3,
            status: OutboxEntry.Status(rawValue: row.4) ?? .pending, attempts: Int(row.5),
            nextAttempt: UTCInstant(secondsSince1970: Int(row.6)), lastError: row.7,
            createdAt: UTCInstant(secondsSince1970: Int(row.8)),
            sentAt: row.9.map { UTCInstant(secondsSince1970: Int($0)) }, claim: row.10,
            claimedUntil: row.11.map { UTCInstant(secondsSince1970: Int($0)) }, uncertain: row.12)
    }
}
