import AsyncAlgorithms
import BlockingPool
import CalendarFiles
import Feeds
public import KalendariumCore
public import Logging
import Mail
public import Reminders
public import Server
public import ServiceLifecycle
public import Store

/// Runs the reminder pass inside `serve`: every `interval` it decides what is due
/// (at 08:00 on working days; passes at other times decide nothing) and sends what
/// the outbox holds. Failures show on `/healthz` and in the log until they clear.
///
/// Among daemons sharing a database, one sends: the holder of the `reminder-sender`
/// lease, renewed every third of `lease`. When it dies, its lease runs out and
/// another daemon takes it within `lease` plus a third. The sender looks at the
/// outbox every tick (a third of the lease, or `interval` if shorter), so messages
/// that a dead sender or a killed `remind` had claimed go out within `claimSeconds`
/// (their claims' heartbeat stopped) plus one tick.
public struct ReminderService: Service {
    let run: ReminderRun
    /// Where the sender's lease is kept (the same database as the outbox).
    let leases: any CoordinationStore
    let state: CalendarState
    let recipientsFile: String
    let interval: Duration
    let logger: Logger
    let now: @Sendable () -> UTCInstant
    let node: String
    let leaseSeconds: Int
    let claimSeconds: Int
    let metrics: ServerMetrics?
    /// Whether to report the role on /healthz (daemons sharing a database).
    let shared: Bool

    static let leaseName = "reminder-sender"

    public init(
        run: ReminderRun, leases: any CoordinationStore, state: CalendarState, recipientsFile: String,
        interval: Duration, logger: Logger,
        now: @escaping @Sendable () -> UTCInstant, node: String, leaseSeconds: Int,
        claimSeconds: Int = ReminderRun.defaultClaimSeconds, metrics: ServerMetrics? = nil, shared: Bool
    ) {
        self.claimSeconds = claimSeconds
        self.metrics = metrics
        self.run = run
        self.leases = leases
        self.state = state
        self.recipientsFile = recipientsFile
        self.interval = interval
        self.logger = logger
        self.now = now
        self.node = node
        self.leaseSeconds = leaseSeconds
        self.shared = shared
    }

    public func run() async throws {
        let tick = min(interval, .seconds(leaseSeconds) / 3)
        var sender = false
        var lastPass: ContinuousClock.Instant?
        func step() async {
            let holds = await holdLease()
            if holds != sender {
                logger.notice(holds ? "this daemon now sends the reminders" : "another daemon sends the reminders now")
                sender = holds
            }
            if shared { state.setNode(NodeRole(name: node, sendsReminders: holds)) }
            if holds, lastPass.map({ ContinuousClock.now - $0 >= interval }) ?? true {
                lastPass = .now
                await passOnce()
            } else if holds {
                // Between passes, what is due: retries, and claims a dead sender left.
                await sendDue()
            }
        }
        if !Task.isShuttingDownGracefully { await step() }
        for await _ in AsyncTimerSequence(interval: tick, clock: .continuous).cancelOnGracefulShutdown() {
            await step()
        }
        // A clean stop hands the sending over at once rather than after the lease.
        if sender { try? await leases.releaseLease(Self.leaseName, holder: node) }
    }

    /// Takes or renews the sender's lease; false (and logged) when the database cannot say.
    func holdLease() async -> Bool {
        let instant = now()
        do {
            let holds = try await leases.acquireLease(
                Self.leaseName, holder: node, now: instant, until: instant.adding(seconds: leaseSeconds))
            state.setProblems([], kind: .lease)
            return holds
        } catch {
            logger.error("cannot take the reminder sender's lease: \(error)")
            state.setProblems(["cannot take the reminder sender's lease: \(error)"], kind: .lease)
            return false
        }
    }

    /// One pass; never throws, so a mail outage cannot stop the daemon.
    public func passOnce() async {
        guard let published = state.published else { return }
        let file = published.directory.map { "\($0)/recipients.yaml" } ?? recipientsFile
        let people = await BlockingPool.run { PeopleAndItemsFiles.recipients(file) }
        if !people.errors.isEmpty {
            for error in people.errors { logger.error("\(error.description)") }
            state.setProblems(people.errors.map(\.description), kind: .recipients)
            return
        }
        state.setProblems([], kind: .recipients)
        let instant = now()
        do {
            var report = try await run.plan(
                now: instant, data: published.data, recipients: people.recipients,
                revisions: published.revisions, dryRun: false)
            for key in report.queued { logger.info("reminder queued", metadata: ["key": "\(key)"]) }
            try await dispatch(now: instant, into: &report)
        } catch {
            logger.error("reminder pass failed: \(error)")
            state.setProblems(["reminder pass failed: \(error)"], kind: .reminders)
            return
        }
        state.setProblems([], kind: .reminders)
    }

    /// Sends what the outbox holds that is due, without deciding anything new.
    func sendDue() async {
        var report = ReminderRun.Report()
        do {
            try await dispatch(now: now(), into: &report)
        } catch {
            logger.error("sending reminders failed: \(error)")
            state.setProblems(["sending reminders failed: \(error)"], kind: .reminders)
            return
        }
        state.setProblems([], kind: .reminders)
    }

    func dispatch(now instant: UTCInstant, into report: inout ReminderRun.Report) async throws {
        // Between batches the lease is renewed; a daemon that lost it stops sending.
        try await run.dispatch(
            now: instant, claimSeconds: claimSeconds, clock: now, stillSender: { await holdLease() }, into: &report)
        for key in report.sent { logger.info("reminder sent", metadata: ["key": "\(key)"]) }
        for line in report.uncertain {
            logger.warning(
                "reminder sent again after an interrupted delivery; it may arrive twice (same Message-ID)",
                metadata: ["message": "\(line)"])
        }
        for key in report.withheld {
            logger.notice("reminder left to the daemon that claimed it after us", metadata: ["key": "\(key)"])
        }
        for line in report.unrecorded { logger.error("reminder delivered but not recorded as sent: \(line)") }
        for line in report.retrying { logger.warning("reminder will be retried: \(line)") }
        for line in report.failed { logger.error("reminder failed for good: \(line)") }
        let counts = try await run.store.outboxCounts()
        metrics?.outbox(counts)
        if counts[.failed] > 0 {
            let failed = try await run.store.outbox(status: .failed)
            state.setProblems(
                failed.map { HealthProblem(.mailFailed, subject: $0.recipient, $0.lastError ?? "failed") },
                replacing: .mailFailed)
        } else {
            state.setProblems([], kind: .mailFailed)
        }
    }
}
