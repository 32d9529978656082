import Foundation
public import KalendariumCore
import Logging
import PostgresNIO

/// Minutes in PostgreSQL: the same document table as SQLite; a change locks the row,
/// and its effects on the items run in the same transaction.
extension PostgresStore {
    public func minutes(meeting: String) async throws -> Minutes? {
        try await answered { [self] in
            try await client.withConnection { db in
                try await Self.minutes(db, meeting: meeting, lock: false, logger: logger)
            }
        }
    }

    public func allMinutes() async throws -> [Minutes] {
        try await answered { [self] in
            try await client.withConnection { db in
                var all: [Minutes] = []
                let rows = try await db.query("SELECT document FROM minutes ORDER BY meeting", logger: logger)
                for try await text in rows.decode(String.self) { all.append(try MinutesCoding.minutes(text)) }
                return all
            }
        }
    }

    public func updateMinutes<T: Sendable>(
        meeting: String, create: @escaping @Sendable () -> Minutes, on date: LocalDate,
        _ change: @escaping @Sendable (inout Minutes) throws(AgendaError) -> (T, [MinutesEffect])
    ) async throws -> (Minutes, T) {
        try await answered { [self] in
            try await transaction { db in
                try await db.query(
                    """
                    INSERT INTO minutes (meeting, document, revision, updated_at)
                    VALUES (\(meeting), \(try MinutesCoding.text(create())), 0, \(Int(Date().timeIntervalSince1970)))
                    ON CONFLICT (meeting) DO NOTHING
                    """, logger: logger)
                guard var minutes = try await Self.minutes(db, meeting: meeting, lock: true, logger: logger) else {
                    throw StoreError("the minutes of \(meeting) vanished while they were being changed")
                }
                let (result, effects) = try change(&minutes)
                for effect in effects {
                    switch effect {
                    case .createItems(let items, let point, let decision):
                        var ids: [Int64] = []
                        for item in items { ids.append(try await Self.insert(db, item, logger: logger).id!) }
                        try minutes.link(items: ids, toDecision: decision, ofPoint: point)
                    case .followUp(let followUp, let note):
                        guard try await Self.item(db, id: followUp.item, logger: logger) != nil else {
                            throw MinutesCoding.noSuchItem(followUp.item)
                        }
                        _ = try await Self.update(
                            db, id: followUp.item, ItemChange(status: followUp.status.itemStatus, note: note), on: date,
                            logger: logger)
                    case .linkItems(let ids, let point, let decision):
                        try minutes.link(items: ids, toDecision: decision, ofPoint: point)
                    case .followUpNew(let item, let status, let note, let history):
                        let id = try await Self.insert(db, item, logger: logger).id!
                        try minutes.followUp(FollowUp(item: id, status: status, note: note))
                        _ = try await Self.update(
                            db, id: id, ItemChange(status: status.itemStatus, note: history), on: date, logger: logger)
                    case .approve(let names, let at):
                        for name in names { try minutes.approve(by: name, at: at, announce: false) }
                    }
                }
                try await db.query(
                    """
                    UPDATE minutes SET document = \(try MinutesCoding.text(minutes)), revision = revision + 1,
                        updated_at = \(Int(Date().timeIntervalSince1970))
                    WHERE meeting = \(meeting)
                    """, logger: logger)
                return (minutes, result)
            }
        }
    }

    static func minutes(_ db: PostgresConnection, meeting: String, lock: Bool, logger: Logger) async throws -> Minutes?
    {
        let rows = try await db.query(
            "SELECT document FROM minutes WHERE meeting = \(meeting)\(unescaped: lock ? " FOR UPDATE" : "")",
            logger: logger)
        for try await text in rows.decode(String.self) { return try MinutesCoding.minutes(text) }
        return nil
    }
}
