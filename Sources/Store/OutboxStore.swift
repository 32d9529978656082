public import KalendariumCore

/// The reminder outbox: every message is written here before it is sent, and its
/// claims, hand-overs and results are recorded here, so a reminder goes out once
/// however many passes, processes or daemons run.
public protocol OutboxStore: Sendable {
    /// Records reminders as decided and queues their message, in one transaction.
    /// Reminders (by key and recipient) already recorded are left out; returns false
    /// when nothing was left to queue.
    func enqueue(_ entry: OutboxEntry, reminderKeys: [String]) async throws -> Bool
    /// The same for many messages in one transaction (a pass queues all of its mail at once).
    func enqueue(_ batch: [(entry: OutboxEntry, reminderKeys: [String])]) async throws -> [Bool]
    /// Reminder keys already recorded for each of `recipients` (one query for a whole
    /// pass, not one per person); a recipient with none is left out.
    func recordedReminders(for recipients: [String]) async throws -> [String: Set<String>]
    /// When each person's first kallelse to each of `meetings` was queued (reminder keys
    /// `meeting:ID:agenda:…`), by meeting and recipient, so the reminder to answer and
    /// the quorum warning never come on the same day as the kallelse.
    func noticesQueued(meetings: [String]) async throws -> [String: [String: UTCInstant]]
    /// Takes up to `limit` messages due for sending and claims them for this sender
    /// until `claimUntil`, so no other sender takes them meanwhile. Due are pending
    /// messages whose `nextAttempt` has come by `now` (the pass's time) and claimed ones
    /// whose claim ran out by `clock` (the wall clock: a sender that died). Each claimed
    /// entry carries a fresh `claim` token. A message whose previous claim ended after it
    /// was handed over (its end of data written, no answer recorded) may have been
    /// delivered already: it is flagged `uncertain` before it is sent again.
    func claimDue(
        now: UTCInstant, limit: Int, clock: UTCInstant, claimUntil: UTCInstant
    ) async throws
        -> [OutboxEntry]
    /// The heartbeat of a working sender: extends every message still claimed with
    /// `claim` to `until`. Returns how many it extended.
    func renewClaim(_ claim: String, until: UTCInstant) async throws -> Int
    /// Just before the claimed `entry` is made final (SMTP's end-of-data dot): records
    /// that it is being handed over and extends its claim to `until`. Returns false,
    /// changing nothing, when the claim was lost: the caller must then not send it.
    func handOver(_ entry: OutboxEntry, until: UTCInstant) async throws -> Bool
    /// `handOver(_:until:)` for several claimed entries in one transaction, so a sender
    /// pays for one commit per window of messages, not one per message. Returns the keys
    /// of those handed over; the others' claims were lost, and they must not be sent.
    func handOver(_ entries: [OutboxEntry], until: UTCInstant) async throws -> Set<String>
    /// Records that the server accepted the claimed `entry`. Returns false and changes
    /// nothing when the claim is no longer this sender's (it ran out and another sender
    /// claimed the message, which will send it again as uncertain).
    func markSent(_ entry: OutboxEntry, at: UTCInstant) async throws -> Bool
    /// Records a failed attempt at the claimed `entry`: due again at `retryAt`, or failed
    /// for good when nil. `uncertain` when the server may have it all the same (the
    /// connection broke after the end of data). Returns false, changing nothing, when
    /// the claim was lost.
    func markFailed(_ entry: OutboxEntry, error: String, retryAt: UTCInstant?, uncertain: Bool) async throws -> Bool
    /// How many messages are in each state, and how many are flagged uncertain.
    func outboxCounts() async throws -> OutboxCounts
    func outbox(status: OutboxEntry.Status?) async throws -> [OutboxEntry]
}

extension OutboxStore {
    /// Reminder keys already recorded for `recipient`.
    public func recordedReminders(for recipient: String) async throws -> Set<String> {
        try await recordedReminders(for: [recipient])[recipient] ?? []
    }
}
