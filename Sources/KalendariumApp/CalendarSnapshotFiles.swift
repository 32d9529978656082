import BlockingPool
public import Feeds
import Foundation
import KalendariumCore
import Store

/// A calendar generation's files on disk: what this daemon publishes (its
/// `calendars/`), and the mirror in the state directory where a generation from the
/// database is written out to be read. Disk work runs on the blocking pool.
public struct CalendarSnapshotFiles: Sendable {
    /// Where a snapshot from the database is written out (state/cluster-calendars).
    let mirror: String

    /// The files a calendar is read from (`*.yaml` and `external/*.ics`), with the newest
    /// modification time among them.
    static func read(_ directory: String) async throws(AppError) -> (files: [String: String], editedAt: UTCInstant) {
        try await BlockingPool.run { Result { () throws(AppError) in try readNow(directory) } }.get()
    }

    private static func readNow(_ directory: String) throws(AppError) -> (files: [String: String], editedAt: UTCInstant)
    {
        var files: [String: String] = [:]
        var newest = 0.0
        for file in CalendarSourceFile.list(in: directory) {
            guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else {
                throw AppError("cannot read \(file.path) as UTF-8 text")
            }
            files[file.name] = text
            newest = max(newest, file.modified)
        }
        return (files, UTCInstant(secondsSince1970: Int(newest.rounded(.down))))
    }

    static func hash(_ files: [String: String]) -> String {
        ContentHash.hex(files.keys.sorted().map { "\($0)\u{0}\(files[$0]!)" }.joined(separator: "\u{1}"))
    }

    /// Writes the snapshot's files to the mirror directory, replacing what was there,
    /// and returns the directory.
    func writeMirror(_ snapshot: CalendarSnapshot) async throws(AppError) -> String {
        try await BlockingPool.run { [self] in Result { () throws(AppError) in try writeMirrorNow(snapshot) } }.get()
    }

    private func writeMirrorNow(_ snapshot: CalendarSnapshot) throws(AppError) -> String {
        let fm = FileManager.default
        let fresh = "\(mirror).new"
        do {
            try? fm.removeItem(atPath: fresh)
            for (path, text) in snapshot.files {
                guard !path.contains(".."), !path.hasPrefix("/") else {
                    throw AppError("calendar generation \(snapshot.generation) names a file outside it: \(path)")
                }
                try AtomicFile.write(Data(text.utf8), to: "\(fresh)/\(path)")
            }
            try? fm.removeItem(atPath: mirror)
            try fm.moveItem(atPath: fresh, toPath: mirror)
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError("cannot write \(mirror): \(error.localizedDescription)")
        }
        return mirror
    }

    static func encode(_ revisions: EventRevisions) throws(AppError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(revisions), as: UTF8.self)
        } catch {
            throw AppError("cannot encode the feed revisions: \(error)")
        }
    }

    /// The revisions a generation's feeds were built with.
    public static func decode(_ json: String) throws(AppError) -> EventRevisions {
        do {
            return try JSONDecoder().decode(EventRevisions.self, from: Data(json.utf8))
        } catch {
            throw AppError("the feed revisions in the database cannot be read: \(error)")
        }
    }
}
