import Foundation
import GRDB
public import KalendariumCore

/// Minutes in SQLite: one JSON document per meeting; their effects on the items in
/// the same write.
extension SQLiteStore {
    public func minutes(meeting: String) async throws -> Minutes? {
        try await read { db in try Self.minutes(db, meeting: meeting) }
    }

    public func allMinutes() async throws -> [Minutes] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT document FROM minutes ORDER BY meeting").map(MinutesCoding.minutes)
        }
    }

    public func updateMinutes<T: Sendable>(
        meeting: String, create: @escaping @Sendable () -> Minutes, on date: LocalDate,
        _ change: @escaping @Sendable (inout Minutes) throws(AgendaError) -> (T, [MinutesEffect])
    ) async throws -> (Minutes, T) {
        try await write { db in
            var minutes = try Self.minutes(db, meeting: meeting) ?? create()
            let (result, effects) = try change(&minutes)
            for effect in effects {
                switch effect {
                case .createItems(let items, let point, let decision):
                    let ids = try items.map { try Self.insert(db, $0).id! }
                    try minutes.link(items: ids, toDecision: decision, ofPoint: point)
                case .followUp(let followUp, let note):
                    guard try Self.item(db, id: followUp.item) != nil else {
                        throw MinutesCoding.noSuchItem(followUp.item)
                    }
                    _ = try Self.update(
                        db, id: followUp.item, ItemChange(status: followUp.status.itemStatus, note: note), on: date)
                case .linkItems(let ids, let point, let decision):
                    try minutes.link(items: ids, toDecision: decision, ofPoint: point)
                case .followUpNew(let item, let status, let note, let history):
                    let id = try Self.insert(db, item).id!
                    try minutes.followUp(FollowUp(item: id, status: status, note: note))
                    _ = try Self.update(db, id: id, ItemChange(status: status.itemStatus, note: history), on: date)
                case .approve(let names, let at):
                    for name in names { try minutes.approve(by: name, at: at, announce: false) }
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO minutes (meeting, document, revision, updated_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT(meeting) DO UPDATE SET document = excluded.document, revision = revision + 1,
                        updated_at = excluded.updated_at
                    """,
                arguments: [meeting, try MinutesCoding.text(minutes), Int(Date().timeIntervalSince1970)])
            return (minutes, result)
        }
    }

    static func minutes(_ db: Database, meeting: String) throws -> Minutes? {
        try String.fetchOne(db, sql: "SELECT document FROM minutes WHERE meeting = ?", arguments: [meeting])
            .map(MinutesCoding.minutes)
    }
}
