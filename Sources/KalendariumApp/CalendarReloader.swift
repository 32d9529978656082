import CalendarFiles
import Feeds
public import KalendariumCore
public import Logging
public import Server
public import Store

/// Turns `calendars/` into the feeds the server answers with, one reload at a time.
/// A broken edit never takes the service down or empties a feed: the last good data
/// stays published, and the located errors go to the log, `/healthz` and the page
/// until the files are fixed. A reload that fails for another reason (a full disk, a
/// database that did not answer) is tried again after a growing pause.
///
/// What asks for a reload is `CalendarWatcher`'s job; with several daemons on one
/// database, `CalendarSync` decides what is published (see there).
public actor CalendarReloader {
    let directory: String
    let feeds: FeedPublisher
    let metrics: ServerMetrics
    let logger: Logger
    /// The first pause after a failed reload (the watcher's poll interval); it doubles
    /// with each failure in a row, up to a minute.
    let interval: Duration
    let now: @Sendable () -> UTCInstant
    let sync: CalendarSync?
    private let oneAtATime = OneAtATime()
    /// The Stockholm year of the last successful reload's build.
    private var builtYear: Int?
    /// Reloads that failed in a row for a reason other than the files.
    private var failures = 0
    private var retryAt: ContinuousClock.Instant?
    /// Revisions of feeds already served but not yet saved (the disk was full): the
    /// base of the next build, so a second edit meanwhile still raises SEQUENCE.
    private var unsavedRevisions: EventRevisions?

    public init(
        directory: String, export: FeedExport, state: CalendarState, metrics: ServerMetrics, logger: Logger,
        interval: Duration, now: @escaping @Sendable () -> UTCInstant, sync: CalendarSync? = nil,
        agendas: (any AgendaStore)? = nil
    ) {
        self.directory = directory
        self.feeds = FeedPublisher(export: export, state: state, agendas: agendas)
        self.metrics = metrics
        self.logger = logger
        self.interval = interval
        self.now = now
        self.sync = sync
    }

    /// Reloads now, after any reload in progress. Returns whether new data was published.
    @discardableResult
    public func reload(reason: ReloadReason) async -> Bool {
        await oneAtATime.run { await self.reloadNow(reason: reason) }
    }

    /// Why to reload although no file changed: a failed reload whose pause is over, or
    /// a year turned since the last build (the host horizon moves). Nil when neither.
    func pendingReason(year: Int) -> ReloadReason? {
        if let retryAt, ContinuousClock.now >= retryAt { return .retry }
        if let builtYear, builtYear != year { return .newYear }
        return nil
    }

    private func reloadNow(reason: ReloadReason) async -> Bool {
        let started = ContinuousClock.now
        let load = await feeds.load(directory)
        let loaded = ContinuousClock.now
        guard load.isUsable else {
            for error in load.errors {
                logger.error("\(error.description)", metadata: ["reason": "\(reason.rawValue)"])
            }
            logger.error(
                "reload failed; still serving the last good data", metadata: ["errors": "\(load.errors.count)"])
            feeds.state.reportDataProblem(load.errors.map(\.description))
            metrics.reloadFailed()
            retryAt = nil  // only an edit can fix the files
            return false
        }
        let instant = now()
        var published = false
        do throws(AppError) {
            if let sync {
                try await sync.share(load, from: directory, at: instant, reason: reason)
            } else {
                let previous: EventRevisions
                if let unsavedRevisions {
                    previous = unsavedRevisions
                } else {
                    previous = try await feeds.savedRevisions()
                }
                let built = try await feeds.build(load.data, revisions: previous, at: instant)
                await feeds.publish(built, load: load, directory: directory, builtAt: instant, generation: nil)
                published = true
                // Served first, saved second: a full disk must not keep new data from
                // the feeds. Until it is saved, the next build starts from it.
                if built.set.revisions != previous || unsavedRevisions != nil {
                    unsavedRevisions = built.set.revisions
                    try await feeds.save(built.set.revisions)
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
            feeds.state.reportDataProblem([error.description])
            metrics.reloadFailed()
            return false
        }
        failures = 0
        retryAt = nil
        builtYear = StockholmTime.local(instant).date.year
        let finished = ContinuousClock.now
        let seconds = Self.seconds(finished - started)
        metrics.feedBuilt(seconds: seconds)
        logger.info(
            "published the calendar",
            metadata: [
                "reason": "\(reason.rawValue)", "meetings": "\(load.data.meetings.count)",
                "warnings": "\(load.warnings.count)",
                "milliseconds": "\(Int(seconds * 1000))",
                // Where a slow reload spends its time: reading and checking the files, or
                // building, compressing and publishing the feeds.
                "load_milliseconds": "\(Int(Self.seconds(loaded - started) * 1000))",
            ])
        return true
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.attoseconds) / 1e18 + Double(duration.components.seconds)
    }
}
