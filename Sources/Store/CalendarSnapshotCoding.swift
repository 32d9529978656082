import Foundation
import KalendariumCore

/// How both stores keep a snapshot's files: one JSON object of path to text.
enum CalendarSnapshotCoding {
    /// Generations kept in the table; older ones are deleted on publish.
    static let kept: Int64 = 20

    static func encode(_ files: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(files), as: UTF8.self)
    }

    static func snapshot(
        generation: Int64, files: String, contentHash: String, editedAt: Int, builtAt: Int, revisions: String,
        origin: String
    ) throws -> CalendarSnapshot {
        guard let decoded = try? JSONDecoder().decode([String: String].self, from: Data(files.utf8)) else {
            throw StoreError("calendar snapshot \(generation) has unreadable files; publish again with a reload")
        }
        return CalendarSnapshot(
            generation: generation, files: decoded, contentHash: contentHash,
            editedAt: UTCInstant(secondsSince1970: editedAt), builtAt: UTCInstant(secondsSince1970: builtAt),
            revisions: revisions, origin: origin)
    }
}
