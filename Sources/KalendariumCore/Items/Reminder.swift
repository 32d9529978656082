/// One thing one person should be told.
public struct Reminder: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// An item due in `daysLeft` days.
        case itemDue(Item, daysLeft: Int)
        case itemOverdue(Item, daysLate: Int)
        /// A meeting's notice with the body's open items.
        case agenda(Meeting, openItems: [Item])
        /// The daily digest: every open item of the person's bodies.
        case digest(openItems: [Item])
    }

    /// Identifies the reminder across runs and machines: never sent twice under one key.
    public let key: String
    public let recipient: Recipient
    public let subject: Subject
}
