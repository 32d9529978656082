import Foundation
public import KalendariumCore
import PostgresNIO

/// Sign-in links, sessions and the audit log in PostgreSQL (migration v11), shared by
/// every daemon on the database: a link mailed by one signs in on any, once.
extension PostgresStore {
    public func addSignInLink(_ link: SignInLink) async throws {
        try await answered { [self] in
            try await client.withConnection { db in
                _ = try await db.query(
                    """
                    INSERT INTO sign_in_link (token_hash, email, created_at, expires_at)
                    VALUES (\(link.tokenHash), \(link.email), \(link.created.secondsSince1970),
                        \(link.expires.secondsSince1970))
                    """, logger: logger)
            }
        }
    }

    public func signInLinkCount(email: String, since instant: UTCInstant) async throws -> Int {
        try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    """
                    SELECT COUNT(*) FROM sign_in_link
                    WHERE email = \(email.lowercased()) AND created_at >= \(instant.secondsSince1970)
                    """, logger: logger)
                for try await count in rows.decode(Int64.self) { return Int(count) }
                return 0
            }
        }
    }

    public func signInLink(tokenHash: String) async throws -> SignInLink? {
        try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    """
                    SELECT token_hash, email, created_at, expires_at, used_at FROM sign_in_link
                    WHERE token_hash = \(tokenHash)
                    """, logger: logger)
                for try await row in rows.decode((String, String, Int64, Int64, Int64?).self) {
                    return Self.link(row)
                }
                return nil
            }
        }
    }

    public func useSignInLink(tokenHash: String, at instant: UTCInstant) async throws -> SignInLink? {
        let now = instant.secondsSince1970
        return try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    """
                    UPDATE sign_in_link SET used_at = \(now)
                    WHERE token_hash = \(tokenHash) AND used_at IS NULL AND expires_at > \(now)
                    RETURNING token_hash, email, created_at, expires_at, used_at
                    """, logger: logger)
                for try await row in rows.decode((String, String, Int64, Int64, Int64?).self) {
                    return Self.link(row)
                }
                return nil
            }
        }
    }

    static func link(_ row: (String, String, Int64, Int64, Int64?)) -> SignInLink {
        SignInLink(
            tokenHash: row.0, email: row.1, created: UTCInstant(secondsSince1970: Int(row.2)),
            expires: UTCInstant(secondsSince1970: Int(row.3)),
            used: row.4.map { UTCInstant(secondsSince1970: Int($0)) })
    }

    @discardableResult
    public func putSession(
        key: String, value: String, owner: String?, expires: UTCInstant?, create: Bool
    )
        async throws -> Bool
    {
        let now = Int(Date().timeIntervalSince1970)
        let until = expires?.secondsSince1970
        let owner = owner?.lowercased()
        return try await answered { [self] in
            try await client.withConnection { db in
                // An expired session's key is free again.
                _ = try await db.query(
                    "DELETE FROM web_session WHERE key = \(key) AND expires_at <= \(now)", logger: logger)
                let rows =
                    create
                    ? try await db.query(
                        """
                        INSERT INTO web_session (key, value, owner, expires_at) VALUES (\(key), \(value), \(owner), \(until))
                        ON CONFLICT (key) DO NOTHING RETURNING key
                        """, logger: logger)
                    : try await db.query(
                        """
                        INSERT INTO web_session (key, value, owner, expires_at) VALUES (\(key), \(value), \(owner), \(until))
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value, owner = excluded.owner,
                            expires_at = excluded.expires_at
                        RETURNING key
                        """, logger: logger)
                var written = false
                for try await _ in rows.decode(String.self) { written = true }
                return written
            }
        }
    }

    public func session(key: String, at instant: UTCInstant) async throws -> (value: String, expires: UTCInstant?)? {
        let now = instant.secondsSince1970
        return try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    """
                    SELECT value, expires_at FROM web_session
                    WHERE key = \(key) AND (expires_at IS NULL OR expires_at > \(now))
                    """, logger: logger)
                for try await (value, until) in rows.decode((String, Int64?).self) {
                    return (value, until.map { UTCInstant(secondsSince1970: Int($0)) })
                }
                return nil
            }
        }
    }

    public func removeSession(key: String) async throws {
        try await answered { [self] in
            try await client.withConnection { db in
                _ = try await db.query("DELETE FROM web_session WHERE key = \(key)", logger: logger)
            }
        }
    }

    public func removeSessions(owner: String) async throws -> Int {
        try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    "DELETE FROM web_session WHERE owner = \(owner.lowercased()) RETURNING key", logger: logger)
                var count = 0
                for try await _ in rows.decode(String.self) { count += 1 }
                return count
            }
        }
    }

    public func sessionOwners(
        at instant: UTCInstant
    ) async throws -> [(
        owner: String, count: Int, expires: UTCInstant?
    )] {
        let now = instant.secondsSince1970
        return try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    """
                    SELECT owner, COUNT(*), MAX(expires_at) FROM web_session
                    WHERE owner IS NOT NULL AND (expires_at IS NULL OR expires_at > \(now))
                    GROUP BY owner ORDER BY owner
                    """, logger: logger)
                var owners: [(owner: String, count: Int, expires: UTCInstant?)] = []
                for try await (owner, count, until) in rows.decode((String, Int64, Int64?).self) {
                    owners.append((owner, Int(count), until.map { UTCInstant(secondsSince1970: Int($0)) }))
                }
                return owners
            }
        }
    }

    public func recordAudit(_ entry: AuditEntry) async throws {
        try await answered { [self] in
            try await client.withConnection { db in
                _ = try await db.query(
                    """
                    INSERT INTO audit (at, email, action, subject, detail)
                    VALUES (\(entry.at.secondsSince1970), \(entry.email), \(entry.action), \(entry.subject),
                        \(entry.detail))
                    """, logger: logger)
            }
        }
    }

    public func auditEntries(subject: String?, limit: Int) async throws -> [AuditEntry] {
        let limit = max(0, limit)
        return try await answered { [self] in
            try await client.withConnection { db in
                let rows =
                    if let subject {
                        try await db.query(
                            """
                            SELECT at, email, action, subject, detail FROM audit WHERE subject = \(subject)
                            ORDER BY at DESC, id DESC LIMIT \(limit)
                            """, logger: logger)
                    } else {
                        try await db.query(
                            """
                            SELECT at, email, action, subject, detail FROM audit
                            ORDER BY at DESC, id DESC LIMIT \(limit)
                            """, logger: logger)
                    }
                var entries: [AuditEntry] = []
                for try await (at, email, action, subject, detail) in rows.decode(
                    (Int64, String, String, String, String).self)
                {
                    entries.append(
                        AuditEntry(
                            at: UTCInstant(secondsSince1970: Int(at)), email: email, action: action,
                            subject: subject, detail: detail))
                }
                return entries
            }
        }
    }
}
