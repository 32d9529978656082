/// Everything one pass decides, for one moment.
public struct ReminderPass: Sendable {
    /// The Stockholm date of the pass, or nil when `now` is not a sending time.
    public let date: LocalDate?
    /// What to send, one envelope per recipient.
    public let envelopes: [Envelope]
    /// Reminders no longer worth sending after downtime (the due date or meeting has
    /// passed, or a later reminder for the same item replaces them), by key.
    public let stale: [String]
    /// Items that concern nobody in the recipients file.
    public let unaddressed: [Item]

    /// One e-mail: all reminders due for one person in this pass.
    public struct Envelope: Hashable, Sendable {
        public let recipient: Recipient
        public let reminders: [Reminder]

        public init(recipient: Recipient, reminders: [Reminder]) {
            self.recipient = recipient
            self.reminders = reminders
        }

        /// Stable across runs: the outbox's key and the Message-ID are made from it.
        public var key: String {
            "\(recipient.email.lowercased())|" + reminders.map(\.key).sorted().joined(separator: "|")
        }
    }
}
