import AsyncAlgorithms
import CalendarFiles
import Feeds
import KalendariumCore
public import Logging
public import Server
public import ServiceLifecycle
public import Store

/// How daemons on one database keep serving the same calendar. The daemon whose
/// `calendars/` changed publishes the files, with the revisions and instant its
/// feeds were built with, as a new generation in the database; the others rebuild
/// from that snapshot (the store announces it at once, a poll every `interval`
/// catches what a dropped connection missed), so every node serves the same bytes
/// and the same ETags.
///
/// An agenda changed (by any daemon or the CLI; every daemon notices it in the shared
/// store) is published the same way: the newest generation's files built again with
/// the agendas as the next generation, by whichever daemon gets there first; the
/// others find the revisions already there and serve that generation.
///
/// When two daemons' files differ, the newest edit wins (the files' modification
/// times): edit one node's `calendars/`, or deploy the same files to all of them.
public actor CalendarSync: Service {
    let store: any CoordinationStore & AgendaStore
    let node: String
    let files: CalendarSnapshotFiles
    let feeds: FeedPublisher
    let logger: Logger
    let interval: Duration
    /// Publishing and following one at a time, so an older generation is never
    /// swapped in over a newer one.
    private let oneAtATime = OneAtATime()
    /// The database generation being served.
    private var generation: Int64 = 0
    /// The hash of this daemon's own files when it last read them, to tell an edit
    /// made here from files that are merely older than the database's.
    private var localHash: String?

    public init(
        store: any CoordinationStore & AgendaStore, node: String, stateDirectory: String, export: FeedExport,
        state: CalendarState, logger: Logger, interval: Duration
    ) {
        self.store = store
        self.node = node
        self.files = CalendarSnapshotFiles(mirror: "\(stateDirectory)/cluster-calendars")
        self.feeds = FeedPublisher(export: export, state: state, agendas: store)
        self.logger = logger
        self.interval = interval
    }

    /// Follows the database until shutdown: at once when another daemon's generation is
    /// announced, and every `interval` in case an announcement was missed.
    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in AsyncTimerSequence(interval: self.interval, clock: .continuous)
                    .cancelOnGracefulShutdown()
                {
                    await self.follow()
                }
            }
            group.addTask { await self.listen() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Listens for announced generations, again after a pause when the connection drops.
    private nonisolated func listen() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown {
                    try await self.store.listenForCalendars { _ in await self.follow() }
                }
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { break }
                logger.warning("listening for calendar changes failed; polling meanwhile: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(5)) }
        }
    }

    /// Follows a newer generation in the database, if there is one.
    public func follow() async {
        await oneAtATime.run { await self.followNow() }
    }

    private func followNow() async {
        do {
            guard try await store.calendarGeneration() > generation, let latest = try await store.latestCalendar()
            else { return }
            try await adopt(latest)
        } catch let error as AppError {
            logger.error("\(error.description)")
            feeds.state.reportDataProblem([error.description])
        } catch {
            logger.warning("cannot look for a newer calendar in the database: \(error)")
        }
    }

    /// Publishes the files of `directory` (read as `load`) to the database when they are
    /// the newest edit (or the year turned), else follows the newest generation there;
    /// either way serves the result. Bounded retries when another daemon publishes at
    /// the same moment.
    func share(
        _ load: CalendarLoad, from directory: String, at instant: UTCInstant, reason: ReloadReason
    ) async throws(AppError) {
        let result: Result<Void, AppError> = await oneAtATime.run {
            do throws(AppError) {
                try await self.shareNow(load, from: directory, at: instant, reason: reason)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private func shareNow(
        _ load: CalendarLoad, from directory: String, at instant: UTCInstant, reason: ReloadReason
    ) async throws(AppError) {
        let (contents, editedAt) = try await CalendarSnapshotFiles.read(directory)
        let hash = CalendarSnapshotFiles.hash(contents)
        // Edited here since the last read: it wins a tie on modification time (two
        // edits within one second), where files that were never edited here do not.
        let editedHere = localHash.map { $0 != hash } ?? false
        localHash = hash
        for _ in 0..<5 {
            let latest: CalendarSnapshot?
            do { latest = try await store.latestCalendar() } catch {
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
            var source = (files: contents, hash: hash, editedAt: editedAt, load: load, directory: directory)
            if let latest, !ours {
                guard (reason == .newYear && staleYear) || reason == .agendasChanged else {
                    if latest.contentHash != hash {
                        logger.notice(
                            """
                            calendars/ here is older than generation \(latest.generation) from \(latest.origin); \
                            serving that
                            """, metadata: ["reason": "\(reason.rawValue)"])
                    }
                    try await adopt(latest)
                    return
                }
                let folder = try await files.writeMirror(latest)
                let newest = await feeds.load(folder)
                guard newest.isUsable else {
                    throw AppError("calendar generation \(latest.generation) cannot be read here to rebuild it")
                }
                source = (latest.files, latest.contentHash, latest.editedAt, newest, folder)
            }
            // The first generation continues the revisions this daemon kept in its state directory.
            let revisions: EventRevisions
            if let latest {
                revisions = try CalendarSnapshotFiles.decode(latest.revisions)
            } else {
                revisions = try await feeds.savedRevisions()
            }
            let built = try await feeds.build(source.load.data, revisions: revisions, at: instant)
            if reason == .agendasChanged, let latest, latest.contentHash == source.hash,
                built.set.revisions == revisions
            {
                // Another daemon published these agendas already: serve its generation as built here.
                await feeds.publish(
                    built, load: source.load, directory: source.directory, builtAt: latest.builtAt,
                    generation: latest.generation)
                generation = latest.generation
                return
            }
            let snapshot = CalendarSnapshot(
                files: source.files, contentHash: source.hash, editedAt: source.editedAt, builtAt: instant,
                revisions: try CalendarSnapshotFiles.encode(built.set.revisions), origin: node)
            let published: Int64?
            do { published = try await store.publishCalendar(snapshot, after: latest?.generation ?? 0) } catch {
                throw AppError("cannot publish the calendar to the database: \(error)")
            }
            if let published {
                await feeds.publish(
                    built, load: source.load, directory: source.directory, builtAt: instant, generation: published)
                generation = published
                try? await feeds.save(built.set.revisions)  // a local copy, for export and backups
                logger.info("published calendar generation \(published) to the database")
                return
            }
        }
        throw AppError("other daemons kept publishing calendars at the same time; will try again")
    }

    /// Serves `snapshot` from the database (unless it is already served).
    private func adopt(_ snapshot: CalendarSnapshot) async throws(AppError) {
        guard snapshot.generation != generation else { return }
        let folder = try await files.writeMirror(snapshot)
        let load = await feeds.load(folder)
        guard load.isUsable else {
            throw AppError(
                "calendar generation \(snapshot.generation) from \(snapshot.origin) cannot be read here: "
                    + load.errors.map(\.description).joined(separator: "; "))
        }
        let built = try await feeds.build(
            load.data, revisions: try CalendarSnapshotFiles.decode(snapshot.revisions), at: snapshot.builtAt)
        await feeds.publish(
            built, load: load, directory: folder, builtAt: snapshot.builtAt, generation: snapshot.generation)
        generation = snapshot.generation
        try? await feeds.save(built.set.revisions)  // so `kalendarium export` here numbers as the feeds do
        logger.info(
            "serving calendar generation \(snapshot.generation) from \(snapshot.origin)",
            metadata: ["meetings": "\(load.data.meetings.count)"])
    }
}
