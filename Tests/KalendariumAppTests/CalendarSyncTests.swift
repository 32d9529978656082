import Feeds
import Foundation
import KalendariumApp
import KalendariumCore
import Logging
import NIOCore
import Store
import Synchronization
import Testing

@testable import Server

/// Two daemons' watchers, reloaders and syncs on one store: the sync logic, without PostgreSQL's NOTIFY
/// (the black-box cluster tests cover that with two real daemons).
struct TwoNodes {
    let store: SQLiteStore
    let a: Node
    let b: Node

    struct Node {
        let directory: String
        let state = CalendarState()
        let watcher: CalendarWatcher
        let sync: CalendarSync

        init(root: String, name: String, store: any Store, now: @escaping @Sendable () -> UTCInstant) throws {
            directory = "\(root)/\(name)/calendars"
            try FileManager.default.createDirectory(atPath: "\(root)/\(name)", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: AppFixture.shipped, toPath: directory)
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let stateDirectory = "\(root)/\(name)/state"
            let export = FeedExport(
                settings: .init(pageURL: "https://kalendarium.example.org/"), stateDirectory: stateDirectory)
            sync = CalendarSync(
                store: store, node: name, stateDirectory: stateDirectory, export: export, state: state,
                logger: logger, interval: .seconds(60))
            let reloader = CalendarReloader(
                directory: directory, export: export, state: state, metrics: ServerMetrics(), logger: logger,
                interval: .seconds(60), now: now, sync: sync)
            watcher = CalendarWatcher(
                reloader: reloader, directory: directory, notifier: SystemdNotifier(environment: [:]),
                interval: .seconds(60), now: now)
        }

        var generation: Int64? { state.published?.generation }
        var allFeed: String? { state.published?.feeds["all.ics"].map { String(buffer: $0.body) } }

        /// Rewrites a file with a modification time `secondsAgo` in the past (or now).
        func edit(_ name: String, secondsAgo: Double = 0, _ change: (String) -> String) throws {
            let path = "\(directory)/\(name)"
            try Data(change(try String(contentsOfFile: path, encoding: .utf8)).utf8).write(
                to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(-secondsAgo)], ofItemAtPath: path)
        }
    }

    init(now: @escaping @Sendable () -> UTCInstant = { AppFixture.now }) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID().uuidString)").path
        store = try SQLiteStore(directory: "\(root)/db")
        a = try Node(root: root, name: "a", store: store, now: now)
        b = try Node(root: root, name: "b", store: store, now: now)
    }
}

@Suite struct CalendarSyncTests {
    @Test func theSecondNodeServesTheFirstNodesGenerationByteForByte() async throws {
        let nodes = try TwoNodes()
        #expect(await nodes.a.watcher.reload(reason: .start))
        #expect(await nodes.b.watcher.reload(reason: .start))
        #expect(nodes.a.generation == 1 && nodes.b.generation == 1)
        #expect(nodes.a.allFeed == nodes.b.allFeed)
        #expect(try await nodes.store.latestCalendar()?.origin == "a")
    }

    @Test func anEditOnOneNodeReachesTheOtherWithTheSameRevisions() async throws {
        let nodes = try TwoNodes()
        await nodes.a.watcher.reload(reason: .start)
        await nodes.b.watcher.reload(reason: .start)
        try nodes.a.edit("2021.yaml") { $0.replacing("    date: 2021-11-19\n", with: "    date: 2021-11-26\n") }
        await nodes.a.watcher.pollOnce()
        #expect(nodes.a.generation == 2)
        await nodes.b.sync.follow()
        #expect(nodes.b.generation == 2)
        let feed = try #require(nodes.b.allFeed)
        #expect(feed.contains("20211126T083000"))
        #expect(feed == nodes.a.allFeed)
        #expect(nodes.b.state.published?.revisions == nodes.a.state.published?.revisions)
        // b's own files are older than a's edit: reloading them keeps generation 2.
        #expect(await nodes.b.watcher.reload(reason: .signal))
        #expect(nodes.b.generation == 2 && nodes.b.allFeed == feed)
    }

    @Test func theNewestEditWinsAndABrokenOneIsNotPublished() async throws {
        let nodes = try TwoNodes()
        await nodes.a.watcher.reload(reason: .start)
        await nodes.b.watcher.reload(reason: .start)
        try nodes.b.edit("2021.yaml") { $0 + "\n# b was here\n" }
        #expect(await nodes.b.watcher.reload(reason: .signal))
        #expect(nodes.b.generation == 2)
        try nodes.a.edit("2021.yaml") { "meetings:\n  - body: ledningsgrupp\n    date: 2021-01-22\n" + $0 }
        #expect(await nodes.a.watcher.reload(reason: .signal) == false)
        #expect(try await nodes.store.calendarGeneration() == 2)
        await nodes.a.sync.follow()
        #expect(nodes.a.generation == 2 && nodes.a.allFeed == nodes.b.allFeed)
        #expect(nodes.a.state.published?.directory?.hasSuffix("cluster-calendars") == true)
    }

    @Test func whenTheYearTurnsTheNewestFilesAreBuiltAgainOnce() async throws {
        let clock = Clock(AppFixture.now)
        let nodes = try TwoNodes(now: { clock.now })
        await nodes.a.watcher.reload(reason: .start)
        await nodes.b.watcher.reload(reason: .start)
        try nodes.a.edit("2021.yaml") { $0 + "\n# an edit on a\n" }
        await nodes.a.watcher.pollOnce()
        await nodes.b.sync.follow()
        #expect(nodes.b.generation == 2)
        clock.now = UTCInstant(rfc3339: "2022-01-01T09:00:00Z")!
        // b notices first: it rebuilds a's files (not its own, older ones) as of the new year.
        await nodes.b.watcher.pollOnce()
        #expect(nodes.b.generation == 3 && nodes.b.state.published?.builtAt == clock.now)
        #expect(try await nodes.store.latestCalendar()?.files["2021.yaml"]?.contains("# an edit on a") == true)
        // a's own poll then finds the year already rebuilt and follows.
        await nodes.a.watcher.pollOnce()
        #expect(nodes.a.generation == 3 && nodes.a.allFeed == nodes.b.allFeed)
    }
}

/// A clock a test moves by hand.
final class Clock: Sendable {
    private let value: Mutex<UTCInstant>
    init(_ start: UTCInstant) { value = Mutex(start) }
    var now: UTCInstant {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
