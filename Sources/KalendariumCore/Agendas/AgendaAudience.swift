/// Who may read a members-only body's agenda: the people its kallelse goes to (those
/// who attend it, as `recipients.yaml` says) and the secretariat, which keeps it.
/// The same rule decides whose e-mail carries a token and which tokens the page accepts.
extension Body {
    public func admits(_ recipient: Recipient) -> Bool {
        recipient.roles.contains(.kansli) || ReminderPlanner.attends(recipient, self)
    }

    /// Whether the agenda and papers of its meetings need a per-person token.
    public var agendaIsRestricted: Bool { visibility == .members }
}
