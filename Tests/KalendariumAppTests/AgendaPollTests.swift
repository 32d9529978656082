import Feeds
import Foundation
import Logging
import Server
import Store
import Synchronization
import Testing

@testable import KalendariumApp

/// The watcher's look at the agendas: a store that cannot be read is said once, not at
/// every poll, and the feeds keep what they had.
@Suite struct AgendaPollTests {
    /// Collects what is logged, so a test can read it.
    struct Capture: LogHandler {
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { lines.lines.withLock { $0.append("\(event.level): \(event.message)") } }
    }

    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    @Test func anUnreadableAgendaStoreIsSaidOnce() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("poll-\(UUID().uuidString)").path
        let directory = root + "/calendars"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: AppFixture.shipped, toPath: directory)
        // A state "directory" that is a file: the database can never be opened.
        let blocked = root + "/blocked"
        #expect(FileManager.default.createFile(atPath: blocked, contents: Data("x".utf8)))
        let captured = Lines()
        let logger = Logger(label: "test") { _ in Capture(lines: captured) }
        let state = CalendarState()
        let reloader = CalendarReloader(
            directory: directory,
            export: FeedExport(
                settings: .init(pageURL: "https://kalendarium.example.org/"), stateDirectory: root + "/state"),
            state: state, metrics: ServerMetrics(), logger: logger, interval: .seconds(60), now: { AppFixture.now })
        let watcher = CalendarWatcher(
            reloader: reloader, directory: directory, notifier: SystemdNotifier(environment: [:]),
            interval: .seconds(60),
            now: { AppFixture.now }, agendas: DeferredSQLiteStore(directory: blocked + "/state"))
        await watcher.reload(reason: .start)
        for _ in 0..<3 { await watcher.pollOnce() }
        let said = captured.lines.withLock { $0 }.filter { $0.contains("cannot read the agendas") }
        #expect(said.count == 1, "\(said)")
        #expect(said.first?.hasPrefix("warning:") == true)
        #expect(state.published != nil, "the feeds are still served")
    }
}
