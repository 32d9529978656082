import AsyncAlgorithms
public import KalendariumCore
public import Logging
import Mail
public import Reminders
public import Server
public import ServiceLifecycle

/// Reads the answers maildir (`mail-in`) inside `serve`, every `interval`: calendar
/// apps' replies to the kallelse become answers, the rest is moved aside and logged
/// with the reason (``AnswerInbox``). A maildir or store that fails shows on `/healthz`
/// until a read succeeds; what could not be read stays for the next one.
///
/// Every daemon given a maildir reads its own: the maildir is where this machine's MTA
/// delivers, and the answers go to the shared store.
public struct AnswerInboxService: Service {
    let inbox: AnswerInbox
    let state: CalendarState
    let interval: Duration
    let logger: Logger
    let now: @Sendable () -> UTCInstant

    public init(
        inbox: AnswerInbox, state: CalendarState, interval: Duration, logger: Logger,
        now: @escaping @Sendable () -> UTCInstant
    ) {
        self.inbox = inbox
        self.state = state
        self.interval = interval
        self.logger = logger
        self.now = now
    }

    public func run() async throws {
        logger.info("reading answers", metadata: ["maildir": "\(inbox.inbox.directory)"])
        if !Task.isShuttingDownGracefully { await readOnce() }
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            await readOnce()
        }
    }

    /// One read; never throws, so a bad maildir cannot stop the daemon.
    public func readOnce() async {
        guard let published = state.published else { return }
        let report: InboxReport
        do {
            report = try await inbox.read(data: published.data, recipients: published.recipients, now: now())
        } catch {
            logger.error("cannot read the answers maildir: \(error.message)")
            state.setProblems(["cannot read the answers maildir: \(error.message)"], kind: .answers)
            return
        }
        for file in report.recorded { logger.info("answer recorded", metadata: ["file": "\(file)"]) }
        for unmatched in report.unmatched {
            logger.warning(
                "answer not matched, moved aside for the secretariat",
                metadata: ["file": "\(unmatched.file)", "reason": "\(unmatched.reason)"])
        }
        for failure in report.failed {
            logger.error(
                "answer not read, left for the next read",
                metadata: ["file": "\(failure.file)", "error": "\(failure.error)"])
        }
        for problem in report.problems { logger.error("answers maildir: \(problem)") }
        state.setProblems(
            report.failed.map { "\($0.file): \($0.error)" } + report.problems, kind: .answers)
    }
}
