import CalendarFiles
import Feeds
public import KalendariumCore
public import Logging
import Mail
public import Reminders
public import Server
public import ServiceLifecycle
import Store

/// Runs the reminder pass inside `serve`: every `interval` it decides what is due
/// (at 08:00 on working days; passes at other times decide nothing) and sends what
/// the outbox holds. Failures show on `/healthz` and in the log until they clear.
public struct ReminderService: Service {
    let run: ReminderRun
    let state: CalendarState
    let recipientsFile: String
    let interval: Duration
    let logger: Logger
    let now: @Sendable () -> UTCInstant

    public init(
        run: ReminderRun, state: CalendarState, recipientsFile: String, interval: Duration, logger: Logger,
        now: @escaping @Sendable () -> UTCInstant
    ) {
        self.run = run
        self.state = state
        self.recipientsFile = recipientsFile
        self.interval = interval
        self.logger = logger
        self.now = now
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await passOnce()
            // Graceful shutdown does not cancel a sleep by itself; this does.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One pass; never throws, so a mail outage cannot stop the daemon.
    public func passOnce() async {
        guard let published = state.published else { return }
        let people = PeopleAndItemsFiles.recipients(recipientsFile)
        if !people.errors.isEmpty {
            for error in people.errors { logger.error("\(error.description)") }
            state.setProblems(people.errors.map(\.description), tag: "recipients: ")
            return
        }
        state.setProblems([], tag: "recipients: ")
        let instant = now()
        do {
            var report = try await run.plan(
                now: instant, data: published.data, recipients: people.recipients,
                revisions: published.revisions, dryRun: false)
            try await run.dispatch(now: instant, into: &report)
            for key in report.queued { logger.info("reminder queued", metadata: ["key": "\(key)"]) }
            for key in report.sent { logger.info("reminder sent", metadata: ["key": "\(key)"]) }
            for line in report.retrying { logger.warning("reminder will be retried: \(line)") }
            for line in report.failed { logger.error("reminder failed for good: \(line)") }
            let failed = try await run.store.outbox(status: .failed)
            state.setProblems(failed.map { "\($0.recipient): \($0.lastError ?? "failed")" }, tag: "mail failed: ")
        } catch {
            logger.error("reminder pass failed: \(error)")
            state.setProblems(["reminder pass failed: \(error)"], tag: "reminders: ")
            return
        }
        state.setProblems([], tag: "reminders: ")
    }
}
