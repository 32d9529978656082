public import KalendariumCore

/// Everything Kalendarium must remember between runs: outstanding items with their
/// history, and the reminder outbox. One protocol, so SQLite (the embedded default)
/// and PostgreSQL (several machines) are interchangeable and share one test suite.
public protocol Store: Sendable {
    // MARK: Items
    func addItem(_ item: Item) async throws -> Item
    func item(id: Int64) async throws -> Item?
    func items(_ filter: ItemFilter) async throws -> [Item]
    /// Applies `change`, recording a dated note in the item's history when the status changes.
    func updateItem(id: Int64, _ change: ItemChange, on date: LocalDate) async throws -> Item

    // MARK: Outbox
    /// Records reminders as decided and queues their message, in one transaction.
    /// Reminders (by key and recipient) already recorded are left out; returns false
    /// when nothing was left to queue.
    func enqueue(_ entry: OutboxEntry, reminderKeys: [String]) async throws -> Bool
    /// The same for many messages in one transaction (a pass queues all of its mail at once).
    func enqueue(_ batch: [(entry: OutboxEntry, reminderKeys: [String])]) async throws -> [Bool]
    /// Reminder keys already recorded for each of `recipients` (one query for a whole
    /// pass, not one per person); a recipient with none is left out.
    func recordedReminders(for recipients: [String]) async throws -> [String: Set<String>]
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

    // MARK: Coordination between daemons on one database
    /// Takes or renews the lease `name` for `holder` until `until`, when it is free,
    /// expired at `now`, or already `holder`'s. Returns whether `holder` has it.
    func acquireLease(_ name: String, holder: String, now: UTCInstant, until: UTCInstant) async throws -> Bool
    /// Gives the lease up at once (a clean shutdown), if `holder` has it.
    func releaseLease(_ name: String, holder: String) async throws
    /// Who holds the lease `name` and until when; nil when nobody ever took it.
    func lease(_ name: String) async throws -> Lease?

    /// The newest published calendar, or nil before the first.
    func latestCalendar() async throws -> CalendarSnapshot?
    /// The newest generation (0 before the first): a cheap look for pollers.
    func calendarGeneration() async throws -> Int64
    /// Publishes `snapshot` as the next generation if the newest is still `generation`
    /// (0: none yet). Returns the new generation, or nil when another daemon published
    /// first; the caller then reads the newest and decides again.
    func publishCalendar(_ snapshot: CalendarSnapshot, after generation: Int64) async throws -> Int64?
}

extension Store {
    /// Reminder keys already recorded for `recipient`.
    public func recordedReminders(for recipient: String) async throws -> Set<String> {
        try await recordedReminders(for: [recipient])[recipient] ?? []
    }
}
