/// What `/healthz` says about a daemon that shares its database with others.
public struct NodeRole: Sendable, Equatable {
    /// The name it holds leases and publishes calendars under.
    public var name: String
    /// Whether it holds the lease to plan and send reminders now.
    public var sendsReminders: Bool

    public init(name: String, sendsReminders: Bool) {
        self.name = name
        self.sendsReminders = sendsReminders
    }
}
