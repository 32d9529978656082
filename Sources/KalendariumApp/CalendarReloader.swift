import CalendarFiles
import Feeds
import Foundation
public import KalendariumCore
public import Logging
import NIOPosix
public import Server
public import ServiceLifecycle
import Store
import UnixSignals

/// Loads `calendars/`, builds the feeds and publishes them; again on SIGHUP, when a
/// file changes, and when the year turns (the host horizon moves). A broken edit never
/// takes the service down or empties a feed: the last good data stays published, and
/// the located errors go to the log, `/healthz` and the page until the files are fixed.
///
/// With a `CalendarSync` (several daemons on PostgreSQL), a reload publishes the data
/// to the database and the daemon follows what others publish (see `CalendarSync`).
public actor CalendarReloader: Service {
    let directory: String
    let export: FeedExport
    let state: CalendarState
    let metrics: ServerMetrics
    let logger: Logger
    let notifier: SystemdNotifier
    let interval: Duration
    let now: @Sendable () -> UTCInstant
    let sync: CalendarSync?
    private var fingerprint: String?
    private var builtYear: Int?
    /// The database generation being served (with a sync).
    private var generation: Int64 = 0
    /// The hash of this daemon's own files when it last read them (with a sync), to
    /// tell an edit made here from files that are merely older than the database's.
    private var localHash: String?
    /// Reloads that failed in a row for a reason other than the files (a full disk, a
    /// database that did not answer); the poll tries again after a growing pause.
    private var failures = 0
    private var retryAt: ContinuousClock.Instant?
    /// Revisions of feeds already served but not yet saved (the disk was full): the
    /// base of the next build, so a second edit meanwhile still raises SEQUENCE.
    private var unsavedRevisions: EventRevisions?

    public init(
        directory: String, export: FeedExport, state: CalendarState, metrics: ServerMetrics, logger: Logger,
        notifier: SystemdNotifier, interval: Duration, now: @escaping @Sendable () -> UTCInstant,
        sync: CalendarSync? = nil
    ) {
        self.sync = sync
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
    ///
    /// One reload at a time: a reload waits while it reads and builds off the event
    /// loops, and the actor would otherwise start another (SIGHUP and the file watcher
    /// together) from the same revisions, or publish an older build over a newer one.
    @discardableResult
    public func reload(reason: ReloadReason) async -> Bool {
        let before = running
        let next = Task {
            _ = await before?.value
            return await self.reloadNow(reason: reason)
        }
        running = next
        return await next.value
    }

    /// The reload in progress or last done, which the next one waits for.
    private var running: Task<Bool, Never>?

    private func reloadNow(reason: ReloadReason) async -> Bool {
        let started = ContinuousClock.now
        fingerprint = CalendarReloader.fingerprint(of: directory)
        let load = await Self.load(directory)
        guard load.isUsable else {
            for error in load.errors {
                logger.error("\(error.description)", metadata: ["reason": "\(reason.rawValue)"])
            }
            logger.error(
                "reload failed; still serving the last good data", metadata: ["errors": "\(load.errors.count)"])
            state.reportDataProblem(load.errors.map(\.description))
            metrics.reloadFailed()
            retryAt = nil  // only an edit can fix the files
            return false
        }
        let instant = now()
        var published = false
        do throws(AppError) {
            if let sync {
                try await share(load, sync: sync, instant: instant, reason: reason)
            } else {
                let previous: EventRevisions
                if let unsavedRevisions {
                    previous = unsavedRevisions
                } else {
                    previous = try export.revisionFile.load()
                }
                let built = try await build(load.data, revisions: previous, at: instant)
                publish(built, load: load, directory: directory, builtAt: instant, generation: nil)
                published = true
                // Served first, saved second: a full disk must not keep new data from
                // the feeds. Until it is saved, the next build starts from it.
                if built.set.revisions != previous || unsavedRevisions != nil {
                    unsavedRevisions = built.set.revisions
                    try export.revisionFile.save(built.set.revisions)
                    unsavedRevisions = nil
                }
            }
        } catch {
            failures += 1
            let pause = min(interval * (1 << min(failures - 1, 10)), .seconds(60))
            retryAt = .now + pause
            logger.error(
                "\(error.description); \(published ? "serving the new feeds unsaved" : "still serving the last good data")",
                metadata: ["retry_in_seconds": "\(pause.components.seconds)"])
            state.reportDataProblem([error.description])
            metrics.reloadFailed()
            return false
        }
        failures = 0
        retryAt = nil
        builtYear = StockholmTime.local(instant).date.year
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        metrics.feedBuilt(seconds: seconds)
        logger.info(
            "published the calendar",
            metadata: [
                "reason": "\(reason.rawValue)", "meetings": "\(load.data.meetings.count)",
                "warnings": "\(load.warnings.count)",
                "milliseconds": "\(Int(seconds * 1000))",
            ])
        return true
    }

    /// Feeds built and compressed, ready to be swapped in.
    struct Built: Sendable {
        let set: FeedSet
        let feeds: [PublishedFeed]
    }

    /// Swaps the built feeds in.
    private func publish(_ built: Built, load: CalendarLoad, directory: String, builtAt: UTCInstant, generation: Int64?)
    {
        state.publish(
            PublishedCalendar(
                feeds: built.feeds, data: load.data, warnings: load.warnings, builtAt: builtAt,
                pageURL: export.settings.pageURL, revisions: built.set.revisions, directory: directory,
                generation: generation))
        if let generation { self.generation = generation }
    }

    /// Builds and compresses the feeds on NIO's blocking pool: with Swift concurrency on
    /// the event loops (`serve`), work that takes a while must never run on one, or
    /// requests on that loop wait for it.
    private func build(
        _ data: CalendarData, revisions: EventRevisions, at instant: UTCInstant
    ) async throws(AppError) -> Built {
        let settings = export.settings
        let result: Result<Built, AppError> = await Self.offLoop {
            let set: FeedSet
            do { set = try FeedSet.build(data: data, settings: settings, revisions: revisions, now: instant) } catch {
                return .failure(AppError("building the feeds failed in libical: \(error)"))
            }
            do { return .success(Built(set: set, feeds: try set.feeds.map(PublishedFeed.init))) } catch {
                return .failure(AppError("compressing the feeds failed: \(error)"))
            }
        }
        return try result.get()
    }

    /// Reads a calendars directory on the blocking pool (see `build`).
    static func load(_ directory: String) async -> CalendarLoad {
        await offLoop { CalendarDirectory.load(directory) }
    }

    static func offLoop<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        do { return try await NIOThreadPool.singleton.runIfActive(work) } catch { return work() }
    }

    /// Publishes this daemon's files to the database when they are the newest edit (or the
    /// year turned), else follows the newest generation there. Bounded retries when
    /// another daemon publishes at the same moment.
    private func share(
        _ load: CalendarLoad, sync: CalendarSync, instant: UTCInstant, reason: ReloadReason
    ) async throws(AppError) {
        let (files, editedAt) = try CalendarSync.files(in: directory)
        let hash = CalendarSync.hash(files)
        // Edited here since the last read: it wins a tie on modification time (two
        // edits within one second), where files that were never edited here do not.
        let editedHere = localHash.map { $0 != hash } ?? false
        localHash = hash
        for _ in 0..<5 {
            let latest: CalendarSnapshot?
            do { latest = try await sync.store.latestCalendar() } catch {
                throw AppError("cannot read the shared calendar from the database: \(error)")
            }
            let staleYear =
                latest.map { StockholmTime.local($0.builtAt).date.year != StockholmTime.local(instant).date.year }
                ?? false
            let ours =
                latest.map { latest in
                    latest.contentHash != hash
                        && (editedAt > latest.editedAt || (editedHere && editedAt == latest.editedAt))
                } ?? true
            // What to publish: this daemon's files, or, when only the year turned, the
            // newest generation's files built again as of now (the host horizon moves).
            var source = (files: files, hash: hash, editedAt: editedAt, load: load, directory: directory)
            if let latest, !ours {
                guard reason == .newYear && staleYear else {
                    if latest.contentHash != hash {
                        logger.notice(
                            """
                            calendars/ here is older than generation \(latest.generation) from \(latest.origin); \
                            serving that
                            """, metadata: ["reason": "\(reason.rawValue)"])
                    }
                    try await adopt(latest, sync: sync)
                    return
                }
                let folder = try sync.writeMirror(latest)
                let newest = await Self.load(folder)
                guard newest.isUsable else {
                    throw AppError("calendar generation \(latest.generation) cannot be read here to rebuild it")
                }
                source = (latest.files, latest.contentHash, latest.editedAt, newest, folder)
            }
            // The first generation continues the revisions this daemon kept in its state directory.
            let revisions: EventRevisions
            if let latest {
                revisions = try CalendarSync.decode(latest.revisions)
            } else {
                revisions = try export.revisionFile.load()
            }
            let built = try await build(source.load.data, revisions: revisions, at: instant)
            let snapshot = CalendarSnapshot(
                files: source.files, contentHash: source.hash, editedAt: source.editedAt, builtAt: instant,
                revisions: try CalendarSync.encode(built.set.revisions), origin: sync.node)
            let published: Int64?
            do { published = try await sync.store.publishCalendar(snapshot, after: latest?.generation ?? 0) } catch {
                throw AppError("cannot publish the calendar to the database: \(error)")
            }
            if let published {
                publish(
                    built, load: source.load, directory: source.directory, builtAt: instant, generation: published)
                try? export.revisionFile.save(built.set.revisions)  // a local copy, for export and backups
                logger.info("published calendar generation \(published) to the database")
                return
            }
        }
        throw AppError("other daemons kept publishing calendars at the same time; will try again")
    }

    /// Serves `snapshot` from the database (unless it is already served).
    private func adopt(_ snapshot: CalendarSnapshot, sync: CalendarSync) async throws(AppError) {
        guard snapshot.generation != generation else { return }
        let folder = try sync.writeMirror(snapshot)
        let load = await Self.load(folder)
        guard load.isUsable else {
            throw AppError(
                "calendar generation \(snapshot.generation) from \(snapshot.origin) cannot be read here: "
                    + load.errors.map(\.description).joined(separator: "; "))
        }
        let built = try await build(
            load.data, revisions: try CalendarSync.decode(snapshot.revisions), at: snapshot.builtAt)
        publish(built, load: load, directory: folder, builtAt: snapshot.builtAt, generation: snapshot.generation)
        try? export.revisionFile.save(built.set.revisions)  // so `kalendarium export` here numbers as the feeds do
        logger.info(
            "serving calendar generation \(snapshot.generation) from \(snapshot.origin)",
            metadata: ["meetings": "\(load.data.meetings.count)"])
    }

    /// Follows a newer generation in the database, if there is one.
    public func follow() async {
        guard let sync else { return }
        do {
            guard try await sync.store.calendarGeneration() > generation,
                let latest = try await sync.store.latestCalendar()
            else { return }
            try await adopt(latest, sync: sync)
        } catch let error as AppError {
            logger.error("\(error.description)")
            state.reportDataProblem([error.description])
        } catch {
            logger.warning("cannot look for a newer calendar in the database: \(error)")
        }
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in signals.cancelOnGracefulShutdown() {
                    self.notifier.reloading()
                    let ok = await self.reload(reason: .signal)
                    self.notifier.ready(
                        status: ok ? "serving" : "degraded: the reload failed (see /healthz)")
                }
            }
            group.addTask {
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
                    await self.pollOnce()
                    // The poll catches a generation whose NOTIFY was missed (a dropped connection).
                    await self.follow()
                }
            }
            if let store = sync?.store {
                group.addTask {
                    // LISTEN: another daemon's new generation is served within moments.
                    while !Task.isCancelled && !Task.isShuttingDownGracefully {
                        do {
                            try await cancelWhenGracefulShutdown {
                                try await store.listenForCalendars { _ in await self.follow() }
                            }
                        } catch {
                            if Task.isCancelled || Task.isShuttingDownGracefully { break }
                            self.logger.warning("listening for calendar changes failed; polling meanwhile: \(error)")
                        }
                        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(5)) }
                    }
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// One look at the files and the year; reloads when either changed.
    public func pollOnce() async {
        let current = CalendarReloader.fingerprint(of: directory)
        let year = StockholmTime.local(now()).date.year
        if current != fingerprint {
            await reload(reason: .filesChanged)
        } else if let retryAt, ContinuousClock.now >= retryAt {
            await reload(reason: .retry)
        } else if let builtYear, builtYear != year {
            await reload(reason: .newYear)
        }
    }

    /// Names, sizes and modification times of every file the data is read from.
    static func fingerprint(of directory: String) -> String {
        CalendarSourceFile.list(in: directory).map { "\($0.name):\($0.size):\($0.modified)" }
            .joined(separator: "\n")
    }
}
