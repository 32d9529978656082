public import KalendariumCore

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
