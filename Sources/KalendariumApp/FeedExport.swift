import CalendarFiles
public import Feeds
import Foundation
public import KalendariumCore

/// Builds every feed from a calendars directory and writes them out: the work behind
/// `kalendarium export`, and the build step the server repeats on each reload.
public struct FeedExport: Sendable {
    public let settings: FeedSettings
    public let revisionFile: RevisionFile

    public init(settings: FeedSettings, stateDirectory: String) {
        self.settings = settings
        self.revisionFile = RevisionFile(stateDirectory: stateDirectory)
    }

    /// Builds the feeds as of `now`, with the agendas' published point titles, and saves
    /// the revisions they were built with.
    public func build(
        _ data: CalendarData, now: UTCInstant, agendas: [String: AgendaVersion] = [:]
    ) throws(AppError) -> FeedSet {
        let previous = try revisionFile.load()
        let set: FeedSet
        do {
            set = try FeedSet.build(data: data, settings: settings, revisions: previous, now: now, agendas: agendas)
        } catch {
            throw AppError("building the feeds failed in libical: \(error)")
        }
        if set.revisions != previous { try revisionFile.save(set.revisions) }
        return set
    }

    /// Writes each feed under `directory` (`all.ics`, `municipality/huddinge.ics`, …).
    /// A file whose bytes are already right is left alone, so its mtime keeps meaning.
    public static func write(_ set: FeedSet, to directory: String) throws(AppError) {
        for feed in set.feeds {
            let path = "\(directory)/\(feed.name)"
            let bytes = Data(feed.text.utf8)
            if FileManager.default.contents(atPath: path) == bytes { continue }
            do {
                try AtomicFile.write(bytes, to: path)
            } catch {
                throw AppError("cannot write \(path): \(error.localizedDescription)")
            }
        }
    }
}
