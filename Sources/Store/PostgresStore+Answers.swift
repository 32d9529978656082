import Foundation
public import KalendariumCore
import PostgresNIO

/// Answers and personal calendar tokens in PostgreSQL (migration v10), shared by
/// every daemon on the database: a token rotated by one is refused by all at once.
extension PostgresStore {
    public func recordAnswer(_ record: AnswerRecord) async throws {
        try await answered { [self] in
            try await client.withConnection { db in
                _ = try await db.query(
                    """
                    INSERT INTO answer (meeting, email, kind, substitute, part, comment, via, at)
                    VALUES (\(record.meeting), \(record.email), \(record.answer.kind.rawValue),
                        \(record.answer.substitute), \(record.answer.part?.text), \(record.answer.comment),
                        \(record.via.rawValue), \(record.at.secondsSince1970))
                    """, logger: logger)
            }
        }
    }

    public func answers(meetings: [String]) async throws -> [AnswerRecord] {
        guard !meetings.isEmpty else { return [] }
        return try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    """
                    SELECT meeting, email, kind, substitute, part, comment, via, at FROM answer
                    WHERE meeting = ANY(\(meetings)) ORDER BY at, id
                    """, logger: logger)
                var records: [AnswerRecord] = []
                for try await (meeting, email, kind, substitute, part, comment, via, at) in rows.decode(
                    (String, String, String, String?, String?, String?, String, Int64).self)
                {
                    records.append(
                        try AnswerColumns.record(
                            meeting: meeting, email: email, kind: kind, substitute: substitute, part: part,
                            comment: comment, via: via, at: Int(at)))
                }
                return records
            }
        }
    }

    public func personTokens(for emails: [String]) async throws -> [String: String] {
        let emails = Array(Set(emails.map { $0.lowercased() })).sorted()
        guard !emails.isEmpty else { return [:] }
        let fresh = emails.map { _ in PersonToken.make() }
        let now = Int(Date().timeIntervalSince1970)
        return try await answered { [self] in
            try await client.withConnection { db in
                // Whoever comes first makes a person's token; everyone reads the one that won.
                _ = try await db.query(
                    """
                    INSERT INTO person_token (email, token, created_at)
                    SELECT email, token, \(now) FROM unnest(\(emails)::text[], \(fresh)::text[]) AS t(email, token)
                    ON CONFLICT (email) DO NOTHING
                    """, logger: logger)
                let rows = try await db.query(
                    "SELECT email, token FROM person_token WHERE email = ANY(\(emails))", logger: logger)
                var tokens: [String: String] = [:]
                for try await (email, token) in rows.decode((String, String).self) { tokens[email] = token }
                return tokens
            }
        }
    }

    public func person(withToken token: String) async throws -> String? {
        guard PersonToken.isWellFormed(token) else { return nil }
        return try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    "SELECT email FROM person_token WHERE token = \(token)", logger: logger)
                for try await email in rows.decode(String.self) { return email }
                return nil
            }
        }
    }

    public func rotatePersonToken(email: String) async throws -> String {
        let token = PersonToken.make()
        let now = Int(Date().timeIntervalSince1970)
        try await answered { [self] in
            try await client.withConnection { db in
                _ = try await db.query(
                    """
                    INSERT INTO person_token (email, token, created_at) VALUES (\(email.lowercased()), \(token), \(now))
                    ON CONFLICT (email) DO UPDATE SET token = excluded.token, created_at = excluded.created_at
                    """, logger: logger)
            }
        }
        return token
    }
}
