import BlockingPool
public import Feeds
import Foundation
public import KalendariumCore
public import Mail
public import Store
import Synchronization

/// One reminder pass: decide, write every decided message to the outbox, then send.
/// Nothing is sent that is not in the outbox first, and the outbox's keys keep any
/// reminder from being queued twice, however many passes or processes run.
public struct ReminderRun: Sendable {
    public let store:
        any ItemStore & OutboxStore & AgendaStore & AgendaTokenStore & MinutesStore & AnswerStore
            & PersonTokenStore
    public let transport: any MailTransport
    public let settings: MailSettings

    /// The rules come with the data (`rules.yaml`, section `reminders`).
    public init(
        store: any ItemStore & OutboxStore & AgendaStore & AgendaTokenStore & MinutesStore & AnswerStore
            & PersonTokenStore,
        transport: any MailTransport,
        settings: MailSettings
    ) {
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
        /// Messages whose earlier delivery may have reached the server (sent again now,
        /// or to be retried): each may arrive twice, with the same Message-ID.
        public var uncertain: [String] = []
        public var unaddressed: [Item] = []

        public init() {}
    }

    /// Decides and queues the reminders due at `now`. With `dryRun`, only says what it would queue.
    public func plan(
        now: UTCInstant, data: CalendarData, recipients: [Recipient], revisions: EventRevisions, dryRun: Bool
    ) async throws -> Report {
        let items = try await store.items(ItemFilter())
        let agendas = Dictionary(try await store.agendas().map { ($0.meeting, $0) }) { $1 }
        // What was sent to anyone decides which agenda version the next kallelse updates.
        let known = recipients.map { $0.email.lowercased() }
        var recordedByRecipient = try await store.recordedReminders(for: known)
        var notified: [String: Int] = [:]
        for keys in recordedByRecipient.values {
            for key in keys {
                guard let (meeting, version) = AgendaNotice.version(inKey: key) else { continue }
                notified[meeting] = max(notified[meeting] ?? 0, version)
            }
        }
        let (today, _) = StockholmTime.local(now)
        // The meetings whose answers can matter to this pass: those of the coming months
        // (the reminder to answer goes out at most 60 working days before).
        let coming = data.meetings.filter { meeting in
            meeting.schedule.firstDay.map { $0 >= today && $0 <= today.adding(days: 100) } ?? false
        }.map(\.id)
        let pass = ReminderPlanner.pass(
            now: now, items: items, data: data, recipients: recipients, rules: data.rules.reminders,
            agendas: agendas, notified: notified, minutes: try await store.allMinutes(),
            answers: try await store.answers(meetings: coming), noticed: try await store.noticesQueued(meetings: coming)
        )
        var report = Report()
        report.date = pass.date
        report.stale = pass.stale
        report.unaddressed = pass.unaddressed
        // A proposer who is not in recipients.yaml still gets the answer once.
        let knownSet = Set(known)
        let others = Set(pass.envelopes.map { $0.recipient.email.lowercased() }).subtracting(knownSet)
        if !others.isEmpty {
            recordedByRecipient.merge(try await store.recordedReminders(for: others.sorted())) { $1 }
        }
        var toSend: [ReminderPass.Envelope] = []
        for envelope in pass.envelopes {
            let recorded = recordedByRecipient[envelope.recipient.email.lowercased()] ?? []
            let fresh = envelope.reminders.filter { !recorded.contains($0.key) }
            guard !fresh.isEmpty else { continue }
            if dryRun {
                report.queued.append("\(envelope.recipient.email): " + fresh.map(\.key).joined(separator: ", "))
                continue
            }
            toSend.append(ReminderPass.Envelope(recipient: envelope.recipient, reminders: fresh))
        }
        // Each recipient's links carry their own tokens: for the pages, the answers and
        // their calendar.
        let tokens = toSend.isEmpty ? nil : AgendaTokens(secret: try await store.agendaTokenSecret())
        let calendars =
            toSend.isEmpty ? [:] : try await store.personTokens(for: toSend.map { $0.recipient.email.lowercased() })
        let versions = Array(agendas.values).latestVersions
        // Text, libical attachments and MIME are CPU work: on the thread pool, so a pass
        // never holds up requests on an event loop, a chunk at a time on every core.
        // Each chunk is queued in its own transaction as soon as it and those before it
        // are rendered, so the store writes while the next chunks render. A message is
        // recorded with its log rows, all or nothing: a pass that dies part-way leaves
        // whole messages queued, and the next pass queues the rest.
        let settings = self.settings
        let store = self.store
        let chunks = Self.chunks(toSend, size: Self.chunkSize)
        let inFlight = ProcessInfo.processInfo.activeProcessorCount + 1
        typealias Rendered = [(entry: OutboxEntry, reminderKeys: [String])]
        try await withThrowingTaskGroup(of: (Int, Rendered).self) { group in
            var started = 0
            var written = 0
            var ready: [Int: Rendered] = [:]
            while written < chunks.count {
                while started < chunks.count && started < written + inFlight {
                    let (index, chunk) = (started, chunks[started])
                    group.addTask {
                        let rendered = try await BlockingPool.run(throwing: {
                            try chunk.map { envelope -> (entry: OutboxEntry, reminderKeys: [String]) in
                                let message = try ReminderMailer.message(
                                    envelope, data: data, revisions: revisions, settings: settings, now: now,
                                    tokens: tokens, agendas: versions,
                                    calendarToken: calendars[envelope.recipient.email.lowercased()])
                                let entry = OutboxEntry(
                                    key: envelope.key, recipient: envelope.recipient.email.lowercased(),
                                    messageID: message.messageID, message: MIME.render(message), nextAttempt: now,
                                    createdAt: now)
                                return (entry, envelope.reminders.map(\.key))
                            }
                        })
                        return (index, rendered)
                    }
                    started += 1
                }
                guard let (index, rendered) = try await group.next() else { break }
                ready[index] = rendered
                while let batch = ready.removeValue(forKey: written) {
                    for ((entry, _), queued) in zip(batch, try await store.enqueue(batch)) where queued {
                        report.queued.append(entry.key)
                    }
                    written += 1
                }
            }
        }
        return report
    }

    /// Messages rendered and queued together: small enough that the store's writing
    /// overlaps the rendering, large enough that a transaction's cost is shared.
    static let chunkSize = 1000

    /// `items` in consecutive chunks of `size` (the last may be smaller), in order.
    static func chunks<T>(_ items: [T], size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: max(size, 1)).map { items[$0..<min($0 + max(size, 1), items.count)] }
    }

    /// Sends what is due in the outbox. Temporary failures wait and retry (1 min, 5 min,
    /// 30 min, 2 h, 12 h); permanent ones (5xx) and the eighth failure are marked failed.
    /// Sends in batches of `limit` (one SMTP connection each) until nothing due is left,
    /// or until `stillSender` says this daemon no longer holds the sender's lease.
    ///
    /// Delivery is at least once. Each batch is claimed for `claimSeconds` of the wall
    /// clock and the claim is renewed every third of that while the batch is sent (a
    /// heartbeat), so a sender that dies leaves its messages to the next one within
    /// `claimSeconds`, however long its batch would have taken. Just before a message is
    /// made final its claim is checked and the message noted as handed over, and the
    /// moment the server accepts it, it is recorded as sent (see `HandOver`); a message
    /// whose claim was taken is withheld. A message handed over by a sender that died
    /// before recording it is sent again, flagged uncertain.
    /// - Parameters:
    ///   - now: the pass's time, which retries are scheduled by.
    ///   - clock: the wall clock, which claims are measured by.
    public func dispatch(
        now: UTCInstant, limit: Int = 100, claimSeconds: Int = Self.defaultClaimSeconds,
        clock: @escaping @Sendable () -> UTCInstant,
        stillSender: @Sendable () async throws -> Bool = { true },
        into report: inout Report
    ) async throws {
        // Bounded: a batch either sends or reschedules every message it claims.
        for _ in 0..<10_000 {
            guard try await stillSender() else { return }
            let claimed = try await dispatchBatch(
                now: now, limit: limit, claimSeconds: claimSeconds, clock: clock, into: &report)
            if claimed == 0 { return }
        }
    }

    /// How long a claim holds without its heartbeat: the bound on how long the messages
    /// of a sender that died wait for the next one.
    public static let defaultClaimSeconds = 30

    /// One batch; returns how many messages it claimed.
    func dispatchBatch(
        now: UTCInstant, limit: Int, claimSeconds: Int, clock: @escaping @Sendable () -> UTCInstant,
        into report: inout Report
    ) async throws -> Int {
        let claimSeconds = max(claimSeconds, 2)  // whole seconds: a beat every third must land in time
        let at = clock()
        let claimed = try await store.claimDue(
            now: now, limit: limit, clock: at, claimUntil: at.adding(seconds: claimSeconds))
        guard let token = claimed.first?.claim else { return 0 }
        for entry in claimed where entry.uncertain {
            report.uncertain.append("\(entry.key) <\(entry.messageID)>")
        }
        let byMessageID = Dictionary(claimed.map { ($0.messageID, $0) }, uniquingKeysWith: { first, _ in first })
        let mails = claimed.map {
            OutgoingMail(from: settings.from.email, to: $0.recipient, messageID: $0.messageID, rendered: $0.message)
        }
        let store = self.store
        let unrecorded = Mutex<[String: String]>([:])
        let window = HandOverWindow(claimed, store: store, claimSeconds: claimSeconds, clock: clock)
        let handOver = HandOver(
            // Still ours, noted as handed over, and held for another claim period.
            prepare: { mail in try await window.prepare(messageID: mail.messageID) },
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
        let transport = self.transport
        let results = await withTaskGroup(of: [Result<Void, MailError>]?.self) { group in
            group.addTask {
                // The heartbeat: a failed renewal is tried again on the next beat; claims
                // that run out meanwhile are caught by the hand-over check.
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(claimSeconds * 1000 / 3))
                    if Task.isCancelled { break }
                    _ = try? await store.renewClaim(token, until: clock().adding(seconds: claimSeconds))
                }
                return nil
            }
            group.addTask { await transport.deliver(batch: mails, handOver: handOver) }
            var results: [Result<Void, MailError>] = []
            for await finished in group {
                if let finished {
                    results = finished
                    group.cancelAll()
                }
            }
            return results
        }
        for (key, why) in unrecorded.withLock({ $0 }) { report.unrecorded.append("\(key): \(why)") }
        for (entry, result) in zip(claimed, results) {
            switch result {
            case .success:
                report.sent.append(entry.key)  // recorded as the server accepted it
            case .failure(let error) where error.kind == .withheld:
                report.withheld.append(entry.key)
            case .failure(let error):
                let delays = [60, 300, 1800, 7200, 43_200]
                if error.uncertain { report.uncertain.append("\(entry.key) <\(entry.messageID)>: \(error.message)") }
                if error.kind == .temporary && entry.attempts < 8 {
                    let retry = now.adding(seconds: delays[min(entry.attempts - 1, delays.count - 1)])
                    _ = try await store.markFailed(
                        entry, error: error.message, retryAt: retry, uncertain: error.uncertain)
                    report.retrying.append("\(entry.recipient): \(error.message)")
                } else {
                    _ = try await store.markFailed(
                        entry, error: error.message, retryAt: nil, uncertain: error.uncertain)
                    report.failed.append("\(entry.recipient): \(error.message)")
                }
            }
        }
        return claimed.count
    }
}
