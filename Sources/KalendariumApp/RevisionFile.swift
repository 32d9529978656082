public import Feeds
public import Foundation

/// Keeps the feeds' event revisions in `feed-revisions.json` in the state directory,
/// so SEQUENCE and LAST-MODIFIED survive restarts and repeated exports.
public struct RevisionFile: Sendable {
    public let path: String

    public init(stateDirectory: String) { path = "\(stateDirectory)/feed-revisions.json" }

    /// The saved revisions, or none on first use.
    /// - Throws: when the file exists but cannot be read: starting over would lower
    ///   every SEQUENCE, and clients would ignore the next real update.
    public func load() throws(AppError) -> EventRevisions {
        guard FileManager.default.fileExists(atPath: path) else { return EventRevisions() }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(EventRevisions.self, from: data)
        } catch {
            throw AppError(
                "\(path) cannot be read (\(error)); restore it from backup. Deleting it resets every "
                    + "event's SEQUENCE to 0, after which calendar apps may ignore changes to existing events")
        }
    }

    public func save(_ revisions: EventRevisions) throws(AppError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try AtomicFile.write(try encoder.encode(revisions), to: path)
        } catch {
            throw AppError("cannot save \(path): \(error.localizedDescription)")
        }
    }
}

/// Writes a file so readers see the old or the new content, never half of it.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}

/// An error for the person running Kalendarium: what went wrong and what to do.
public struct AppError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
