import Foundation
import GRDB
public import KalendariumCore

/// Agendas in SQLite: one JSON document per meeting, papers as blobs beside it.
extension SQLiteStore {
    public func agenda(meeting: String) async throws -> Agenda? {
        try await read { db in try Self.agenda(db, meeting: meeting) }
    }

    public func agendas() async throws -> [Agenda] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT document FROM agenda ORDER BY meeting").map(AgendaCoding.agenda)
        }
    }

    public func updateAgenda<T: Sendable>(
        meeting: String, create: @escaping @Sendable () -> Agenda, papers: [StoredPaper],
        _ change: @escaping @Sendable (inout Agenda) throws(AgendaError) -> T
    ) async throws -> (Agenda, T) {
        try await write { db in
            var agenda = try Self.agenda(db, meeting: meeting) ?? create()
            let result = try change(&agenda)
            try db.execute(
                sql: """
                    INSERT INTO agenda (meeting, document, revision, updated_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT(meeting) DO UPDATE SET document = excluded.document, revision = revision + 1,
                        updated_at = excluded.updated_at
                    """,
                arguments: [meeting, try AgendaCoding.text(agenda), Int(Date().timeIntervalSince1970)])
            for paper in papers {
                try db.execute(
                    sql: """
                        INSERT INTO agenda_paper (meeting, name, content_type, bytes, sha256) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(meeting, name) DO UPDATE SET content_type = excluded.content_type,
                            bytes = excluded.bytes, sha256 = excluded.sha256
                        """,
                    arguments: [meeting, paper.name, paper.contentType, Data(paper.bytes), paper.sha256])
            }
            let keep = AgendaCoding.referencedPapers(agenda)
            for name in try String.fetchAll(
                db, sql: "SELECT name FROM agenda_paper WHERE meeting = ?", arguments: [meeting])
            where !keep.contains(name) {
                try db.execute(
                    sql: "DELETE FROM agenda_paper WHERE meeting = ? AND name = ?", arguments: [meeting, name])
            }
            return (agenda, result)
        }
    }

    public func paper(meeting: String, name: String) async throws -> StoredPaper? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT content_type, bytes, sha256 FROM agenda_paper WHERE meeting = ? AND name = ?",
                arguments: [meeting, name]
            ).map { row in
                StoredPaper(
                    meeting: meeting, name: name, contentType: row["content_type"],
                    bytes: [UInt8](row["bytes"] as Data), sha256: row["sha256"])
            }
        }
    }

    public func agendaStamp() async throws -> AgendaStamp {
        try await read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*), COALESCE(sum(revision), 0) FROM agenda")
            return AgendaStamp(count: row?[0] ?? 0, revisions: row?[1] ?? 0)
        }
    }

    static func agenda(_ db: Database, meeting: String) throws -> Agenda? {
        try String.fetchOne(db, sql: "SELECT document FROM agenda WHERE meeting = ?", arguments: [meeting])
            .map(AgendaCoding.agenda)
    }
}
