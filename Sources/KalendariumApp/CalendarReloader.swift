import CalendarFiles
import Feeds
import Foundation
public import KalendariumCore
public import Logging
public import Server
public import ServiceLifecycle
import UnixSignals

/// Loads `calendars/`, builds the feeds and publishes them; again on SIGHUP, when a
/// file changes, and when the year turns (the host horizon moves). A broken edit never
/// takes the service down or empties a feed: the last good data stays published, and
/// the located errors go to the log, `/healthz` and the page until the files are fixed.
public actor CalendarReloader: Service {
    let directory: String
    let export: FeedExport
    let state: CalendarState
    let metrics: ServerMetrics
    let logger: Logger
    let notifier: SystemdNotifier
    let interval: Duration
    let now: @Sendable () -> UTCInstant
    private var fingerprint: String?
    private var builtYear: Int?

    public init(
        directory: String, export: FeedExport, state: CalendarState, metrics: ServerMetrics, logger: Logger,
        notifier: SystemdNotifier, interval: Duration, now: @escaping @Sendable () -> UTCInstant
    ) {
        self.directory = directory
        self.export = export
        self.state = state
        self.metrics = metrics
        self.logger = logger
        self.notifier = notifier
        self.interval = interval
        self.now = now
    }

    /// Reloads now. Returns whether new data was published.
    @discardableResult
    public func reload(reason: String) -> Bool {
        let started = ContinuousClock.now
        fingerprint = CalendarReloader.fingerprint(of: directory)
        let load = CalendarDirectory.load(directory)
        guard load.isUsable else {
            for error in load.errors { logger.error("\(error.description)", metadata: ["reason": "\(reason)"]) }
            logger.error(
                "reload failed; still serving the last good data", metadata: ["errors": "\(load.errors.count)"])
            state.reportDataProblem(load.errors.map(\.description))
            metrics.reloadFailed()
            return false
        }
        let instant = now()
        do {
            let set = try export.build(load.data, now: instant)
            let feeds = try set.feeds.map(PublishedFeed.init)
            state.publish(
                PublishedCalendar(
                    feeds: feeds, data: load.data, warnings: load.warnings, builtAt: instant,
                    pageURL: export.settings.pageURL, revisions: set.revisions))
        } catch {
            logger.error("building the feeds failed; still serving the last good data: \(error)")
            state.reportDataProblem(["building the feeds failed: \(error)"])
            metrics.reloadFailed()
            return false
        }
        builtYear = StockholmTime.local(instant).date.year
        let seconds =
            Double((ContinuousClock.now - started).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - started).components.seconds)
        metrics.feedBuilt(seconds: seconds)
        logger.info(
            "published the calendar",
            metadata: [
                "reason": "\(reason)", "meetings": "\(load.data.meetings.count)", "warnings": "\(load.warnings.count)",
                "milliseconds": "\(Int(seconds * 1000))",
            ])
        return true
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in signals.cancelOnGracefulShutdown() {
                    self.notifier.reloading()
                    let ok = await self.reload(reason: "SIGHUP")
                    self.notifier.ready(
                        status: ok ? "serving" : "degraded: calendars/ has errors, serving the last good data")
                }
            }
            group.addTask {
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
                    await self.pollOnce()
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// One look at the files and the year; reloads when either changed.
    public func pollOnce() {
        let current = CalendarReloader.fingerprint(of: directory)
        let year = StockholmTime.local(now()).date.year
        if current != fingerprint {
            reload(reason: "files changed")
        } else if let builtYear, builtYear != year {
            reload(reason: "new year")
        }
    }

    /// Names, sizes and modification times of every file the data is read from.
    static func fingerprint(of directory: String) -> String {
        let fm = FileManager.default
        var entries: [String] = []
        for sub in ["", "external"] {
            let folder = sub.isEmpty ? directory : "\(directory)/\(sub)"
            for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            where name.hasSuffix(".yaml") || name.hasSuffix(".ics") {
                let attributes = try? fm.attributesOfItem(atPath: "\(folder)/\(name)")
                let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                entries.append("\(sub)/\(name):\(size):\(modified)")
            }
        }
        return entries.joined(separator: "\n")
    }
}

/// Tells systemd about shutdown, and pings its watchdog while the service runs.
public struct SystemdService: Service {
    let notifier: SystemdNotifier

    public init(notifier: SystemdNotifier) { self.notifier = notifier }

    public func run() async throws {
        if let interval = notifier.watchdogInterval {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                notifier.watchdog()
                try? await Task.sleep(for: interval / 2)
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.stopping()
    }
}
