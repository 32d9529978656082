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

/// A named lease: who has it and until when.
public struct Lease: Hashable, Sendable {
    public let holder: String
    public let until: UTCInstant

    public init(holder: String, until: UTCInstant) {
        self.holder = holder
        self.until = until
    }
}

/// The calendar as one daemon published it, so every daemon serves the same feeds:
/// the files of `calendars/`, and the revisions and instant the feeds were built with
/// (so the feeds are byte for byte the same on every node, ETags included).
public struct CalendarSnapshot: Hashable, Sendable {
    public var generation: Int64
    /// Path inside `calendars/` (`2021.yaml`, `external/x.ics`) to its text.
    public var files: [String: String]
    /// A hash of `files`, to tell "the same data" at a glance.
    public var contentHash: String
    /// The newest modification time among the files: the newest edit wins.
    public var editedAt: UTCInstant
    /// The instant the feeds were built as of.
    public var builtAt: UTCInstant
    /// The feeds' event revisions, as JSON (the store does not interpret them).
    public var revisions: String
    /// The daemon that published it.
    public var origin: String

    public init(
        generation: Int64 = 0, files: [String: String], contentHash: String, editedAt: UTCInstant,
        builtAt: UTCInstant, revisions: String, origin: String
    ) {
        self.generation = generation
        self.files = files
        self.contentHash = contentHash
        self.editedAt = editedAt
        self.builtAt = builtAt
        self.revisions = revisions
        self.origin = origin
    }
}

public struct ItemFilter: Sendable {
    public var body: String?
    public var owner: Owner?
    public var statuses: Set<Item.Status>?
    public var dueBefore: LocalDate?

    public init(
        body: String? = nil, owner: Owner? = nil, statuses: Set<Item.Status>? = nil, dueBefore: LocalDate? = nil
    ) {
        self.body = body
        self.owner = owner
        self.statuses = statuses
        self.dueBefore = dueBefore
    }

    public func matches(_ item: Item) -> Bool {
        if let body, item.body != body { return false }
        if let owner, !item.owners.contains(owner) { return false }
        if let statuses, !statuses.contains(item.status) { return false }
        if let dueBefore { guard let due = item.due, due < dueBefore else { return false } }
        return true
    }
}

/// A change to an item; nil fields stay as they are.
public struct ItemChange: Sendable {
    public var title: String?
    public var description: String?
    public var owners: [Owner]?
    public var due: LocalDate??
    public var status: Item.Status?
    /// The note for the history ("Pågår", "Utskickat via mejl den 16 november").
    public var note: String?

    public init(
        title: String? = nil, description: String? = nil, owners: [Owner]? = nil, due: LocalDate?? = nil,
        status: Item.Status? = nil, note: String? = nil
    ) {
        self.title = title
        self.description = description
        self.owners = owners
        self.due = due
        self.status = status
        self.note = note
    }
}

/// One message in the outbox.
public struct OutboxEntry: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, sending, sent, failed
    }

    /// The envelope's key (recipient and reminder keys): unique.
    public let key: String
    public let recipient: String
    public let messageID: String
    /// The whole message, rendered once, so every attempt sends the same bytes.
    public let message: String
    public var status: Status
    public var attempts: Int
    public var nextAttempt: UTCInstant
    public var lastError: String?
    public let createdAt: UTCInstant
    public var sentAt: UTCInstant?
    /// The token of the claim that leased it to a sender; every later change must show it.
    public var claim: String?
    /// Until when the claim holds (wall clock); renewed by the sender's heartbeat.
    public var claimedUntil: UTCInstant?
    /// The message may have reached its server before: an earlier attempt ended after
    /// its end of data was written and before the server's answer was recorded. It is
    /// sent again (at least once beats never), with the same Message-ID, so a mail
    /// client that drops duplicates drops it.
    public var uncertain: Bool

    public init(
        key: String, recipient: String, messageID: String, message: String, status: Status = .pending,
        attempts: Int = 0,
        nextAttempt: UTCInstant, lastError: String? = nil, createdAt: UTCInstant, sentAt: UTCInstant? = nil,
        claim: String? = nil, claimedUntil: UTCInstant? = nil, uncertain: Bool = false
    ) {
        self.claim = claim
        self.claimedUntil = claimedUntil
        self.uncertain = uncertain
        self.key = key
        self.recipient = recipient
        self.messageID = messageID
        self.message = message
        self.status = status
        self.attempts = attempts
        self.nextAttempt = nextAttempt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}

/// The outbox at a glance, for `remind --status`, `/metrics` and `/healthz`.
public struct OutboxCounts: Hashable, Sendable {
    public var byStatus: [OutboxEntry.Status: Int]
    /// Messages flagged uncertain (see `OutboxEntry.uncertain`), whatever their status.
    public var uncertain: Int

    public init(byStatus: [OutboxEntry.Status: Int] = [:], uncertain: Int = 0) {
        self.byStatus = byStatus
        self.uncertain = uncertain
    }

    public subscript(status: OutboxEntry.Status) -> Int { byStatus[status] ?? 0 }
}

/// A store error a person can act on.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    /// Worth trying again later (HTTP 503): the database did not answer in time, or
    /// cannot be written now (a full disk, a lock held too long).
    public let unavailable: Bool
    /// The disk under the database is full: space, not a setting, is what is missing.
    public let diskFull: Bool

    public init(_ description: String, unavailable: Bool = false, diskFull: Bool = false) {
        self.description = description
        self.unavailable = unavailable || diskFull
        self.diskFull = diskFull
    }
}
