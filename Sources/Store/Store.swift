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
    /// Reminder keys already recorded for `recipient`.
    func recordedReminders(for recipient: String) async throws -> Set<String>
    /// Takes up to `limit` messages due for sending, leasing them until `leaseUntil`
    /// so no other sender takes them meanwhile; an expired lease (a crashed sender)
    /// makes a message due again.
    func claimDue(now: UTCInstant, limit: Int, leaseUntil: UTCInstant) async throws -> [OutboxEntry]
    func markSent(_ key: String, at: UTCInstant) async throws
    func markSent(_ keys: [String], at: UTCInstant) async throws
    func markFailed(_ key: String, error: String, retryAt: UTCInstant?) async throws
    func outbox(status: OutboxEntry.Status?) async throws -> [OutboxEntry]
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

    public init(
        key: String, recipient: String, messageID: String, message: String, status: Status = .pending,
        attempts: Int = 0,
        nextAttempt: UTCInstant, lastError: String? = nil, createdAt: UTCInstant, sentAt: UTCInstant? = nil
    ) {
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

/// A store error a person can act on.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
