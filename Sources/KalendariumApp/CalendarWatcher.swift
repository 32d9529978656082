import AsyncAlgorithms
import BlockingPool
public import KalendariumCore
import Logging
public import ServiceLifecycle
public import Store
import UnixSignals

/// Asks for a reload when the data may have changed: on SIGHUP (telling systemd it is
/// reloading, then ready), when a file in `calendars/` changed (checked every
/// `interval`: one `stat` per file, on the blocking pool), when a failed reload's pause
/// is over, when the year turns (the host horizon moves), and when an agenda changed in
/// the store (its ``AgendaStamp``, one cheap query per poll: the CLI or another daemon
/// may have published or changed one, and the feeds carry the published titles).
public actor CalendarWatcher: Service {
    let reloader: CalendarReloader
    let directory: String
    let notifier: SystemdNotifier
    let interval: Duration
    let now: @Sendable () -> UTCInstant
    /// Where the agendas are; nil: no agenda poll.
    let agendas: (any AgendaStore)?
    /// Names, sizes and modification times of the files when the last reload was asked for.
    private var fingerprint: String?
    /// The agendas' stamp when the last reload was asked for (nil: unknown, or no store).
    private var stamp: AgendaStamp?
    /// Whether the last look at the agendas failed: said once when it starts and once
    /// when it ends, not at every poll.
    private var stampFailing = false

    public init(
        reloader: CalendarReloader, directory: String, notifier: SystemdNotifier, interval: Duration,
        now: @escaping @Sendable () -> UTCInstant, agendas: (any AgendaStore)? = nil
    ) {
        self.agendas = agendas
        self.reloader = reloader
        self.directory = directory
        self.notifier = notifier
        self.interval = interval
        self.now = now
    }

    /// Reloads now (after any reload in progress); the files as they are now count as seen.
    /// Returns whether new data was published.
    @discardableResult
    public func reload(reason: ReloadReason) async -> Bool {
        fingerprint = await Self.fingerprint(of: directory)
        stamp = await currentStamp() ?? stamp
        return await reloader.reload(reason: reason)
    }

    /// The agendas' stamp now; nil without a store or when it does not answer (the next
    /// poll tries again).
    func currentStamp() async -> AgendaStamp? {
        guard let agendas else { return nil }
        do {
            let current = try await agendas.agendaStamp()
            if stampFailing {
                stampFailing = false
                reloader.logger.notice("the agendas can be read again; the feeds follow their changes")
            }
            return current
        } catch {
            if !stampFailing {
                stampFailing = true
                reloader.logger.warning(
                    "cannot read the agendas to see if one changed: \(error); the feeds keep the last published agendas until it works again"
                )
            }
            return nil
        }
    }

    /// One look at the files, a pending retry and the year; reloads when one says so.
    public func pollOnce() async {
        let current = await Self.fingerprint(of: directory)
        let agendaStamp = await currentStamp()
        if current != fingerprint {
            fingerprint = current
            stamp = agendaStamp ?? stamp
            await reloader.reload(reason: .filesChanged)
        } else if let agendaStamp, agendaStamp != stamp {
            stamp = agendaStamp
            await reloader.reload(reason: .agendasChanged)
        } else if let reason = await reloader.pendingReason(year: StockholmTime.local(now()).date.year) {
            await reload(reason: reason)
        }
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in signals.cancelOnGracefulShutdown() {
                    self.notifier.reloading()
                    let ok = await self.reload(reason: .signal)
                    self.notifier.ready(status: ok ? "serving" : "degraded: the reload failed (see /healthz)")
                }
            }
            group.addTask {
                for await _ in AsyncTimerSequence(interval: self.interval, clock: .continuous)
                    .cancelOnGracefulShutdown()
                {
                    await self.pollOnce()
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Names, sizes and modification times of every file the data is read from.
    static func fingerprint(of directory: String) async -> String {
        await BlockingPool.run {
            CalendarSourceFile.list(in: directory).map { "\($0.name):\($0.size):\($0.modified)" }
                .joined(separator: "\n")
        }
    }
}
