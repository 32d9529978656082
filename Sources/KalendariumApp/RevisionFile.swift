public import Feeds
import Foundation

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
