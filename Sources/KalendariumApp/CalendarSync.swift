public import Feeds
import Foundation
import KalendariumCore
public import Store

/// How daemons on one database keep serving the same calendar. The daemon whose
/// `calendars/` changed publishes the files, with the revisions and instant its
/// feeds were built with, as a new generation in the database; the others rebuild
/// from that snapshot (NOTIFY tells them at once, a poll catches what a dropped
/// connection missed), so every node serves the same bytes and the same ETags.
///
/// When two daemons' files differ, the newest edit wins (the files' modification
/// times): edit one node's `calendars/`, or deploy the same files to all of them.
public struct CalendarSync: Sendable {
    public let store: any CoordinationStore
    public let node: String
    /// Where a snapshot from the database is written out to be read (state/cluster-calendars).
    public let mirror: String

    public init(store: any CoordinationStore, node: String, stateDirectory: String) {
        self.store = store
        self.node = node
        self.mirror = "\(stateDirectory)/cluster-calendars"
    }

    /// The files a calendar is read from (`*.yaml` and `external/*.ics`), with the newest
    /// modification time among them.
    static func files(in directory: String) throws(AppError) -> (files: [String: String], editedAt: UTCInstant) {
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

    /// Writes the snapshot's files to the mirror directory, replacing what was there.
    func writeMirror(_ snapshot: CalendarSnapshot) throws(AppError) -> String {
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
