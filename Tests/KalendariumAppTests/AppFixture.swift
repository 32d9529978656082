import Feeds
import Foundation
import KalendariumApp
import KalendariumCore
import Logging
import Server

/// The shipped calendars, and a fixed "now" with coming meetings in them.
enum AppFixture {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("calendars").path
    /// 1 January 2021.
    static let now = UTCInstant(rfc3339: "2021-01-01T09:00:00Z")!

    /// A private copy of the shipped calendars, with the watcher and reloader over it.
    struct Watched {
        let directory: String
        let state = CalendarState()
        let metrics = ServerMetrics()
        let watcher: CalendarWatcher

        init() async throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)").path
            directory = root + "/calendars"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: AppFixture.shipped, toPath: directory)
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let export = FeedExport(
                settings: .init(pageURL: "https://kalendarium.example.org/"), stateDirectory: root + "/state")
            let reloader = CalendarReloader(
                directory: directory, export: export, state: state, metrics: metrics, logger: logger,
                interval: .seconds(60), now: { AppFixture.now })
            watcher = CalendarWatcher(
                reloader: reloader, directory: directory, notifier: SystemdNotifier(environment: [:]),
                interval: .seconds(60), now: { AppFixture.now })
            await watcher.reload(reason: .start)
        }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
        }

        func append(_ text: String, to name: String) throws {
            let path = "\(directory)/\(name)"
            try Data((try String(contentsOfFile: path, encoding: .utf8) + text).utf8).write(
                to: URL(fileURLWithPath: path))
        }
    }
}
