import Foundation
import PostgresNIO

/// PostgreSQL keeps the token secret in `agenda_token_key` (one row), so every daemon
/// on the database accepts the tokens any of them mailed.
extension PostgresStore {
    public func agendaTokenSecret() async throws -> [UInt8] {
        try await answered { [self] in
            try await client.withConnection { db in
                // The first daemon to ask makes it; the others read the one that won.
                try await db.query(
                    """
                    INSERT INTO agenda_token_key (id, secret, created_at)
                    VALUES (1, \(Data(AgendaTokens.newSecret())), \(Int(Date().timeIntervalSince1970)))
                    ON CONFLICT (id) DO NOTHING
                    """, logger: logger)
                let rows = try await db.query("SELECT secret FROM agenda_token_key WHERE id = 1", logger: logger)
                for try await secret in rows.decode(Data.self) { return [UInt8](secret) }
                throw StoreError("the agenda token secret vanished from the database while it was read")
            }
        }
    }

    public func rotateAgendaTokenSecret() async throws -> [UInt8] {
        let secret = AgendaTokens.newSecret()
        try await answered { [self] in
            try await client.withConnection { db in
                _ = try await db.query(
                    """
                    INSERT INTO agenda_token_key (id, secret, created_at)
                    VALUES (1, \(Data(secret)), \(Int(Date().timeIntervalSince1970)))
                    ON CONFLICT (id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at
                    """, logger: logger)
            }
        }
        return secret
    }
}
