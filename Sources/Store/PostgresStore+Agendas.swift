import Foundation
public import KalendariumCore
import Logging
import PostgresNIO

/// Agendas in PostgreSQL: the same document and paper tables as SQLite. A change
/// locks the agenda's row, so two daemons editing one agenda take turns.
extension PostgresStore {
    public func agenda(meeting: String) async throws -> Agenda? {
        try await answered { [self] in
            try await client.withConnection { db in
                try await Self.agenda(db, meeting: meeting, lock: false, logger: logger)
            }
        }
    }

    public func agendas() async throws -> [Agenda] {
        try await answered { [self] in
            try await client.withConnection { db in
                var agendas: [Agenda] = []
                let rows = try await db.query("SELECT document FROM agenda ORDER BY meeting", logger: logger)
                for try await text in rows.decode(String.self) { agendas.append(try AgendaCoding.agenda(text)) }
                return agendas
            }
        }
    }

    public func updateAgenda<T: Sendable>(
        meeting: String, create: @escaping @Sendable () -> Agenda, papers: [StoredPaper],
        _ change: @escaping @Sendable (inout Agenda) throws(AgendaError) -> T
    ) async throws -> (Agenda, T) {
        try await answered { [self] in
            try await transaction { db in
                // The first change of a new agenda creates its row; then every change locks it.
                try await db.query(
                    """
                    INSERT INTO agenda (meeting, document, revision, updated_at)
                    VALUES (\(meeting), \(try AgendaCoding.text(create())), 0, \(Int(Date().timeIntervalSince1970)))
                    ON CONFLICT (meeting) DO NOTHING
                    """, logger: logger)
                guard var agenda = try await Self.agenda(db, meeting: meeting, lock: true, logger: logger) else {
                    throw StoreError("the agenda of \(meeting) vanished while it was being changed")
                }
                let result = try change(&agenda)
                try await db.query(
                    """
                    UPDATE agenda SET document = \(try AgendaCoding.text(agenda)), revision = revision + 1,
                        updated_at = \(Int(Date().timeIntervalSince1970))
                    WHERE meeting = \(meeting)
                    """, logger: logger)
                for paper in papers {
                    try await db.query(
                        """
                        INSERT INTO agenda_paper (meeting, name, content_type, bytes, sha256)
                        VALUES (\(meeting), \(paper.name), \(paper.contentType), \(Data(paper.bytes)), \(paper.sha256))
                        ON CONFLICT (meeting, name) DO UPDATE SET content_type = excluded.content_type,
                            bytes = excluded.bytes, sha256 = excluded.sha256
                        """, logger: logger)
                }
                let keep = AgendaCoding.referencedPapers(agenda)
                var stored: [String] = []
                let names = try await db.query(
                    "SELECT name FROM agenda_paper WHERE meeting = \(meeting)", logger: logger)
                for try await name in names.decode(String.self) { stored.append(name) }
                for name in stored where !keep.contains(name) {
                    try await db.query(
                        "DELETE FROM agenda_paper WHERE meeting = \(meeting) AND name = \(name)", logger: logger)
                }
                return (agenda, result)
            }
        }
    }

    public func paper(meeting: String, name: String) async throws -> StoredPaper? {
        try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    """
                    SELECT content_type, bytes, sha256 FROM agenda_paper WHERE meeting = \(meeting) AND name = \(name)
                    """, logger: logger)
                for try await (type, bytes, sha) in rows.decode((String, Data, String).self) {
                    return StoredPaper(
                        meeting: meeting, name: name, contentType: type, bytes: [UInt8](bytes), sha256: sha)
                }
                return nil
            }
        }
    }

    public func agendaStamp() async throws -> AgendaStamp {
        try await answered { [self] in
            try await client.withConnection { db in
                let rows = try await db.query(
                    "SELECT count(*)::BIGINT, COALESCE(sum(revision), 0)::BIGINT FROM agenda", logger: logger)
                for try await (count, revisions) in rows.decode((Int64, Int64).self) {
                    return AgendaStamp(count: count, revisions: revisions)
                }
                return AgendaStamp(count: 0, revisions: 0)
            }
        }
    }

    static func agenda(_ db: PostgresConnection, meeting: String, lock: Bool, logger: Logger) async throws -> Agenda? {
        let rows = try await db.query(
            "SELECT document FROM agenda WHERE meeting = \(meeting)\(unescaped: lock ? " FOR UPDATE" : "")",
            logger: logger)
        for try await text in rows.decode(String.self) { return try AgendaCoding.agenda(text) }
        return nil
    }
}
