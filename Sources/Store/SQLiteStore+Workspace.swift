import Foundation
import GRDB
public import KalendariumCore

/// Sign-in links, sessions and the audit log in SQLite (migration v11).
extension SQLiteStore {
    public func addSignInLink(_ link: SignInLink) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO sign_in_link (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [
                    link.tokenHash, link.email, link.created.secondsSince1970, link.expires.secondsSince1970,
                ])
        }
    }

    public func signInLinkCount(email: String, since instant: UTCInstant) async throws -> Int {
        try await read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM sign_in_link WHERE email = ? AND created_at >= ?",
                arguments: [email.lowercased(), instant.secondsSince1970]) ?? 0
        }
    }

    public func signInLink(tokenHash: String) async throws -> SignInLink? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM sign_in_link WHERE token_hash = ?", arguments: [tokenHash]
            ).map(Self.link)
        }
    }

    public func useSignInLink(tokenHash: String, at instant: UTCInstant) async throws -> SignInLink? {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE sign_in_link SET used_at = ?
                    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                    """, arguments: [instant.secondsSince1970, tokenHash, instant.secondsSince1970])
            guard db.changesCount == 1 else { return nil }
            return try Row.fetchOne(
                db, sql: "SELECT * FROM sign_in_link WHERE token_hash = ?", arguments: [tokenHash]
            ).map(Self.link)
        }
    }

    static func link(_ row: Row) -> SignInLink {
        SignInLink(
            tokenHash: row["token_hash"], email: row["email"],
            created: UTCInstant(secondsSince1970: row["created_at"]),
            expires: UTCInstant(secondsSince1970: row["expires_at"]),
            used: (row["used_at"] as Int?).map(UTCInstant.init(secondsSince1970:)))
    }

    @discardableResult
    public func putSession(
        key: String, value: String, owner: String?, expires: UTCInstant?, create: Bool
    )
        async throws -> Bool
    {
        try await write { db in
            let now = Int(Date().timeIntervalSince1970)
            // An expired session's key is free again.
            try db.execute(
                sql: "DELETE FROM web_session WHERE key = ? AND expires_at <= ?", arguments: [key, now])
            try db.execute(
                sql: create
                    ? """
                    INSERT INTO web_session (key, value, owner, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key) DO NOTHING
                    """
                    : """
                    INSERT INTO web_session (key, value, owner, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, owner = excluded.owner,
                        expires_at = excluded.expires_at
                    """,
                arguments: [key, value, owner?.lowercased(), expires?.secondsSince1970])
            return db.changesCount == 1
        }
    }

    public func session(key: String, at instant: UTCInstant) async throws -> (value: String, expires: UTCInstant?)? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT value, expires_at FROM web_session
                        WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)
                        """, arguments: [key, instant.secondsSince1970])
            else { return nil }
            return (row["value"], (row["expires_at"] as Int?).map(UTCInstant.init(secondsSince1970:)))
        }
    }

    public func removeSession(key: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM web_session WHERE key = ?", arguments: [key]) }
    }

    public func removeSessions(owner: String) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE owner = ?", arguments: [owner.lowercased()])
            return db.changesCount
        }
    }

    public func sessionOwners(
        at instant: UTCInstant
    ) async throws -> [(
        owner: String, count: Int, expires: UTCInstant?
    )] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT owner, COUNT(*) AS n, MAX(expires_at) AS until FROM web_session
                    WHERE owner IS NOT NULL AND (expires_at IS NULL OR expires_at > ?)
                    GROUP BY owner ORDER BY owner
                    """, arguments: [instant.secondsSince1970]
            ).map { row in
                (row["owner"], row["n"], (row["until"] as Int?).map(UTCInstant.init(secondsSince1970:)))
            }
        }
    }

    public func recordAudit(_ entry: AuditEntry) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO audit (at, email, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                arguments: [entry.at.secondsSince1970, entry.email, entry.action, entry.subject, entry.detail])
        }
    }

    public func auditEntries(subject: String?, limit: Int) async throws -> [AuditEntry] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT at, email, action, subject, detail FROM audit
                    WHERE ? IS NULL OR subject = ? ORDER BY at DESC, id DESC LIMIT ?
                    """, arguments: [subject, subject, max(0, limit)]
            ).map { row in
                AuditEntry(
                    at: UTCInstant(secondsSince1970: row["at"]), email: row["email"], action: row["action"],
                    subject: row["subject"], detail: row["detail"])
            }
        }
    }
}
