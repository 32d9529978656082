public import Feeds
public import KalendariumCore
public import Mail
public import Store
import Synchronization

/// One reminder pass: decide, write every decided message to the outbox, then send.
/// Nothing is sent that is not in the outbox first, and the outbox's keys keep any
/// reminder from being queued twice, however many passes or processes run.
public struct ReminderRun: Sendable {
    public let store: any Store
    public let transport: any MailTransport
    public let settings: MailSettings

    /// The rules come with the data (`rules.yaml`, section `reminders`).
    public init(store: any Store, transport: any MailTransport, settings: MailSettings) {
        self.store = store
        self.transport = transport
        self.settings = settings
    }

    public struct Report: Sendable {
        public var date: LocalDate?
        public var queued: [String] = []
        public var sent: [String] = []
        public var failed: [String] = []
        public var retrying: [String] = []
        public var stale: [String] = []
        /// Messages not sent because another sender took them over.
        public var withheld: [String] = []
        /// Messages delivered whose record as sent failed: they may go out again.
        public var unrecorded: [String] = []
        public var unaddressed: [Item] = []
    }

    /// Decides and queues the reminders due at `now`. With `dryRun`, only says what it would queue.
    public func plan(
        now: UTCInstant, data: CalendarData, recipients: [Recipient], revisions: EventRevisions, dryRun: Bool
    ) async throws -> Report {
        let items = try await store.items(ItemFilter())
        let pass = ReminderPlanner.pass(
            now: now, items: items, data: data, recipients: recipients, rules: data.rules.reminders)
        var report = Report(date: pass.date, stale: pass.stale, unaddressed: pass.unaddressed)
        var batch: [(entry: OutboxEntry, reminderKeys: [String])] = []
        let recordedByRecipient = try await store.recordedReminders(
            for: pass.envelopes.map { $0.recipient.email.lowercased() })
        for envelope in pass.envelopes {
            let recorded = recordedByRecipient[envelope.recipient.email.lowercased()] ?? []
            let fresh = envelope.reminders.filter { !recorded.contains($0.key) }
            guard !fresh.isEmpty else { continue }
            let trimmed = ReminderPass.Envelope(recipient: envelope.recipient, reminders: fresh)
            if dryRun {
                report.queued.append("\(envelope.recipient.email): " + fresh.map(\.key).joined(separator: ", "))
                continue
            }
            let message = try ReminderMailer.message(
                trimmed, data: data, revisions: revisions, settings: settings, now: now)
            let entry = OutboxEntry(
                key: trimmed.key, recipient: envelope.recipient.email.lowercased(),
                messageID: message.messageID, message: MIME.render(message), nextAttempt: now, createdAt: now)
            batch.append((entry, fresh.map(\.key)))
        }
        // One transaction for the whole pass: all of it is recorded, or none.
        for ((entry, _), queued) in zip(batch, try await store.enqueue(batch)) where queued {
            report.queued.append(entry.key)
        }
        return report
    }

    /// Sends what is due in the outbox. Temporary failures wait and retry (1 min, 5 min,
    /// 30 min, 2 h, 12 h); permanent ones (5xx) and the eighth failure are marked failed.
    /// Sends in batches of `limit` (one SMTP connection each) until nothing due is left,
    /// or until `stillSender` says this daemon no longer holds the sender's lease.
    ///
    /// Each batch is claimed for `claimSeconds`. Just before the transport makes a
    /// message final its claim is extended, and straight after, it is recorded as sent
    /// (see `HandOver`); if its claim has run out and another sender has taken it, it is
    /// withheld instead, so it goes out once.
    /// - Parameter clock: the time claims are made at (the wall clock in the daemon;
    ///   `now` when a pass runs as of a given time).
    public func dispatch(
        now: UTCInstant, limit: Int = 100, claimSeconds: Int = 600,
        clock: (@Sendable () -> UTCInstant)? = nil,
        stillSender: @Sendable () async throws -> Bool = { true },
        into report: inout Report
    ) async throws {
        // Bounded: a batch either sends or reschedules every message it claims.
        for _ in 0..<10_000 {
            guard try await stillSender() else { return }
            let at = clock?() ?? now
            if try await dispatchBatch(now: at, limit: limit, claimSeconds: claimSeconds, into: &report) == 0 {
                return
            }
        }
    }

    /// One batch; returns how many messages it claimed.
    func dispatchBatch(now: UTCInstant, limit: Int, claimSeconds: Int, into report: inout Report) async throws -> Int {
        let claimed = try await store.claimDue(now: now, limit: limit, leaseUntil: now.adding(seconds: claimSeconds))
        let byMessageID = Dictionary(claimed.map { ($0.messageID, $0) }, uniquingKeysWith: { first, _ in first })
        let mails = claimed.map {
            OutgoingMail(from: settings.from.email, to: $0.recipient, messageID: $0.messageID, rendered: $0.message)
        }
        let store = self.store
        let unrecorded = Mutex<[String: String]>([:])
        let handOver = HandOver(
            prepare: { mail in
                // Still ours, and held for another claim period while the dot goes out.
                guard let entry = byMessageID[mail.messageID],
                    try await store.extendClaim(entry, until: now.adding(seconds: claimSeconds))
                else { throw ClaimLost(messageID: mail.messageID) }
            },
            delivered: { mail in
                guard let entry = byMessageID[mail.messageID] else { return }
                do {
                    if try await !store.markSent(entry, at: now) {
                        unrecorded.withLock { $0[entry.key] = "its claim was taken over while it was sent" }
                    }
                } catch {
                    unrecorded.withLock { $0[entry.key] = "\(error)" }
                }
            })
        let results = await transport.deliver(batch: mails, handOver: handOver)
        for (key, why) in unrecorded.withLock({ $0 }) { report.unrecorded.append("\(key): \(why)") }
        for (entry, result) in zip(claimed, results) {
            switch result {
            case .success:
                report.sent.append(entry.key)  // recorded as the dot went out
            case .failure(let error) where error.kind == .withheld:
                report.withheld.append(entry.key)
            case .failure(let error):
                let delays = [60, 300, 1800, 7200, 43_200]
                if error.kind == .temporary && entry.attempts < 8 {
                    let retry = now.adding(seconds: delays[min(entry.attempts - 1, delays.count - 1)])
                    _ = try await store.markFailed(entry, error: error.message, retryAt: retry)
                    report.retrying.append("\(entry.recipient): \(error.message)")
                } else {
                    _ = try await store.markFailed(entry, error: error.message, retryAt: nil)
                    report.failed.append("\(entry.recipient): \(error.message)")
                }
            }
        }
        return claimed.count
    }
}

/// A message's claim ran out and another sender took it: this one must not send it.
struct ClaimLost: Error, CustomStringConvertible {
    let messageID: String
    var description: String { "another sender has claimed <\(messageID)>" }
}
