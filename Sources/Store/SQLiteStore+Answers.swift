import Foundation
import GRDB
public import KalendariumCore

/// Answers and personal calendar tokens in SQLite (migration v10).
extension SQLiteStore {
    public func recordAnswer(_ record: AnswerRecord) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO answer (meeting, email, kind, substitute, part, comment, via, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.meeting, record.email, record.answer.kind.rawValue, record.answer.substitute,
                    record.answer.part?.text, record.answer.comment, record.via.rawValue, record.at.secondsSince1970,
                ])
        }
    }

    public func answers(meetings: [String]) async throws -> [AnswerRecord] {
        guard !meetings.isEmpty else { return [] }
        return try await read { db in
            let marks = Array(repeating: "?", count: meetings.count).joined(separator: ", ")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT meeting, email, kind, substitute, part, comment, via, at FROM answer
                    WHERE meeting IN (\(marks)) ORDER BY at, id
                    """, arguments: StatementArguments(meetings)
            ).map { row in
                try AnswerColumns.record(
                    meeting: row["meeting"], email: row["email"], kind: row["kind"], substitute: row["substitute"],
                    part: row["part"], comment: row["comment"], via: row["via"], at: row["at"])
            }
        }
    }

    public func personTokens(for emails: [String]) async throws -> [String: String] {
        let emails = Array(Set(emails.map { $0.lowercased() }))
        guard !emails.isEmpty else { return [:] }
        let now = Int(Date().timeIntervalSince1970)
        return try await write { db in
            var tokens: [String: String] = [:]
            let select = try db.cachedStatement(sql: "SELECT token FROM person_token WHERE email = ?")
            let insert = try db.cachedStatement(
                sql: "INSERT INTO person_token (email, token, created_at) VALUES (?, ?, ?)")
            for email in emails {
                if let token = try String.fetchOne(select, arguments: [email]) {
                    tokens[email] = token
                } else {
                    let token = PersonToken.make()
                    try insert.execute(arguments: [email, token, now])
                    tokens[email] = token
                }
            }
            return tokens
        }
    }

    public func person(withToken token: String) async throws -> String? {
        guard PersonToken.isWellFormed(token) else { return nil }
        return try await read { db in
            try String.fetchOne(db, sql: "SELECT email FROM person_token WHERE token = ?", arguments: [token])
        }
    }

    public func rotatePersonToken(email: String) async throws -> String {
        let token = PersonToken.make()
        let now = Int(Date().timeIntervalSince1970)
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO person_token (email, token, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (email) DO UPDATE SET token = excluded.token, created_at = excluded.created_at
                    """, arguments: [email.lowercased(), token, now])
        }
        return token
    }
}
